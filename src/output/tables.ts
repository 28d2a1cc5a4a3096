/**
 * The settlement's tables, declared once: each column's JSON key, its zh/en heading, its kind
 * (which decides its value's type and its number format: money as #,##0.00, a cashback rate as
 * 50.0%, dates as dates), its width, and how to get its value. The settlement sheet, the CLI's
 * XLSX, CSV and JSON, and SETTLEMENT() all render from these, which is why they show the same
 * table the same way.
 */
import type { Dec } from '../core/money';
import { describeReason } from './reasonText';
import { type Language } from './language';
import type { InputIssue, LineStatus, MerchantSummary, SettlementLine } from '../core/model';
import type { SettlementRun } from './settledRun';

/**
 * What a column holds, and so how Sheets and Excel show it (one number-format syntax serves both)
 * and how wide it is (in characters, as XLSX measures columns).
 */
export const KINDS = {
  text: { format: '@', width: 14 },
  date: { format: 'yyyy-mm-dd', width: 12 },
  /** What finance reads: thousands separators, cents always shown. */
  money: { format: '#,##0.00', width: 16 },
  /** A share such as a cashback rate: 30% shows as 30.0%, 12.345% in full — never rounded away. */
  percent: { format: '0.0###%', width: 12 },
  /** The red-packet coefficient is a multiplier (0.05), shown as set. */
  coefficient: { format: '0.00##', width: 12 },
  count: { format: '#,##0', width: 12 },
  /** Tiers and row numbers are labels, not quantities: no separator. */
  label: { format: '0', width: 8 },
} as const;
export type ColumnKind = keyof typeof KINDS;

/** Kinds whose values are Dec rates, and kinds whose values are whole numbers. */
export const isRate = (kind: ColumnKind) => kind === 'percent' || kind === 'coefficient';
export const isWhole = (kind: ColumnKind) => kind === 'count' || kind === 'label';

/** money: integer fen (a BigInt for a sum past 2^53) or null; rates: Dec; count/label: number; text/date: string (YYYY-MM-DD). */
export type CellValue = string | number | bigint | Dec | null;

export interface Column<T> {
  key: string;
  en: string;
  zh: string;
  kind: ColumnKind;
  /** Characters, where the kind's width does not fit (names, reasons). */
  width?: number;
  value: (row: T, language: Language) => CellValue;
}

/** The number format of a column, the same in the sheet and in XLSX. */
export function formatOf(column: { kind: ColumnKind }): string {
  return KINDS[column.kind].format;
}

export function widthOf(column: { kind: ColumnKind; width?: number }): number {
  return column.width || KINDS[column.kind].width;
}

/**
 * A status as a reader of the table sees it: the code in English (the JSON contract, and what a
 * filter on an English sheet matches), the word in Chinese sheets, XLSX and `--lang zh` CSV.
 */
export const STATUS_ZH: Record<LineStatus, string> = {
  qualified: '合格',
  not_qualified: '未达标',
  no_baseline: '无均值',
  not_invited: '未受邀',
  blocked: '已冻结',
  held: '暂缓',
};

export function statusWord(status: LineStatus, language: Language): string {
  return language === 'zh' ? STATUS_ZH[status] : status;
}

export const LINE_COLUMNS: Column<SettlementLine>[] = [
  { key: 'merchant_id', en: 'Merchant ID', zh: '商家ID', kind: 'text', value: (l) => l.merchantId },
  { key: 'merchant_name', en: 'Merchant name', zh: '商家名称', kind: 'text', width: 22, value: (l) => l.merchantName },
  { key: 'date', en: 'Date', zh: '日期', kind: 'date', value: (l) => l.date || null },
  { key: 'gmv', en: 'Day GMV', zh: '当日GMV', kind: 'money', value: (l) => l.gmvFen },
  { key: 'baseline_avg', en: 'Baseline average', zh: '过往日均', kind: 'money', value: (l) => l.baselineFen },
  { key: 'incremental_gmv', en: 'Incremental GMV', zh: '增量GMV', kind: 'money', value: (l) => l.incrementalFen },
  { key: 'tier', en: 'Tier', zh: '档位', kind: 'label', value: (l) => l.tier },
  { key: 'ad_spend', en: 'Ad spend', zh: '磁力金牛消耗', kind: 'money', value: (l) => l.adSpendFen },
  { key: 'cashback_rate', en: 'Cashback rate', zh: '返还比例', kind: 'percent', value: (l) => l.cashbackRate },
  { key: 'cashback', en: 'Cashback', zh: '磁力金牛返还', kind: 'money', value: (l) => l.cashbackFen },
  { key: 'red_packet_coefficient', en: 'Red-packet coefficient', zh: '奖励系数', kind: 'coefficient', value: (l) => l.coefficient },
  { key: 'red_packet', en: 'Red packet', zh: '天降红包', kind: 'money', value: (l) => l.redPacketFen },
  { key: 'cash_total', en: 'Cash total', zh: '现金合计', kind: 'money', value: (l) => l.cashTotalFen },
  { key: 'traffic_cap', en: 'Traffic cap / day', zh: '流量封顶/天', kind: 'count', value: (l) => l.trafficCap },
  { key: 'traffic_granted', en: 'Traffic granted', zh: '发放流量', kind: 'count', value: (l) => l.trafficGranted },
  { key: 'status', en: 'Status', zh: '状态', kind: 'text', value: (l, lang) => statusWord(l.status, lang) },
  { key: 'reason', en: 'Reason', zh: '原因', kind: 'text', width: 60, value: (l, lang) => describeReason(l.reason, lang) },
];

