/**
 * SPEC §8 "near next tier": the merchant-days within reach of their next tier, for ops watching
 * during the campaign. The extra GMV is GMV_TO_NEXT_TIER's (rules.ts extraGmvToNextTier: the
 * least whole fen that lifts the day above the next threshold and the baseline); the extra reward
 * is the day's cash total with its GMV raised by exactly that extra, minus the cash total now —
 * traffic not counted (it is exposures, not money, and depends on the merchant's other days).
 */
import { Dec, type Fen } from './money';
import { Policy, tierCoefficient } from './policy';
import { evaluateDay, extraGmvToNextTier, thresholdsFor, tierReached } from './rules';
import { settle } from './settle';
import type { SettlementInput } from './model';

/** How near is near: an amount of GMV, or a share of the next tier's threshold (10% = 0.1). */
export type Within = { kind: 'amount'; fen: Fen } | { kind: 'share'; rate: Dec };

export interface NearMiss {
  merchantId: string;
  merchantName: string;
  date: string;
  gmvFen: Fen;
  tierNow: number;
  nextTier: number;
  /** The threshold of the tier the extra reaches: what a share is measured against. */
  nextThresholdFen: Fen;
  extraGmvFen: Fen;
  /** null where a tier involved pays a red packet with a coefficient nobody has set. */
  extraRewardFen: Fen | null;
}

function isWithin(extraFen: Fen, thresholdFen: Fen, within: Within): boolean {
  // A share is compared exactly: 10% of 500,000.00 is 50,000.00, not a rounded figure.
  return within.kind === 'amount' ? extraFen <= within.fen : new Dec(extraFen).lte(new Dec(thresholdFen).mul(within.rate));
}

/** Merchant-days that have a baseline and a next tier, short of it by at most `within`, least short first. */
export function nearNextTier(input: SettlementInput, policy: Policy, within: Within): NearMiss[] {
  const misses: NearMiss[] = [];
  const inclusive = policy.thresholdInclusive;
  const lines = settle(input, policy).lines;
  for (const line of lines) {
    // Blocked, not invited and no-baseline days cannot reach a tier by selling more.
    if ((line.status !== 'qualified' && line.status !== 'not_qualified') || line.gmvFen === null || line.baselineFen === null) continue;
    const thresholds = thresholdsFor(policy, input.targets && input.targets.get(line.merchantId));
    const extraGmvFen = extraGmvToNextTier(line.gmvFen, line.baselineFen, thresholds, inclusive);
    if (extraGmvFen === 0) continue; // at the top tier
    const raisedFen = line.gmvFen + extraGmvFen;
    const nextTier = tierReached(raisedFen, line.baselineFen, thresholds, inclusive);
    const nextThresholdFen = thresholds[nextTier - 1];
    if (!isWithin(extraGmvFen, nextThresholdFen, within)) continue;
    const priced = tierCoefficient(policy, nextTier) && (line.tier === 0 || tierCoefficient(policy, line.tier));
    const now = evaluateDay(line.gmvFen, line.baselineFen, line.adSpendFen, thresholds, policy);
    const reached = evaluateDay(raisedFen, line.baselineFen, line.adSpendFen, thresholds, policy);
    misses.push({
      merchantId: line.merchantId,
      merchantName: line.merchantName,
      date: line.date,
      gmvFen: line.gmvFen,
      tierNow: line.tier,
      nextTier,
      nextThresholdFen,
      extraGmvFen,
      extraRewardFen: priced ? reached.cashTotalFen - now.cashTotalFen : null,
    });
  }
  return misses.sort((a, b) => a.extraGmvFen - b.extraGmvFen || compareText(a.merchantId, b.merchantId) || compareText(a.date, b.date));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
