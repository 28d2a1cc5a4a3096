/**
 * A settlement as an .xlsx workbook, from the same column tables as the sheet and the CSV:
 * numbers stay numbers (so SUM works and equals the Totals sheet), money shows as #,##0.00,
 * dates are real dates. Used by the CLI only; the add-on writes its sheet through Apps Script.
 * exceljs's streaming writer: its in-memory workbook did not finish 300k lines in 5 minutes.
 */
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { fenToNumber, type Dec } from '../core/money';
import type { Language } from '../output/language';
import { CellValue, Column, ColumnKind, formatOf, heading, isRate, ISSUE_COLUMNS, LINE_COLUMNS, MERCHANT_SHEET_COLUMNS, totalItems, widthOf } from '../output/tables';
import { TRUE_UP_LINE_SHEET_COLUMNS, trueUpMerchantColumns, trueUpTotalItems } from '../output/trueUpTables';
import type { SettlementRun } from '../run/runSettlement';
import { runRecordBlock } from '../output/sheetTables';

/** The column's number format, as the sheet has it; text cells carry none (they are typed strings). */
function numberFormat(column: { kind: ColumnKind }): string | undefined {
  return column.kind === 'text' ? undefined : formatOf(column);
}

const SHEET_NAMES = {
  en: { lines: 'Lines', merchants: 'Merchants', totals: 'Totals', issues: 'Issues', run: 'Run', trueUp: 'True-up', trueUpMerchants: 'True-up merchants' },
  zh: { lines: '结算明细', merchants: '商家汇总', totals: '合计', issues: '问题', run: '运行记录', trueUp: '差额明细', trueUpMerchants: '差额汇总' },
};

type Workbook = ExcelJS.stream.xlsx.WorkbookWriter;

export async function settlementWorkbook(run: SettlementRun, language: Language): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise((resolve, reject) => stream.on('end', resolve).on('error', reject));
  // Inline strings, not a shared-string table: names and reasons rarely repeat.
  // Loaded here, not at the top: exceljs costs a quarter-second of start-up that CSV and JSON runs skip.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'gmv-settle';
  workbook.created = new Date(run.record.generatedAt);
  const names = SHEET_NAMES[language];
  addTable(workbook, names.lines, LINE_COLUMNS, run.settlement.lines, language);
  addTable(workbook, names.merchants, MERCHANT_SHEET_COLUMNS, run.settlement.merchants, language);
  addTotals(workbook, names.totals, run, language);
  addTable(workbook, names.issues, ISSUE_COLUMNS, run.read.issues, language);
  addRunRecord(workbook, names.run, run, language);
  if (run.trueUp) {
    // SPEC §7: the true-up beside the run's own sheets, as in the spreadsheet.
    addTable(workbook, names.trueUp, TRUE_UP_LINE_SHEET_COLUMNS, run.trueUp.lines, language);
    addTable(workbook, names.trueUpMerchants, trueUpMerchantColumns(run.trueUp), run.trueUp.merchants, language);
  }
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

function addTable<T>(workbook: Workbook, name: string, columns: Column<T>[], rows: T[], language: Language) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: heading(c, language),
    key: c.key,
    width: widthOf(c),
    style: numberFormat(c) ? { numFmt: numberFormat(c) } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  // Over the whole table, as on the settlement sheet: a filter over the heading alone sorts nothing.
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: columns.length } };
  for (const row of rows) sheet.addRow(columns.map((c) => xlsxValue(c.kind, c.value(row, language)))).commit();
  sheet.commit();
}

function addTotals(workbook: Workbook, name: string, run: SettlementRun, language: Language) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: language === 'zh' ? '项目' : 'Item', key: 'item', width: 24 },
    { header: language === 'zh' ? '数值' : 'Value', key: 'value', width: 18 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const item of totalItems(run).concat(run.trueUp ? trueUpTotalItems(run.trueUp) : [])) {
    const row = sheet.addRow([heading(item, language), xlsxValue(item.kind, item.value)]);
    const format = numberFormat(item);
    if (format) row.getCell(2).numFmt = format;
    row.commit();
  }
  sheet.commit();
}

/** What finance needs to reproduce the run: when, who, input hash, row counts, mapping, policy. */
function addRunRecord(workbook: Workbook, name: string, run: SettlementRun, language: Language) {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = [
    { header: language === 'zh' ? '项目' : 'Item', key: 'item', width: 22 },
    { header: language === 'zh' ? '内容' : 'Value', key: 'value', width: 100 },
  ];
  sheet.getRow(1).font = { bold: true };
  // The same record as the settlement sheet's, so a workbook and a sheet read alike.
  runRecordBlock(run, language).values.forEach((row) => sheet.addRow(row.map((v) => (typeof v === 'string' ? textCell(v) : v))));
  sheet.commit();
}

function xlsxValue(kind: ColumnKind, value: CellValue): ExcelJS.CellRichTextValue | number | Date | null {
  if (value === null) return null;
  if (typeof value === 'string' && kind !== 'date') return textCell(value);
  if (kind === 'money') return fenToNumber(value as number);
  if (isRate(kind)) return (value as Dec).toNumber();
  if (kind === 'date') {
    // exceljs turns a Date into a serial day through its UTC fields, so UTC midnight is that day.
    const [y, m, d] = (value as string).split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d));
  }
  return value as number;
}

/**
 * A text cell as an inline string (`<is><r><t>…`): the form every reader — Excel, LibreOffice,
 * exceljs, this project's sidebar — takes as text and unescapes (exceljs's plain-string cells
 * are formula-result cells whose `_x…_` escapes exceljs does not read back). A text cell is
 * never a formula, so ids and names need no apostrophe: `=HYPERLINK(…)` and `+X2` stay as typed.
 */
function textCell(text: string): ExcelJS.CellRichTextValue {
  return { richText: [{ text: ooxmlText(text) }] };
}

// C0 controls but tab and line feed, DEL, U+FFFE/U+FFFF and unpaired surrogates: XML 1.0 cannot
// carry them (exceljs silently drops the C0 ones and DEL; the rest make a file Excel calls
// damaged). And "_x" followed by four hex digits and "_", which a reader would take as an escape.
const NOT_IN_XML = /_x(?=[0-9A-Fa-f]{4}_)|[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text as OOXML stores what XML cannot (ECMA-376 Part 1, ST_Xstring): U+001B as `_x001B_`, and a
 * literal `_x0041_` as `_x005F_x0041_` so that it is not read as "A". Ids and names read back
 * exactly as they were in the input.
 */
export function ooxmlText(text: string): string {
  return text.replace(NOT_IN_XML, (found) =>
    found === '_x' ? '_x005F_x' : `_x${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}

