/**
 * What the lines add up to (SPEC §5): a row per merchant, the rows read / used / rejected per
 * input, and the grand totals, which are sums of the rounded line figures (SPEC §2), so SUM
 * over the lines equals them exactly. Then the checks that stop a run, and the outputs.
 */
import { TABLE_TEXT } from '../input/issueText';
import type { SqlContext } from './context';
import { SQL_TEXT } from './sqlTexts';
import type { SqlStatement } from './statement';
import { withChain } from './statement';
import { sqlText } from './text';

const count = (condition: string) => `COUNT(CASE WHEN ${condition} THEN 1 END)`;

export function merchantRows(ctx: SqlContext): SqlStatement {
  return {
    name: 'gmv_merchants',
    kind: 'model',
    comment:
      "One row per merchant (SPEC §5): blocked if any row of it was rejected, else qualified if any day qualified, else its first line's status; days, qualified days, best tier and the sums of its lines.",
    body: `SELECT
  merchant_id,
  MAX(CASE WHEN line_in_merchant = 1 THEN merchant_name END) AS merchant_name,
  CASE${ctx.t.holds ? "\n    WHEN MAX(CASE WHEN merchant_held THEN 1 ELSE 0 END) = 1 THEN 'held'" : ''}
    WHEN MAX(CASE WHEN merchant_blocked THEN 1 ELSE 0 END) = 1 THEN 'blocked'
    WHEN ${count("status = 'qualified'")} > 0 THEN 'qualified'
    ELSE MAX(CASE WHEN line_in_merchant = 1 THEN status END)
  END AS status,
  COUNT(*) AS days,
  ${count("status = 'qualified'")} AS qualified_days,
  MAX(tier) AS best_tier,
  CAST(SUM(cashback_fen) AS ${ctx.d.int}) AS cashback_fen,
  CAST(SUM(red_packet_fen) AS ${ctx.d.int}) AS red_packet_fen,
  CAST(SUM(cash_total_fen) AS ${ctx.d.int}) AS cash_total_fen,
  CAST(SUM(traffic_granted) AS ${ctx.d.int}) AS traffic_granted,
  CAST(SUM(would_pay_fen) AS ${ctx.d.int}) AS would_pay_fen,
  MIN(merchant_first_row) AS merchant_first_row
FROM gmv_lines
GROUP BY merchant_id`,
  };
}

export function rowCounts(ctx: SqlContext): SqlStatement {
  const parts = [
    `-- History: rejected = rows with a problem, read by the loader and rejected, inside the campaign, or a later duplicate.
SELECT 'history' AS source, 1 AS source_order, COALESCE(SUM(rows_read), 0) AS rows_read,
  COALESCE(SUM(problem_rows + loader_rejected_rows + left_out_rows + candidate_rows - candidate_days), 0) AS rows_rejected
FROM gmv_history_merchants`,
    `SELECT 'campaign' AS source, 2 AS source_order, COUNT(*) AS rows_read, COALESCE(${count('rejected')}, 0) AS rows_rejected
FROM gmv_campaign_rows`,
  ];
  if (ctx.t.targets)
    parts.push(`SELECT 'targets' AS source, 3 AS source_order, COUNT(*) AS rows_read, COALESCE(${count('NOT accepted')}, 0) AS rows_rejected
FROM gmv_target_rows`);
  return {
    name: 'gmv_row_counts',
    kind: 'model',
    comment: 'SPEC §4: rows read = rows used + rows rejected, per input (a blank row is not read).',
    body: parts.join('\nUNION ALL\n'),
  };
}

export function grandTotals(ctx: SqlContext): SqlStatement {
  const held = ctx.t.holds
    ? `,
    ${count("status = 'held'")} AS held_merchants,
    COALESCE(SUM(CASE WHEN status = 'held' THEN would_pay_fen - cash_total_fen ELSE 0 END), 0) AS held_deferred_cash_fen`
    : '';
  return {
    name: 'gmv_totals',
    kind: 'model',
    comment:
      'Grand totals: sums of the rounded figures, so SUM over the lines equals them (SPEC §2), and the rows read, used and rejected' +
      (ctx.t.holds ? '; held merchants and the cash their holds defer (would pay now − pays) apart (SPEC §7).' : '.'),
    body: `SELECT
  m.merchants,
  m.blocked_merchants,
  m.qualified_merchants,
  m.cashback_fen,
  m.red_packet_fen,
  m.cash_total_fen,
  m.traffic_granted,${ctx.t.holds ? '\n  m.held_merchants,\n  m.held_deferred_cash_fen,' : ''}
  r.rows_read,
  r.rows_read - r.rows_rejected AS rows_used,
  r.rows_rejected
FROM (
  SELECT
    COUNT(*) AS merchants,
    ${count("status = 'blocked'")} AS blocked_merchants,
    ${count("status = 'qualified'")} AS qualified_merchants,
    CAST(COALESCE(SUM(cashback_fen), 0) AS ${ctx.d.int}) AS cashback_fen,
    CAST(COALESCE(SUM(red_packet_fen), 0) AS ${ctx.d.int}) AS red_packet_fen,
    CAST(COALESCE(SUM(cash_total_fen), 0) AS ${ctx.d.int}) AS cash_total_fen,
    CAST(COALESCE(SUM(traffic_granted), 0) AS ${ctx.d.int}) AS traffic_granted${held}
  FROM gmv_merchants
) AS m
CROSS JOIN (SELECT SUM(rows_read) AS rows_read, SUM(rows_rejected) AS rows_rejected FROM gmv_row_counts) AS r`,
  };
}

