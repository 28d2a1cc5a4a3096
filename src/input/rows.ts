/**
 * The one loop every reader (history, campaign, targets) runs over its table's data rows, so the
 * rules that hold for every row hold in one place (SPEC §3–4):
 * - title lines above the headings and columns that are not used are reported once;
 * - every non-blank row after the heading row is counted as read;
 * - a total row (合计 / 总计 / 小计 / Total) is not a merchant: it is left out, reported, and
 *   checked against the sum of the rows above it;
 * - a row the text reader found broken (a stray quote, bytes that were not text) is rejected;
 * - the merchant id is read, and a row without a sure id goes no further.
 */
import { addFen, type Fen, type FenSum } from '../core/money';
import { idCell, nameCell, noteExtraCells, type MoneyColumn, type RowContext } from './cells';
import type { ColumnMapping } from './columnMapping';
import type { RecordProblem } from './delimited';
import { ISSUE_TEXT } from './issueText';
import { readMerchantId } from './merchantId';
import { readMoneyFen, type Cell } from './number';
import type { PlainLayout } from './plainRows';
import type { SourceReport } from './report';
import { cellText, isBlankRow, type Table } from './table';

export type OnDataRow = (ctx: RowContext, cells: Cell[], merchantId: string, name: string) => void;

/**
 * A reader's fast path for a long table: a plain row (plainRows.ts) comes as its merchant id,
 * the serial day of its `date` column, the fen of its `money` columns (in that order, reused for
 * the next row), already tallied, and its name ('' without a name column); any other row goes
 * to OnDataRow.
 */
export interface PlainDataRows {
  date: number;
  money: MoneyColumn[];
  onRow(ctx: RowContext, merchantId: string, serial: number, fens: number[], name: string): void;
}

export function eachDataRow(
  table: Table,
  mapping: ColumnMapping,
  report: SourceReport,
  tallied: MoneyColumn[],
  onRow: OnDataRow,
  plain?: PlainDataRows,
): void {
  reportLayout(mapping, report);
  const totals = new TotalCheck(tallied);
  const f = mapping.fields;
  const ctx: RowContext = { report, row: 0, merchantId: '', tally: (column, fen) => totals.add(column, fen) };
  const dataRow = (cells: Cell[], row: number, problem?: RecordProblem) => {
    if (row <= mapping.headerRowNumber || isBlankRow(cells)) return;
    report.read += 1;
    ctx.row = row; // one context reused for every row: no allocation per row
    ctx.merchantId = '';
    const total = totalLabel(cells[f.merchant_id as number]) || (f.merchant_name === undefined ? undefined : totalLabel(cells[f.merchant_name]));
    if (total) {
      totals.checkRow(ctx, cells, total);
      return;
    }
    const name = f.merchant_name === undefined ? '' : nameCell(cells[f.merchant_name]);
    const merchantId = idCell(ctx, cells[f.merchant_id as number], name);
    if (problem) rejectBroken(ctx, cells, problem, merchantId);
    if (merchantId === undefined) {
      totals.addUnread(cells);
      return;
    }
    ctx.merchantId = merchantId;
    noteExtraCells(ctx, cells, mapping.labels.length);
    onRow(ctx, cells, merchantId, name);
  };
  const layout = plain && table.eachPlainRow && plainLayout(mapping, plain);
  if (!layout || !plain || !table.eachPlainRow) {
    table.eachRow(dataRow);
    return;
  }

  // The id of the previous plain row, and whether it is a sure id and no total label: a
  // merchant's rows come together, so this is decided once per merchant, not once per row.
  let lastText: string | undefined;
  let lastId: string | undefined;
  const money = plain.money;
  table.eachPlainRow(layout, {
    plain(row, text, serial, fens, nameText) {
      if (row <= mapping.headerRowNumber) return false;
      if (nameText !== '' && totalLabel(nameText)) return false;
      if (text !== lastText) {
        lastText = text;
        const read = totalLabel(text) ? undefined : readMerchantId(text);
        lastId = read && read.kind === 'id' ? read.id : undefined;
      }
      if (lastId === undefined) return false; // a total row or an unsure id: the general path reports it
      for (let m = 0; m < money.length; m++) if (fens[m] < 0 && !money[m].allowNegative) return false;
      // What dataRow and moneyCell do for such a row, without its cells.
      report.read += 1;
      ctx.row = row;
      ctx.merchantId = lastId;
      for (let m = 0; m < money.length; m++) if (money[m].tallied) totals.add(money[m].index, fens[m]);
      plain.onRow(ctx, lastId, serial, fens, nameCell(nameText));
      return true;
    },
    other: dataRow,
  });
}

