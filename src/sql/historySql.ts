/**
 * The history (SPEC §2–4): per merchant, the sum and count of the days its baseline averages,
 * and the rows to report. A history of years is the largest table by far, so it is read twice
 * at most: once into per-merchant figures, and once more only for rows worth an issue (an
 * engine may skip that pass when the first found none).
 */
import type { SqlContext } from './context';
import { dateProblem, fenColumn, moneyProblem, typedRows } from './campaignSql';
import type { SqlStatement } from './statement';
import { withChain } from './statement';

/** The history's rows as typed and checked: the CTEs both passes start from (`numbered`: with their rows). */
function historyChecked(ctx: SqlContext, numbered: boolean) {
  const { d } = ctx;
  const cols = ctx.columns.history;
  const net = ctx.policy.gmvBasis === 'net_of_refunds';
  const skip = 'loader_verdict IS NOT NULL OR merchant_id IS NULL';
  const window = ctx.policy.baselineWindowDays;
  const excluded = ctx.policy.baselineExcludeDates;
  // SPEC §8, as input/baselineChoice checks it: a day before the window is the window's, whatever its date.
  const inWindow = window !== undefined ? `COALESCE(date >= ${d.daysBefore('s.first_day', window)}, TRUE)` : 'TRUE';
  const onExcludedDate = excluded.length > 0 ? `COALESCE(date IN (${excluded.map((day) => `DATE '${day}'`).join(', ')}), FALSE)` : 'FALSE';
  return [
    {
      name: 'history_typed',
      comment: 'SPEC §3 history rows (long: merchant, date, GMV): every row that is not blank, ids trimmed, money in whole fen.',
      body: typedRows(ctx, numbered ? ctx.t.historyRows : ctx.t.history, cols, [
        cols.merchantName
          ? { sql: "NULLIF(TRIM(merchant_name), '')", as: 'merchant_name', blank: "COALESCE(TRIM(merchant_name), '') = ''" }
          : { sql: `CAST(NULL AS ${d.text})`, as: 'merchant_name' },
        { sql: 'date', as: 'date', blank: 'date IS NULL' },
        fenColumn(ctx, true, 'gmv', 'gmv_given_fen'),
        fenColumn(ctx, cols.refundAmount, 'refund_amount', 'refund_fen'),
      ]),
    },
    {
      name: 'history_checked',
      comment:
        'SPEC §2–4, each row: an impossible date or amount is an error; a blank GMV is skipped, like AVERAGE; a day on or after the first campaign day is left out of the baseline (and reported)' +
        (window !== undefined || excluded.length > 0 ? '; SPEC §8 the policy keeps only the baseline window and drops the excluded dates.' : '.'),
      body: `SELECT
  h.*,
  -- net of refunds (SPEC §7 gmv_basis), row by row, before anything else
  gmv_given_fen${net ? ' - COALESCE(refund_fen, 0)' : ''} AS gmv_fen,
  ${dateProblem(skip)} AS date_problem,
  ${moneyProblem(skip, 'gmv_given_fen', {})} AS gmv_problem,
  ${net ? moneyProblem(skip, 'refund_fen', { negative: true }) : `CAST(NULL AS ${d.text})`} AS refund_problem,
  COALESCE(h.date >= s.first_day, FALSE) AS inside_campaign,
  ${inWindow} AS in_window,
  ${onExcludedDate} AS on_excluded_date
FROM history_typed AS h
CROSS JOIN gmv_campaign_start AS s`,
    },
    {
      name: 'history_days',
      comment:
        'A dated day: a row whose date and GMV could be read. Before the campaign it is a candidate for a duplicate and, with a GMV, a day of the baseline.',
      body: `SELECT
  *,
  COALESCE(merchant_id IS NOT NULL AND COALESCE(loader_verdict, '') <> 'rejected' AND date IS NOT NULL
    AND date_problem IS NULL AND gmv_problem IS NULL AND refund_problem IS NULL, FALSE) AS dated,
  COALESCE(loader_verdict IS NULL AND (merchant_id IS NULL OR date_problem IS NOT NULL OR gmv_problem IS NOT NULL OR refund_problem IS NOT NULL), FALSE) AS has_problem,
  in_window AND NOT on_excluded_date AS kept_by_policy
FROM history_checked`,
    },
  ];
}

