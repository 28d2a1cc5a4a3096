/**
 * The shape all the per-day functions share: each cell of day_gmv with the baseline of its row.
 * Blank in → blank out: a blank GMV, or a row whose history has no figure, gives "".
 */
import type { Fen } from '../core/money';
import { mapCells, moneyAt, toGrid, type Grid, type SheetArg, type SheetValue } from './args';
import { baselines } from './baseline';

export interface Day {
  gmvFen: Fen;
  baselineFen: Fen;
  row: number;
  column: number;
}

export function mapDays(
  fn: string,
  dayGmv: Grid,
  history: SheetArg,
  each: (day: Day) => SheetValue,
): SheetValue | SheetValue[][] {
  const baselineOf = baselines(fn, toGrid('history', history), dayGmv);
  return mapCells(dayGmv, (_cell, row, column) => {
    // Net of refunds a day's GMV may be negative; it then simply does not qualify (SPEC §4).
    const gmvFen = moneyAt(fn, dayGmv, row, column, true);
    if (gmvFen === null) return '';
    const baselineFen = baselineOf(row);
    if (baselineFen === null) return '';
    return each({ gmvFen, baselineFen, row, column });
  });
}
