/**
 * The campaign rows (SPEC §3–4) and the first campaign day (SPEC §2), as the default engine's
 * campaign reader has them: every non-blank row read, each value checked on its own, a
 * merchant-day's first row making its line and a later one rejected as a duplicate.
 */
import { MAX_FEN, type SqlContext } from './context';
import type { SqlStatement } from './statement';
import { withChain } from './statement';
import { columnOr } from './text';

/** Expressions every source shares: the trimmed id, the row number, the loader's verdict. */
export function rowBasics(ctx: SqlContext, cols: { sourceRow?: boolean; loaderVerdict?: boolean }): { id: string; row: string; verdict: string } {
  const d = ctx.d;
  return {
    id: `NULLIF(TRIM(CAST(merchant_id AS ${d.text})), '')`,
    row: columnOr(cols.sourceRow, `CAST(source_row AS ${d.int})`, d.int),
    verdict: columnOr(cols.loaderVerdict, 'loader_verdict', d.text),
  };
}

/** A column of a typed-rows SELECT: its expression, its name, and the test of it being blank (a blank row is not read). */
export interface TypedColumn {
  sql: string;
  as: string;
  blank?: string;
}

/**
 * SELECT of a source's rows that are not blank (SPEC §4: a blank row is not read), the id
 * trimmed and first, the row number and the loader's verdict last.
 */
export function typedRows(ctx: SqlContext, table: string, cols: { sourceRow?: boolean; loaderVerdict?: boolean }, columns: TypedColumn[]): string {
  const b = rowBasics(ctx, cols);
  const all: TypedColumn[] = [
    { sql: b.id, as: 'merchant_id', blank: `COALESCE(TRIM(CAST(merchant_id AS ${ctx.d.text})), '') = ''` },
    ...columns,
    { sql: b.row, as: 'source_row' },
    { sql: b.verdict, as: 'loader_verdict' },
  ];
  const blank = all.filter((c) => c.blank).map((c) => c.blank);
  return `SELECT
${all.map((c) => `  ${c.sql === c.as ? c.as : `${c.sql} AS ${c.as}`}`).join(',\n')}
FROM ${table}
WHERE NOT (${blank.join(' AND ')})`;
}

/** The merchant name of a source that may have none: trimmed, '' when blank. */
export function nameColumn(present: boolean | undefined): TypedColumn {
  return present ? { sql: "COALESCE(TRIM(merchant_name), '')", as: 'merchant_name', blank: "COALESCE(TRIM(merchant_name), '') = ''" } : { sql: "''", as: 'merchant_name' };
}

/** An amount column in whole fen, NULL where the table has no such column. */
export function fenColumn(ctx: SqlContext, present: boolean | undefined, column: string, as: string): TypedColumn {
  return present ? { sql: ctx.d.toFen(column), as, blank: `${column} IS NULL` } : { sql: `CAST(NULL AS ${ctx.d.int})`, as };
}

/** A date a person could have meant (SPEC §3): 2000-01-01 … 2099-12-31. */
export function dateProblem(skip: string): string {
  return `CASE WHEN ${skip} THEN NULL WHEN date IS NULL THEN 'missing' WHEN date < DATE '2000-01-01' OR date > DATE '2099-12-31' THEN 'out_of_range' END`;
}

/** SPEC §3: one amount above 100 billion CNY is a unit or typing mistake; `negative` where the SPEC refuses one. */
export function moneyProblem(skip: string, fen: string, opts: { missing?: boolean; negative?: boolean }): string {
  const missing = opts.missing ? ` WHEN ${fen} IS NULL THEN 'missing'` : '';
  const negative = opts.negative ? ` WHEN ${fen} < 0 THEN 'negative'` : '';
  return `CASE WHEN ${skip} THEN NULL${missing} WHEN ABS(${fen}) > ${MAX_FEN} THEN 'out_of_range'${negative} END`;
}

