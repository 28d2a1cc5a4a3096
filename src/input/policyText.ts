/**
 * What is wrong with a policy, in words, in English and Chinese. The English names the policy
 * file's key (the CLI user wrote it); the Chinese names the option as the sidebar and the Policy
 * sheet label it, because a merchant-ops user never sees the JSON keys.
 */
import { policyProblems, type Policy, type PolicyProblem } from '../core/policy';
import type { IssueText } from './issueText';
import { implausibleRate, RATE_LABELS } from './rates';

/** A policy problem in words, with a code a program can test instead of the English text. */
export interface PolicyMessage extends IssueText {
  code: string;
}

/** Each policy key as a person reads it. */
export const POLICY_LABELS: Record<string, IssueText> = {
  tiers: { en: 'tiers', zh: '档位' },
  min_gmv: { en: 'GMV threshold', zh: 'GMV门槛' },
  cashback_rate: { en: 'cashback rate', zh: '磁力金牛返还比例' },
  traffic_cap_per_day: { en: 'daily traffic cap', zh: '每日流量封顶' },
  red_packet_coefficient: { en: 'red-packet coefficient', zh: '奖励系数' },
  threshold_inclusive: { en: 'threshold inclusive', zh: '达到门槛即算达档' },
  incremental_basis: { en: 'incremental GMV basis', zh: '增量GMV的计算基准' },
  traffic_max_days: { en: 'traffic days per merchant', zh: '每个商家流量扶持天数' },
  traffic_day_selection: { en: 'traffic day selection', zh: '流量发放日' },
  new_merchant_baseline: { en: 'baseline of a merchant with no history', zh: '无历史数据商家的过往日均' },
  invited_only: { en: 'invited merchants only', zh: '仅限目标名单中的商家' },
};

/** "tier 2 cashback_rate" / "第2档磁力金牛返还比例": where in the policy a value is. */
export function policyPlace(key: string, tier?: number): IssueText {
  const label = POLICY_LABELS[key] || { en: key, zh: key };
  return tier === undefined ? { en: key, zh: label.zh } : { en: `tier ${tier} ${key}`, zh: `第${tier}档${label.zh}` };
}

export function policyMessage(code: string, text: IssueText): PolicyMessage {
  return { code, en: text.en, zh: text.zh };
}

export function policyProblemText(problem: PolicyProblem): PolicyMessage {
  switch (problem.code) {
    case 'no_tiers':
      return policyMessage(problem.code, { en: 'the policy has no tiers', zh: '政策中没有任何档位' });
    case 'negative_threshold':
      return policyMessage(problem.code, { en: `tier ${problem.tier}: the GMV threshold cannot be negative`, zh: `第${problem.tier}档：GMV门槛不能为负数` });
    case 'thresholds_not_rising':
      return policyMessage(problem.code, { en: `tier ${problem.tier}: thresholds must rise from one tier to the next`, zh: `第${problem.tier}档：各档GMV门槛须逐档递增` });
    case 'cashback_out_of_range':
      return policyMessage(problem.code, implausibleRate(problem.rate, problem.rate.toString(), 'cashback', RATE_LABELS.cashback(problem.tier)));
    case 'bad_traffic_cap':
      return policyMessage(problem.code, {
        en: `tier ${problem.tier}: the daily traffic cap must be a whole number of exposures, 0 or more`,
        zh: `第${problem.tier}档：每日流量封顶须为不小于0的整数`,
      });
    case 'coefficient_out_of_range':
      return policyMessage(problem.code, implausibleRate(problem.rate, problem.rate.toString(), 'coefficient', RATE_LABELS.coefficient(problem.tier)));
    case 'no_coefficient':
      return policyMessage(problem.code, {
        en: 'no red-packet coefficient (奖励系数) is set' + (problem.tiers ? ` for tier ${problem.tiers.join(', ')}` : '') + ': set one (for example 0.05); it is never guessed',
        zh: '未填写奖励系数' + (problem.tiers ? `（第${problem.tiers.join('、')}档）` : '') + '：请填写，例如 0.05；系统绝不默认或猜测',
      });
    case 'bad_traffic_days':
      return policyMessage(problem.code, {
        en: 'traffic_max_days must be a whole number of days, 0 or more',
        zh: '每个商家流量扶持天数须为不小于0的整数',
      });
  }
}

/** Every problem of a policy, in words. */
export function policyMessages(policy: Policy): PolicyMessage[] {
  return policyProblems(policy).map(policyProblemText);
}
