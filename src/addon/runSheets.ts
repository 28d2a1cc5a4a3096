/**
 * A run's lines read back from its sheet, for a true-up against it and for its statements: the
 * headings (in the language the sheet was written in) name the columns, dates come back as the
 * day the spreadsheet shows, status words as their codes. The same records travel to the sidebar,
 * which reads them with the same checked reader (input/previousRun), so both sides true up
 * against exactly the same lines.
 */
import type { LineStatus, SettlementLine } from '../core/model';
import { previousLines } from '../input/previousRun';
import type { LineRecord } from '../protocol/messages';
import { LINE_COLUMNS, STATUS_ZH } from '../output/tables';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const STATUS_BY_WORD = new Map<string, LineStatus>((Object.keys(STATUS_ZH) as LineStatus[]).flatMap((status) => [[status, status] as [string, LineStatus], [STATUS_ZH[status], status] as [string, LineStatus]]));

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** The lines sheet's rows keyed by column key, as the JSON report's lines are. */
export function readLineRecords(sheet: Sheet, timeZone: string): LineRecord[] {
  const values = sheet.getDataRange().getValues();
  const header = (values[0] || []).map(String);
  const columns = LINE_COLUMNS.map((column) => ({ column, at: header.findIndex((h) => h === column.en || h === column.zh) }));
  const missing = columns.filter((c) => c.at < 0).map((c) => c.column.en);
  if (missing.length > 0) throw new Error(`"${sheet.getName()}" is not a settlement lines sheet: it has no ${missing.join(', ')} column`);
  return values.slice(1).map((row) => {
    const record: LineRecord = {};
    columns.forEach(({ column, at }) => {
      const value = row[at];
      if (column.kind === 'date') record[column.key] = isDate(value) ? Utilities.formatDate(value, timeZone, 'yyyy-MM-dd') : value === '' ? null : String(value);
      else if (column.key === 'status') record[column.key] = STATUS_BY_WORD.get(String(value)) || String(value);
      else if (column.kind === 'money') record[column.key] = value === '' ? null : (value as number);
      else record[column.key] = typeof value === 'number' || typeof value === 'string' ? value : String(value);
    });
    return record;
  });
}

/** A lines sheet's records as settlement lines, refused with what is wrong unless every figure reads back. */
export function linesFromRecords(records: LineRecord[], sheetName: string): SettlementLine[] {
  return previousLines(records, `the lines sheet "${sheetName}"`, `明细工作表“${sheetName}”`);
}
