/**
 * Reading one cell of a known column and, when it is wrong, rejecting its row with the column
 * name, the value and what was expected. Shared by the history, campaign and targets readers.
 */
import type { Fen } from '../core/money';
import type { ColumnMapping } from './columnMapping';
import { readDate, type DateValue } from './date';
import { readMerchantId } from './merchantId';
import { plainMoneyFen, readMoneyFen, type Cell } from './number';
import type { SourceReport } from './report';
import { ISSUE_TEXT, COLUMN_LABELS, type ColumnLabel } from './issueText';
import { cellText } from './table';

export interface RowContext {
  report: SourceReport;
  row: number;
  merchantId: string;
  /** Adds a money value to the sums a total row of the export is checked against. */
  tally(column: number, fen: Fen): void;
}

/**
 * The merchant id of a row, or undefined after rejecting the row. An id that cannot be read for
 * sure (converted to a number, or hiding invisible characters) is kept on the report with the
 * row's name, so readInputs can block every merchant the row could belong to (SPEC §4).
 */
export function idCell(ctx: RowContext, cell: Cell, name: string): string | undefined {
  const read = readMerchantId(cell);
  if (read.kind === 'id') return read.id;
  const report = ctx.report;
  if (read.kind === 'blank') {
    report.reject(ctx.row, '', '', ISSUE_TEXT.missing(COLUMN_LABELS.merchantId));
    return undefined;
  }
  if (read.kind === 'invisible') {
    const issue = report.reject(ctx.row, '', read.shown, ISSUE_TEXT.invisibleInId(read.shown, read.codePoints));
    report.uncertainRows.push({ issue, name, visibleId: read.visible });
    return undefined;
  }
  const issue = report.reject(ctx.row, '', cellText(cell), ISSUE_TEXT.badValue(COLUMN_LABELS.merchantId, cellText(cell), read.expected));
  if (read.converted) report.uncertainRows.push({ issue, name, converted: read.converted });
  return undefined;
}

export function dateCell(ctx: RowContext, cell: Cell, label: ColumnLabel = COLUMN_LABELS.date): DateValue | undefined {
  const read = readDate(cell);
  if (read.kind === 'date') return read;
  if (read.kind === 'blank') ctx.report.reject(ctx.row, ctx.merchantId, '', ISSUE_TEXT.missing(label));
  else ctx.report.reject(ctx.row, ctx.merchantId, cellText(cell), ISSUE_TEXT.badValue(label, cellText(cell), read.expected));
  return undefined;
}

/** How a money column is read: its label for messages, its unit, and what a blank means. */
export interface MoneyColumn {
  index: number;
  label: ColumnLabel;
  /** Power of ten from the heading's unit: 4 for 万元. */
  exponent: number;
  /** A value (0 for ad spend), 'missing' to reject the row, or 'skip' to return null (AVERAGE's blank). */
  blank: 'missing' | 'skip' | Fen;
  allowNegative: boolean;
  /** Whether a total row of the export is checked on this column. */
  tallied: boolean;
}

/** A money column of a mapping, read with the unit its heading (or title line) gives. */
export function moneyColumn(mapping: ColumnMapping, index: number, column: Omit<MoneyColumn, 'index' | 'exponent'>): MoneyColumn {
  const unit = mapping.units[index];
  return { index, exponent: unit ? unit.exponent : 0, ...column };
}

/** Money in a row's cell of `column`, or undefined after rejecting the row; null for a skipped blank. */
export function moneyCell(ctx: RowContext, cells: Cell[], column: MoneyColumn): Fen | null | undefined {
  const cell = cells[column.index];
  if (column.exponent === 0 && typeof cell === 'string') {
    // The common case, without building a result object per cell.
    const fen = plainMoneyFen(cell);
    if (fen !== undefined && (fen >= 0 || column.allowNegative)) {
      if (column.tallied) ctx.tally(column.index, fen);
      return fen;
    }
  }
  const read = readMoneyFen(cell, column.exponent);
  if (read.kind === 'fen') {
    if (column.tallied) ctx.tally(column.index, read.fen);
    if (read.fen < 0 && !column.allowNegative) {
      ctx.report.reject(ctx.row, ctx.merchantId, cellText(cell), ISSUE_TEXT.negative(column.label, cellText(cell)));
      return undefined;
    }
    return read.fen;
  }
  if (read.kind === 'blank') {
    if (column.blank === 'skip') return null;
    if (column.blank === 'missing') {
      ctx.report.reject(ctx.row, ctx.merchantId, '', ISSUE_TEXT.missing(column.label));
      return undefined;
    }
    return column.blank;
  }
  ctx.report.reject(ctx.row, ctx.merchantId, cellText(cell), ISSUE_TEXT.badValue(column.label, cellText(cell), read.expected));
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