export const MERCHANT_COLUMNS: Column<MerchantSummary>[] = [
  { key: 'merchant_id', en: 'Merchant ID', zh: '商家ID', kind: 'text', value: (m) => m.merchantId },
  { key: 'merchant_name', en: 'Merchant name', zh: '商家名称', kind: 'text', width: 22, value: (m) => m.merchantName },
  { key: 'status', en: 'Status', zh: '状态', kind: 'text', value: (m, lang) => statusWord(m.status, lang) },
  { key: 'days', en: 'Campaign days', zh: '活动天数', kind: 'count', value: (m) => m.days },
  { key: 'qualified_days', en: 'Qualified days', zh: '达标天数', kind: 'count', value: (m) => m.qualifiedDays },
  { key: 'best_tier', en: 'Best tier', zh: '最高档位', kind: 'label', value: (m) => m.bestTier },
  { key: 'cashback', en: 'Cashback', zh: '磁力金牛返还', kind: 'money', value: (m) => m.cashbackFen },
  { key: 'red_packet', en: 'Red packet', zh: '天降红包', kind: 'money', value: (m) => m.redPacketFen },
  { key: 'cash_total', en: 'Cash total', zh: '现金合计', kind: 'money', value: (m) => m.cashTotalFen },
  { key: 'traffic_granted', en: 'Traffic granted', zh: '发放流量', kind: 'count', value: (m) => m.trafficGranted },
];

/**
 * The merchants as the summary sheet and the XLSX show them: the JSON's columns and why a
 * blocked or held merchant is paid as it is (the reason a finance reviewer asks for first).
 */
export const MERCHANT_SHEET_COLUMNS: Column<MerchantSummary>[] = MERCHANT_COLUMNS.concat([
  { key: 'reason', en: 'Reason', zh: '原因', kind: 'text', width: 60, value: (m, lang) => (m.reason ? describeReason(m.reason, lang) : '') },
]);

export const ISSUE_COLUMNS: Column<InputIssue>[] = [
  { key: 'source', en: 'Source', zh: '来源', kind: 'text', value: (i) => i.source },
  { key: 'row', en: 'Row', zh: '行号', kind: 'label', value: (i) => i.row },
  { key: 'merchant_id', en: 'Merchant ID', zh: '商家ID', kind: 'text', value: (i) => i.merchantId },
  { key: 'value', en: 'Value', zh: '原值', kind: 'text', value: (i) => i.value },
  { key: 'message', en: 'Problem', zh: '问题', kind: 'text', width: 60, value: (i, lang) => (lang === 'zh' ? i.messageZh : i.message) },
];

export interface TotalItem {
  key: string;
  en: string;
  zh: string;
  kind: ColumnKind;
  value: CellValue;
}

/** Grand totals and row counts, in the order the sheet and JSON show them. */
export function totalItems(run: SettlementRun): TotalItem[] {
  const t = run.settlement.totals;
  const c = run.read.totalCounts;
  const item = (key: string, en: string, zh: string, kind: ColumnKind, value: CellValue): TotalItem => ({ key, en, zh, kind, value });
  return [
    item('merchants', 'Merchants', '商家数', 'count', t.merchants),
    item('blocked_merchants', 'Blocked merchants', '冻结商家数', 'count', t.blockedMerchants),
    item('held_merchants', 'Held merchants', '暂缓商家数', 'count', t.heldMerchants),
    item('qualified_merchants', 'Qualified merchants', '达标商家数', 'count', t.qualifiedMerchants),
    item('cashback', 'Cashback', '磁力金牛返还', 'money', t.cashbackFen),
    item('red_packet', 'Red packet', '天降红包', 'money', t.redPacketFen),
    item('cash_total', 'Cash total', '现金合计', 'money', t.cashTotalFen),
    item('traffic_granted', 'Traffic granted', '发放流量', 'count', t.trafficGranted),
    // SPEC §7: what the holds defer, would pay now − pays (negative when a hold keeps more paid).
    item('held_deferred_cash', 'Deferred by holds', '暂缓递延金额', 'money', t.heldDeferredFen),
    item('rows_read', 'Rows read', '读取行数', 'count', c.read),
    item('rows_used', 'Rows used', '使用行数', 'count', c.used),
    item('rows_rejected', 'Rows rejected', '拒绝行数', 'count', c.rejected),
  ];
}

export function heading(column: { en: string; zh: string }, language: Language): string {
  return language === 'zh' ? column.zh : column.en;
}

