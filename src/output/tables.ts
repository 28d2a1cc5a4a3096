/**
 * The settlement's tables, declared once: each column's JSON key, its zh/en heading, its kind
 * (which decides formatting: money as #,##0.00, dates as dates) and how to get its value.
 * The CLI (CSV, XLSX, JSON), the settlement sheet and SETTLEMENT() all read these, which is
 * why they show the same table.
 */
import type { Dec } from '../core/money';
import { describeReason } from './reasonText';
import { type Language } from './language';
import type { InputIssue, LineStatus, MerchantSummary, SettlementLine } from '../core/model';
import type { SettlementRun } from './settledRun';

export type ColumnKind = 'text' | 'date' | 'money' | 'rate' | 'int';

/** money: integer fen (a BigInt for a sum past 2^53) or null; rate: Dec; int: number; text/date: string (YYYY-MM-DD). */
export type CellValue = string | number | bigint | Dec | null;

export interface Column<T> {
  key: string;
  en: string;
  zh: string;
  kind: ColumnKind;
  value: (row: T, language: Language) => CellValue;
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
};

export function statusWord(status: LineStatus, language: Language): string {
  return language === 'zh' ? STATUS_ZH[status] : status;
}

export const LINE_COLUMNS: Column<SettlementLine>[] = [
  { key: 'merchant_id', en: 'Merchant ID', zh: '商家ID', kind: 'text', value: (l) => l.merchantId },
  { key: 'merchant_name', en: 'Merchant name', zh: '商家名称', kind: 'text', value: (l) => l.merchantName },
  { key: 'date', en: 'Date', zh: '日期', kind: 'date', value: (l) => l.date || null },
  { key: 'gmv', en: 'Day GMV', zh: '当日GMV', kind: 'money', value: (l) => l.gmvFen },
  { key: 'baseline_avg', en: 'Baseline average', zh: '过往日均', kind: 'money', value: (l) => l.baselineFen },
  { key: 'incremental_gmv', en: 'Incremental GMV', zh: '增量GMV', kind: 'money', value: (l) => l.incrementalFen },
  { key: 'tier', en: 'Tier', zh: '档位', kind: 'int', value: (l) => l.tier },
  { key: 'ad_spend', en: 'Ad spend', zh: '磁力金牛消耗', kind: 'money', value: (l) => l.adSpendFen },
  { key: 'cashback_rate', en: 'Cashback rate', zh: '返还比例', kind: 'rate', value: (l) => l.cashbackRate },
  { key: 'cashback', en: 'Cashback', zh: '磁力金牛返还', kind: 'money', value: (l) => l.cashbackFen },
  { key: 'red_packet_coefficient', en: 'Red-packet coefficient', zh: '奖励系数', kind: 'rate', value: (l) => l.coefficient },
  { key: 'red_packet', en: 'Red packet', zh: '天降红包', kind: 'money', value: (l) => l.redPacketFen },
  { key: 'cash_total', en: 'Cash total', zh: '现金合计', kind: 'money', value: (l) => l.cashTotalFen },
  { key: 'traffic_cap', en: 'Traffic cap / day', zh: '流量封顶/天', kind: 'int', value: (l) => l.trafficCap },
  { key: 'traffic_granted', en: 'Traffic granted', zh: '发放流量', kind: 'int', value: (l) => l.trafficGranted },
  { key: 'status', en: 'Status', zh: '状态', kind: 'text', value: (l, lang) => statusWord(l.status, lang) },
  { key: 'reason', en: 'Reason', zh: '原因', kind: 'text', value: (l, lang) => describeReason(l.reason, lang) },
];

export const MERCHANT_COLUMNS: Column<MerchantSummary>[] = [
  { key: 'merchant_id', en: 'Merchant ID', zh: '商家ID', kind: 'text', value: (m) => m.merchantId },
  { key: 'merchant_name', en: 'Merchant name', zh: '商家名称', kind: 'text', value: (m) => m.merchantName },
  { key: 'status', en: 'Status', zh: '状态', kind: 'text', value: (m, lang) => statusWord(m.status, lang) },
  { key: 'days', en: 'Campaign days', zh: '活动天数', kind: 'int', value: (m) => m.days },
  { key: 'qualified_days', en: 'Qualified days', zh: '达标天数', kind: 'int', value: (m) => m.qualifiedDays },
  { key: 'best_tier', en: 'Best tier', zh: '最高档位', kind: 'int', value: (m) => m.bestTier },
  { key: 'cashback', en: 'Cashback', zh: '磁力金牛返还', kind: 'money', value: (m) => m.cashbackFen },
  { key: 'red_packet', en: 'Red packet', zh: '天降红包', kind: 'money', value: (m) => m.redPacketFen },
  { key: 'cash_total', en: 'Cash total', zh: '现金合计', kind: 'money', value: (m) => m.cashTotalFen },
  { key: 'traffic_granted', en: 'Traffic granted', zh: '发放流量', kind: 'int', value: (m) => m.trafficGranted },
];

export const ISSUE_COLUMNS: Column<InputIssue>[] = [
  { key: 'source', en: 'Source', zh: '来源', kind: 'text', value: (i) => i.source },
  { key: 'row', en: 'Row', zh: '行号', kind: 'int', value: (i) => i.row },
  { key: 'merchant_id', en: 'Merchant ID', zh: '商家ID', kind: 'text', value: (i) => i.merchantId },
  { key: 'value', en: 'Value', zh: '原值', kind: 'text', value: (i) => i.value },
  { key: 'message', en: 'Problem', zh: '问题', kind: 'text', value: (i, lang) => (lang === 'zh' ? i.messageZh : i.message) },
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
    item('merchants', 'Merchants', '商家数', 'int', t.merchants),
    item('blocked_merchants', 'Blocked merchants', '冻结商家数', 'int', t.blockedMerchants),
    item('qualified_merchants', 'Qualified merchants', '达标商家数', 'int', t.qualifiedMerchants),
    item('cashback', 'Cashback', '磁力金牛返还', 'money', t.cashbackFen),
    item('red_packet', 'Red packet', '天降红包', 'money', t.redPacketFen),
    item('cash_total', 'Cash total', '现金合计', 'money', t.cashTotalFen),
    item('traffic_granted', 'Traffic granted', '发放流量', 'int', t.trafficGranted),
    item('rows_read', 'Rows read', '读取行数', 'int', c.read),
    item('rows_used', 'Rows used', '使用行数', 'int', c.used),
    item('rows_rejected', 'Rows rejected', '拒绝行数', 'int', c.rejected),
  ];
}

export function heading(column: { en: string; zh: string }, language: Language): string {
  return language === 'zh' ? column.zh : column.en;
}

