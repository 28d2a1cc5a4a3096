/**
 * The what-if tables (SPEC §8), declared once like the settlement's columns (tables.ts): the
 * custom functions spill them with the English headings, the sidebar shows them in zh or en,
 * and the CLI writes them as CSV or JSON. Each key is its English heading in snake_case, made
 * from the heading itself, so a JSON key and a function's header cannot drift apart.
 */
import type { BudgetAnswer, BudgetField } from '../core/budget';
import type { Dec, FenSum } from '../core/money';
import type { NearMiss } from '../core/nearNextTier';
import type { ScenarioResult } from '../core/scenarios';
import type { CellValue, Column, ColumnKind } from './tables';
import type { Language } from './language';

/** "Extra GMV needed" → "extra_gmv_needed". */
export function snakeCase(heading: string): string {
  return heading.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

function column<T>(en: string, zh: string, kind: ColumnKind, value: (row: T, language: Language) => CellValue, width?: number): Column<T> {
  return { key: snakeCase(en), en, zh, kind, value, width };
}

/** The answer to a budget, with the budget and field it answers. */
export interface BudgetRow {
  budgetFen: number;
  field: BudgetField;
  answer: BudgetAnswer;
}

const FIELD_WORDS: Record<BudgetField, { en: string; zh: string }> = {
  red_packet: { en: 'red_packet', zh: '天降红包' },
  total: { en: 'total', zh: '现金合计' },
};

export const BUDGET_COLUMNS: Column<BudgetRow>[] = [
  column('Coefficient', '奖励系数', 'coefficient', (r) => r.answer.coefficient),
  column('Budget', '预算', 'money', (r) => r.budgetFen),
  column('Budget field', '预算口径', 'text', (r, language) => FIELD_WORDS[r.field][language]),
  column('Cashback', '磁力金牛返还', 'money', (r) => r.answer.settlement().totals.cashbackFen),
  column('Red packet', '天降红包', 'money', (r) => r.answer.settlement().totals.redPacketFen),
  column('Cash total', '现金合计', 'money', (r) => r.answer.settlement().totals.cashTotalFen),
  column('Qualified merchants', '达标商家数', 'count', (r) => r.answer.settlement().totals.qualifiedMerchants),
  column('Next step coefficient', '下一步系数', 'coefficient', (r) => (r.answer.nextStep ? r.answer.nextStep.coefficient : null)),
  column('Next step pays', '下一步发放', 'money', (r) => (r.answer.nextStep ? (r.answer.nextStep.paysFen as FenSum) : null)),
];

export const SCENARIO_COLUMNS: Column<ScenarioResult>[] = [
  column('Change', 'GMV变化', 'percent', (s) => s.change as Dec),
  column('Cashback', '磁力金牛返还', 'money', (s) => s.totals.cashbackFen),
  column('Red packet', '天降红包', 'money', (s) => s.totals.redPacketFen),
  column('Cash total', '现金合计', 'money', (s) => s.totals.cashTotalFen),
  column('Qualified merchants', '达标商家数', 'count', (s) => s.totals.qualifiedMerchants),
  column('Traffic granted', '发放流量', 'count', (s) => s.totals.trafficGranted),
];

export const NEAR_MISS_COLUMNS: Column<NearMiss>[] = [
  column('Merchant ID', '商家ID', 'text', (m) => m.merchantId),
  column('Merchant name', '商家名称', 'text', (m) => m.merchantName, 22),
  column('Date', '日期', 'date', (m) => m.date),
  column('Day GMV', '当日GMV', 'money', (m) => m.gmvFen),
  column('Tier now', '当前档位', 'label', (m) => m.tierNow),
  column('Next tier', '下一档', 'label', (m) => m.nextTier),
  column('Extra GMV needed', '还差GMV', 'money', (m) => m.extraGmvFen),
  column('Extra reward if reached', '达档可多得', 'money', (m) => m.extraRewardFen),
];
