/**
 * Reading input tables from this spreadsheet. The sidebar names a sheet, a named range or an
 * A1 range; the cells travel back as JSON-safe values, with Dates as the calendar day the
 * spreadsheet shows (formatted in the spreadsheet's time zone, the zone Sheets built them in).
 */
import type { InputSource, JsonCell } from '../protocol/messages';
import { tableFromCells, tableFromText, type SourceName, type Table } from '../input/table';
import { MAX_TABLE_CELLS } from '../protocol/limits';
import { RequestError } from './validate';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

const NAME_LIKE = /^[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*$/;
const CELL_LIKE = /^[A-Za-z]{1,3}\d+$/;

/** A sheet name (its used range), a named range, or A1 notation, in that order. */
export function resolveRange(spreadsheet: Spreadsheet, ref: string): Range {
  const unquoted = ref.length > 1 && ref[0] === "'" && ref[ref.length - 1] === "'" ? ref.slice(1, -1).replace(/''/g, "'") : ref;
  const sheet = spreadsheet.getSheetByName(unquoted);
  if (sheet) return sheet.getDataRange();
  if (NAME_LIKE.test(ref) && !CELL_LIKE.test(ref)) {
    const named = spreadsheet.getRangeByName(ref);
    if (named) return named;
  }
  try {
    return spreadsheet.getRange(ref);
  } catch (e) {
    throw new RequestError(`"${ref}" is not a sheet, a named range or a range of this spreadsheet such as 'History'!A1:D500`);
  }
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** The cells of a range as JSON-safe values; blank cells are "". */
export function rangeCells(spreadsheet: Spreadsheet, ref: string): JsonCell[][] {
  const range = resolveRange(spreadsheet, ref);
  const cells = range.getNumRows() * range.getNumColumns();
  if (cells > MAX_TABLE_CELLS)
    throw new RequestError(`"${ref}" has ${cells} cells; at most ${MAX_TABLE_CELLS} can be read at once. Choose a smaller range.`);
  let timeZone: string | undefined;
  return range.getValues().map((row) =>
    row.map((value): JsonCell => {
      if (isDate(value)) {
        if (isNaN(value.getTime())) return '';
        timeZone = timeZone || spreadsheet.getSpreadsheetTimeZone();
        return Utilities.formatDate(value, timeZone, 'yyyy-MM-dd');
      }
      if (typeof value === 'number') return isFinite(value) ? value : String(value);
      if (typeof value === 'string' || typeof value === 'boolean') return value;
      return value === null || value === undefined ? '' : String(value);
    }),
  );
}

/** One request input as the table the readers take; ranges are read here, on the server. */
export function sourceTable(source: InputSource, name: SourceName, spreadsheet: () => Spreadsheet): Table {
  if (source.kind === 'text') return tableFromText(name, source.text);
  if (source.kind === 'cells') return tableFromCells(name, source.cells);
  return tableFromCells(name, rangeCells(spreadsheet(), source.a1));
}
