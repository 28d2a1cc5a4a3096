/**
 * The one reader and writer of policies, driven by the table of keys: every key is read, checked
 * and written by its kind, from the policy file, the sidebar's request and a Policy range.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Dec } from '../../src/core/money';
import { double11Policy, type Policy } from '../../src/core/policy';
import { POLICY_KEYS, POLICY_OPTIONS } from '../../src/core/policyKeys';
import { checkOptions } from '../../src/addon/validate';
import { policyFromCells, policyFromJson, policyOptions, policyToJson, readOption } from '../../src/input/policyReader';

/** Every option away from its default, as the policy file and the sidebar's request write them. */
const UNUSUAL_OPTIONS = {
  threshold_inclusive: true,
  incremental_basis: 'tier_threshold',
  traffic_max_days: 2,
  traffic_day_selection: 'best',
  new_merchant_baseline: 'zero',
  invited_only: true,
  baseline_window_days: 30,
  baseline_exclude_dates: ['2025-09-09', '2025-09-10'],
  baseline_min_days: 3,
  clawback: false,
  gmv_basis: 'net_of_refunds',
};

/** A policy with every option away from its default and a tier coefficient. */
function unusual(): Policy {
  const policy = { ...double11Policy(), redPacketCoefficient: new Dec('0.05') };
  policy.tiers[2] = { ...policy.tiers[2], redPacketCoefficient: new Dec('0.08') };
  return {
    ...policy,
    thresholdInclusive: true,
    incrementalBasis: 'tier_threshold',
    trafficMaxDays: 2,
    trafficDaySelection: 'best',
    newMerchantBaseline: 'zero',
    invitedOnly: true,
    baselineWindowDays: 30,
    baselineExcludeDates: ['2025-09-09', '2025-09-10'],
    baselineMinDays: 3,
    clawback: false,
    gmvBasis: 'net_of_refunds',
  };
}

test('the writer writes every key, in the order of the table, and the reader reads it back', () => {
  const json = policyToJson(unusual());
  assert.deepEqual(Object.keys(json), POLICY_KEYS.map((spec) => spec.key));
  assert.deepEqual(json, {
    tiers: [
      { min_gmv: '200000.00', cashback_rate: '0.3', traffic_cap_per_day: 20000 },
      { min_gmv: '500000.00', cashback_rate: '0.5', traffic_cap_per_day: 75000 },
      { min_gmv: '1000000.00', cashback_rate: '1', traffic_cap_per_day: 200000, red_packet_coefficient: '0.08' },
    ],
    red_packet_coefficient: '0.05',
    ...UNUSUAL_OPTIONS,
  });
  const read = policyFromJson(JSON.parse(JSON.stringify(json)));
  assert.ok(read.ok);
  assert.deepEqual(policyToJson(read.policy), json);
  // With no coefficient the run record says so with null, as before.
  assert.equal(policyToJson(double11Policy()).red_packet_coefficient, null);
});

test('a policy file with every option of the wrong kind gets one message per option, naming its key', () => {
  const wrong: Record<string, unknown> = { boolean: 'yes', choice: 'maybe', count: 'five', dates: 'soon' };
  const json: Record<string, unknown> = {};
  POLICY_OPTIONS.forEach((spec) => (json[spec.key] = wrong[spec.kind]));
  const read = policyFromJson(json);
  assert.equal(read.ok, false);
  const problems = (read as { problems: { code: string; en: string }[] }).problems;
  assert.deepEqual(problems.map((p) => p.code), POLICY_OPTIONS.map(() => 'bad_value'));
  assert.deepEqual(problems.map((p) => p.en), [
    '"threshold_inclusive" must be true or false, not "yes"',
    '"incremental_basis" must be one of "actual", "tier_threshold", not "maybe"',
    '"traffic_max_days" must be a whole number of days from 0 to 366, not "five"',
    '"traffic_day_selection" must be one of "first", "best", not "maybe"',
    '"new_merchant_baseline" must be one of "none", "zero", not "maybe"',
    '"invited_only" must be true or false, not "yes"',
    '"baseline_window_days" must be a whole number of days from 1 to 3660, not "five"',
    '"baseline_exclude_dates" must be a list of at most 1096 dates such as ["2025-09-09", "2025-09-10"] or "2025-09-09..2025-09-10": "soon" is not a date with the year first, such as 2025-09-09',
    '"baseline_min_days" must be a whole number of days from 1 to 3660, not "five"',
    '"clawback" must be true or false, not "yes"',
    '"gmv_basis" must be one of "paid", "net_of_refunds", not "maybe"',
  ]);
});

test('options not given keep the defaults; a null coefficient is none', () => {
  const read = policyFromJson({ traffic_max_days: 7, red_packet_coefficient: null });
  assert.ok(read.ok);
  assert.deepEqual(policyToJson(read.policy), { ...policyToJson(double11Policy()), traffic_max_days: 7 });
});

