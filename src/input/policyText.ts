/**
 * What is wrong with a policy, in words, in English and Chinese. The English names the policy
 * file's key (the CLI user wrote it); the Chinese names the option as the sidebar and the Policy
 * sheet label it (core/policyKeys), because a merchant-ops user never sees the JSON keys.
 */
import { POLICY_KEYS, TIER_KEYS, type KeyKind, type PolicyKeySpec, type TierKeySpec, type Words } from '../core/policyKeys';
import { policyProblems, type Policy, type PolicyProblem } from '../core/policy';
import { implausibleRate, RATE_LABELS } from './rates';

/** A program tests these, never the English text. */
export type PolicyMessageCode =
  | PolicyProblem['code']
  | 'not_an_object'
  | 'unknown_key'
  | 'bad_tiers'
  /** A value its key cannot hold: not true/false, not one of the choices, not a whole number, not an amount. */
  | 'bad_value'
  | 'bad_coefficient'
  | 'bad_cashback_rate';

/** A policy problem in words, with a code a program can test instead of the English text. */
export interface PolicyMessage extends Words {
  code: PolicyMessageCode;
}

type KeySpec = PolicyKeySpec | TierKeySpec;

export function policyMessage(code: PolicyMessageCode, text: Words): PolicyMessage {
  return { code, en: text.en, zh: text.zh };
}

/** `"traffic_max_days"` / 「每个商家流量扶持天数」, or `tier 2 cashback_rate` / 第2档磁力金牛返还比例: where a value is. */
export function policyPlace(spec: KeySpec, tier?: number): Words {
  return tier === undefined ? { en: `"${spec.key}"`, zh: `「${spec.label.zh}」` } : { en: `tier ${tier} ${spec.key}`, zh: `第${tier}档${spec.label.zh}` };
}

/**
 * What a key holds, as the words after "must be" / "须为". The Chinese of a phrase that starts
 * with Latin text starts with the space that separates it from the Chinese before it.
 */
export function expectedValue(spec: KeyKind): Words {
  switch (spec.kind) {
    case 'boolean':
      return { en: 'true or false', zh: ' true 或 false' };
    case 'choice': {
      const values = spec.choices.map((choice) => `"${choice.value}"`).join(', ');
      return { en: `one of ${values}`, zh: ` ${values} 之一` };
    }
    case 'count':
      return spec.max === undefined
        ? { en: `a whole number of ${spec.unit.en}${spec.example === undefined ? '' : ` such as ${spec.example}`}`, zh: `整数${spec.unit.zh}${spec.example === undefined ? '' : `，如 ${spec.example}`}` }
        : { en: `a whole number of ${spec.unit.en} from ${spec.min} to ${spec.max}`, zh: `${spec.min}到${spec.max}之间的整数${spec.unit.zh}` };
    case 'money':
      return { en: 'an amount such as 200000 or "20万"', zh: '金额，如 200000 或“20万”' };
    case 'rate':
      return spec.use === 'coefficient' ? { en: 'a rate such as 0.05 or 5%', zh: '比例，如 0.05 或 5%' } : { en: 'a rate such as 0.3 or 30%', zh: '比例，如 0.3 或 30%' };
    case 'tiers':
      return { en: `a list of {${requiredTierKeys().join(', ')}}`, zh: `列表，每档含 ${requiredTierKeys().join('、')}` };
    case 'dates':
      return {
        en: `a list of at most ${spec.max} dates such as ["2025-09-09", "2025-09-10"] or "2025-09-09..2025-09-10"`,
        zh: `不超过 ${spec.max} 天的日期列表，如 2025-09-09, 2025-09-10 或 2025-09-09..2025-09-10`,
      };
  }
}

const shown = (value: unknown) => JSON.stringify(value === undefined ? '' : value);

/** A value its key cannot hold; a rate left blank is "missing". */
export function badValueMessage(spec: KeySpec, tier: number | undefined, value: unknown): PolicyMessage {
  const place = policyPlace(spec, tier);
  if (spec.kind === 'rate' && (value === undefined || value === null || value === ''))
    return policyMessage('bad_value', { en: `${place.en} is missing`, zh: `${place.zh}为空` });
  const expected = expectedValue(spec);
  return policyMessage('bad_value', { en: `${place.en} must be ${expected.en}, not ${shown(value)}`, zh: `${place.zh}须为${expected.zh}，而不是 ${shown(value)}` });
}

/** A list of dates with one that cannot be read, named. */
export function badDatesMessage(spec: KeySpec, why: Words): PolicyMessage {
  const place = policyPlace(spec);
  const expected = expectedValue(spec);
  return policyMessage('bad_value', { en: `${place.en} must be ${expected.en}: ${why.en}`, zh: `${place.zh}须为${expected.zh}：${why.zh}` });
}

export function unknownKeyMessage(key: string, tier?: number): PolicyMessage {
  if (tier === undefined) {
    const known = POLICY_KEYS.map((spec) => spec.key).join(', ');
    return policyMessage('unknown_key', { en: `unknown policy key "${key}"; known keys: ${known}`, zh: `未知的政策项「${key}」；可用的项：${known}` });
  }
  const known = TIER_KEYS.map((spec) => spec.key).join(', ');
  return policyMessage('unknown_key', { en: `tier ${tier}: unknown key "${key}"; known keys: ${known}`, zh: `第${tier}档：未知的项「${key}」；可用的项：${known}` });
}

export const NOT_AN_OBJECT = policyMessage('not_an_object', {
  en: 'the policy must be a JSON object such as {"red_packet_coefficient": "0.05"}',
  zh: '政策须为 JSON 对象，例如 {"red_packet_coefficient": "0.05"}',
});

const requiredTierKeys = () => TIER_KEYS.filter((spec: TierKeySpec) => !spec.optional).map((spec) => spec.key);

/** "tiers" is not a list. */
export function badTiersMessage(): PolicyMessage {
  const expected = expectedValue({ kind: 'tiers' });
  return policyMessage('bad_tiers', { en: `"tiers" must be ${expected.en}`, zh: `档位（tiers）须为${expected.zh}` });
}

/** Tier `tier` is not an object. */
export function badTierMessage(tier: number): PolicyMessage {
  const keys = requiredTierKeys();
  const last = keys.length - 1;
  return policyMessage('bad_tiers', {
    en: `tier ${tier} must be an object with ${keys.slice(0, last).join(', ')} and ${keys[last]}`,
    zh: `第${tier}档须包含 ${keys.slice(0, last).join('、')} 和 ${keys[last]}`,
  });
}

/** A Policy range with no tier rows: its columns, as the Policy sheet heads them. */
export function noTierRowsMessage(): PolicyMessage {
  return policyMessage('no_tiers', {
    en: `the policy range has no tier rows: one row per tier, with ${TIER_KEYS.map((spec) => spec.heading.en).join(', ')}`,
    zh: `政策区域中没有档位行：每档一行，依次为${TIER_KEYS.map((spec) => spec.heading.zh).join('、')}`,
  });
}

function optionSpec(key: string): PolicyKeySpec {
  return POLICY_KEYS.find((spec: PolicyKeySpec) => spec.key === key) as PolicyKeySpec;
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
    case 'bad_option': {
      const spec = optionSpec(problem.key);
      const expected = expectedValue(spec);
      return policyMessage(problem.code, { en: `${spec.key} must be ${expected.en}`, zh: `${spec.label.zh}须为${expected.zh}` });
    }
  }
}

/** Every problem of a policy, in words. */
export function policyMessages(policy: Policy): PolicyMessage[] {
  return policyProblems(policy).map(policyProblemText);
}
