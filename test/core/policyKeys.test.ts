/** The table of policy keys: the defaults are SPEC §1–2's, and the rules check every option by it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Dec } from '../../src/core/money';
import { double11Policy, policyProblems, type Policy } from '../../src/core/policy';
import { POLICY_KEYS, POLICY_OPTIONS, TIER_KEYS } from '../../src/core/policyKeys';

test('the defaults are the Double 11 programme of SPEC §1–2, with no coefficient', () => {
  const policy = double11Policy();
  assert.deepEqual(
    policy.tiers.map((tier) => [tier.minGmvFen, tier.cashbackRate.toString(), tier.trafficCapPerDay, tier.redPacketCoefficient]),
    [
      [200000_00, '0.3', 20000, undefined],
      [500000_00, '0.5', 75000, undefined],
      [1000000_00, '1', 200000, undefined],
    ],
  );
  assert.equal(policy.redPacketCoefficient, undefined);
  const { tiers, ...options } = policy;
  assert.equal(tiers.length, 3);
  // SPEC §2: strict ">", increment from the actual GMV, 5 traffic days, the first ones, no baseline for a new merchant;
  // SPEC §7: a negative true-up is recovered, GMV as given.
  assert.deepEqual(options, {
    thresholdInclusive: false,
    incrementalBasis: 'actual',
    trafficMaxDays: 5,
    trafficDaySelection: 'first',
    newMerchantBaseline: 'none',
    invitedOnly: false,
    // SPEC §8: all history before the first campaign day (no window), no exclusions, m = 1.
    baselineExcludeDates: [],
    baselineMinDays: 1,
    clawback: true,
    gmvBasis: 'paid',
  });
});

test('each call gets its own tiers: changing one policy leaves the next default alone', () => {
  const first = double11Policy();
  first.tiers[0].minGmvFen = 1;
  first.tiers.pop();
  assert.deepEqual(double11Policy().tiers.map((tier) => tier.minGmvFen), [200000_00, 500000_00, 1000000_00]);
});

test('one name per key and per field', () => {
  for (const table of [POLICY_KEYS, TIER_KEYS]) {
    const keys = table.map((spec) => spec.key);
    const fields = table.map((spec) => spec.field);
    assert.equal(new Set(keys).size, keys.length);
    assert.equal(new Set(fields).size, fields.length);
  }
});

test('an option holding what it cannot hold is a problem naming it, whichever option it is', () => {
  const settled = (): Policy => ({ ...double11Policy(), redPacketCoefficient: new Dec('0.05') });
  assert.deepEqual(policyProblems(settled()), []);
  const wrong: Record<string, unknown[]> = { boolean: ['yes', 1], choice: ['maybe', ''], count: [-1, 2.5, NaN, '5'], dates: ['2025-09-09', ['2025-9-9'], ['2025-09-10', '2025-09-09'], ['2025-02-30']] };
  for (const spec of POLICY_OPTIONS) {
    const values = spec.kind === 'count' && spec.max !== undefined ? [...wrong.count, spec.max + 1] : wrong[spec.kind];
    for (const value of values) {
      const policy = { ...settled(), [spec.field]: value } as Policy;
      assert.deepEqual(policyProblems(policy), [{ code: 'bad_option', key: spec.key }], `${spec.key} = ${String(value)}`);
    }
  }
  // The bounds themselves are allowed: no traffic days at all, or a year of them.
  assert.deepEqual(policyProblems({ ...settled(), trafficMaxDays: 0 }), []);
  assert.deepEqual(policyProblems({ ...settled(), trafficMaxDays: 366 }), []);
});
