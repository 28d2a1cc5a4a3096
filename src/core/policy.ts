/**
 * A programme's rules as data (SPEC §1–2). The Double 11 2025 SME Summit tiers are the default;
 * sibling programmes (other seeds) differ in thresholds, rates and options, not in shape. The
 * `Policy` type and every default come from the one table of keys, core/policyKeys; the rules
 * a policy must keep to are here.
 */
import { Dec, Fen } from './money';
import { fitsKey, POLICY_KEYS, POLICY_OPTIONS, type OptionKey, type OptionSpec, type Policy, type PolicyKeySpec, type Tier } from './policyKeys';

export type { Policy, Tier } from './policyKeys';
export type IncrementalBasis = Policy['incrementalBasis'];

/** SPEC §1: the Double 11 2025 programme, every key at its default; no coefficient (the article gives none). */
export function double11Policy(): Policy {
  const policy: Record<string, unknown> = {};
  POLICY_KEYS.forEach((spec: PolicyKeySpec) => {
    if (spec.default === undefined) return;
    // Each call gets its own tier objects and lists: a caller may change what it was given.
    policy[spec.field] = spec.kind === 'tiers' ? (spec.default as Tier[]).map((tier) => ({ ...tier })) : Array.isArray(spec.default) ? spec.default.slice() : spec.default;
  });
  return policy as Policy;
}

/** The coefficient a tier pays with, or undefined when neither the tier nor the programme sets one. */
export function tierCoefficient(policy: Policy, tierNumber: number): Dec | undefined {
  const tier = policy.tiers[tierNumber - 1];
  return (tier && tier.redPacketCoefficient) || policy.redPacketCoefficient;
}

/**
 * What is wrong with a policy, as data (the words are input/policyText's, in zh and en); empty
 * when it can settle. A missing coefficient is one of them: SPEC §1 says never to guess it.
 */
export type PolicyProblem =
  | { code: 'no_tiers' }
  | { code: 'negative_threshold'; tier: number }
  | { code: 'thresholds_not_rising'; tier: number }
  | { code: 'cashback_out_of_range'; tier: number; rate: Dec }
  | { code: 'bad_traffic_cap'; tier: number }
  /** `tier` undefined: the programme-wide coefficient. */
  | { code: 'coefficient_out_of_range'; tier?: number; rate: Dec }
  /** `tiers`: the tiers that have none, when some tiers do have their own. */
  | { code: 'no_coefficient'; tiers?: number[] }
  /** An option (a box, a list, a number of days) holding what it cannot hold. */
  | { code: 'bad_option'; key: OptionKey };

/** SPEC §2 "plausible rates": a coefficient is a fraction in [0, 1), a cashback rate in [0, 100%]. */
export function coefficientInRange(rate: Dec): boolean {
  return !rate.isNeg() && rate.lt(1);
}

export function cashbackRateInRange(rate: Dec): boolean {
  return !rate.isNeg() && rate.lte(1);
}

/**
 * Thresholds must rise from tier to tier, or "tier 2" would be easier to reach than tier 1: the
 * number (1-based) of the first tier whose threshold is not above the one before, or 0. One rule
 * for the policy's tiers and for a merchant's own targets.
 */
export function firstTierNotRising(thresholdsFen: Fen[]): number {
  for (let i = 1; i < thresholdsFen.length; i++) if (thresholdsFen[i] <= thresholdsFen[i - 1]) return i + 1;
  return 0;
}

export function policyProblems(policy: Policy): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  if (policy.tiers.length === 0) problems.push({ code: 'no_tiers' });
  policy.tiers.forEach((tier, i) => {
    const n = i + 1;
    if (tier.minGmvFen < 0) problems.push({ code: 'negative_threshold', tier: n });
    if (!cashbackRateInRange(tier.cashbackRate)) problems.push({ code: 'cashback_out_of_range', tier: n, rate: tier.cashbackRate });
    if (!Number.isInteger(tier.trafficCapPerDay) || tier.trafficCapPerDay < 0) problems.push({ code: 'bad_traffic_cap', tier: n });
    if (tier.redPacketCoefficient && !coefficientInRange(tier.redPacketCoefficient))
      problems.push({ code: 'coefficient_out_of_range', tier: n, rate: tier.redPacketCoefficient });
  });
  const notRising = firstTierNotRising(policy.tiers.map((tier) => tier.minGmvFen));
  if (notRising > 0) problems.push({ code: 'thresholds_not_rising', tier: notRising });
  const withoutCoefficient = policy.tiers.map((_, i) => i + 1).filter((n) => !tierCoefficient(policy, n));
  if (withoutCoefficient.length > 0)
    problems.push(withoutCoefficient.length < policy.tiers.length ? { code: 'no_coefficient', tiers: withoutCoefficient } : { code: 'no_coefficient' });
  if (policy.redPacketCoefficient && !coefficientInRange(policy.redPacketCoefficient))
    problems.push({ code: 'coefficient_out_of_range', rate: policy.redPacketCoefficient });
  POLICY_OPTIONS.forEach((spec: PolicyKeySpec & OptionSpec) => {
    const value = policy[spec.field as keyof Policy];
    if (!(value === undefined && spec.optional) && !fitsKey(spec, value)) problems.push({ code: 'bad_option', key: spec.key });
  });
  return problems;
}