/**
 * Ids the SQL engines cannot place for sure (SPEC §3–4): converted to numbers (1.23457E+11,
 * 12345.0), with invisible characters, or total rows. One pattern, so each id is matched once.
 */
const UNCERTAIN_ID = [
  '^[+-]?[0-9]*(\\.[0-9]*)?[eE][+-]?[0-9]+$',
  '^[0-9]+\\.0+$',
  '[\\p{Cc}\\p{Cf}]',
  '^\\s*(合计|总计|共计|总合计|小计)',
  '(?i)^\\s*(grand\\s*)?(sub\\s*-?\\s*)?totals?\\b',
];

function uncertainId(ctx: SqlContext, column: string): string {
  return ctx.d.contains(column, UNCERTAIN_ID.map((p) => `(${p})`).join('|'));
}

export function runChecks(ctx: SqlContext): SqlStatement {
  const sources = [
    `SELECT 'history' AS source, merchant_id AS value FROM gmv_history_merchants WHERE ${uncertainId(ctx, 'merchant_id')}`,
    `SELECT 'campaign' AS source, merchant_id AS value FROM gmv_campaign_rows WHERE ${uncertainId(ctx, 'merchant_id')}`,
    `SELECT 'campaign' AS source, merchant_name AS value FROM gmv_campaign_rows WHERE ${uncertainId(ctx, 'merchant_name')}`,
    ...(ctx.t.targets ? [`SELECT 'targets' AS source, merchant_id AS value FROM gmv_target_rows WHERE ${uncertainId(ctx, 'merchant_id')}`] : []),
  ];
  const ctes = [
    {
      name: 'history_span',
      comment: 'The dated history days, and how many of them fall inside the campaign.',
      body: `SELECT MIN(first_dated_day) AS first_history_day, COALESCE(SUM(dated_rows), 0) AS dated_rows, COALESCE(SUM(left_out_rows), 0) AS left_out_rows
FROM gmv_history_merchants`,
    },
    {
      name: 'uncertain_ids',
      comment: 'Rows whose merchant is not known for sure.',
      body: sources.join('\nUNION ALL\n'),
    },
  ];
  const select = `SELECT
  s.first_day,
  s.first_day_row,
  s.last_day,
  h.first_history_day,
  h.dated_rows,
  h.left_out_rows,
  (SELECT MIN(source || ': ' || value) FROM uncertain_ids) AS uncertain_row
FROM gmv_campaign_start AS s
CROSS JOIN history_span AS h`;
  return {
    name: 'gmv_checks',
    kind: 'model',
    comment: 'What stops a run before anything is paid: history and campaign given the wrong way round, or a row whose merchant the SQL cannot place for sure.',
    body: withChain(ctes, select),
  };
}

export function guard(ctx: SqlContext): SqlStatement {
  const d = ctx.d;
  const both = (text: { en: string; zh: string }) => `${text.en} || ' / ' || ${text.zh}`;
  const text = (s: string) => `CAST(${s} AS ${d.text})`;
  const swappedA = sqlText(d, TABLE_TEXT.campaignBeforeHistory, [text('last_day'), text('first_history_day')]);
  const swappedB = sqlText(d, TABLE_TEXT.historyInsideCampaign, [text('first_day'), text('first_day_row')]);
  const uncertain = sqlText(d, SQL_TEXT.uncertainId, ['uncertain_row']);
  return {
    name: 'gmv_guard',
    kind: 'guard',
    comment: 'Stops the script with the message a person needs when gmv_checks found a reason not to settle.',
    body: `SELECT CASE
  WHEN last_day < first_history_day THEN ${d.error(both(swappedA))}
  WHEN dated_rows > 0 AND left_out_rows = dated_rows THEN ${d.error(both(swappedB))}
  WHEN uncertain_row IS NOT NULL THEN ${d.error(both(uncertain))}
  ELSE 'ok'
END AS checked
FROM gmv_checks`,
  };
}
