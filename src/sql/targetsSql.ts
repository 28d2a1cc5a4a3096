/**
 * The targets / invitation list (SPEC §3): a merchant listed once, with its own tier thresholds
 * where given (a blank one takes the policy's), which must rise from tier to tier.
 */
import type { SqlContext } from './context';
import { fenColumn, moneyProblem, nameColumn, typedRows } from './campaignSql';
import type { SqlStatement } from './statement';
import { withChain } from './statement';

/** The target columns the table has (tier1…tier3, as the default engine reads). */
export function targetTiers(ctx: SqlContext): number[] {
  return (ctx.columns.targets.tiers || []).filter((n) => n >= 1 && n <= 3);
}

export function targetRows(ctx: SqlContext): SqlStatement {
  const cols = ctx.columns.targets;
  const present = targetTiers(ctx);
  const all = [1, 2, 3];
  const skip = 'loader_verdict IS NOT NULL OR merchant_id IS NULL OR listing_rank > 1';
  const effective = ctx.tiers.map((tier) => (present.includes(tier.number) ? `COALESCE(tier${tier.number}_fen, ${tier.thresholdFen})` : `${tier.thresholdFen}`));
  const notRising = effective.slice(1).map((threshold, i) => `${threshold} <= ${effective[i]}`);
  const problems = all.map((n) => `tier${n}_problem IS NULL`).join(' AND ');
  const ctes = [
    {
      name: 'targets_typed',
      comment: 'SPEC §3 targets: every row that is not blank, ids trimmed, thresholds in whole fen (blank: the policy\'s).',
      body: typedRows(ctx, ctx.t.targets as string, cols, [
        nameColumn(cols.merchantName),
        ...all.map((n) => fenColumn(ctx, present.includes(n), `tier${n}`, `tier${n}_fen`)),
      ]),
    },
    {
      name: 'targets_listed',
      comment: 'SPEC §4 duplicates: a merchant is listed by its first row; a later row for it is rejected (and its values are not read).',
      body: `SELECT
  *,
  CASE WHEN merchant_id IS NOT NULL THEN ROW_NUMBER() OVER (PARTITION BY merchant_id ORDER BY source_row, tier1_fen, tier2_fen, tier3_fen) END AS listing_rank,
  CASE WHEN merchant_id IS NOT NULL THEN MIN(source_row) OVER (PARTITION BY merchant_id) END AS first_row
FROM targets_typed`,
    },
    {
      name: 'targets_checked',
      comment: 'Each threshold on its own: not negative, not implausible (SPEC §3).',
      body: `SELECT
  *,
${all.map((n) => `  ${moneyProblem(skip, `tier${n}_fen`, { negative: true })} AS tier${n}_problem`).join(',\n')}
FROM targets_listed`,
    },
  ];
  const select = `SELECT
  *,
${ctx.tiers.map((tier, i) => `  ${effective[i]} AS threshold${tier.number}_fen,`).join('\n')}
  -- Thresholds must rise from tier to tier once blanks take the policy's, or tier 2 would be easier than tier 1.
  COALESCE(loader_verdict IS NULL AND merchant_id IS NOT NULL AND listing_rank = 1 AND ${problems}
    AND (${notRising.length > 0 ? notRising.join(' OR ') : 'FALSE'}), FALSE) AS not_rising,
  COALESCE(merchant_id IS NOT NULL AND listing_rank = 1 AND ${problems} AND COALESCE(loader_verdict, '') <> 'rejected'
    AND NOT (loader_verdict IS NULL AND (${notRising.length > 0 ? notRising.join(' OR ') : 'FALSE'})), FALSE) AS accepted
FROM targets_checked`;
  return {
    name: 'gmv_target_rows',
    kind: 'model',
    comment: 'Targets rows as read: the merchants invited (accepted rows) and their thresholds, with what is wrong with the others.',
    body: withChain(ctes, select),
  };
}
