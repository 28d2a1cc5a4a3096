/**
 * Every input issue (SPEC §4), as the default engine lists them: its source, row, merchant id,
 * the offending value and what is expected, in English and Chinese; whether it blocks its
 * merchant and whether it rejects its row. One branch of the UNION per rule, in the order the
 * default engine reports them (history, campaign, targets; by row; within a row, as it checks).
 */
import { BASELINE_NOTE } from '../input/baselineChoice';
import { COLUMN_LABELS, ISSUE_TEXT } from '../input/issueText';
import { EXPECT_REAL } from '../input/date';
import { EXPECT_MONEY_RANGE } from '../input/number';
import type { SqlContext } from './context';
import { policyChoices } from './historySql';
import { SQL_TEXT } from './sqlTexts';
import type { SqlStatement } from './statement';
import { withChain, commentLines } from './statement';
import { targetTiers } from './targetsSql';
import { fenDisplay, fenText, sqlString, sqlText, type SqlText } from './text';

type Source = 'history' | 'campaign' | 'targets';
const SOURCE_ORDER: Record<Source, number> = { history: 1, campaign: 2, targets: 3 };

interface Branch {
  comment: string;
  source: Source;
  /** 0: found reading the row; 1: found across tables afterwards (notes). */
  phase?: number;
  /** Within a row, the order the default engine checks in. */
  seq: number;
  from: string;
  where: string;
  merchant: string;
  date?: string;
  value: string;
  text: SqlText;
  blocks: boolean;
  rejects: boolean;
  row?: string;
}

function missingText(d: SqlContext['d'], label: { en: string; zh: string }): SqlText {
  const text = ISSUE_TEXT.missing(label);
  return { en: d.literal(text.en), zh: d.literal(text.zh) };
}

function branchSql(ctx: SqlContext, b: Branch): string {
  const d = ctx.d;
  return `${commentLines(b.comment)}
SELECT
  '${b.source}' AS source,
  ${SOURCE_ORDER[b.source]} AS source_order,
  ${b.phase || 0} AS phase,
  ${b.row || 'source_row'} AS source_row,
  ${b.seq} AS seq,
  COALESCE(${b.merchant}, '') AS merchant_id,
  ${b.date || 'CAST(NULL AS DATE)'} AS issue_date,
  CAST(${b.value} AS ${d.text}) AS value,
  ${b.text.en} AS message,
  ${b.text.zh} AS message_zh,
  ${b.blocks ? 'TRUE' : 'FALSE'} AS blocks_merchant,
  ${b.rejects ? 'TRUE' : 'FALSE'} AS rejects_row
FROM ${b.from}
WHERE ${b.where}`;
}

/** The checks every source shares: the id, the date, an amount. */
function cellBranches(ctx: SqlContext, source: 'history' | 'campaign', from: string): Branch[] {
  const d = ctx.d;
  const date = `CAST(date AS ${d.text})`;
  const base = { source, from, merchant: 'merchant_id', date: 'date', blocks: true, rejects: true };
  const missing = (label: { en: string; zh: string }) => missingText(d, label);
  const badValue = (label: { en: string; zh: string }, value: string, expected: string) =>
    sqlText(d, (v: string) => ISSUE_TEXT.badValue(label, v, expected), [value]);
  const branches: Branch[] = [
    { ...base, comment: 'A row without a merchant id: read, rejected, nobody to block.', seq: 10, where: 'merchant_id IS NULL', value: "''", text: missing(COLUMN_LABELS.merchantId) },
  ];
  branches.push(
    { ...base, comment: 'A row without a date.', seq: 30, where: "date_problem = 'missing'", value: "''", text: missing(COLUMN_LABELS.date) },
    { ...base, comment: 'SPEC §3: a date outside 2000-01-01 … 2099-12-31, whatever form it came in.', seq: 30, where: "date_problem = 'out_of_range'", value: date, text: badValue(COLUMN_LABELS.date, date, EXPECT_REAL) },
  );
  if (source === 'campaign')
    branches.push({ ...base, comment: 'A campaign row without a GMV: an error (a blank history GMV is skipped instead).', seq: 40, where: "gmv_problem = 'missing'", value: "''", text: missing(COLUMN_LABELS.gmv) });
  const gmv = fenText(d, 'gmv_given_fen');
  branches.push({ ...base, comment: 'SPEC §3: one amount above 100,000,000,000.00 CNY is a unit or typing mistake.', seq: 40, where: "gmv_problem = 'out_of_range'", value: gmv, text: badValue(COLUMN_LABELS.gmv, gmv, EXPECT_MONEY_RANGE) });
  if (ctx.policy.gmvBasis === 'net_of_refunds') {
    const refund = fenText(d, 'refund_fen');
    branches.push(
      { ...base, comment: 'SPEC §7 net of refunds: a negative refund is an error.', seq: 45, where: "refund_problem = 'negative'", value: refund, text: sqlText(d, (value: string) => ISSUE_TEXT.negative(COLUMN_LABELS.refund, value), [refund]) },
      { ...base, comment: 'An implausible refund.', seq: 45, where: "refund_problem = 'out_of_range'", value: refund, text: badValue(COLUMN_LABELS.refund, refund, EXPECT_MONEY_RANGE) },
    );
  }
  return branches;
}