/** Where plain rows can be read in place: a heading row gives the width; amounts with no unit to shift by. */
function plainLayout(mapping: ColumnMapping, plain: PlainDataRows): PlainLayout | undefined {
  const f = mapping.fields;
  if (mapping.labels.length === 0 || f.merchant_id === undefined) return undefined;
  if (plain.money.some((column) => column.exponent !== 0)) return undefined;
  return { width: mapping.labels.length, id: f.merchant_id, name: f.merchant_name, date: plain.date, money: plain.money.map((column) => column.index) };
}

/** Title lines and columns that name a field but are not read: reported once, on their rows. */
function reportLayout(mapping: ColumnMapping, report: SourceReport): void {
  mapping.titleRows.forEach((title) => report.note(title.row, title.text, ISSUE_TEXT.titleLine()));
  mapping.unused.forEach((u) => report.note(mapping.headerRowNumber, mapping.labels[u.index] || `column ${u.index + 1}`, u.why));
}

function rejectBroken(ctx: RowContext, cells: Cell[], problem: RecordProblem, merchantId: string | undefined): void {
  const id = merchantId || '';
  if (problem.kind === 'quote') {
    const text = cells.map(cellText).join(',');
    ctx.report.reject(ctx.row, id, text.length > 80 ? text.slice(0, 79) + '…' : text, ISSUE_TEXT.strayQuote());
  } else {
    const shown = problem.bytes.map((b) => (b < 0 ? 'U+FFFD' : '0x' + b.toString(16).toUpperCase().padStart(2, '0'))).join(' ');
    ctx.report.reject(ctx.row, id, shown, ISSUE_TEXT.badBytes(shown));
  }
}

type TotalKind = 'total' | 'subtotal';

/** "合计", "总计：", "Grand Total", "小计" in the id or name column mark a total row. */
const TOTAL = /^(?:合计|总计|共计|总合计)(?![\p{L}\p{N}])|^(?:grand\s*)?totals?\b/iu;
const SUBTOTAL = /^小计(?![\p{L}\p{N}])|^sub\s*-?\s*totals?\b/iu;

/** First characters a total label can start with (after spaces): 合 总 共 小, T G S, and their full-width forms. */
const TOTAL_STARTS = new Set(['合', '总', '共', '小', 't', 'T', 'g', 'G', 's', 'S', 'ｔ', 'Ｔ', 'ｇ', 'Ｇ', 'ｓ', 'Ｓ']);

function totalLabel(cell: Cell): { kind: TotalKind; text: string } | undefined {
  if (typeof cell !== 'string' || cell === '') return undefined;
  // Runs on every row's id and name: one look at the first character rules nearly all of them out.
  const first = cell.charCodeAt(0) <= 32 || cell.charCodeAt(0) === 0x3000 ? cell.trim().charAt(0) : cell.charAt(0);
  if (!TOTAL_STARTS.has(first)) return undefined;
  const folded = cell.normalize('NFKC').trim();
  const text = cell.trim();
  if (SUBTOTAL.test(folded)) return { kind: 'subtotal', text };
  if (TOTAL.test(folded)) return { kind: 'total', text };
  return undefined;
}

/**
 * Sums of the money columns, to check an export's total rows against: a 合计 against every data
 * row above it, a 小计 against the rows since the previous total row.
 */
class TotalCheck {
  // Indexed by column: this runs for every money cell of a 3-million-row export.
  private readonly grand: FenSum[] = [];
  private segment: FenSum[] = [];

  constructor(private readonly columns: MoneyColumn[]) {
    for (const column of columns) this.grand[column.index] = this.segment[column.index] = 0;
  }

  add(column: number, fen: Fen): void {
    this.grand[column] = addFen(this.grand[column], fen);
    this.segment[column] = addFen(this.segment[column], fen);
  }

  /** A row whose id could not be read is still a row of the export: its figures are in its total. */
  addUnread(cells: Cell[]): void {
    for (const column of this.columns) {
      const read = readMoneyFen(cells[column.index], column.exponent);
      if (read.kind === 'fen') this.add(column.index, read.fen);
    }
  }

  checkRow(ctx: RowContext, cells: Cell[], total: { kind: TotalKind; text: string }): void {
    const report = ctx.report;
    // Read and left out, like a history day inside the campaign: counted, blocking nobody.
    report.reject(ctx.row, '', total.text, ISSUE_TEXT.totalRow(total.text), false);
    const sums = total.kind === 'subtotal' ? this.segment : this.grand;
    for (const column of this.columns) {
      const cell = cells[column.index];
      const read = readMoneyFen(cell, column.exponent);
      if (read.kind === 'blank') continue;
      if (read.kind === 'error') {
        report.note(ctx.row, cellText(cell), ISSUE_TEXT.badValue(column.label, cellText(cell), read.expected));
        continue;
      }
      const sum = sums[column.index];
      if (BigInt(sum) !== BigInt(read.fen)) report.note(ctx.row, cellText(cell), ISSUE_TEXT.totalMismatch(column.label, read.fen, sum));
    }
    this.segment = this.segment.map(() => 0);
  }
}
