/**
 * A line's reason in words (SPEC §5), as output/reasonText writes it, as SQL over the columns of
 * a settled line: the figures beside it in the text, so a person can check one against the
 * other. A test settles random inputs both ways and compares the texts.
 */
import { sourceName } from '../output/language';
import { threshold, tooFewHistoryDaysText } from '../output/reasonText';
import type { SqlContext } from './context';
import { policyChoices } from './historySql';
import { fenDisplay, join, sqlText, thresholdDisplay } from './text';

const SOURCES = ['history', 'campaign', 'targets', 'policy'];

function sourceWords(ctx: SqlContext, source: string, zh: boolean): string {
  return `CASE ${source} ${SOURCES.map((s) => `WHEN '${s}' THEN ${ctx.d.literal(sourceName(s, zh))}`).join(' ')} ELSE ${source} END`;
}

/** The threshold of tier `tierExpr` of this merchant, as the reason shows it (line_words' threshold{n}_text). */
function thresholdOf(ctx: SqlContext, tierExpr: string): string {
  return `CASE ${tierExpr} ${ctx.tiers.map((t) => `WHEN ${t.number} THEN threshold${t.number}_text`).join(' ')} END`;
}

/**
 * The figures a reason quotes, each written once per line: a reason in two languages quotes
 * them several times, and writing money with its separators is what costs (2.5 s of 300k lines).
 * The policy's thresholds are constants, written here; a merchant's own come from the targets.
 */
export function reasonFigures(ctx: SqlContext): string {
  const d = ctx.d;
  const thresholds = ctx.tiers.map((t) =>
    ctx.t.targets ? `  ${thresholdDisplay(d, `threshold${t.number}_fen`)} AS threshold${t.number}_text` : `  ${d.literal(threshold(t.thresholdFen))} AS threshold${t.number}_text`,
  );
  return [`  ${fenDisplay(d, 'gmv_fen')} AS gmv_text`, `  ${fenDisplay(d, 'baseline_fen')} AS baseline_text`, ...thresholds].join(',\n');
}

function blocked(ctx: SqlContext, zh: boolean): string {
  const d = ctx.d;
  const row = `CAST(issue_row AS ${d.text})`;
  const where = zh
    ? `CASE WHEN COALESCE(issue_row, 0) > 0 THEN ${join(sourceWords(ctx, 'issue_source', true), "'第'", row, "'行'")} ELSE ${sourceWords(ctx, 'issue_source', true)} END`
    : `CASE WHEN COALESCE(issue_row, 0) > 0 THEN ${join("'row '", row, "' of '", 'issue_source')} ELSE issue_source END`;
  const more = `CAST(issue_count - 1 AS ${d.text})`;
  const tail = zh ? `CASE WHEN issue_count > 1 THEN ${join("'（另有'", more, "'处）'")} ELSE '' END` : `CASE WHEN issue_count > 1 THEN ${join("' (and '", more, "' more)'")} ELSE '' END`;
  const text = zh ? join("'已冻结：'", where, "'：'", 'issue_message_zh', tail) : join("'blocked: '", where, "': '", 'issue_message', tail);
  return `COALESCE(${text}, ${d.literal(zh ? '已冻结' : 'blocked')})`;
}