export function campaignRows(ctx: SqlContext): SqlStatement {
  const { d } = ctx;
  const cols = ctx.columns.campaign;
  const net = ctx.policy.gmvBasis === 'net_of_refunds';
  const skip = 'loader_verdict IS NOT NULL OR merchant_id IS NULL';
  const ctes = [
    {
      name: 'campaign_typed',
      comment: 'SPEC §3 campaign rows: every row that is not blank, ids trimmed, money in whole fen.',
      body: typedRows(ctx, ctx.t.campaign, cols, [
        nameColumn(cols.merchantName),
        { sql: 'date', as: 'date', blank: 'date IS NULL' },
        fenColumn(ctx, true, 'gmv', 'gmv_given_fen'),
        fenColumn(ctx, cols.adSpend, 'ad_spend', 'ad_spend_given_fen'),
        fenColumn(ctx, cols.refundAmount, 'refund_amount', 'refund_fen'),
      ]),
    },
    {
      name: 'campaign_checked',
      comment:
        'SPEC §3–4, each value on its own: a missing or impossible date, a missing or implausible GMV, a negative ad spend (an error; blank ad spend is 0)' +
        (net ? ', a negative refund.' : '.') +
        ' A row the loader read itself (loader_verdict) was checked there.',
      body: `SELECT
  *,
  ${dateProblem(skip)} AS date_problem,
  ${moneyProblem(skip, 'gmv_given_fen', { missing: true })} AS gmv_problem,
  ${moneyProblem(skip, 'ad_spend_given_fen', { negative: true })} AS ad_spend_problem,
  ${net ? moneyProblem(skip, 'refund_fen', { negative: true }) : `CAST(NULL AS ${d.text})`} AS refund_problem
FROM campaign_typed`,
    },
    {
      name: 'campaign_days',
      comment:
        "SPEC §4 duplicates: a merchant-day's first row makes its line; a later row for the same day is rejected and blocks the merchant. Only a row whose date was read can be one.",
      body: `SELECT
  *,
  CASE WHEN merchant_id IS NOT NULL AND date IS NOT NULL AND date_problem IS NULL
    THEN ROW_NUMBER() OVER (PARTITION BY merchant_id, date ORDER BY source_row, gmv_given_fen, ad_spend_given_fen) END AS day_rank,
  CASE WHEN merchant_id IS NOT NULL AND date IS NOT NULL AND date_problem IS NULL
    THEN MIN(source_row) OVER (PARTITION BY merchant_id, date) END AS first_row_of_day
FROM campaign_checked`,
    },
  ];
  const select = `SELECT
  merchant_id,
  merchant_name,
  CASE WHEN date_problem IS NULL THEN date END AS date,
  -- SPEC §7 gmv_basis: net of refunds, row by row, before anything else.
  CASE WHEN gmv_problem IS NULL AND refund_problem IS NULL THEN gmv_given_fen${net ? ' - COALESCE(refund_fen, 0)' : ''} END AS gmv_fen,
  CASE WHEN ad_spend_problem IS NULL THEN COALESCE(ad_spend_given_fen, 0) ELSE 0 END AS ad_spend_fen,
  gmv_given_fen,
  ad_spend_given_fen,
  refund_fen,
  source_row,
  loader_verdict,
  date_problem,
  gmv_problem,
  ad_spend_problem,
  refund_problem,
  day_rank,
  first_row_of_day,
  COALESCE(merchant_id IS NULL OR date_problem IS NOT NULL OR gmv_problem IS NOT NULL OR ad_spend_problem IS NOT NULL
    OR refund_problem IS NOT NULL OR day_rank > 1 OR loader_verdict = 'rejected', FALSE) AS rejected
FROM campaign_days`;
  return {
    name: 'gmv_campaign_rows',
    kind: 'model',
    comment: 'Campaign rows as read (SPEC §3–4): one per non-blank row, with what is wrong with it.',
    body: withChain(ctes, select),
  };
}

export function campaignStart(): SqlStatement {
  return {
    name: 'gmv_campaign_start',
    kind: 'model',
    comment:
      'SPEC §2 the first campaign day: the earliest date of a campaign row that was used (a rejected row never moves it), the first row that gives it (named when it leaves no history), and the last day, to tell history and campaign given the wrong way round.',
    body: `SELECT s.first_day, s.last_day,
  (SELECT MIN(r.source_row) FROM gmv_campaign_rows AS r WHERE NOT r.rejected AND r.date = s.first_day) AS first_day_row
FROM (SELECT MIN(date) AS first_day, MAX(date) AS last_day FROM gmv_campaign_rows WHERE NOT rejected) AS s`,
  };
}
