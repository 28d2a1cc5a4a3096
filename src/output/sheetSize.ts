/**
 * How much of a spreadsheet a settlement takes. Google Sheets holds at most 10 million cells in
 * one spreadsheet, and counts every sheet's whole grid, empty cells included: max rows × max
 * columns. The server checks this before inserting any sheet, and the sidebar predicts the same
 * figure before it sends anything, both with these functions.
 */
import type { SheetBlock } from './sheetTables';
import { LINE_COLUMNS } from './tables';

/** Google Sheets' limit per spreadsheet (Sheets help: "Files you can store in Google Drive"). */
export const SHEETS_MAX_CELLS = 10000000;

/** insertSheet makes a 1000 × 26 grid; it exists at that size until the writer resizes it. */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;

export interface Grid {
  rows: number;
  columns: number;
}

/** The lines sheet: the header row and one row per line, exactly its columns. */
export function linesGrid(lines: number): Grid {
  return { rows: lines + 1, columns: LINE_COLUMNS.length };
}

/** A sheet that holds exactly this block. */
export function blockGrid(block: SheetBlock): Grid {
  return { rows: block.values.length, columns: block.values.reduce((widest, row) => Math.max(widest, row.length), 1) };
}

export function cellsOf(grid: Grid): number {
  return grid.rows * grid.columns;
}

/**
 * Cells a settlement adds at its peak: the lines sheet, then the summary, which is a default
 * 1000 × 26 grid for a moment before it is sized (the writer sizes columns before rows, so a
 * sheet never holds more than the larger of its default and final grids).
 */
export function cellsAdded(lines: Grid, summary: Grid): number {
  return cellsOf(lines) + Math.max(cellsOf(summary), NEW_SHEET_ROWS * NEW_SHEET_COLUMNS);
}

/**
 * Cells a run adds at its peak (SPEC §7): its lines and summary, a true-up's third sheet, and the
 * register of runs when the spreadsheet has none yet — each new sheet a 1000 × 26 grid until sized.
 */
export function runCellsAdded(lines: Grid, summary: Grid, trueUp: Grid | undefined, registerExists: boolean): number {
  const newGrid = NEW_SHEET_ROWS * NEW_SHEET_COLUMNS;
  return cellsAdded(lines, summary) + (trueUp ? Math.max(cellsOf(trueUp), newGrid) : 0) + (registerExists ? 0 : newGrid);
}

export interface CellBudget {
  existing: number;
  added: number;
  fits: boolean;
}

export function cellBudget(existing: number, added: number): CellBudget {
  return { existing, added, fits: existing + added <= SHEETS_MAX_CELLS };
}
