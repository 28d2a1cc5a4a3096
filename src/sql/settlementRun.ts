/**
 * What an engine read back from the SQL's tables, as the settlement the output layer renders:
 * the same SettlementRun the default engine makes, so the JSON, CSV and XLSX writers serve every
 * engine. The rows are plain values (fen as integers, rates and dates as text), whatever the
 * engine's client returns.
 */
import { Dec, subFen, type Fen, type FenSum } from '../core/money';
import type { InputIssue, LineStatus, MerchantSummary, Settlement, SettlementLine, Totals } from '../core/model';
import type { Policy } from '../core/policy';
import type { BaselineDays } from '../input/baselineChoice';
import type { ColumnMapping } from '../input/columnMapping';
import type { InputsRead } from '../input/readInputs';
import type { RunRecord, SettlementRun } from '../output/settledRun';

type Int = number | bigint;

export interface LineRow {
  merchant_id: string;
  merchant_name: string;
  date: string | null;
  gmv_fen: Int | null;
  baseline_fen: Int | null;
  incremental_fen: Int;
  tier: Int;
  ad_spend_fen: Int;
  cashback_rate: string;
  cashback_fen: Int;
  red_packet_coefficient: string;
  red_packet_fen: Int;
  cash_total_fen: Int;
  traffic_cap: Int;
  traffic_granted: Int;
  status: string;
  reason: string;
  reason_zh: string;
}

export interface MerchantRow {
  merchant_id: string;
  merchant_name: string;
  status: string;
  days: Int;
  qualified_days: Int;
  best_tier: Int;
  cashback_fen: Int;
  red_packet_fen: Int;
  cash_total_fen: Int;
  traffic_granted: Int;
  /** What the merchant's lines would pay now (a held merchant pays the previous run's). */
  would_pay_fen?: Int | null;
}

export interface TotalsRow {
  merchants: Int;
  blocked_merchants: Int;
  qualified_merchants: Int;
  cashback_fen: Int;
  red_packet_fen: Int;
  cash_total_fen: Int;
  traffic_granted: Int;
  /** With a holds table only (SPEC §7). */
  held_merchants?: Int;
  held_deferred_cash_fen?: Int;
}

export interface IssueRow {
  source: string;
  source_row: Int | null;
  merchant_id: string;
  value: string;
  message: string;
  message_zh: string;
  blocks_merchant: boolean;
}

export interface CountRow {
  source: string;
  rows_read: Int;
  rows_rejected: Int;
}

/** SPEC §8: the gmv_baseline_days row, when the policy has a baseline window or excluded dates. */
export interface BaselineDaysRow {
  window_from: string | null;
  window_to: string | null;
  left_out_by_window: Int;
  left_out_by_exclusion: Int;
}

export interface SettlementRows {
  lines: LineRow[];
  merchants: MerchantRow[];
  totals: TotalsRow;
  issues: IssueRow[];
  counts: CountRow[];
  firstCampaignDay?: string;
  baselineDays?: BaselineDaysRow;
}

