/**
 * The sheet operations of a settlement write, each a fixed number of SpreadsheetApp calls
 * whatever the number of rows (a test counts them):
 *   "Settlement 2025-11-11 #1"          the lines: one header row, frozen, a filter over the table;
 *   "Settlement 2025-11-11 #1 summary"  totals, run record, issues, per-merchant rows.
 * The summary has its own sheet because a filter hides whole rows: anything beside or under the
 * lines would vanish or be sorted when finance filters the lines.
 *
 * Each sheet is sized to its own table, because Sheets counts every cell of every grid against
 * its 10 million: the lines sheet has exactly its columns and rows, the summary its own.
 */
import { LINE_COLUMNS } from '../output/tables';
import type { Grid } from '../output/sheetSize';
import { SHEET_FORMATS, type SheetBlock, type SheetValue } from '../output/sheetTables';
import { formatOf } from '../output/tables';
import { guardTextCells } from '../output/sheetText';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * A new sheet at `index` (0 = first tab) with exactly `grid`: columns are fitted before rows, so
 * the sheet never holds more cells than the larger of its default and final grids.
 */
export function insertSizedSheet(spreadsheet: Spreadsheet, name: string, grid: Grid, index: number): Sheet {
  const sheet = spreadsheet.insertSheet(name, index);
  const columns = sheet.getMaxColumns();
  if (columns > grid.columns) sheet.deleteColumns(grid.columns + 1, columns - grid.columns);
  else if (columns < grid.columns) sheet.insertColumnsAfter(columns, grid.columns - columns);
  const rows = sheet.getMaxRows();
  if (rows > grid.rows) sheet.deleteRows(grid.rows + 1, rows - grid.rows);
  else if (rows < grid.rows) sheet.insertRowsAfter(rows, grid.rows - rows);
  return sheet;
}

/**
 * Rows of cells from `row` down, in one setValues. Text goes through the guard so nothing pasted
 * becomes a formula; values are written before any format, as the guard's apostrophe means
 * "store as text" only while a cell is not yet formatted as plain text.
 */
export function writeRows(sheet: Sheet, row: number, values: SheetValue[][]): void {
  if (values.length === 0) return;
  sheet.getRange(row, 1, values.length, values[0].length).setValues(guardTextCells(values));
}

/** Rows with a format per cell (the summary: its sections differ row by row), from `row` down. */
export function writeBlock(sheet: Sheet, row: number, block: SheetBlock): void {
  if (block.values.length === 0) return;
  writeRows(sheet, row, block.values);
  sheet.getRange(row, 1, block.formats.length, block.formats[0].length).setNumberFormats(block.formats);
}

/** Runs of neighbouring line columns that share a format: one setNumberFormat each. */
const LINE_FORMAT_RUNS: { column: number; columns: number; format: string }[] = LINE_COLUMNS.reduce(
  (runs, c, i) => {
    const format = formatOf(c);
    const last = runs[runs.length - 1];
    if (last && last.format === format) last.columns += 1;
    else runs.push({ column: i + 1, columns: 1, format });
    return runs;
  },
  [] as { column: number; columns: number; format: string }[],
);

/**
 * Once every line is in: formats by column range (not a format per cell, which would send as much
 * again as the values), the header frozen and a filter over exactly the table.
 */
export function finishLinesSheet(sheet: Sheet, lines: number): void {
  sheet.getRange(1, 1, 1, LINE_COLUMNS.length).setNumberFormat(SHEET_FORMATS.text);
  if (lines > 0) LINE_FORMAT_RUNS.forEach((run) => sheet.getRange(2, run.column, lines, run.columns).setNumberFormat(run.format));
  sheet.getRange(1, 1, lines + 1, LINE_COLUMNS.length).createFilter();
  sheet.setFrozenRows(1);
}

/** Cells the spreadsheet's grids hold now: what Sheets counts against its 10 million. */
export function gridCells(spreadsheet: Spreadsheet): number {
  return spreadsheet.getSheets().reduce((cells, sheet) => cells + sheet.getMaxRows() * sheet.getMaxColumns(), 0);
}
