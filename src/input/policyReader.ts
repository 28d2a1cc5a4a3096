/**
 * A policy from a user: the CLI's JSON file (snake_case keys, as documented in the README) or
 * a Policy range in a sheet (one row per tier). Problems come back as messages in English and
 * Chinese with a code, never thrown from deep inside, so each entry point can show them its
 * own way. Rates go through the one plausibility check (rates.ts).
 */
import { fenToText, type Dec, type Fen } from '../core/money';
import { double11Policy, type Policy, type Tier } from '../core/policy';
import { readMoneyFen, readNumber, type Cell } from './number';
import { policyMessage, policyPlace, POLICY_LABELS, type PolicyMessage } from './policyText';
import { RATE_LABELS, readPlausibleRate, type RateUse } from './rates';
import { cellText } from './table';

export type PolicyRead = { ok: true; policy: Policy } | { ok: false; problems: PolicyMessage[] };

const OPTION_KEYS = [
  'tiers',
  'red_packet_coefficient',
  'threshold_inclusive',
  'incremental_basis',
  'traffic_max_days',
  'traffic_day_selection',
  'new_merchant_baseline',
  'invited_only',
];
const TIER_KEYS = ['min_gmv', 'cashback_rate', 'traffic_cap_per_day', 'red_packet_coefficient'];

const CHOICES: Record<string, string[]> = {
  incremental_basis: ['actual', 'tier_threshold'],
  traffic_day_selection: ['first', 'best'],
  new_merchant_baseline: ['none', 'zero'],
};

const shown = (v: unknown) => JSON.stringify(v === undefined ? '' : v);

/** Options over the Double 11 defaults; anything not given keeps its default. */
export function policyFromJson(json: unknown, base: Policy = double11Policy()): PolicyRead {
  const problems: PolicyMessage[] = [];
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return {
      ok: false,
      problems: [policyMessage('not_an_object', { en: 'the policy must be a JSON object such as {"red_packet_coefficient": "0.05"}', zh: '政策须为 JSON 对象，例如 {"red_packet_coefficient": "0.05"}' })],
    };
  }
  const obj = json as Record<string, unknown>;
  Object.keys(obj).forEach((key) => {
    if (OPTION_KEYS.indexOf(key) < 0)
      problems.push(policyMessage('unknown_key', { en: `unknown policy key "${key}"; known keys: ${OPTION_KEYS.join(', ')}`, zh: `未知的政策项「${key}」；可用的项：${OPTION_KEYS.join(', ')}` }));
  });
  const policy: Policy = { ...base, tiers: base.tiers.slice() };

  if (obj.tiers !== undefined) {
    if (!Array.isArray(obj.tiers))
      problems.push(policyMessage('bad_tiers', { en: '"tiers" must be a list of {min_gmv, cashback_rate, traffic_cap_per_day}', zh: '档位（tiers）须为列表，每档含 min_gmv、cashback_rate、traffic_cap_per_day' }));
    else policy.tiers = obj.tiers.map((t, i) => tierFromJson(t, i + 1, problems)).filter((t): t is Tier => t !== undefined);
  }
  if (obj.red_packet_coefficient !== undefined && obj.red_packet_coefficient !== null) {
    policy.redPacketCoefficient = rate(obj.red_packet_coefficient, 'coefficient', undefined, problems);
  }
  const bool = (key: string): boolean | undefined => {
    const v = obj[key];
    if (v === undefined) return undefined;
    if (typeof v === 'boolean') return v;
    problems.push(policyMessage('bad_value', { en: `"${key}" must be true or false, not ${JSON.stringify(v)}`, zh: `「${POLICY_LABELS[key].zh}」须为 true 或 false，而不是 ${JSON.stringify(v)}` }));
    return undefined;
  };
  const choice = (key: string): string | undefined => {
    const v = obj[key];
    if (v === undefined) return undefined;
    if (typeof v === 'string' && CHOICES[key].indexOf(v) >= 0) return v;
    const options = CHOICES[key].map((c) => `"${c}"`).join(', ');
    problems.push(policyMessage('bad_value', { en: `"${key}" must be one of ${options}, not ${JSON.stringify(v)}`, zh: `「${POLICY_LABELS[key].zh}」须为 ${options} 之一，而不是 ${JSON.stringify(v)}` }));
    return undefined;
  };
  const inclusive = bool('threshold_inclusive');
  if (inclusive !== undefined) policy.thresholdInclusive = inclusive;
  const invited = bool('invited_only');
  if (invited !== undefined) policy.invitedOnly = invited;
  const basis = choice('incremental_basis');
  if (basis) policy.incrementalBasis = basis as Policy['incrementalBasis'];
  const selection = choice('traffic_day_selection');
  if (selection) policy.trafficDaySelection = selection as Policy['trafficDaySelection'];
  const newBaseline = choice('new_merchant_baseline');
  if (newBaseline) policy.newMerchantBaseline = newBaseline as Policy['newMerchantBaseline'];
  if (obj.traffic_max_days !== undefined) {
    const days = obj.traffic_max_days;
    if (typeof days === 'number' && Number.isInteger(days) && days >= 0) policy.trafficMaxDays = days;
    else
      problems.push(policyMessage('bad_value', { en: `"traffic_max_days" must be a whole number of days, not ${JSON.stringify(days)}`, zh: `「${POLICY_LABELS.traffic_max_days.zh}」须为整数天数，而不是 ${JSON.stringify(days)}` }));
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, policy };
}

