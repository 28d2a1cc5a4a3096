/**
 * A programme's rules as data (SPEC §1–2). The Double 11 2025 SME Summit tiers are the default;
 * sibling programmes (other seeds) differ in thresholds, rates and options, not in shape.
 */
import { Dec, Fen } from './money';

export interface Tier {
  /** GMV must exceed this (or reach it, with thresholdInclusive). */
  minGmvFen: Fen;
  cashbackRate: Dec;
  trafficCapPerDay: number;
  /** A tier's own red-packet coefficient beats the programme-wide one. */
  redPacketCoefficient?: Dec;
}

export type IncrementalBasis = 'actual' | 'tier_threshold';
export type TrafficDaySelection = 'first' | 'best';
export type NewMerchantBaseline = 'none' | 'zero';

export interface Policy {
  /** In ascending threshold order; tier k of the SPEC is tiers[k-1]. */
  tiers: Tier[];
  /** Programme-wide coefficient (奖励系数). Never defaulted: the user must set it. */
  redPacketCoefficient?: Dec;
  thresholdInclusive: boolean;
  incrementalBasis: IncrementalBasis;
  trafficMaxDays: number;
  trafficDaySelection: TrafficDaySelection;
  newMerchantBaseline: NewMerchantBaseline;
  invitedOnly: boolean;
}

/** SPEC §1: the Double 11 2025 tiers, with no coefficient (the article gives none). */
export function double11Policy(): Policy {
  return {
    tiers: [
      { minGmvFen: 200000_00, cashbackRate: new Dec('0.3'), trafficCapPerDay: 20000 },
      { minGmvFen: 500000_00, cashbackRate: new Dec('0.5'), trafficCapPerDay: 75000 },
      { minGmvFen: 1000000_00, cashbackRate: new Dec('1'), trafficCapPerDay: 200000 },
    ],
    thresholdInclusive: false,
    incrementalBasis: 'actual',
    trafficMaxDays: 5,
    trafficDaySelection: 'first',
    newMerchantBaseline: 'none',
    invitedOnly: false,
  };
}

/** The coefficient a tier pays with, or undefined when neither the tier nor the programme sets one. */
export function tierCoefficient(policy: Policy, tierNumber: number): Dec | undefined {
  const tier = policy.tiers[tierNumber - 1];
  return (tier && tier.redPacketCoefficient) || policy.redPacketCoefficient;
}

/**
 * What is wrong with a policy, as sentences for a person; empty when it can settle.
 * A missing coefficient is one of them: SPEC §1 says never to guess it.
 */
export function policyProblems(policy: Policy): string[] {
  const problems: string[] = [];
  if (policy.tiers.length === 0) problems.push('the policy has no tiers');
  policy.tiers.forEach((tier, i) => {
    const name = `tier ${i + 1}`;
    if (tier.minGmvFen < 0) problems.push(`${name}: the GMV threshold cannot be negative`);
    if (tier.cashbackRate.isNeg()) problems.push(`${name}: the cashback rate cannot be negative`);
    if (!Number.isInteger(tier.trafficCapPerDay) || tier.trafficCapPerDay < 0)
      problems.push(`${name}: the daily traffic cap must be a whole number of exposures, 0 or more`);
    if (tier.redPacketCoefficient && tier.redPacketCoefficient.isNeg())
      problems.push(`${name}: the red-packet coefficient cannot be negative`);
    if (i > 0 && tier.minGmvFen <= policy.tiers[i - 1].minGmvFen)
      problems.push(`${name}: thresholds must rise from one tier to the next`);
  });
  const withoutCoefficient = policy.tiers.map((_, i) => i + 1).filter((n) => !tierCoefficient(policy, n));
  if (withoutCoefficient.length > 0)
    problems.push(
      'no red-packet coefficient (奖励系数) is set' +
        (withoutCoefficient.length < policy.tiers.length ? ` for tier ${withoutCoefficient.join(', ')}` : '') +
        ': set one (for example 0.05); it is never guessed',
    );
  if (policy.redPacketCoefficient && policy.redPacketCoefficient.isNeg())
    problems.push('the red-packet coefficient cannot be negative');
  if (!Number.isInteger(policy.trafficMaxDays) || policy.trafficMaxDays < 0)
    problems.push('traffic_max_days must be a whole number of days, 0 or more');
  return problems;
}
