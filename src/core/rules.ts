/**
 * The rules of SPEC §2 for one merchant-day. The custom functions call these directly and the
 * settlement calls them per line, so a formula and the settlement sheet cannot disagree.
 */
import { Dec, Fen, meanFen, mulRate } from './money';
import { Policy, tierCoefficient, type IncrementalBasis } from './policy';
import type { DayResult, MerchantHistory, MerchantTargets, Reason } from './model';

const ZERO = new Dec(0);

/**
 * 过往均值: mean of the daily values rounded to 0.01, a ready baseline as is, else per policy.
 * SPEC §8 `baseline_min_days`: fewer usable days than that is no baseline at all; a merchant
 * whose days the policy's window or excluded dates took away is not a new merchant, so
 * `new_merchant_baseline: "zero"` does not apply to it.
 */
export function baselineAverage(history: MerchantHistory | undefined, policy: Policy): Fen | null {
  if (history && history.readyBaselineFen !== undefined) return history.readyBaselineFen;
  if (tooFewHistoryDays(history, policy)) return null;
  if (history && history.days > 0) return meanFen(history.sumFen, history.days);
  return policy.newMerchantBaseline === 'zero' ? 0 : null;
}

/** Why a merchant with history has no baseline under `baseline_min_days`, or undefined. */
export function tooFewHistoryDays(history: MerchantHistory | undefined, policy: Policy): Extract<Reason, { code: 'too_few_history_days' }> | undefined {
  if (!history || history.readyBaselineFen !== undefined) return undefined;
  const leftOutDays = history.leftOutDays || 0;
  const minDays = policy.baselineMinDays || 1;
  if (history.days === 0 && leftOutDays === 0) return undefined; // no history at all: a new merchant
  return history.days < minDays ? { code: 'too_few_history_days', usableDays: history.days, minDays, leftOutDays } : undefined;
}

/** The thresholds that apply to a merchant: its own targets where given, else the policy's. */
export function thresholdsFor(policy: Policy, targets?: MerchantTargets): Fen[] {
  return policy.tiers.map((tier, i) => {
    const own = targets ? targets.thresholdsFen[i] : undefined;
    return own === undefined ? tier.minGmvFen : own;
  });
}

function passes(gmvFen: Fen, thresholdFen: Fen, inclusive: boolean): boolean {
  return inclusive ? gmvFen >= thresholdFen : gmvFen > thresholdFen;
}

/**
 * 增量GMV, the one rule (SPEC §2): max(0, day GMV − baseline average); with the policy's
 * `incremental_basis: "tier_threshold"`, max(0, threshold of the tier reached − baseline), and 0
 * when no tier was reached (there is no threshold to measure from).
 */
export function incrementalGmv(gmvFen: Fen, baselineFen: Fen, basis: IncrementalBasis = 'actual', reachedThresholdFen?: Fen): Fen {
  if (basis === 'tier_threshold') return reachedThresholdFen === undefined ? 0 : Math.max(0, reachedThresholdFen - baselineFen);
  return Math.max(0, gmvFen - baselineFen);
}


/** Highest tier whose threshold the day's GMV exceeds, provided it also exceeds the baseline; else 0. */
export function tierReached(gmvFen: Fen, baselineFen: Fen, thresholdsFen: Fen[], inclusive: boolean): number {
  if (!(gmvFen > baselineFen)) return 0; // "高于过往均值" is strict whatever the threshold option
  let tier = 0;
  thresholdsFen.forEach((threshold, i) => {
    if (passes(gmvFen, threshold, inclusive)) tier = i + 1;
  });
  return tier;
}

export type { DayResult };

/** One merchant-day under the policy: tier, incremental GMV and the cash rewards (SPEC §2). */
export function evaluateDay(
  gmvFen: Fen,
  baselineFen: Fen,
  adSpendFen: Fen,
  thresholdsFen: Fen[],
  policy: Policy,
): DayResult {
  const tier = tierReached(gmvFen, baselineFen, thresholdsFen, policy.thresholdInclusive);
  // Not qualified: the increment is still shown (it explains the line) but pays nothing.
  if (tier === 0) return unpaidDay(incrementalGmv(gmvFen, baselineFen, policy.incrementalBasis));
  const tierRules = policy.tiers[tier - 1];
  const incrementalFen = incrementalGmv(gmvFen, baselineFen, policy.incrementalBasis, thresholdsFen[tier - 1]);
  const coefficient = tierCoefficient(policy, tier) || ZERO;
  const cashbackFen = mulRate(adSpendFen, tierRules.cashbackRate);
  const redPacketFen = mulRate(incrementalFen, coefficient);
  return {
    tier,
    incrementalFen,
    cashbackRate: tierRules.cashbackRate,
    cashbackFen,
    coefficient,
    redPacketFen,
    cashTotalFen: cashbackFen + redPacketFen,
    trafficCap: tierRules.trafficCapPerDay,
  };
}

/** A day that pays nothing, showing `incrementalFen` (0 where there is nothing to measure). */
export function unpaidDay(incrementalFen: Fen): DayResult {
  return { tier: 0, incrementalFen, cashbackRate: ZERO, cashbackFen: 0, coefficient: ZERO, redPacketFen: 0, cashTotalFen: 0, trafficCap: 0 };
}

/**
 * The least extra GMV, in whole fen, that lifts the day to at least the next tier; 0 at the top.
 * The day must then exceed both the next threshold and the baseline, each by at least 0.01
 * when the test is strict.
 */
export function extraGmvToNextTier(gmvFen: Fen, baselineFen: Fen, thresholdsFen: Fen[], inclusive: boolean): Fen {
  const current = tierReached(gmvFen, baselineFen, thresholdsFen, inclusive);
  if (current >= thresholdsFen.length) return 0;
  // With per-merchant targets a higher tier may have a lower threshold; the least GMV that
  // reaches any tier above the current one is what the what-if asks for.
  let needed = Infinity;
  for (let i = current; i < thresholdsFen.length; i++) {
    const atThreshold = inclusive ? thresholdsFen[i] : thresholdsFen[i] + 1;
    needed = Math.min(needed, Math.max(atThreshold, baselineFen + 1));
  }
  return Math.max(0, needed - gmvFen);
}

/**
 * Which of a merchant's qualified days get traffic (SPEC §2): the first N in date order, or
 * with "best" the N with the highest caps, earliest first on ties. Input in date order.
 */
export function trafficDays(caps: number[], qualified: boolean[], policy: Policy): boolean[] {
  const candidates = caps.map((cap, index) => ({ cap, index })).filter((d) => qualified[d.index]);
  if (policy.trafficDaySelection === 'best') candidates.sort((a, b) => b.cap - a.cap || a.index - b.index);
  const granted = caps.map(() => false);
  candidates.slice(0, policy.trafficMaxDays).forEach((d) => (granted[d.index] = true));
  return granted;
}
