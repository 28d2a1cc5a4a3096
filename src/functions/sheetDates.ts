/**
 * Date cells of a range as the calendar day the sheet shows. Sheets hands a custom function a
 * Date at midnight in the SPREADSHEET's time zone, but JS local getters use the SCRIPT's zone
 * (appsscript.json), so a sheet in Tokyo read by a script in Shanghai would see 2025-11-10 for
 * 2025-11-11. Formatting in the spreadsheet's zone gives the day the user typed.
 * Outside Apps Script (tests, the CLI) the local getters of the input reader are used.
 */
import { isDateValue, type Cell } from '../input/number';

export function sheetDatesAsText(cells: Cell[][]): Cell[][] {
  if (!cells.some((row) => row.some(isDateValue))) return cells;
  const zone = spreadsheetTimeZone();
  if (!zone) return cells;
  return cells.map((row) => row.map((cell) => (isDateValue(cell) ? Utilities.formatDate(cell, zone, 'yyyy-MM-dd') : cell)));
}

/** Reading the zone is allowed in a custom function (read-only Spreadsheet methods). */
function spreadsheetTimeZone(): string | undefined {
  if (typeof SpreadsheetApp === 'undefined' || typeof Utilities === 'undefined') return undefined;
  try {
    return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  } catch (error) {
    return undefined; // no active spreadsheet (a script caller): fall back to local getters
  }
}
