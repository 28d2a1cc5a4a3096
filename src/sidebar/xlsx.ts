/**
 * The first worksheet of an XLSX file as rows of cells, read in the browser. Cells come out as
 * a range would give them: text, numbers, booleans, and dates as "YYYY-MM-DD" text, so the
 * file goes through exactly the readers pasted text and sheet ranges go through.
 */
import { EXCEL_MAX_ROWS, SheetRowClaims } from '../files/sheetSize';
import { listZip, ZipError, type ZipEntry } from '../files/zip';
import type { JsonCell } from '../protocol/messages';
import { t } from './i18n';
import { readZipText } from './unzip';
// Excel's serials after 1900-02-28 are Sheets' serials (day 0 = 1899-12-30), which input/date reads.
import { serialToIso } from '../input/date';

const RELATIONSHIP_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
// Built-in number formats that show a date (ECMA-376 §18.8.30, plus the CJK ones).
const DATE_FORMAT_IDS = [14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58];

export async function readXlsx(bytes: Uint8Array): Promise<JsonCell[][]> {
  const entries = listZip(bytes);
  const text = (name: string) => readZipText(bytes, entries, name);
  const sheetXml = await readZipText(bytes, entries, await firstSheetPath(entries, text), refuseBeyondExcel());
  if (sheetXml === undefined) throw new ZipError('the XLSX file has no worksheet');
  const shared = sharedStrings(await text('xl/sharedStrings.xml'));
  const dateStyles = dateStyleIndexes(await text('xl/styles.xml'));
  return sheetCells(parse(sheetXml), shared, dateStyles);
}

/**
 * Stops reading a sheet whose XML claims more rows than Excel allows, before its text is all
 * inflated and long before a row is built for each claimed one.
 */
function refuseBeyondExcel(): (piece: string) => void {
  const claims = new SheetRowClaims();
  return (piece) => {
    claims.feed(piece);
    if (claims.exceedsExcel()) throw new ZipError(t('xlsxTooManyRows', { rows: claims.rows.toLocaleString('en-US'), max: EXCEL_MAX_ROWS.toLocaleString('en-US') }));
  };
}

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) throw new ZipError('the XLSX file contains damaged XML');
  return doc;
}

/** Elements by local name, whatever prefix the writing program used. */
function all(node: Document | Element, localName: string): Element[] {
  return Array.prototype.slice.call(node.getElementsByTagNameNS('*', localName));
}

function children(node: Element, localName: string): Element[] {
  return Array.prototype.filter.call(node.children, (c: Element) => c.localName === localName) as Element[];
}

/** The first sheet in the workbook's tab order, found through the workbook's relationships. */
async function firstSheetPath(entries: Map<string, ZipEntry>, text: (name: string) => Promise<string | undefined>): Promise<string> {
  const fallback = 'xl/worksheets/sheet1.xml';
  const workbook = await text('xl/workbook.xml');
  const rels = await text('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) return fallback;
  const sheet = all(parse(workbook), 'sheet')[0];
  const id = sheet && (sheet.getAttributeNS(RELATIONSHIP_NS, 'id') || sheet.getAttribute('r:id'));
  const rel = all(parse(rels), 'Relationship').find((r) => r.getAttribute('Id') === id);
  const target = rel && rel.getAttribute('Target');
  if (!target) return fallback;
  const path = target.charAt(0) === '/' ? target.slice(1) : 'xl/' + target.replace(/^\.\//, '');
  return entries.has(path) ? path : fallback;
}

/** Shared strings; rich-text runs joined, phonetic guides (rPh) left out as Excel shows them. */
function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  return all(parse(xml), 'si').map(inlineText);
}

function inlineText(node: Element): string {
  let out = '';
  all(node, 't').forEach((t) => {
    const parent = t.parentElement;
    if (!parent || parent.localName !== 'rPh') out += t.textContent || '';
  });
  return out;
}

/** Indexes into cellXfs whose number format shows a date. */
function dateStyleIndexes(xml: string | undefined): Set<number> {
  const dates = new Set<number>();
  if (!xml) return dates;
  const doc = parse(xml);
  const customDates = new Set<number>();
  all(doc, 'numFmt').forEach((f) => {
    // A date format has d, m or y outside quoted text and [colour]/[locale] brackets.
    const code = (f.getAttribute('formatCode') || '').replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
    // m alone is a month; beside h or s it is minutes, and a time of day is not a date.
    if (/[dy]/i.test(code) || (/m/i.test(code) && !/[hs]/i.test(code))) customDates.add(Number(f.getAttribute('numFmtId')));
  });
  const cellXfs = all(doc, 'cellXfs')[0];
  if (!cellXfs) return dates;
  children(cellXfs, 'xf').forEach((xf, index) => {
    const id = Number(xf.getAttribute('numFmtId') || 0);
    if (DATE_FORMAT_IDS.indexOf(id) >= 0 || customDates.has(id)) dates.add(index);
  });
  return dates;
}

function sheetCells(doc: Document, shared: string[], dateStyles: Set<number>): JsonCell[][] {
  const rows: JsonCell[][] = [];
  let nextRow = 0;
  all(doc, 'row').forEach((rowNode) => {
    const r = Number(rowNode.getAttribute('r'));
    const rowIndex = r > 0 ? r - 1 : nextRow;
    nextRow = rowIndex + 1;
    const row: JsonCell[] = [];
    let nextColumn = 0;
    children(rowNode, 'c').forEach((cell) => {
      const ref = cell.getAttribute('r');
      const column = ref ? columnIndex(ref) : nextColumn;
      nextColumn = column + 1;
      const value = cellValue(cell, shared, dateStyles);
      while (row.length < column) row.push(null);
      row[column] = value;
    });
    while (rows.length < rowIndex) rows.push([]);
    rows[rowIndex] = row;
  });
  return rows;
}

function cellValue(cell: Element, shared: string[], dateStyles: Set<number>): JsonCell {
  const type = cell.getAttribute('t') || 'n';
  const v = children(cell, 'v')[0];
  const raw = v ? v.textContent || '' : '';
  switch (type) {
    case 's':
      return shared[Number(raw)] ?? '';
    case 'inlineStr': {
      const is = children(cell, 'is')[0];
      return is ? inlineText(is) : '';
    }
    case 'b':
      return raw === '1';
    case 'str':
    case 'e':
      return raw;
    case 'd':
      return raw.slice(0, 10);
    default: {
      if (raw === '') return null;
      const n = Number(raw);
      if (!isFinite(n)) return raw;
      return dateStyles.has(Number(cell.getAttribute('s') || -1)) ? serialToIso(n) : n;
    }
  }
}

/** "AB12" → 27 (0-based column). */
function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}
