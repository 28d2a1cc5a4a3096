/**
 * Date cells of a custom function's arguments as the calendar day the sheet shows. Sheets hands
 * a custom function a Date at midnight in the SPREADSHEET's time zone, but JS local getters use
 * the SCRIPT's zone (appsscript.json), so a sheet in Tokyo read by a script in Shanghai would see
 * 2025-11-10 for 2025-11-11. Formatting in the spreadsheet's zone gives the day the user typed.
 * This is Apps Script's business, so it happens here, before the pure functions/ see the cells;
 * outside Apps Script (tests, the CLI) the input reader's local getters are right.
 */
import { isDateValue, type Cell } from '../input/number';

type Arg = Cell | Cell[][];

/** Every argument with its Date cells as "yyyy-MM-dd" text in the spreadsheet's zone. */
export function sheetDatesAsText(args: Arg[]): Arg[] {
  if (!args.some((arg) => isDateValue(arg) || (Array.isArray(arg) && arg.some((row) => Array.isArray(row) && row.some(isDateValue))))) return args;
  const zone = spreadsheetTimeZone();
  if (!zone) return args;
  const day = (cell: Cell): Cell => (isDateValue(cell) ? Utilities.formatDate(cell, zone, 'yyyy-MM-dd') : cell);
  return args.map((arg) => (Array.isArray(arg) ? arg.map((row) => (Array.isArray(row) ? row.map(day) : row)) : day(arg)));
}

/** Reading the zone is allowed in a custom function (read-only Spreadsheet methods). */
function spreadsheetTimeZone(): string | undefined {
  try {
    return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  } catch (error) {
    return undefined; // no active spreadsheet (a script caller): fall back to local getters
  }
}
