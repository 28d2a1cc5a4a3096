/**
 * Google's own numbers, as Google documents them, declared in the fakes and not taken from the
 * add-on: the add-on's constants are checked against these (test/addon/fakeLimits.test.ts), so a
 * wrong constant in the add-on cannot make the fake agree with it.
 */

/** Cells in one spreadsheet, every sheet's max rows × max columns (Sheets help: "Files you can store in Google Drive"). */
export const SHEETS_MAX_CELLS = 10000000;

/** The grid insertSheet makes (Spreadsheet.insertSheet: a new sheet has 1000 rows and 26 columns). */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;