function tierFromJson(t: unknown, n: number, problems: PolicyMessage[]): Tier | undefined {
  if (typeof t !== 'object' || t === null) {
    problems.push(policyMessage('bad_tiers', { en: `tier ${n} must be an object with min_gmv, cashback_rate and traffic_cap_per_day`, zh: `第${n}档须包含 min_gmv、cashback_rate 和 traffic_cap_per_day` }));
    return undefined;
  }
  const obj = t as Record<string, unknown>;
  Object.keys(obj).forEach((key) => {
    if (TIER_KEYS.indexOf(key) < 0)
      problems.push(policyMessage('unknown_key', { en: `tier ${n}: unknown key "${key}"; known keys: ${TIER_KEYS.join(', ')}`, zh: `第${n}档：未知的项「${key}」；可用的项：${TIER_KEYS.join(', ')}` }));
  });
  const before = problems.length;
  const minGmvFen = money(obj.min_gmv, n, problems);
  const cashbackRate = rate(obj.cashback_rate, 'cashback', n, problems);
  const trafficCapPerDay = count(obj.traffic_cap_per_day, n, problems);
  const coefficient =
    obj.red_packet_coefficient === undefined || obj.red_packet_coefficient === null || obj.red_packet_coefficient === ''
      ? undefined
      : rate(obj.red_packet_coefficient, 'coefficient', n, problems);
  if (problems.length > before || minGmvFen === undefined || !cashbackRate || trafficCapPerDay === undefined) return undefined;
  return { minGmvFen, cashbackRate, trafficCapPerDay, redPacketCoefficient: coefficient };
}

function money(v: unknown, tier: number, problems: PolicyMessage[]): Fen | undefined {
  const read = readMoneyFen(v as Cell);
  if (read.kind === 'fen' && read.fen >= 0) return read.fen;
  const place = policyPlace('min_gmv', tier);
  problems.push(policyMessage('bad_value', { en: `${place.en} must be an amount such as 200000 or "20万", not ${shown(v)}`, zh: `${place.zh}须为金额，如 200000 或“20万”，而不是 ${shown(v)}` }));
  return undefined;
}

function rate(v: unknown, use: RateUse, tier: number | undefined, problems: PolicyMessage[]): Dec | undefined {
  const read = readPlausibleRate(v as Cell, use, use === 'coefficient' ? RATE_LABELS.coefficient(tier) : RATE_LABELS.cashback(tier));
  if (read.kind === 'rate') return read.rate;
  if (read.kind === 'error') problems.push(policyMessage(use === 'coefficient' ? 'bad_coefficient' : 'bad_cashback_rate', read.text));
  else {
    const place = policyPlace(use === 'coefficient' ? 'red_packet_coefficient' : 'cashback_rate', tier);
    problems.push(policyMessage('bad_value', { en: `${place.en} is missing`, zh: `${place.zh}为空` }));
  }
  return undefined;
}

function count(v: unknown, tier: number, problems: PolicyMessage[]): number | undefined {
  const read = readNumber(v as Cell);
  if (read.kind === 'number' && /^\d+$/.test(read.text)) return Number(read.text);
  const place = policyPlace('traffic_cap_per_day', tier);
  problems.push(policyMessage('bad_value', { en: `${place.en} must be a whole number of exposures such as 20000, not ${shown(v)}`, zh: `${place.zh}须为整数曝光量，如 20000，而不是 ${shown(v)}` }));
  return undefined;
}

/**
 * A Policy range: one row per tier — threshold, cashback rate, daily traffic cap, optional
 * coefficient — with an optional header row (any row whose threshold cell is not a number).
 */
export function policyFromCells(cells: Cell[][], base: Policy = double11Policy()): PolicyRead {
  const problems: PolicyMessage[] = [];
  const rows = cells.filter((row) => row.some((c) => cellText(c).trim() !== ''));
  const body = rows.length > 0 && readNumber(rows[0][0]).kind !== 'number' ? rows.slice(1) : rows;
  const tiers = body
    .map((row, i) =>
      tierFromJson(
        { min_gmv: row[0], cashback_rate: row[1], traffic_cap_per_day: row[2], red_packet_coefficient: row[3] },
        i + 1,
        problems,
      ),
    )
    .filter((t): t is Tier => t !== undefined);
  if (body.length === 0)
    problems.push(policyMessage('no_tiers', { en: 'the policy range has no tier rows: one row per tier, threshold, cashback rate, daily traffic cap', zh: '政策区域中没有档位行：每档一行，依次为门槛、返还比例、每日流量封顶' }));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, policy: { ...base, tiers } };
}

/** The policy as the run record shows it: the same keys the JSON file takes. */
export function policyToJson(policy: Policy) {
  const money = fenToText;
  return {
    tiers: policy.tiers.map((t) => ({
      min_gmv: money(t.minGmvFen),
      cashback_rate: t.cashbackRate.toString(),
      traffic_cap_per_day: t.trafficCapPerDay,
      ...(t.redPacketCoefficient ? { red_packet_coefficient: t.redPacketCoefficient.toString() } : {}),
    })),
    red_packet_coefficient: policy.redPacketCoefficient ? policy.redPacketCoefficient.toString() : null,
    threshold_inclusive: policy.thresholdInclusive,
    incremental_basis: policy.incrementalBasis,
    traffic_max_days: policy.trafficMaxDays,
    traffic_day_selection: policy.trafficDaySelection,
    new_merchant_baseline: policy.newMerchantBaseline,
    invited_only: policy.invitedOnly,
  };
}
