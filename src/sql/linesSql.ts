/**
 * The settlement lines (SPEC §2, §5): one per merchant per campaign day, with the baseline, the
 * tier, the rewards and the traffic, the status and the reason, as core/settle makes them.
 */
import type { SqlContext } from './context';
import { passes, roundedMean } from './context';
import { reasonFigures, reasonSql } from './reasonSql';
import type { SqlStatement } from './statement';
import { withChain } from './statement';

function byTier(ctx: SqlContext, value: (tier: SqlContext['tiers'][number]) => string, otherwise = '0'): string {
  return `CASE tier ${ctx.tiers.map((t) => `WHEN ${t.number} THEN ${value(t)}`).join(' ')} ELSE ${otherwise} END`;
}

export function settledLines(ctx: SqlContext, name = 'gmv_lines'): SqlStatement {
  const { d } = ctx;
  const thresholds = ctx.tiers.map((t) => `threshold${t.number}_fen`);
  const invitedOnly = ctx.policy.invitedOnly;
  const zero = ctx.policy.newMerchantBaseline === 'zero';
  const minDays = ctx.policy.baselineMinDays;
  // A merchant with no history rows at all has no row in baselines: under "zero" its baseline is 0 too.
  const baseline = zero ? 'CASE WHEN hb.merchant_id IS NULL THEN 0 ELSE hb.baseline_fen END' : 'hb.baseline_fen';
  const ctes = [
    {
      name: 'blocking_issues',
      comment: "SPEC §4: a merchant with any rejected row is blocked; its lines give the first such issue and how many more there are.",
      body: `SELECT
  *,
  ROW_NUMBER() OVER (PARTITION BY merchant_id ORDER BY source_order, phase, source_row, seq, issue_date, message) AS issue_rank,
  COUNT(*) OVER (PARTITION BY merchant_id) AS issue_count
FROM gmv_issues
WHERE blocks_merchant AND merchant_id <> ''`,
    },
    {
      name: 'blocked_merchants',
      comment: 'One row per blocked merchant: its first blocking issue.',
      body: `SELECT merchant_id, source AS issue_source, source_row AS issue_row, message AS issue_message, message_zh AS issue_message_zh, issue_count
FROM blocking_issues
WHERE issue_rank = 1`,
    },
    {
      name: 'baselines',
      comment:
        'SPEC §2 baseline average (过往均值): the mean of the usable history days, rounded once, half away from zero' +
        (zero ? '; a merchant without history has baseline 0 (new_merchant_baseline "zero"), but not one whose days the policy\'s window or excluded dates left out: it is not new' : '') +
        (minDays > 1 ? `; SPEC §8: fewer than ${minDays} usable days (baseline_min_days) leave it without one` : '') +
        '.',
      body: `SELECT
  merchant_id,
  baseline_days AS history_days,
  window_left_out_days + excluded_left_out_days AS left_out_days,
  CASE WHEN baseline_days >= ${Math.max(1, minDays)} THEN ${roundedMean(ctx, 'baseline_sum_fen', 'baseline_days')}${
        zero ? '\n    WHEN baseline_days = 0 AND window_left_out_days + excluded_left_out_days = 0 THEN 0' : ''
      } END AS baseline_fen,
  first_name
FROM gmv_history_merchants
WHERE merchant_id IS NOT NULL`,
    },
    {
      name: 'merchant_order',
      comment: 'Lines come merchant by merchant in the order each first appears in the campaign data, its days in date order.',
      body: `SELECT merchant_id, MIN(source_row) AS merchant_first_row
FROM gmv_campaign_rows
WHERE merchant_id IS NOT NULL
GROUP BY merchant_id`,
    },
    {
      name: 'line_facts',
      comment:
        "Each campaign day that makes a line (a merchant-day's first row), with what decides it: blocked, invited" +
        (ctx.t.targets ? ', its own thresholds where the targets give them' : '') +
        ', its baseline.',
      body: `SELECT
  c.merchant_id,
  COALESCE(NULLIF(c.merchant_name, ''), hb.first_name${ctx.t.targets ? ', NULLIF(tg.merchant_name, \'\')' : ''}, '') AS merchant_name,
  c.date,
  c.gmv_fen,
  c.ad_spend_fen,
  c.source_row,
  o.merchant_first_row,
  bm.merchant_id IS NOT NULL AS merchant_blocked,
  bm.issue_source,
  bm.issue_row,
  bm.issue_message,
  bm.issue_message_zh,
  bm.issue_count,
  hb.history_days,
  hb.left_out_days,
  ${baseline} AS merchant_baseline_fen,
${ctx.tiers.map((t) => `  ${ctx.t.targets ? `COALESCE(tg.threshold${t.number}_fen, ${t.thresholdFen})` : `${t.thresholdFen}`} AS threshold${t.number}_fen,`).join('\n')}
  -- the line's place among its merchant's (windows run here, over narrow rows, not over the reasons)
  ROW_NUMBER() OVER (PARTITION BY c.merchant_id ORDER BY c.date IS NULL, c.date, c.source_row) AS line_in_merchant,
  CASE
    WHEN bm.merchant_id IS NOT NULL OR c.gmv_fen IS NULL THEN 'blocked'
    ${invitedOnly ? `WHEN ${ctx.t.targets ? 'tg.merchant_id IS NULL' : 'TRUE'} THEN 'not_invited'\n    ` : ''}WHEN ${baseline} IS NULL THEN 'no_baseline'
    ELSE 'settled'
  END AS standing
FROM gmv_campaign_rows AS c
JOIN merchant_order AS o ON o.merchant_id = c.merchant_id
LEFT JOIN blocked_merchants AS bm ON bm.merchant_id = c.merchant_id
LEFT JOIN baselines AS hb ON hb.merchant_id = c.merchant_id${
        ctx.t.targets ? '\nLEFT JOIN gmv_target_rows AS tg ON tg.merchant_id = c.merchant_id AND tg.accepted' : ''
      }
WHERE c.merchant_id IS NOT NULL AND COALESCE(c.day_rank, 1) = 1`,
    },
    {
      name: 'line_tiers',
      comment:
        `SPEC §2 tier reached: the highest tier whose threshold the day's GMV ${ctx.policy.thresholdInclusive ? 'reaches (threshold_inclusive: >=)' : 'exceeds (strictly)'}, provided it also exceeds the baseline (strictly); else 0. A blocked merchant shows no baseline; one not invited shows its own.`,
      body: `SELECT
  *,
  CASE WHEN standing IN ('blocked', 'no_baseline') THEN NULL ELSE merchant_baseline_fen END AS baseline_fen,
  CASE WHEN standing = 'settled' AND gmv_fen > merchant_baseline_fen THEN
    CASE ${[...ctx.tiers].reverse().map((t) => `WHEN ${passes(ctx, 'gmv_fen', thresholds[t.number - 1])} THEN ${t.number}`).join(' ')} ELSE 0 END
  ELSE 0 END AS tier
FROM line_facts`,
    },
    {
      name: 'line_rewards',
      comment:
        'SPEC §2 rewards at the tier reached, each rounded half away from zero to the fen: cashback = ad spend × the tier\'s rate; red packet = incremental GMV × its coefficient; cash total = their sum. ' +
        (ctx.policy.incrementalBasis === 'tier_threshold'
          ? 'Incremental GMV (incremental_basis "tier_threshold") = max(0, threshold reached − baseline), 0 without a tier.'
          : 'Incremental GMV = max(0, day GMV − baseline), shown on lines that do not pay too.'),
      body: `SELECT
  *,
  ${
    ctx.policy.incrementalBasis === 'tier_threshold'
      ? `CASE WHEN standing = 'settled' AND tier > 0 THEN GREATEST(0, ${byTier(ctx, (t) => thresholds[t.number - 1])} - baseline_fen) ELSE 0 END`
      : `CASE WHEN standing IN ('settled', 'not_invited') AND baseline_fen IS NOT NULL THEN GREATEST(0, gmv_fen - baseline_fen) ELSE 0 END`
  } AS incremental_fen,
  ${byTier(ctx, (t) => d.mulRate('ad_spend_fen', t.cashbackRate))} AS cashback_fen,
  ${byTier(ctx, (t) => `${t.trafficCap}`)} AS traffic_cap,
  standing = 'settled' AND tier > 0 AS qualified
FROM line_tiers`,
    },
    {
      name: 'line_traffic',
      comment:
        `SPEC §2 traffic: the tier's daily cap on ${ctx.policy.trafficMaxDays} qualified day(s) per merchant (traffic_max_days), ` +
        (ctx.policy.trafficDaySelection === 'best' ? 'the days with the highest caps, earliest first on ties ("best")' : 'the first in date order ("first")') +
        '; 0 on the others ("traffic days used up").',
      body: `SELECT
  *,
  ${byTier(ctx, (t) => d.mulRate('incremental_fen', t.coefficient))} AS red_packet_fen,
  CASE WHEN qualified THEN ROW_NUMBER() OVER (PARTITION BY merchant_id, qualified ORDER BY ${
    ctx.policy.trafficDaySelection === 'best' ? 'traffic_cap DESC, date' : 'date'
  }) END AS traffic_rank
FROM line_rewards`,
    },
    {
      name: 'line_outcomes',
      comment: 'The status of each line: blocked > not_invited > no_baseline > qualified / not_qualified; the figures its reason quotes.',
      body: `SELECT
  *,
${reasonFigures(ctx)},
  cashback_fen + red_packet_fen AS cash_total_fen,
  CASE WHEN qualified AND traffic_rank <= ${ctx.policy.trafficMaxDays} THEN traffic_cap ELSE 0 END AS traffic_granted,
  qualified AND traffic_rank > ${ctx.policy.trafficMaxDays} AS traffic_used_up,
  CASE WHEN standing <> 'settled' THEN standing WHEN qualified THEN 'qualified' ELSE 'not_qualified' END AS status
FROM line_traffic`,
    },
  ];
  const select = `SELECT
  merchant_id,
  merchant_name,
  date,
  gmv_fen,
  baseline_fen,
  incremental_fen,
  tier,
  ad_spend_fen,
  ${byTier(ctx, (t) => `'${t.cashbackRate.toString()}'`, "'0'")} AS cashback_rate,
  cashback_fen,
  ${byTier(ctx, (t) => `'${t.coefficient.toString()}'`, "'0'")} AS red_packet_coefficient,
  red_packet_fen,
  cash_total_fen,
  traffic_cap,
  traffic_granted,
  status,
  -- SPEC §5: a reason a person can check against the figures beside it, in English and Chinese.
  ${reasonSql(ctx, false).replace(/\n/g, '\n  ')} AS reason,
  ${reasonSql(ctx, true).replace(/\n/g, '\n  ')} AS reason_zh,
  merchant_blocked,
  merchant_first_row,
  source_row,
  FALSE AS merchant_held,
  cash_total_fen AS would_pay_fen,
  line_in_merchant
FROM line_outcomes`;
  return {
    name,
    kind: 'model',
    comment: 'SPEC §5 the settlement lines: one per merchant per campaign day, every figure rounded where SPEC §2 says.',
    body: withChain(ctes, select),
  };
}
