/**
 * SPEC §7 in SQL: holds, and the true-up against the last approved run. The earlier run is the
 * lines table it wrote (the 17 line columns, as this script's settlement_lines or the CLI's CSV
 * has them), so a warehouse keeps each approved run as a table and settles the next against it.
 */
import type { SqlContext } from './context';
import { SQL_TEXT } from './sqlTexts';
import type { SqlStatement } from './statement';
import { withChain } from './statement';
import { fenDisplay, sqlText } from './text';

/** The earlier run's lines in whole fen, keyed by merchant and day. */
function previousLines(ctx: SqlContext): { name: string; comment: string; body: string } {
  const d = ctx.d;
  return {
    name: 'previous_lines',
    comment: "The last approved run's lines (its settlement_lines table), money back to whole fen.",
    body: `SELECT
  NULLIF(TRIM(CAST(merchant_id AS ${d.text})), '') AS merchant_id,
  COALESCE(CAST(merchant_name AS ${d.text}), '') AS merchant_name,
  date,
  ${d.toFen('gmv')} AS gmv_fen,
  ${d.toFen('baseline_avg')} AS baseline_fen,
  ${d.toFen('incremental_gmv')} AS incremental_fen,
  CAST(tier AS ${d.int}) AS tier,
  ${d.toFen('ad_spend')} AS ad_spend_fen,
  CAST(cashback_rate AS ${d.text}) AS cashback_rate,
  ${d.toFen('cashback')} AS cashback_fen,
  CAST(red_packet_coefficient AS ${d.text}) AS red_packet_coefficient,
  ${d.toFen('red_packet')} AS red_packet_fen,
  ${d.toFen('cash_total')} AS cash_total_fen,
  CAST(traffic_cap AS ${d.int}) AS traffic_cap,
  CAST(traffic_granted AS ${d.int}) AS traffic_granted,
  CAST(status AS ${d.text}) AS status
FROM ${ctx.t.previous}`,
  };
}

const LINE_COLUMNS_SQL = [
  'merchant_id', 'merchant_name', 'date', 'gmv_fen', 'baseline_fen', 'incremental_fen', 'tier', 'ad_spend_fen', 'cashback_rate', 'cashback_fen',
  'red_packet_coefficient', 'red_packet_fen', 'cash_total_fen', 'traffic_cap', 'traffic_granted', 'status', 'reason', 'reason_zh',
  'merchant_blocked', 'merchant_first_row', 'source_row',
];

/**
 * A held merchant's lines pay exactly what the last approved run paid for the same day: a day
 * both runs have is carried with the earlier figures, a day only the earlier run had is carried
 * as it was, a day only this run has pays 0; each says what it would pay now.
 */
