/**
 * The `history` argument (SPEC §2 过往均值): one number is a ready baseline; a range is daily
 * GMV averaged like AVERAGE — blanks ignored, zeros counted, the mean rounded to 0.01 — so the
 * formula and the settlement sheet agree on every merchant's baseline.
 */
import { addFen, meanFen, type Fen, type FenSum } from '../core/money';
import { moneyAt, type Grid } from './args';

/** The baseline for row `row` of day_gmv, or null when that history has no figure at all. */
export type BaselineOf = (row: number) => Fen | null;

/**
 * With as many history rows as day_gmv rows, row i of day_gmv uses row i of history (one
 * merchant per row); otherwise the whole history range is one merchant's baseline for every cell.
 */
export function baselines(fn: string, history: Grid, dayGmv: Grid): BaselineOf {
  if (history.rows === dayGmv.rows && history.rows > 1) {
    const byRow: (Fen | null | undefined)[] = [];
    return (row) => {
      let baseline = byRow[row];
      if (baseline === undefined) baseline = byRow[row] = average(fn, history, row, row + 1);
      return baseline;
    };
  }
  let whole: Fen | null | undefined;
  return () => (whole === undefined ? (whole = average(fn, history, 0, history.rows)) : whole);
}

/** Mean of the figures in rows [from, to) of history; a bad cell is an error, never skipped. */
function average(fn: string, history: Grid, from: number, to: number): Fen | null {
  let sumFen: FenSum = 0;
  let days = 0;
  for (let r = from; r < to; r++) {
    for (let c = 0; c < history.columns; c++) {
      // A net-of-refunds day may be negative, and it still counts towards the mean.
      const fen = moneyAt(fn, history, r, c, true);
      if (fen === null) continue;
      sumFen = addFen(sumFen, fen);
      days += 1;
    }
  }
  return days === 0 ? null : meanFen(sumFen, days);
}