/** Whether the policy has a baseline window or excluded dates (SPEC §8): only then can days be left out by it. */
export function policyChoices(ctx: Pick<SqlContext, 'policy'>): boolean {
  return ctx.policy.baselineWindowDays !== undefined || ctx.policy.baselineExcludeDates.length > 0;
}

/** A history day that could count towards a baseline: read, before the campaign, with a GMV. */
const BASELINE_DAY = 'dated AND NOT inside_campaign AND gmv_fen IS NOT NULL';

/** Whether a name is the first non-empty one of its merchant in file order: its row as a sortable prefix. */
function firstName(ctx: SqlContext): string {
  if (!ctx.columns.history.merchantName) return `CAST(NULL AS ${ctx.d.text})`;
  if (!ctx.columns.history.sourceRow) return 'MIN(merchant_name)';
  return `SUBSTR(MIN(CASE WHEN merchant_name IS NOT NULL THEN LPAD(CAST(source_row AS ${ctx.d.text}), 12, '0') || merchant_name END), 13)`;
}

export function historyMerchants(ctx: SqlContext): SqlStatement {
  const count = (condition: string) => `COUNT(CASE WHEN ${condition} THEN 1 END)`;
  const select = `SELECT
  merchant_id,
  COUNT(*) AS rows_read,
  ${count('has_problem')} AS problem_rows,
  ${count("loader_verdict = 'rejected'")} AS loader_rejected_rows,
  ${count('dated AND inside_campaign')} AS left_out_rows,
  ${count('dated AND NOT inside_campaign')} AS candidate_rows,
  COUNT(DISTINCT CASE WHEN dated AND NOT inside_campaign THEN date END) AS candidate_days,
  ${count('dated')} AS dated_rows,
  MIN(CASE WHEN dated THEN date END) AS first_dated_day,
  ${count(`${BASELINE_DAY} AND kept_by_policy`)} AS baseline_days,
  -- 64-bit: DuckDB sums BIGINT into a 128-bit HUGEINT, and every later step on it (the mean, its words) was slower for it.
  CAST(SUM(CASE WHEN ${BASELINE_DAY} AND kept_by_policy THEN gmv_fen ELSE 0 END) AS ${ctx.d.int}) AS baseline_sum_fen,
  -- SPEC §8: the days with a GMV the policy's window, then its excluded dates, left out (a merchant with such days is not new).
  ${policyChoices(ctx) ? count(`${BASELINE_DAY} AND NOT in_window`) : '0'} AS window_left_out_days,
  ${policyChoices(ctx) ? count(`${BASELINE_DAY} AND in_window AND on_excluded_date`) : '0'} AS excluded_left_out_days,
  ${firstName(ctx)} AS first_name
FROM history_days
GROUP BY merchant_id`;
  return {
    name: 'gmv_history_merchants',
    kind: 'model',
    comment:
      'Per merchant, from one pass over the history: the days and sum its baseline averages (SPEC §2), rows read and rejected, and whether it has rows to report (a duplicate shows as more candidate rows than distinct days).',
    body: withChain(historyChecked(ctx, !!ctx.columns.history.merchantName), select),
  };
}

export const HISTORY_HAS_ISSUES = `SELECT COALESCE(SUM(problem_rows + left_out_rows + candidate_rows - candidate_days), 0) > 0 FROM gmv_history_merchants`;