export function heldLines(ctx: SqlContext): SqlStatement {
  const d = ctx.d;
  const held = (zh: boolean) => {
    const text = sqlText(d, SQL_TEXT.held, ['hold_reason', fenDisplay(d, 'COALESCE(n.cash_total_fen, 0)'), `CAST(COALESCE(n.traffic_granted, 0) AS ${d.text})`]);
    return zh ? text.zh : text.en;
  };
  const fromPrevious = (column: string, otherwise: string) => (ctx.t.previous ? `CASE WHEN p.merchant_id IS NOT NULL THEN p.${column} ELSE ${otherwise} END` : otherwise);
  // What a held day pays: the earlier run's figure for the day where it has one; now's facts, and nothing paid, otherwise.
  const carried = (
    [
      ['gmv_fen', 'n.gmv_fen'], ['baseline_fen', 'n.baseline_fen'], ['incremental_fen', 'n.incremental_fen'], ['tier', '0'],
      ['ad_spend_fen', 'n.ad_spend_fen'], ['cashback_rate', "'0'"], ['cashback_fen', '0'], ['red_packet_coefficient', "'0'"],
      ['red_packet_fen', '0'], ['cash_total_fen', '0'], ['traffic_cap', '0'], ['traffic_granted', '0'],
    ] as const
  )
    .map(([column, otherwise]) => `  ${fromPrevious(column, otherwise)} AS ${column},`)
    .join('\n');
  const ctes = [
    {
      name: 'held_merchants',
      comment: 'SPEC §7 holds: merchants kept where the last approved run left them, each with the reason given.',
      body: `SELECT NULLIF(TRIM(CAST(merchant_id AS ${d.text})), '') AS merchant_id, MIN(COALESCE(CAST(reason AS ${d.text}), '')) AS hold_reason
FROM ${ctx.t.holds}
GROUP BY 1`,
    },
    ...(ctx.t.previous ? [previousLines(ctx)] : []),
    {
      name: 'held_days',
      comment: 'Each day of a held merchant in either run' + (ctx.t.previous ? '' : ' (no earlier run: a first run pays a held merchant 0)') + '.',
      body: `SELECT
  COALESCE(n.merchant_id${ctx.t.previous ? ', p.merchant_id' : ''}) AS merchant_id,
  COALESCE(n.merchant_name${ctx.t.previous ? ', p.merchant_name' : ''}) AS merchant_name,
  COALESCE(n.date${ctx.t.previous ? ', p.date' : ''}) AS date,
${carried}
  'held' AS status,
  ${held(false)} AS reason,
  ${held(true)} AS reason_zh,
  FALSE AS merchant_blocked,
  MIN(n.merchant_first_row) OVER (PARTITION BY COALESCE(n.merchant_id${ctx.t.previous ? ', p.merchant_id' : ''})) AS merchant_first_row,
  n.source_row,
  COALESCE(n.cash_total_fen, 0) AS would_pay_fen
FROM (SELECT * FROM gmv_lines_now WHERE merchant_id IN (SELECT merchant_id FROM held_merchants)) AS n
${
  ctx.t.previous
    ? `FULL OUTER JOIN (SELECT * FROM previous_lines WHERE merchant_id IN (SELECT merchant_id FROM held_merchants)) AS p
  ON p.merchant_id = n.merchant_id AND p.date = n.date
JOIN held_merchants AS h ON h.merchant_id = COALESCE(n.merchant_id, p.merchant_id)`
    : 'JOIN held_merchants AS h ON h.merchant_id = n.merchant_id'
}`,
    },
    {
      name: 'all_lines',
      comment: 'Every other merchant as settled now.',
      body: `SELECT ${LINE_COLUMNS_SQL.join(', ')}, FALSE AS merchant_held, cash_total_fen AS would_pay_fen
FROM gmv_lines_now
WHERE merchant_id NOT IN (SELECT merchant_id FROM held_merchants WHERE merchant_id IS NOT NULL)
UNION ALL
SELECT ${LINE_COLUMNS_SQL.join(', ')}, TRUE AS merchant_held, would_pay_fen
FROM held_days`,
    },
  ];
  return {
    name: 'gmv_lines',
    kind: 'model',
    comment: 'SPEC §7: the lines with holds applied (status held; a held merchant\'s true-up delta is 0).',
    body: withChain(
      ctes,
      `SELECT *, ROW_NUMBER() OVER (PARTITION BY merchant_id ORDER BY date IS NULL, date, source_row) AS line_in_merchant
FROM all_lines`,
    ),
  };
}