test('a tier must give every key that is not optional; unknown keys are named with the known ones', () => {
  const read = policyFromJson({ tiers: [{ min_gmv: '20万', cashback_rate: '30%' }, { min_gmv: 1, cashback_rate: 0.1, traffic_cap_per_day: 5, colour: 'red' }], red_packt: 1 });
  assert.equal(read.ok, false);
  assert.deepEqual((read as { problems: { code: string; en: string }[] }).problems.map((p) => `${p.code}: ${p.en}`), [
    'unknown_key: unknown policy key "red_packt"; known keys: tiers, red_packet_coefficient, threshold_inclusive, incremental_basis, traffic_max_days, traffic_day_selection, new_merchant_baseline, invited_only, baseline_window_days, baseline_exclude_dates, baseline_min_days, clawback, gmv_basis',
    'bad_value: tier 1 traffic_cap_per_day must be a whole number of exposures such as 20000, not ""',
    'unknown_key: tier 2: unknown key "colour"; known keys: min_gmv, cashback_rate, traffic_cap_per_day, red_packet_coefficient',
  ]);
});

test('a Policy range is read column by column in the order of the tier keys', () => {
  const read = policyFromCells([
    ['门槛', '比例', '流量', '系数'],
    ['20万', '30%', '20,000', ''],
    [300000, 0.5, 40000, 0.1],
  ]);
  assert.ok(read.ok);
  assert.deepEqual(policyToJson(read.policy).tiers, [
    { min_gmv: '200000.00', cashback_rate: '0.3', traffic_cap_per_day: 20000 },
    { min_gmv: '300000.00', cashback_rate: '0.5', traffic_cap_per_day: 40000, red_packet_coefficient: '0.1' },
  ]);
  const empty = policyFromCells([['门槛', '比例', '流量', '系数']]);
  assert.deepEqual(empty.ok ? [] : empty.problems.map((p) => p.en), [
    'the policy range has no tier rows: one row per tier, with GMV threshold (must exceed), Cashback rate, Daily traffic cap, Red-packet coefficient (optional)',
  ]);
});

test("the sidebar's request carries exactly the options, checked by the same rules as the policy file", () => {
  const options = policyOptions(unusual());
  assert.deepEqual(options, UNUSUAL_OPTIONS);
  assert.deepEqual(checkOptions(options), options);
  // An optional option left out is simply not set (null); every other one must be sent.
  for (const spec of POLICY_OPTIONS.filter((option) => !('optional' in option))) {
    const { [spec.key]: _left, ...missing } = options as Record<string, unknown>;
    assert.throws(() => checkOptions(missing), new RegExp(`^Error: options\\.${spec.key} must be .*, not missing$`), spec.key);
  }
  assert.throws(() => checkOptions({ ...options, traffic_max_days: 367 }), /options\.traffic_max_days must be a whole number of days from 0 to 366, not number 367/);
  assert.throws(() => checkOptions({ ...options, tiers: [] }), /options: unknown field "tiers"/);
});

test('an optional option with no default (SPEC §8 baseline_window_days) is null when left blank or left out, else read by its kind', () => {
  const window = POLICY_OPTIONS.find((spec) => spec.key === 'baseline_window_days')!;
  assert.equal(checkOptions({ ...policyOptions(double11Policy()), baseline_window_days: undefined }).baseline_window_days, null);
  assert.deepEqual([null, '', undefined].map((blank) => readOption(window, blank)), [null, null, null]);
  assert.deepEqual(['30', 30, '0', 'x', true].map((value) => readOption(window, value)), [30, 30, undefined, undefined, undefined]);
  // A key that is not optional is never blank: the traffic days must be given.
  assert.equal(readOption(POLICY_OPTIONS.find((spec) => spec.key === 'traffic_max_days')!, null), undefined);
});

test('baseline_exclude_dates: a list, or a line of days and runs of days, read by the date reader, sorted and distinct', () => {
  const read = (raw: unknown) => {
    const r = policyFromJson({ baseline_exclude_dates: raw });
    return r.ok ? r.policy.baselineExcludeDates : r.problems.map((p) => p.en);
  };
  assert.deepEqual(read(['2025-09-10', '2025/09/09', '2025-09-10']), ['2025-09-09', '2025-09-10']);
  // A run of days is every day from the first to the last, across a month end.
  assert.deepEqual(read('2025-09-30..2025-10-02, 2025年6月18日'), ['2025-06-18', '2025-09-30', '2025-10-01', '2025-10-02']);
  assert.deepEqual(read('2025-11-01 ~ 2025-11-01；20251105'), ['2025-11-01', '2025-11-05']);
  assert.deepEqual(read(''), []);
  assert.deepEqual(read('11/10/2025'), [
    '"baseline_exclude_dates" must be a list of at most 1096 dates such as ["2025-09-09", "2025-09-10"] or "2025-09-09..2025-09-10": "11/10/2025" is not a date with the year first, such as 2025-09-09',
  ]);
  assert.match(String(read('2025-10-02..2025-09-30')), /"2025-10-02\.\.2025-09-30" ends before it starts/);
  assert.match(String(read('2020-01-01..2025-12-31')), /more than 1096 days/);
  // What the writer writes, the reader reads back; the request's check takes the same forms.
  const options = { ...policyOptions(double11Policy()), baseline_exclude_dates: '2025-09-09..2025-09-10' };
  assert.deepEqual(checkOptions(options).baseline_exclude_dates, ['2025-09-09', '2025-09-10']);
});