function qualified(ctx: SqlContext, zh: boolean): string {
  const d = ctx.d;
  const inclusive = ctx.policy.thresholdInclusive;
  const above = d.literal(inclusive ? (zh ? '达到' : 'is at or above') : zh ? '高于' : 'is above');
  const gmv = 'gmv_text';
  const tier = `CAST(tier AS ${d.text})`;
  const next = `CAST(tier + 1 AS ${d.text})`;
  const threshold = thresholdOf(ctx, 'tier');
  const nextThreshold = thresholdOf(ctx, 'tier + 1');
  const top = ctx.tiers.length;
  const withNext = zh
    ? join("'GMV '", gmv, "' '", above, "'第'", tier, "'档（'", threshold, "'），未达第'", next, "'档（'", nextThreshold, "'）'")
    : join("'GMV '", gmv, "' '", above, "' tier '", tier, "' ('", threshold, "') but below tier '", next, "' ('", nextThreshold, "')'");
  const atTop = zh
    ? join("'GMV '", gmv, "' '", above, "'最高档第'", tier, "'档（'", threshold, "'）'")
    : join("'GMV '", gmv, "' '", above, "' tier '", tier, "' ('", threshold, "'), the top tier'");
  const usedUp = d.literal(zh ? '；流量扶持天数已用完' : '; traffic days used up');
  return `CASE WHEN tier < ${top} THEN ${withNext} ELSE ${atTop} END || CASE WHEN traffic_used_up THEN ${usedUp} ELSE '' END`;
}

function notQualified(ctx: SqlContext, zh: boolean): string {
  const d = ctx.d;
  const gmv = 'gmv_text';
  const baseline = 'baseline_text';
  const first = 'threshold1_text';
  const below = zh
    ? join("'GMV '", gmv, "' 高于过往日均 '", baseline, "'，但未达第1档（'", first, "'）'")
    : join("'GMV '", gmv, "' is above the baseline average '", baseline, d.literal(` but ${ctx.policy.thresholdInclusive ? 'below' : 'not above'} tier 1 (`), first, "')'");
  const notAbove = zh ? join("'GMV '", gmv, "' 未高于过往日均 '", baseline) : join("'GMV '", gmv, "' is not above the baseline average '", baseline);
  return `CASE WHEN gmv_fen > baseline_fen THEN ${below} ELSE ${notAbove} END`;
}

/**
 * No baseline: a merchant with history whose usable days are fewer than baseline_min_days (or
 * none, the policy's choices having left its days out) says so, in core's words; one without
 * any history says that.
 */
function noBaseline(ctx: SqlContext, zh: boolean): string {
  const d = ctx.d;
  const plain = d.literal(zh ? '无历史数据，也无过往日均' : 'no history and no ready baseline for this merchant');
  const leftOutPossible = policyChoices(ctx);
  if (ctx.policy.baselineMinDays <= 1 && !leftOutPossible) return plain;
  const minDays = `${Math.max(1, ctx.policy.baselineMinDays)}`;
  const few = (leftOut: boolean, oneDay: boolean) => {
    const text = sqlText(d, (usable: string, left: string) => tooFewHistoryDaysText(usable, minDays, leftOut ? left : undefined, oneDay), ['history_days', 'left_out_days']);
    return zh ? text.zh : text.en;
  };
  const byDays = (leftOut: boolean) => `CASE WHEN history_days = 1 THEN ${few(leftOut, true)} ELSE ${few(leftOut, false)} END`;
  const words = leftOutPossible ? `CASE WHEN left_out_days > 0 THEN ${byDays(true)} ELSE ${byDays(false)} END` : byDays(false);
  return `CASE WHEN COALESCE(history_days, 0) > 0 OR COALESCE(left_out_days, 0) > 0 THEN ${words} ELSE ${plain} END`;
}

/**
 * The reason of a settled line, over its columns: status, gmv_fen, baseline_fen, tier, the
 * figures of reasonFigures (gmv_text, baseline_text, threshold1_text…), traffic_used_up, history_days, left_out_days and the merchant's first blocking issue
 * (issue_source, issue_row, issue_message, issue_message_zh, issue_count).
 */
export function reasonSql(ctx: SqlContext, zh: boolean): string {
  return `CASE status
  WHEN 'blocked' THEN ${blocked(ctx, zh)}
  WHEN 'not_invited' THEN ${ctx.d.literal(zh ? '不在受邀商家名单中' : 'not on the invitation list')}
  WHEN 'no_baseline' THEN ${noBaseline(ctx, zh)}
  WHEN 'qualified' THEN ${qualified(ctx, zh)}
  ELSE ${notQualified(ctx, zh)}
END`;
}