export function historyIssueRows(ctx: SqlContext): SqlStatement {
  const ctes = [
    ...historyChecked(ctx, true),
    {
      name: 'history_duplicates',
      comment: 'SPEC §4 duplicates: the merchants that have one, found in the first pass; only their rows are ranked.',
      body: `SELECT merchant_id FROM gmv_history_merchants WHERE candidate_rows > candidate_days`,
    },
    {
      name: 'history_reported',
      comment: 'The rows to report, and which of them are candidates for a duplicate: dated days before the campaign of a merchant that has one.',
      body: `SELECT
  h.*,
  h.dated AND h.inside_campaign AS left_out,
  h.dated AND NOT h.inside_campaign AND dup.merchant_id IS NOT NULL AS duplicate_candidate
FROM history_days AS h
LEFT JOIN history_duplicates AS dup ON dup.merchant_id = h.merchant_id
WHERE h.has_problem OR (h.dated AND h.inside_campaign) OR (h.dated AND dup.merchant_id IS NOT NULL)`,
    },
  ];
  const select = `SELECT
  merchant_id,
  date,
  gmv_given_fen,
  refund_fen,
  source_row,
  date_problem,
  gmv_problem,
  refund_problem,
  left_out,
  gmv_fen,
  in_window,
  on_excluded_date,
  CASE WHEN duplicate_candidate
    THEN ROW_NUMBER() OVER (PARTITION BY merchant_id, duplicate_candidate, date ORDER BY source_row, gmv_given_fen) END AS day_rank,
  CASE WHEN duplicate_candidate
    THEN MIN(source_row) OVER (PARTITION BY merchant_id, duplicate_candidate, date) END AS first_row_of_day
FROM history_reported`;
  return {
    name: 'gmv_history_issue_rows',
    kind: 'model',
    comment:
      'The history rows worth an issue (second pass): a missing id, an impossible date or amount, a day inside the campaign, and every dated day of a merchant with a duplicate, ranked within its day.',
    body: withChain(ctes, select),
    onlyIf: HISTORY_HAS_ISSUES,
  };
}

/**
 * SPEC §8, what the policy's baseline choices left out of the whole history, as the run record
 * and its notes say it (input/baselineChoice BaselineDays): the window's days, and the days left
 * out by the window and by the excluded dates. A day is counted once: for a merchant with a
 * duplicate, only the first row of each day is read (SPEC §4), so its days are counted from the
 * second pass, which ranks them; the other merchants' counts are the first pass's.
 */
export function baselineDays(ctx: SqlContext): SqlStatement {
  const { d } = ctx;
  const window = ctx.policy.baselineWindowDays;
  const firstOfDay = 'day_rank = 1 AND gmv_fen IS NOT NULL';
  const ctes = [
    {
      name: 'counted_once',
      comment: 'Merchants without a duplicate: every left-out row is a day of its own.',
      body: `SELECT COALESCE(SUM(window_left_out_days), 0) AS by_window, COALESCE(SUM(excluded_left_out_days), 0) AS by_exclusion
FROM gmv_history_merchants
WHERE candidate_rows = candidate_days`,
    },
    {
      name: 'counted_by_day',
      comment: 'Merchants with a duplicate: the first row of each day, as the default engine reads them.',
      body: `SELECT
  COUNT(CASE WHEN ${firstOfDay} AND NOT in_window THEN 1 END) AS by_window,
  COUNT(CASE WHEN ${firstOfDay} AND in_window AND on_excluded_date THEN 1 END) AS by_exclusion
FROM gmv_history_issue_rows`,
    },
  ];
  const select = `SELECT
  ${window === undefined ? `CAST(NULL AS DATE)` : d.daysBefore('s.first_day', window)} AS window_from,
  ${window === undefined ? `CAST(NULL AS DATE)` : d.daysBefore('s.first_day', 1)} AS window_to,
  CAST(o.by_window + b.by_window AS ${d.int}) AS left_out_by_window,
  CAST(o.by_exclusion + b.by_exclusion AS ${d.int}) AS left_out_by_exclusion
FROM gmv_campaign_start AS s
CROSS JOIN counted_once AS o
CROSS JOIN counted_by_day AS b`;
  return {
    name: 'gmv_baseline_days',
    kind: 'model',
    comment: 'SPEC §8: the baseline window (the N days before the first campaign day) and how many history days the window and the excluded dates left out.',
    body: withChain(ctes, select),
  };
}
