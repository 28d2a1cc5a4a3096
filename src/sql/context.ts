/**
 * What the generator is told (which tables, which of their optional columns exist, which
 * dialect) and what every model reads from it: one object, so each rule's SQL is a function of
 * (context) alone.
 */
import type { Policy } from '../core/policy';
import { tierCoefficient } from '../core/policy';
import { Dec, type Fen } from '../core/money';
import { DIALECTS, type Dialect, type DialectName } from './dialect';

/** The input tables by role; each value is a table name as the warehouse spells it. */
export interface SqlTableNames {
  history: string;
  /**
   * The same history with its source_row, where numbering rows costs a pass of its own (a window
   * over a file): read only where rows are reported (and where names are taken in file order).
   */
  historyRows?: string;
  campaign: string;
  /** Targets / invitation list: merchant_id, [merchant_name], tier1…tier3. */
  targets?: string;
  /** Holds (SPEC §7): merchant_id, reason. */
  holds?: string;
  /** The lines an earlier approved run wrote (the 17 line columns): the base of a true-up and of holds. */
  previous?: string;
  /**
   * Issues a loader already found (the DuckDB engine: rows DuckDB could not type, read again by
   * the default engine's readers): source, source_row, seq, merchant_id, value, message,
   * message_zh, blocks_merchant, rejects_row.
   */
  loaderIssues?: string;
}

/**
 * Which optional columns the tables have. `source_row` is the row a spreadsheet shows for the
 * exported file (header = row 1): with it, issues name rows and lines come in file order, as the
 * default engine's do; a warehouse table without it gets issues without row numbers and lines in
 * merchant id order. `loader_verdict` ('used' | 'rejected' | NULL) marks rows a loader read and
 * checked itself, whose issues are in the loader's table.
 */
export interface SqlColumns {
  history?: { merchantName?: boolean; refundAmount?: boolean; sourceRow?: boolean; loaderVerdict?: boolean };
  campaign?: { merchantName?: boolean; adSpend?: boolean; refundAmount?: boolean; sourceRow?: boolean; loaderVerdict?: boolean };
  targets?: { merchantName?: boolean; tiers?: number[]; sourceRow?: boolean; loaderVerdict?: boolean };
}

export interface SettlementSqlOptions {
  dialect: DialectName;
  tables: SqlTableNames;
  columns?: SqlColumns;
  /** The language of the output table's `reason` column (the engines read both). */
  language?: 'en' | 'zh';
  /**
   * Permanent output tables (`--destination ds.table`): the lines there, and `_merchants`,
   * `_totals`, `_issues` (`_baseline_days` with a baseline window or excluded dates, `_true_up…`)
   * beside it. Without it the outputs are the script's final SELECTs.
   */
  destination?: string;
  /** For a true-up's `policy` change: whether the earlier run settled under another policy. */
  previousPolicyDiffers?: boolean;
}

export interface TierSql {
  number: number;
  thresholdFen: Fen;
  cashbackRate: Dec;
  coefficient: Dec;
  trafficCap: number;
}

export interface SqlContext {
  d: Dialect;
  policy: Policy;
  tiers: TierSql[];
  t: { history: string; historyRows: string; campaign: string; targets?: string; holds?: string; previous?: string; loaderIssues?: string };
  columns: Required<Pick<SqlColumns, 'history' | 'campaign'>> & { targets: NonNullable<SqlColumns['targets']> };
  language: 'en' | 'zh';
  destination?: string;
  previousPolicyDiffers: boolean;
}

export class SqlPolicyError extends Error {}

export function sqlContext(policy: Policy, options: SettlementSqlOptions): SqlContext {
  const d = DIALECTS[options.dialect];
  const columns = options.columns || {};
  const history = columns.history || {};
  const campaign = { merchantName: true, adSpend: true, ...(columns.campaign || {}) };
  if (policy.gmvBasis === 'net_of_refunds' && (!history.refundAmount || !campaign.refundAmount))
    throw new SqlPolicyError(
      'gmv_basis "net_of_refunds" subtracts refund_amount in history and campaign alike (SPEC §7): both tables need a refund_amount column',
    );
  const tiers = policy.tiers.map((tier, i) => {
    const coefficient = tierCoefficient(policy, i + 1);
    if (!coefficient) throw new SqlPolicyError(`tier ${i + 1} has no red-packet coefficient: give one with --coefficient (it is never guessed)`);
    return { number: i + 1, thresholdFen: tier.minGmvFen, cashbackRate: tier.cashbackRate, coefficient, trafficCap: tier.trafficCapPerDay };
  });
  const tableRef = (name?: string) => (name === undefined ? undefined : d.table(name));
  return {
    d,
    policy,
    tiers,
    t: {
      history: d.table(options.tables.history),
      historyRows: d.table(options.tables.historyRows ?? options.tables.history),
      campaign: d.table(options.tables.campaign),
      targets: tableRef(options.tables.targets),
      holds: tableRef(options.tables.holds),
      previous: tableRef(options.tables.previous),
      loaderIssues: tableRef(options.tables.loaderIssues),
    },
    columns: { history, campaign, targets: { merchantName: true, tiers: [1, 2, 3], ...(columns.targets || {}) } },
    language: options.language || 'en',
    destination: options.destination,
    previousPolicyDiffers: options.previousPolicyDiffers || false,
  };
}

/** SPEC §3: no single amount above 100,000,000,000.00 CNY (core/money MAX_FEN). */
export { MAX_FEN } from '../core/money';

/** "a > b" or "a >= b": the threshold test of the policy (SPEC §2 threshold_inclusive). */
export function passes(ctx: SqlContext, gmv: string, threshold: string): string {
  return `${gmv} ${ctx.policy.thresholdInclusive ? '>=' : '>'} ${threshold}`;
}

/** The rounded mean of SPEC §2 in integers: sum / days, half away from zero, exactly. */
export function roundedMean(ctx: SqlContext, sum: string, days: string): string {
  const magnitude = ctx.d.div(`2 * ABS(${sum}) + ${days}`, `2 * ${days}`);
  return `CASE WHEN ${sum} < 0 THEN -${magnitude} ELSE ${magnitude} END`;
}

/** An indented block of SQL lines. */
export function indent(text: string, by = 2): string {
  const pad = ' '.repeat(by);
  return text
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n');
}

export const ZERO = new Dec(0);
