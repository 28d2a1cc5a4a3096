/**
 * Reading one cell of a known column and, when it is wrong, rejecting its row with the column
 * name, the value and what was expected. Shared by the history, campaign and targets readers.
 */
import type { Fen } from '../core/money';
import { readDate, type DateValue } from './date';
import { readMerchantId } from './merchantId';
import { plainMoneyFen, readMoneyFen, type Cell } from './number';
import type { SourceReport } from './report';
import { ISSUE_TEXT, LABELS, type ColumnLabel } from './issueText';
import { cellText } from './table';

export interface RowContext {
  report: SourceReport;
  row: number;
  merchantId: string;
}

/** The merchant id of a row, or undefined after rejecting the row. */
export function idCell(ctx: RowContext, cell: Cell): string | undefined {
  const read = readMerchantId(cell);
  if (read.kind === 'id') return read.id;
  if (read.kind === 'blank') ctx.report.reject(ctx.row, '', '', ISSUE_TEXT.missing(LABELS.merchantId));
  else ctx.report.reject(ctx.row, '', cellText(cell), ISSUE_TEXT.badValue(LABELS.merchantId, cellText(cell), read.expected));
  return undefined;
}

export function dateCell(ctx: RowContext, cell: Cell, label: ColumnLabel = LABELS.date): DateValue | undefined {
  const read = readDate(cell);
  if (read.kind === 'date') return read;
  if (read.kind === 'blank') ctx.report.reject(ctx.row, ctx.merchantId, '', ISSUE_TEXT.missing(label));
  else ctx.report.reject(ctx.row, ctx.merchantId, cellText(cell), ISSUE_TEXT.badValue(label, cellText(cell), read.expected));
  return undefined;
}

/**
 * Money in a cell. `blank` says what a blank means: a value (0 for ad spend), 'missing' to
 * reject the row, or 'skip' to return null (a history day with no figure, like AVERAGE).
 */
export function moneyCell(
  ctx: RowContext,
  cell: Cell,
  label: ColumnLabel,
  blank: 'missing' | 'skip' | Fen,
  allowNegative: boolean,
): Fen | null | undefined {
  if (typeof cell === 'string') {
    // The common case, without building a result object per cell.
    const fen = plainMoneyFen(cell);
    if (fen !== undefined && (fen >= 0 || allowNegative)) return fen;
  }
  const read = readMoneyFen(cell);
  if (read.kind === 'fen') {
    if (read.fen < 0 && !allowNegative) {
      ctx.report.reject(ctx.row, ctx.merchantId, cellText(cell), ISSUE_TEXT.negative(label, cellText(cell)));
      return undefined;
    }
    return read.fen;
  }
  if (read.kind === 'blank') {
    if (blank === 'skip') return null;
    if (blank === 'missing') {
      ctx.report.reject(ctx.row, ctx.merchantId, '', ISSUE_TEXT.missing(label));
      return undefined;
    }
    return blank;
  }
  ctx.report.reject(ctx.row, ctx.merchantId, cellText(cell), ISSUE_TEXT.badValue(label, cellText(cell), read.expected));
  return undefined;
}

/**
 * Values past the last heading (a shifted export, a stray note) are used by no column: they are
 * reported on their row, without rejecting it, so nothing is ignored without a word.
 */
export function noteExtraCells(ctx: RowContext, cells: Cell[], width: number): void {
  if (width === 0 || cells.length <= width) return;
  const extra = cells.slice(width).map(cellText).filter((text) => text.trim() !== '');
  if (extra.length > 0) ctx.report.note(ctx.row, extra.join(' | '), ISSUE_TEXT.extraCells(extra.length), ctx.merchantId);
}

/** The first non-blank text of a name cell. */
export function nameCell(cell: Cell): string {
  return cell === null || cell === undefined ? '' : cellText(cell).trim();
}