function duplicateBranch(ctx: SqlContext, source: 'history' | 'campaign', from: string, numbered: boolean): Branch {
  const d = ctx.d;
  const date = `CAST(date AS ${d.text})`;
  return {
    source,
    from,
    comment: "SPEC §4 duplicates: a later row for a merchant-day already read is rejected and blocks the merchant (the first row's day stands).",
    seq: 70,
    where: 'day_rank > 1',
    merchant: 'merchant_id',
    date: 'date',
    value: date,
    text: numbered ? sqlText(d, ISSUE_TEXT.duplicateDay, ['merchant_id', date, 'first_row_of_day']) : sqlText(d, SQL_TEXT.duplicateDayUnnumbered, ['merchant_id', date]),
    blocks: true,
    rejects: true,
  };
}

function historyBranches(ctx: SqlContext): Branch[] {
  const d = ctx.d;
  const from = 'gmv_history_issue_rows';
  const date = `CAST(date AS ${d.text})`;
  return [
    ...cellBranches(ctx, 'history', from),
    {
      source: 'history',
      from: `${from} CROSS JOIN gmv_campaign_start`,
      comment: 'SPEC §2: a history day on or after the first campaign day is left out of the baseline and reported; it blocks nobody.',
      seq: 60,
      where: 'left_out',
      merchant: 'merchant_id',
      date: 'date',
      value: date,
      text: sqlText(d, ISSUE_TEXT.leftOut, [date, `CAST(first_day AS ${d.text})`]),
      blocks: false,
      rejects: true,
    },
    duplicateBranch(ctx, 'history', from, !!ctx.columns.history.sourceRow),
  ];
}

/**
 * SPEC §8: what the policy's baseline window and excluded dates left out, one note each, after the
 * history's rows (row 0: about the table, not a row), blocking nobody, as input/baselineChoice
 * notes it.
 */
function baselineNotes(ctx: SqlContext): Branch[] {
  if (!policyChoices(ctx)) return [];
  const d = ctx.d;
  const day = (column: string) => `CAST(${column} AS ${d.text})`;
  const base = { source: 'history' as const, from: 'gmv_baseline_days', phase: 1, row: '0', merchant: "''", blocks: false, rejects: false };
  return [
    {
      ...base,
      comment: 'SPEC §8 baseline_window_days: the history days before the window.',
      seq: 0,
      where: 'window_from IS NOT NULL AND left_out_by_window > 0',
      value: sqlString(d, BASELINE_NOTE.windowValue, [day('window_from')]),
      text: sqlText(d, BASELINE_NOTE.window, [d.grouped('left_out_by_window'), day('window_from'), day('window_to')]),
    },
    {
      ...base,
      comment: 'SPEC §8 baseline_exclude_dates: the history days on an excluded date inside the window.',
      seq: 1,
      where: 'left_out_by_exclusion > 0',
      value: d.literal(BASELINE_NOTE.excludedValue(ctx.policy.baselineExcludeDates)),
      text: sqlText(d, BASELINE_NOTE.excluded, [d.grouped('left_out_by_exclusion')]),
    },
  ];
}

