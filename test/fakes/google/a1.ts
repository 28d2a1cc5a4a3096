/**
 * A1 notation as Sheets reads it: "B2", "A1:Q20", "A:D", "2:5", "'Sales 2025'!A1:D9". Written
 * here from Sheets' own rules, not imported from the add-on: a fake that borrowed the add-on's
 * quoting could not catch the add-on quoting wrong.
 */

export interface A1Ref {
  sheetName?: string;
  row: number;
  column: number;
  /** Open-ended ranges ("A:D", "A2:D") run to the sheet's edge: undefined here. */
  lastRow?: number;
  lastColumn?: number;
}

const CELL = /^\$?([A-Z]*)\$?(\d*)$/i;

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Splits "'It''s'!A1:B2" into the sheet name and the cell part. */
export function splitSheetName(ref: string): { sheetName?: string; cells: string } {
  const bang = ref.lastIndexOf('!');
  if (bang < 0) return { cells: ref };
  let name = ref.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'") && name.length >= 2) name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name, cells: ref.slice(bang + 1) };
}

/** Undefined when the text is not A1 notation. */
export function parseA1(ref: string): A1Ref | undefined {
  const { sheetName, cells } = splitSheetName(ref.trim());
  const [first, second] = cells.split(':');
  if (cells.split(':').length > 2 || !first) return undefined;
  const a = CELL.exec(first);
  const b = second === undefined ? a : CELL.exec(second);
  if (!a || !b || (!a[1] && !a[2]) || (!b[1] && !b[2])) return undefined;
  const column = a[1] ? columnNumber(a[1]) : 1;
  const row = a[2] ? Number(a[2]) : 1;
  if (row < 1) return undefined;
  const lastColumn = b[1] ? columnNumber(b[1]) : a[1] && second === undefined ? column : undefined;
  const lastRow = b[2] ? Number(b[2]) : undefined;
  if (second === undefined && !(a[1] && a[2])) return undefined;
  return { sheetName, row, column, lastRow: second === undefined ? row : lastRow, lastColumn: second === undefined ? column : lastColumn };
}

/** A sheet name as Sheets writes it in A1 notation: quoted (quotes doubled) unless it is a plain identifier. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : "'" + name.split("'").join("''") + "'";
}

export function a1Text(row: number, column: number, rows: number, columns: number): string {
  const start = columnLetters(column) + row;
  if (rows === 1 && columns === 1) return start;
  return `${start}:${columnLetters(column + columns - 1)}${row + rows - 1}`;
}
