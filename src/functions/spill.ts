/**
 * A table a function returns, and the one-cell arguments the table functions take: what the
 * SETTLEMENT and what-if functions share.
 */
import type { Read } from '../input/whatIfArgs';
import { sheetValue } from '../output/sheetTables';
import type { Column } from '../output/tables';
import type { Cell } from '../input/number';
import { cellAt, oneCell, position, toGrid, type Grid, type SheetArg, type SheetValue } from './args';

/** The English headings, then one row per item; a custom function's result cannot carry formats, so dates are text. */
export function spilledTable<T>(columns: Column<T>[], rows: T[]): SheetValue[][] {
  const header: SheetValue[] = columns.map((column) => column.en);
  return [header].concat(rows.map((row) => columns.map((column) => sheetValue(column.kind, column.value(row, 'en'), 'text'))));
}

/** A cell read by a what-if reader; its error names the function, the argument and the cell. */
export function readAt<T>(fn: string, grid: Grid, row: number, column: number, read: (cell: Cell) => Read<T>): T | undefined {
  const result = read(cellAt(grid, row, column));
  if (result.kind === 'error') throw new Error(`${fn}: ${position(grid, row, column)}: ${result.text.en} / ${result.text.zh}`);
  return result.kind === 'value' ? result.value : undefined;
}

/** An optional argument that must be one cell; undefined when left out or blank. */
export function readOneCell<T>(fn: string, name: string, arg: SheetArg | undefined, read: (cell: Cell) => Read<T>): T | undefined {
  const grid = toGrid(name, arg === undefined || arg === null ? '' : arg);
  oneCell(fn, grid);
  return readAt(fn, grid, 0, 0, read);
}