/** SPEC §7 true-up: each line against the earlier run's, per merchant to pay or to recover, and the totals. */
export function trueUpStatements(ctx: SqlContext): SqlStatement[] {
  const d = ctx.d;
  const differs = (a: string, b: string) => `NOT COALESCE(${a} = ${b}, ${a} IS NULL AND ${b} IS NULL)`;
  const clawback = ctx.policy.clawback;
  const dest = (suffix: string) => (ctx.destination ? ctx.destination + suffix : undefined);
  const money = (fen: string) => d.fenAmount(fen);
  return [
    {
      name: 'gmv_true_up_lines',
      kind: 'model',
      comment:
        'SPEC §7: lines matched by (merchant id, date), a line in only one run counting 0 in the other; delta = now − before; change is the first that applies of new, removed, gmv, baseline, ad_spend, status, policy, else unchanged.',
      body: withChain(
        [previousLines(ctx)],
        `SELECT
  COALESCE(n.merchant_id, p.merchant_id) AS merchant_id,
  COALESCE(n.merchant_name, p.merchant_name) AS merchant_name,
  COALESCE(n.date, p.date) AS date,
  COALESCE(p.cash_total_fen, 0) AS previous_cash_total_fen,
  COALESCE(n.cash_total_fen, 0) AS cash_total_fen,
  COALESCE(n.cash_total_fen, 0) - COALESCE(p.cash_total_fen, 0) AS delta_cash_total_fen,
  COALESCE(p.traffic_granted, 0) AS previous_traffic_granted,
  COALESCE(n.traffic_granted, 0) AS traffic_granted,
  COALESCE(n.traffic_granted, 0) - COALESCE(p.traffic_granted, 0) AS delta_traffic_granted,
  CASE
    WHEN p.merchant_id IS NULL THEN 'new'
    WHEN n.merchant_id IS NULL THEN 'removed'
    WHEN ${differs('n.gmv_fen', 'p.gmv_fen')} THEN 'gmv'
    WHEN ${differs('n.baseline_fen', 'p.baseline_fen')} THEN 'baseline'
    WHEN ${differs('n.ad_spend_fen', 'p.ad_spend_fen')} THEN 'ad_spend'
    WHEN ${differs('n.status', 'p.status')} THEN 'status'
    ${ctx.previousPolicyDiffers ? "ELSE 'policy'" : "ELSE 'unchanged'"}
  END AS change,
  n.merchant_first_row,
  n.line_in_merchant
FROM gmv_lines AS n
FULL OUTER JOIN previous_lines AS p ON p.merchant_id = n.merchant_id AND p.date = n.date`,
      ),
    },
    {
      name: 'gmv_true_up_merchants',
      kind: 'model',
      comment: clawback
        ? 'Per merchant: delta = the sum of its line deltas; to pay = max(0, delta), to recover = max(0, −delta) (clawback: true).'
        : 'Per merchant: delta = the sum of its line deltas; to pay = max(0, delta); nothing is recovered and the shortfall is waived (clawback: false).',
      body: `SELECT
  merchant_id,
  MAX(merchant_name) AS merchant_name,
  SUM(previous_cash_total_fen) AS previous_cash_total_fen,
  SUM(cash_total_fen) AS cash_total_fen,
  SUM(delta_cash_total_fen) AS delta_cash_total_fen,
  GREATEST(0, SUM(delta_cash_total_fen)) AS to_pay_fen,
  ${clawback ? 'GREATEST(0, -SUM(delta_cash_total_fen))' : '0'} AS to_recover_fen,
  ${clawback ? '0' : 'GREATEST(0, -SUM(delta_cash_total_fen))'} AS waived_fen,
  MIN(merchant_first_row) AS merchant_first_row
FROM gmv_true_up_lines
GROUP BY merchant_id`,
    },
    {
      name: 'true_up_lines',
      kind: 'output',
      comment: 'The true-up per line.',
      body: `SELECT merchant_id, date, ${money('previous_cash_total_fen')} AS previous_cash_total, ${money('cash_total_fen')} AS cash_total,
  ${money('delta_cash_total_fen')} AS delta_cash_total, previous_traffic_granted, traffic_granted, delta_traffic_granted, change
FROM gmv_true_up_lines`,
      destination: dest('_true_up_lines'),
      orderBy: 'merchant_first_row IS NULL, merchant_first_row, merchant_id, date',
    },
    {
      name: 'true_up_merchants',
      kind: 'output',
      comment: 'The true-up per merchant.',
      body: `SELECT merchant_id, merchant_name, ${money('previous_cash_total_fen')} AS previous_cash_total, ${money('cash_total_fen')} AS cash_total,
  ${money('delta_cash_total_fen')} AS delta_cash_total, ${money('to_pay_fen')} AS to_pay, ${money('to_recover_fen')} AS to_recover, ${money('waived_fen')} AS waived
FROM gmv_true_up_merchants`,
      destination: dest('_true_up_merchants'),
      orderBy: 'merchant_first_row IS NULL, merchant_first_row, merchant_id',
    },
    {
      name: 'true_up_totals',
      kind: 'output',
      comment: 'The true-up totals: sums of the merchants\' figures, so to pay − to recover = delta (with clawback) and delta = now − before.',
      body: `SELECT ${money('SUM(previous_cash_total_fen)')} AS previous_cash_total, ${money('SUM(cash_total_fen)')} AS cash_total,
  ${money('SUM(delta_cash_total_fen)')} AS delta_cash_total, ${money('SUM(to_pay_fen)')} AS to_pay, ${money('SUM(to_recover_fen)')} AS to_recover,
  ${money('SUM(waived_fen)')} AS waived
FROM gmv_true_up_merchants`,
      destination: dest('_true_up_totals'),
    },
  ];
}