function campaignBranches(ctx: SqlContext): Branch[] {
  const d = ctx.d;
  const from = 'gmv_campaign_rows';
  const spend = fenText(d, 'ad_spend_given_fen');
  const base = { source: 'campaign' as const, from, merchant: 'merchant_id', date: 'date', blocks: true, rejects: true, value: spend };
  return [
    ...cellBranches(ctx, 'campaign', from),
    { ...base, comment: 'SPEC §4: a negative ad spend is an error.', seq: 50, where: "ad_spend_problem = 'negative'", text: sqlText(d, (v: string) => ISSUE_TEXT.negative(COLUMN_LABELS.adSpend, v), [spend]) },
    {
      ...base,
      comment: 'An implausible ad spend.',
      seq: 50,
      where: "ad_spend_problem = 'out_of_range'",
      text: sqlText(d, (v: string) => ISSUE_TEXT.badValue(COLUMN_LABELS.adSpend, v, EXPECT_MONEY_RANGE), [spend]),
    },
    duplicateBranch(ctx, 'campaign', from, !!ctx.columns.campaign.sourceRow),
  ];
}

function targetBranches(ctx: SqlContext): Branch[] {
  const d = ctx.d;
  const from = 'gmv_target_rows';
  const numbered = !!ctx.columns.targets.sourceRow;
  const base = { source: 'targets' as const, from, merchant: 'merchant_id', blocks: true, rejects: true };
  const shown = ctx.tiers.map((tier) => fenDisplay(d, `threshold${tier.number}_fen`)).join(" || ' / ' || ");
  const branches: Branch[] = [
    { ...base, comment: 'A targets row without a merchant id.', seq: 10, where: 'merchant_id IS NULL', value: "''", text: missingText(d, COLUMN_LABELS.merchantId) },
    {
      ...base,
      comment: 'SPEC §4: a merchant listed twice; the later row is rejected.',
      seq: 20,
      where: 'listing_rank > 1',
      value: 'merchant_id',
      text: numbered ? sqlText(d, ISSUE_TEXT.duplicateListing, ['merchant_id', 'first_row']) : sqlText(d, SQL_TEXT.duplicateListingUnnumbered, ['merchant_id']),
    },
  ];
  for (const n of targetTiers(ctx)) {
    const value = fenText(d, `tier${n}_fen`);
    const label = COLUMN_LABELS.tierTarget(n);
    branches.push(
      { ...base, comment: `A negative tier ${n} target.`, seq: 30 + n, where: `tier${n}_problem = 'negative'`, value, text: sqlText(d, (v: string) => ISSUE_TEXT.negative(label, v), [value]) },
      { ...base, comment: `An implausible tier ${n} target.`, seq: 30 + n, where: `tier${n}_problem = 'out_of_range'`, value, text: sqlText(d, (v: string) => ISSUE_TEXT.badValue(label, v, EXPECT_MONEY_RANGE), [value]) },
    );
  }
  branches.push({ ...base, comment: 'Targets that do not rise from tier to tier.', seq: 40, where: 'not_rising', value: shown, text: sqlText(d, ISSUE_TEXT.targetsNotRising, [shown]) });
  return branches;
}