/** A sum as FenSum: a number while it is safe, a BigInt past 2^53. */
function sum(value: Int): FenSum {
  if (typeof value === 'number') return value;
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

const fen = (value: Int): Fen => Number(value);
const count = (value: Int): number => Number(value);

export function settlementRunFromRows(rows: SettlementRows, policy: Policy, mappings: ColumnMapping[], record: RunRecord): SettlementRun {
  const rates = new Map<string, Dec>();
  const rate = (text: string) => {
    let value = rates.get(text);
    if (!value) rates.set(text, (value = new Dec(text)));
    return value;
  };
  const lines: SettlementLine[] = rows.lines.map((l) => ({
    merchantId: l.merchant_id,
    merchantName: l.merchant_name,
    date: l.date || '',
    gmvFen: l.gmv_fen === null ? null : fen(l.gmv_fen),
    baselineFen: l.baseline_fen === null ? null : fen(l.baseline_fen),
    incrementalFen: fen(l.incremental_fen),
    tier: count(l.tier),
    adSpendFen: fen(l.ad_spend_fen),
    cashbackRate: rate(l.cashback_rate),
    cashbackFen: fen(l.cashback_fen),
    coefficient: rate(l.red_packet_coefficient),
    redPacketFen: fen(l.red_packet_fen),
    cashTotalFen: fen(l.cash_total_fen),
    trafficCap: count(l.traffic_cap),
    trafficGranted: count(l.traffic_granted),
    status: l.status as LineStatus,
    reason: { code: 'stated', en: l.reason, zh: l.reason_zh },
  }));
  const merchants: MerchantSummary[] = rows.merchants.map((m) => ({
    merchantId: m.merchant_id,
    merchantName: m.merchant_name,
    status: m.status as LineStatus,
    days: count(m.days),
    qualifiedDays: count(m.qualified_days),
    bestTier: count(m.best_tier),
    cashbackFen: sum(m.cashback_fen),
    redPacketFen: sum(m.red_packet_fen),
    cashTotalFen: sum(m.cash_total_fen),
    trafficGranted: count(m.traffic_granted),
    // SPEC §7: what a hold defers, would pay now − pays, as core/settle.ts sums it.
    deferredFen: m.status === 'held' && m.would_pay_fen !== null && m.would_pay_fen !== undefined ? subFen(sum(m.would_pay_fen), sum(m.cash_total_fen)) : 0,
  }));
  const t = rows.totals;
  const totals: Totals = {
    merchants: count(t.merchants),
    blockedMerchants: count(t.blocked_merchants),
    qualifiedMerchants: count(t.qualified_merchants),
    cashbackFen: sum(t.cashback_fen),
    redPacketFen: sum(t.red_packet_fen),
    cashTotalFen: sum(t.cash_total_fen),
    trafficGranted: count(t.traffic_granted),
    heldMerchants: t.held_merchants === undefined ? 0 : count(t.held_merchants),
    heldDeferredFen: t.held_deferred_cash_fen === undefined ? 0 : sum(t.held_deferred_cash_fen),
  };
  const settlement: Settlement = { lines, merchants, totals, policy };
  return { settlement, read: inputsRead(rows, policy, mappings), record };
}

function inputsRead(rows: SettlementRows, policy: Policy, mappings: ColumnMapping[]): InputsRead {
  const issues: InputIssue[] = rows.issues.map((i) => ({
    source: i.source as InputIssue['source'],
    row: i.source_row === null ? 0 : count(i.source_row),
    merchantId: i.merchant_id,
    value: i.value,
    message: i.message,
    messageZh: i.message_zh,
    blocksMerchant: i.blocks_merchant,
  }));
  const counts = rows.counts.map((c) => ({ source: c.source, read: count(c.rows_read), used: count(c.rows_read) - count(c.rows_rejected), rejected: count(c.rows_rejected) }));
  const totalCounts = counts.reduce((acc, c) => ({ read: acc.read + c.read, used: acc.used + c.used, rejected: acc.rejected + c.rejected }), { read: 0, used: 0, rejected: 0 });
  // The rules' input stayed in the engine: nothing here settles again from it.
  const input = { history: new Map(), campaign: [], names: new Map(), blocked: new Map(), campaignMerchantOrder: [] };
  return { input, issues, mappings, counts, totalCounts, firstCampaignDay: rows.firstCampaignDay, baselineDays: baselineDays(rows.baselineDays, policy) };
}

/** What the policy's baseline choices left out, as the history reader records it (input/baselineChoice). */
function baselineDays(row: BaselineDaysRow | undefined, policy: Policy): BaselineDays | undefined {
  if (!row) return undefined;
  return {
    window: row.window_from !== null && row.window_to !== null ? { from: row.window_from, to: row.window_to } : undefined,
    excludeDates: policy.baselineExcludeDates.slice(),
    leftOutByWindow: count(row.left_out_by_window),
    leftOutByExclusion: count(row.left_out_by_exclusion),
  };
}
