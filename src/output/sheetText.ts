/**
 * Text written into a sheet must stay the text it was. Sheets reads every string a script
 * writes with setValues as if a person typed it: `=IMPORTXML(…)` becomes a formula that fetches
 * a URL, `+1` or `-1` a number or formula, `00123` the number 123 (an id loses its zeros),
 * `2025-11-11` a date, `TRUE` a boolean. A leading apostrophe makes Sheets store the rest as
 * plain text and not show the apostrophe. Checking for the dangerous first characters alone
 * would still let ids and dates change, so every non-empty text cell gets the apostrophe;
 * numbers are never strings here and stay numbers.
 */

/** Sheets refuses a cell longer than this; a pasted value that long is cut rather than failing the write. */
export const MAX_CELL_CHARS = 50000;

/** The characters that make Sheets or Excel read a cell as a formula when they come first. */
export const FORMULA_FIRST = '=+-@\t\r';
const FORMULA_START = new RegExp(`^[${FORMULA_FIRST.replace('-', '\\-')}]`);
const NON_ASCII_START = /^[^\x00-\x7f]/;

/**
 * True when Sheets (or Excel, for an exported copy) would start a formula: `=`, `+`, `-`, `@`,
 * tab or CR first, after NFKC so full-width `＝` counts too. The CSV writer guards these;
 * `sheetText` protects these and every other text.
 */
export function startsLikeFormula(text: string): boolean {
  // NFKC only when the first character could fold into one of them: it runs per CSV text cell.
  return FORMULA_START.test(NON_ASCII_START.test(text) ? text.normalize('NFKC') : text);
}

/** A text value as it must be handed to setValues so the cell holds exactly `text`. */
export function sheetText(text: string): string {
  if (text === '') return '';
  const cut = text.length > MAX_CELL_CHARS - 1 ? text.slice(0, MAX_CELL_CHARS - 2) + '…' : text;
  return "'" + cut;
}

/** Every string of a block of cells through sheetText; numbers and booleans unchanged. */
export function guardTextCells<T>(values: T[][]): T[][] {
  return values.map((row) => row.map((value) => (typeof value === 'string' ? (sheetText(value) as unknown as T) : value)));
}
