/**
 * The settlement's tables as a warehouse keeps them: the columns of output/tables (LINE_COLUMNS,
 * MERCHANT_COLUMNS, ISSUE_COLUMNS and the totals, by their JSON keys), money as exact two-decimal
 * amounts, rates as exact decimals. The lines carry a `line_number`, as a table has no order.
 */
import type { Dec } from '../core/money';
import { ISSUE_COLUMNS, LINE_COLUMNS, MERCHANT_COLUMNS } from '../output/tables';
import type { SqlContext } from './context';
import { policyChoices } from './historySql';
import type { SqlStatement } from './statement';

/** A rate column (text in gmv_lines) as an exact decimal of the scale its rates need (9 when an earlier run's lines are carried). */
function rateColumn(ctx: SqlContext, column: string, rate: (tier: SqlContext['tiers'][number]) => Dec): string {
  const scale = Math.max(ctx.t.previous ? 9 : 0, ...ctx.tiers.map((t) => rate(t).decimalPlaces()));
  return `CAST(${column} AS ${ctx.d.decimal(scale)})`;
}

/** Each line column by its JSON key, over the columns of gmv_lines. */
function lineColumnSql(ctx: SqlContext): Record<string, string> {
  const money = (fen: string) => ctx.d.fenAmount(fen);
  return {
    merchant_id: 'merchant_id',
    merchant_name: 'merchant_name',
    date: 'date',
    gmv: money('gmv_fen'),
    baseline_avg: money('baseline_fen'),
    incremental_gmv: money('incremental_fen'),
    tier: 'tier',
    ad_spend: money('ad_spend_fen'),
    cashback_rate: rateColumn(ctx, 'cashback_rate', (t) => t.cashbackRate),
    cashback: money('cashback_fen'),
    red_packet_coefficient: rateColumn(ctx, 'red_packet_coefficient', (t) => t.coefficient),
    red_packet: money('red_packet_fen'),
    cash_total: money('cash_total_fen'),
    traffic_cap: 'traffic_cap',
    traffic_granted: 'traffic_granted',
    status: 'status',
    reason: ctx.language === 'zh' ? 'reason_zh' : 'reason',
  };
}

/** Every key of `columns` as `expression AS key`; a key without SQL is a mistake found at once. */
function selectList(keys: { key: string }[], sql: Record<string, string>): string {
  return keys
    .map(({ key }) => {
      if (!(key in sql)) throw new Error(`no SQL for the column "${key}"`);
      return sql[key] === key ? `  ${key}` : `  ${sql[key]} AS ${key}`;
    })
    .join(',\n');
}

/** File order where the rows are numbered (a merchant with no campaign row now, only an earlier run's, last), else by id. */
/** The lines' order as sort keys over gmv_lines, and as one ORDER BY list. */
export const LINE_ORDER_KEYS = ['merchant_first_row IS NULL', 'merchant_first_row', 'merchant_id', 'line_in_merchant'];
export const LINE_ORDER = LINE_ORDER_KEYS.join(', ');

export function outputs(ctx: SqlContext): SqlStatement[] {
  const money = (fen: string) => ctx.d.fenAmount(fen);
  const dest = (suffix: string) => (ctx.destination ? ctx.destination + suffix : undefined);
  const merchantSql: Record<string, string> = {
    merchant_id: 'merchant_id',
    merchant_name: 'merchant_name',
    status: 'status',
    days: 'days',
    qualified_days: 'qualified_days',
    best_tier: 'best_tier',
    cashback: money('cashback_fen'),
    red_packet: money('red_packet_fen'),
    cash_total: money('cash_total_fen'),
    traffic_granted: 'traffic_granted',
  };
  const issueSql: Record<string, string> = {
    source: 'source',
    row: 'source_row',
    merchant_id: 'merchant_id',
    value: 'value',
    message: ctx.language === 'zh' ? 'message_zh' : 'message',
  };
  return [
    {
      name: 'settlement_lines',
      kind: 'output',
      comment: 'The lines (SPEC §5), with the JSON report\'s columns.',
      body: `SELECT
  ROW_NUMBER() OVER (ORDER BY ${LINE_ORDER}) AS line_number,
${selectList(LINE_COLUMNS, lineColumnSql(ctx))}
FROM gmv_lines`,
      destination: dest(''),
      orderBy: 'line_number',
    },
    {
      name: 'settlement_merchants',
      kind: 'output',
      comment: 'One row per merchant.',
      body: `SELECT
${selectList(MERCHANT_COLUMNS, merchantSql)}
FROM gmv_merchants`,
      destination: dest('_merchants'),
      orderBy: 'merchant_first_row IS NULL, merchant_first_row, merchant_id',
    },
    {
      name: 'settlement_totals',
      kind: 'output',
      comment: 'The grand totals and the rows read, used and rejected.',
      body: `SELECT
  merchants,
  blocked_merchants,
  qualified_merchants,
  ${money('cashback_fen')} AS cashback,
  ${money('red_packet_fen')} AS red_packet,
  ${money('cash_total_fen')} AS cash_total,
  traffic_granted,${ctx.t.holds ? `\n  held_merchants,\n  ${money('held_deferred_cash_fen')} AS held_deferred_cash,` : ''}
  rows_read,
  rows_used,
  rows_rejected
FROM gmv_totals`,
      destination: dest('_totals'),
    },
    {
      name: 'settlement_issues',
      kind: 'output',
      comment: 'Every input issue, in the order the default engine lists them.',
      body: `SELECT
${selectList(ISSUE_COLUMNS, issueSql)}
FROM gmv_issues`,
      destination: dest('_issues'),
      orderBy: 'source_order, phase, source_row, seq, issue_date, merchant_id, message',
    },
    ...(policyChoices(ctx)
      ? [
          {
            name: 'settlement_baseline_days',
            kind: 'output' as const,
            comment: "SPEC §8, for the run record: the baseline window (NULL without one) and the history days the window and the excluded dates left out.",
            body: `SELECT CAST(window_from AS ${ctx.d.text}) AS window_from, CAST(window_to AS ${ctx.d.text}) AS window_to, left_out_by_window, left_out_by_exclusion
FROM gmv_baseline_days`,
            destination: dest('_baseline_days'),
          },
        ]
      : []),
  ];
}
