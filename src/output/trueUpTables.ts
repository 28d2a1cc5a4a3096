/**
 * The true-up's tables (SPEC §7), declared once like the settlement's (tables.ts): the JSON
 * `true_up` object, the true-up sheet, the statements and the payout list render from these. The
 * keys are the JSON contract of the README; `waived` is there only under `clawback: false`, where
 * a shortfall is waived instead of recovered.
 */
import type { Change, PolicyChange, TrueUp, TrueUpFigures, TrueUpLine, TrueUpMerchant } from '../core/trueUp';
import type { Language } from './language';
import type { Column, TotalItem } from './tables';

export const CHANGE_WORDS: Record<Change, { en: string; zh: string }> = {
  new: { en: 'new', zh: '新增' },
  removed: { en: 'removed', zh: '已移除' },
  gmv: { en: 'gmv', zh: 'GMV变化' },
  baseline: { en: 'baseline', zh: '过往日均变化' },
  ad_spend: { en: 'ad_spend', zh: '磁力金牛消耗变化' },
  status: { en: 'status', zh: '状态变化' },
  policy: { en: 'policy', zh: '政策变化' },
  unchanged: { en: 'unchanged', zh: '未变' },
};

/** SPEC §7 "the true-up says so": each policy key changed since the previous run, its values as the policy file writes them. */
export const POLICY_CHANGE_COLUMNS: Column<PolicyChange>[] = [
  { key: 'key', en: 'Policy key', zh: '政策项', kind: 'text', value: (c) => c.key },
  { key: 'previous', en: 'Previous run', zh: '上次结算', kind: 'text', value: (c) => c.previous },
  { key: 'now', en: 'This run', zh: '本次结算', kind: 'text', value: (c) => c.now },
];

/** "gmv_basis "paid" → "net_of_refunds"; clawback true → false", for a line of text; "" when nothing changed. */
export function policyChangesText(trueUp: TrueUp): string {
  return (trueUp.policyChanges || []).map((c) => `${c.key} ${c.previous} → ${c.now}`).join('; ');
}

/** The code in English (the JSON contract, what a filter on an English sheet matches), the word in Chinese. */
export function changeWord(change: Change, language: Language): string {
  return CHANGE_WORDS[change][language];
}

export const TRUE_UP_LINE_COLUMNS: Column<TrueUpLine>[] = [
  { key: 'merchant_id', en: 'Merchant ID', zh: '商家ID', kind: 'text', value: (l) => l.merchantId },
  { key: 'date', en: 'Date', zh: '日期', kind: 'date', value: (l) => l.date || null },
  { key: 'previous_cash_total', en: 'Previous cash total', zh: '上次现金合计', kind: 'money', value: (l) => l.previousCashFen },
  { key: 'cash_total', en: 'Cash total now', zh: '本次现金合计', kind: 'money', value: (l) => l.cashFen },
  { key: 'delta_cash_total', en: 'Cash delta', zh: '现金差额', kind: 'money', value: (l) => l.deltaCashFen },
  { key: 'previous_traffic_granted', en: 'Previous traffic', zh: '上次发放流量', kind: 'count', value: (l) => l.previousTraffic },
  { key: 'traffic_granted', en: 'Traffic now', zh: '本次发放流量', kind: 'count', value: (l) => l.traffic },
  { key: 'delta_traffic_granted', en: 'Traffic delta', zh: '流量差额', kind: 'count', value: (l) => l.deltaTraffic },
  { key: 'change', en: 'Change', zh: '变化', kind: 'text', value: (l, lang) => changeWord(l.change, lang) },
];

/** The sheet's lines: the contract's columns with the merchant's name beside its id, for a person reading them. */
export const TRUE_UP_LINE_SHEET_COLUMNS: Column<TrueUpLine>[] = [
  TRUE_UP_LINE_COLUMNS[0],
  { key: 'merchant_name', en: 'Merchant name', zh: '商家名称', kind: 'text', width: 22, value: (l) => l.merchantName },
  ...TRUE_UP_LINE_COLUMNS.slice(1),
];

const WAIVED_MERCHANT: Column<TrueUpMerchant> = { key: 'waived', en: 'Waived', zh: '豁免', kind: 'money', value: (m) => m.waivedFen };

const MERCHANT_COLUMNS: Column<TrueUpMerchant>[] = [
  { key: 'merchant_id', en: 'Merchant ID', zh: '商家ID', kind: 'text', value: (m) => m.merchantId },
  { key: 'merchant_name', en: 'Merchant name', zh: '商家名称', kind: 'text', width: 22, value: (m) => m.merchantName },
  { key: 'previous_cash_total', en: 'Previous cash total', zh: '上次现金合计', kind: 'money', value: (m) => m.previousCashFen },
  { key: 'cash_total', en: 'Cash total now', zh: '本次现金合计', kind: 'money', value: (m) => m.cashFen },
  { key: 'delta_cash_total', en: 'Cash delta', zh: '现金差额', kind: 'money', value: (m) => m.deltaCashFen },
  { key: 'to_pay', en: 'To pay', zh: '应补发', kind: 'money', value: (m) => m.toPayFen },
  { key: 'to_recover', en: 'To recover', zh: '应追回', kind: 'money', value: (m) => m.toRecoverFen },
];

/** Per merchant, as the JSON contract lists them; `waived` after them under clawback: false. */
export function trueUpMerchantColumns(trueUp: TrueUp): Column<TrueUpMerchant>[] {
  return trueUp.clawback ? MERCHANT_COLUMNS : MERCHANT_COLUMNS.concat([WAIVED_MERCHANT]);
}

/** The true-up's totals, in the contract's order; `waived` under clawback: false. */
export function trueUpTotalItems(trueUp: TrueUp): TotalItem[] {
  const t: TrueUpFigures = trueUp.totals;
  const items: TotalItem[] = [
    { key: 'previous_cash_total', en: 'Previous cash total', zh: '上次现金合计', kind: 'money', value: t.previousCashFen },
    { key: 'cash_total', en: 'Cash total now', zh: '本次现金合计', kind: 'money', value: t.cashFen },
    { key: 'delta_cash_total', en: 'Cash delta', zh: '现金差额', kind: 'money', value: t.deltaCashFen },
    { key: 'to_pay', en: 'To pay', zh: '应补发', kind: 'money', value: t.toPayFen },
    { key: 'to_recover', en: 'To recover', zh: '应追回', kind: 'money', value: t.toRecoverFen },
  ];
  if (!trueUp.clawback) items.push({ key: 'waived', en: 'Waived (clawback off)', zh: '豁免（不追回）', kind: 'money', value: t.waivedFen });
  return items;
}
