/**
 * A sheet's content as what approval fixes and Verify checks (SPEC §7: "an approved run is never
 * edited"): every cell of its grid, value or formula, read back from Sheets — so an edit in the
 * UI, by a script or by a paste is seen the same way. The checksum is SHA-256 over the cells in
 * blocks of rows (a hash chain, so a 150,000-line sheet is never one string); the comparison with
 * the approved copy names each cell that differs. Number formats and sheet names are not content:
 * renaming a sheet or widening a column changes no figure.
 */
import { CELLS_PER_CALL } from '../protocol/limits';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Sha256 = (text: string) => string;

/** A cell as one comparable token: its formula if it has one, else its value with its type. */
function token(value: unknown, formula: string): string {
  if (formula) return 'F:' + formula;
  if (Object.prototype.toString.call(value) === '[object Date]') return 'D:' + (value as Date).toISOString();
  if (typeof value === 'number') return 'N:' + String(value);
  if (typeof value === 'boolean') return 'B:' + String(value);
  return 'S:' + String(value === null || value === undefined ? '' : value);
}

/** Rows of a sheet in blocks of at most CELLS_PER_CALL cells, each as tokens. */
function eachBlock(sheet: Sheet, onBlock: (firstRow: number, tokens: string[][]) => void): void {
  const rows = sheet.getMaxRows();
  const columns = sheet.getMaxColumns();
  const perBlock = Math.max(1, Math.floor(CELLS_PER_CALL / columns));
  for (let first = 1; first <= rows; first += perBlock) {
    const range = sheet.getRange(first, 1, Math.min(perBlock, rows - first + 1), columns);
    const values = range.getValues();
    const formulas = range.getFormulas();
    onBlock(first, values.map((row, r) => row.map((value, c) => token(value, formulas[r][c]))));
  }
}

/** SHA-256 of a sheet's grid: its size and every cell. */
export function sheetChecksum(sheet: Sheet, sha256: Sha256): string {
  let chain = sha256(`${sheet.getMaxRows()}x${sheet.getMaxColumns()}`);
  eachBlock(sheet, (_, tokens) => (chain = sha256(chain + sha256(JSON.stringify(tokens)))));
  return chain;
}

/** One checksum for a run's sheets, in their order (lines, summary, true-up). */
export function sheetsChecksum(sheets: Sheet[], sha256: Sha256): string {
  return sha256(sheets.map((sheet) => sheetChecksum(sheet, sha256)).join('\n'));
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export interface CellChange {
  /** A1 of the cell, on the live sheet. */
  a1: string;
  before: string;
  after: string;
}

export interface SheetChanges {
  /** Every cell that differs (only the first `listed` are kept). */
  count: number;
  changes: CellChange[];
  /** Rows or columns added or removed since approval, in words. */
  resized?: string;
}

/** What a token shows a person: the value or formula without its type mark. */
function shown(tokenText: string | undefined): string {
  return tokenText === undefined ? '' : tokenText.slice(2);
}

/** The cells of `live` that differ from `approved` (its copy made at approval), the first `listed` of them named. */
export function changedCells(live: Sheet, approved: Sheet, listed: number): SheetChanges {
  const result: SheetChanges = { count: 0, changes: [] };
  const size = (sheet: Sheet) => ({ rows: sheet.getMaxRows(), columns: sheet.getMaxColumns() });
  const now = size(live);
  const then = size(approved);
  if (now.rows !== then.rows || now.columns !== then.columns) result.resized = `${then.rows}×${then.columns} → ${now.rows}×${now.columns}`;
  // Blocks of the live sheet, compared with the same rows of the copy; cells beyond either grid count as blank.
  const rows = Math.max(now.rows, then.rows);
  const columns = Math.max(now.columns, then.columns);
  const perBlock = Math.max(1, Math.floor(CELLS_PER_CALL / columns));
  const read = (sheet: Sheet, grid: { rows: number; columns: number }, first: number, count: number): string[][] => {
    if (first > grid.rows) return [];
    const range = sheet.getRange(first, 1, Math.min(count, grid.rows - first + 1), grid.columns);
    const formulas = range.getFormulas();
    return range.getValues().map((row, r) => row.map((value, c) => token(value, formulas[r][c])));
  };
  const blank = token('', '');
  for (let first = 1; first <= rows; first += perBlock) {
    const count = Math.min(perBlock, rows - first + 1);
    const a = read(live, now, first, count);
    const b = read(approved, then, first, count);
    for (let r = 0; r < count; r++)
      for (let c = 0; c < columns; c++) {
        const after = (a[r] && a[r][c]) || blank;
        const before = (b[r] && b[r][c]) || blank;
        if (after === before) continue;
        result.count += 1;
        if (result.changes.length < listed) result.changes.push({ a1: `${columnLetters(c + 1)}${first + r}`, before: shown(before), after: shown(after) });
      }
  }
  return result;
}