/** Notes only the tables together can give: a target with no campaign rows, a campaign merchant that nearly matches a target. */
function crossTableNotes(ctx: SqlContext): { ctes: { name: string; comment: string; body: string }[]; branches: Branch[] } {
  const d = ctx.d;
  const numbered = !!ctx.columns.targets.sourceRow;
  const strip = (id: string) => `COALESCE(NULLIF(${d.replace(id, '^0+', '')}, ''), '0')`;
  const firstName = ctx.columns.campaign.sourceRow
    ? `SUBSTR(MIN(CASE WHEN merchant_name <> '' THEN LPAD(CAST(source_row AS ${d.text}), 12, '0') || merchant_name END), 13)`
    : "MIN(NULLIF(merchant_name, ''))";
  const ctes = [
    {
      name: 'campaign_merchants',
      comment: "Each campaign merchant's first row and first name (a duplicate row gives neither).",
      body: `SELECT merchant_id, MIN(source_row) AS first_row, ${firstName} AS first_name
FROM gmv_campaign_rows
WHERE merchant_id IS NOT NULL AND COALESCE(day_rank, 1) = 1
GROUP BY merchant_id`,
    },
    {
      name: 'listed_targets',
      comment: 'Each listed merchant (its first row), its id without leading zeros, and its name if the row was accepted.',
      body: `SELECT merchant_id, source_row AS target_row, ${strip('merchant_id')} AS digits,
  CASE WHEN accepted AND merchant_name <> '' THEN merchant_name END AS accepted_name
FROM gmv_target_rows
WHERE merchant_id IS NOT NULL AND listing_rank = 1`,
    },
    {
      name: 'targets_by_digits',
      comment: 'For ids that differ only in leading zeros, the last one listed is the one compared.',
      body: `SELECT digits, merchant_id, target_row
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY digits ORDER BY target_row DESC, merchant_id DESC) AS recency FROM listed_targets) AS t
WHERE recency = 1`,
    },
    {
      name: 'targets_by_name',
      comment: 'For a name, the first accepted target with it.',
      body: `SELECT accepted_name, merchant_id, target_row
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY accepted_name ORDER BY target_row, merchant_id) AS first FROM listed_targets WHERE accepted_name IS NOT NULL) AS t
WHERE first = 1`,
    },
    {
      name: 'likely_mismatches',
      comment: 'SPEC §3 (README: Between the tables): a campaign merchant missing from the list whose id equals a target\'s once leading zeros are dropped, or else whose name equals one.',
      body: `SELECT
  c.merchant_id,
  c.first_row,
  COALESCE(z.merchant_id, n.merchant_id) AS target_id,
  COALESCE(z.target_row, n.target_row) AS target_row,
  CASE WHEN z.merchant_id IS NOT NULL THEN 'zeros' ELSE 'name' END AS why
FROM campaign_merchants AS c
LEFT JOIN listed_targets AS listed ON listed.merchant_id = c.merchant_id
LEFT JOIN targets_by_digits AS z ON z.digits = ${strip('c.merchant_id')} AND z.merchant_id <> c.merchant_id
LEFT JOIN targets_by_name AS n ON n.accepted_name = c.first_name
WHERE listed.merchant_id IS NULL AND (z.merchant_id IS NOT NULL OR n.merchant_id IS NOT NULL)`,
    },
  ];
  const mismatch = (why: 'zeros' | 'name') =>
    numbered
      ? sqlText(d, (id: string, target: string, row: string) => ISSUE_TEXT.likelyMismatch(id, target, row as unknown as number, why), ['merchant_id', 'target_id', 'target_row'])
      : sqlText(d, (id: string, target: string) => SQL_TEXT.likelyMismatchUnnumbered(id, target, why), ['merchant_id', 'target_id']);
  const branches: Branch[] = [
    {
      source: 'targets',
      phase: 1,
      comment: 'A listed merchant with no campaign rows: a note on its targets row.',
      seq: 0,
      from: 'listed_targets AS t LEFT JOIN campaign_merchants AS c ON c.merchant_id = t.merchant_id',
      where: 'c.merchant_id IS NULL',
      merchant: 't.merchant_id',
      row: 't.target_row',
      value: 't.merchant_id',
      text: sqlText(d, ISSUE_TEXT.targetWithoutCampaign, ['t.merchant_id']),
      blocks: false,
      rejects: false,
    },
    ...(['zeros', 'name'] as const).map(
      (why): Branch => ({
        source: 'campaign',
        phase: 1,
        comment: why === 'zeros' ? 'A likely mismatch by leading zeros: a note on the merchant\'s first campaign row.' : 'A likely mismatch by name.',
        seq: 0,
        from: 'likely_mismatches',
        where: `why = '${why}'`,
        merchant: 'merchant_id',
        row: 'first_row',
        value: 'merchant_id',
        text: mismatch(why),
        blocks: false,
        rejects: false,
      }),
    ),
  ];
  return { ctes, branches };
}

export function inputIssues(ctx: SqlContext): SqlStatement {
  const branches = [...historyBranches(ctx), ...baselineNotes(ctx), ...campaignBranches(ctx)];
  let ctes: { name: string; comment: string; body: string }[] = [];
  if (ctx.t.targets) {
    const notes = crossTableNotes(ctx);
    branches.push(...targetBranches(ctx), ...notes.branches);
    ctes = notes.ctes;
  }
  const parts = branches.map((b) => branchSql(ctx, b));
  if (ctx.t.loaderIssues)
    parts.unshift(`-- Issues the loader found reading rows itself (rows the engine could not type, read by the default engine's readers).
SELECT source, CASE source WHEN 'history' THEN 1 WHEN 'campaign' THEN 2 ELSE 3 END AS source_order, 0 AS phase,
  source_row, seq, merchant_id, CAST(NULL AS DATE) AS issue_date, value, message, message_zh, blocks_merchant, rejects_row
FROM ${ctx.t.loaderIssues}`);
  return {
    name: 'gmv_issues',
    kind: 'model',
    comment: 'SPEC §4: every input issue with its source, row, merchant id, value and message (en, zh); what blocks a merchant and what rejects a row.',
    body: withChain(ctes, parts.join('\nUNION ALL\n')),
  };
}
