/**
 * SPEC §7 GMV basis. Under `gmv_basis: "net_of_refunds"` each history and campaign row's refunds
 * (退款金额 / refund_amount) are subtracted from its GMV before anything else, so a table without
 * that column cannot be settled; under `"paid"` (the default) GMV is used as given, and a refunds
 * column is reported as not used rather than silently ignored. A ready baseline (过往日均) is used
 * as is (SPEC §2), so a ready history needs no refunds column.
 */
import type { Policy } from '../core/policy';
import { moneyColumn, type MoneyColumn } from './cells';
import type { ColumnMapping } from './columnMapping';
import { HEADER_SYNONYMS } from './headers';
import { COLUMN_LABELS } from './issueText';
import { TableError } from './tableError';

export type GmvBasis = Policy['gmvBasis'];

const SOURCE = {
  history: { en: 'history', zh: '历史数据' },
  campaign: { en: 'campaign', zh: '活动日数据' },
};

/**
 * Fits the mapping of a history or campaign table to the basis: the refunds column read under
 * net_of_refunds (a TableError when there is none), set aside with why under paid.
 */
export function applyGmvBasis(mapping: ColumnMapping, basis: GmvBasis): void {
  if (mapping.source !== 'history' && mapping.source !== 'campaign') return;
  const refund = mapping.fields.refund;
  if (basis === 'paid') {
    if (refund === undefined) return;
    delete mapping.fields.refund;
    mapping.units[refund] = undefined;
    mapping.unused.push({
      index: refund,
      why: {
        en: 'gmv_basis is "paid": GMV is used as given and refunds are not subtracted (set gmv_basis to "net_of_refunds" to subtract them)',
        zh: 'GMV 口径为“按支付GMV”：GMV 按原值使用，不扣除退款（如需扣除，请把 GMV 口径设为“GMV 扣除退款”）',
      },
    });
    return;
  }
  if (refund !== undefined || mapping.shape === 'ready') return;
  const source = SOURCE[mapping.source];
  const names = HEADER_SYNONYMS.refund.slice(0, 2).join(' / ');
  if (mapping.shape === 'wide')
    throw new TableError({
      en: `history: gmv_basis is "net_of_refunds", but a wide history (one column per date) cannot carry refunds per day: give it long, one row per merchant and day with a refunds column (${names}), or as a ready baseline (过往日均)`,
      zh: `历史数据：GMV 口径为“GMV 扣除退款”，但宽表（每个日期一列）无法按天给出退款：请改为逐日明细（每个商家每天一行，含退款金额列：${names}），或给出现成的过往日均`,
    });
  throw new TableError({
    en: `${source.en}: gmv_basis is "net_of_refunds", so each row needs its refunds, but there is no refunds column (${names}). Add the column (0 where nothing was refunded), or set gmv_basis to "paid".`,
    zh: `${source.zh}：GMV 口径为“GMV 扣除退款”，每一行都需要退款金额，但没有退款金额列（${names}）。请添加该列（无退款填 0），或把 GMV 口径改为“按支付GMV”。`,
  });
}

/** The refunds column of a mapping, if it is read: a blank is no refund; a negative or unreadable one rejects its row. */
export function refundColumn(mapping: ColumnMapping): MoneyColumn | undefined {
  const index = mapping.fields.refund;
  return index === undefined ? undefined : moneyColumn(mapping, index, { label: COLUMN_LABELS.refund, blank: 0, allowNegative: false, tallied: true });
}

/** GMV net of refunds; null (not read) stays null. */
export function netGmv(gmvFen: number | null | undefined, refundFen: number | null | undefined): number | null | undefined {
  if (gmvFen === null || gmvFen === undefined) return gmvFen;
  return typeof refundFen === 'number' ? gmvFen - refundFen : gmvFen;
}
