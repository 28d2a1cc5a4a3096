/**
 * The holds table (SPEC §7): merchant id and the reason it is on hold. Read like the other
 * inputs (headings in Chinese or English, title and total rows, row numbers, every row counted)
 * with one difference that follows from what a hold is for: a listed merchant is held even when
 * its row has a problem (no reason given, listed twice), because letting it be paid in full on a
 * doubtful row would defeat the hold. A row whose merchant id cannot be read blocks every
 * merchant it could belong to, as in the other tables (SPEC §4).
 */
import { ISSUE_TEXT } from './issueText';
import type { ColumnMapping } from './columnMapping';
import { nameCell } from './cells';
import { SourceReport } from './report';
import { eachDataRow } from './rows';
import type { Table } from './table';

export interface HoldsRead {
  /** Merchant id → reason ('' when the row gives none). */
  holds: Map<string, string>;
  names: Map<string, string>;
  /** The row each held merchant is on. */
  rowOf: Map<string, number>;
  report: SourceReport;
}

const NO_REASON = {
  en: 'no reason given for the hold: the merchant is held; write why in the reason column so the statement can say it',
  zh: '未填写暂缓原因：该商家仍按暂缓处理；请在原因列写明原因，以便对账单说明',
};

export function readHolds(table: Table, mapping: ColumnMapping): HoldsRead {
  const report = new SourceReport('holds');
  const holds = new Map<string, string>();
  const names = new Map<string, string>();
  const rowOf = new Map<string, number>();
  const reasonColumn = mapping.fields.hold_reason;
  eachDataRow(table, mapping, report, [], (ctx, cells, merchantId, name) => {
    const earlier = rowOf.get(merchantId);
    if (earlier !== undefined) {
      // Held by its first row already: the second is set aside, and blocks nothing more.
      report.reject(ctx.row, merchantId, merchantId, ISSUE_TEXT.duplicateListing(merchantId, earlier), false);
      return;
    }
    const reason = reasonColumn === undefined ? '' : nameCell(cells[reasonColumn]);
    if (reason === '') report.note(ctx.row, merchantId, NO_REASON, merchantId);
    rowOf.set(merchantId, ctx.row);
    holds.set(merchantId, reason);
    if (name) names.set(merchantId, name);
  });
  return { holds, names, rowOf, report };
}
