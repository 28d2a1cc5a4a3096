import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Dec } from '../../src/core/money';
import { double11Policy, policyProblems } from '../../src/core/policy';
import { baselineAverage, evaluateDay, extraGmvToNextTier, tierReached, trafficDays } from '../../src/core/rules';
import { SPEC6 } from '../fixtures/spec6';

const yuan = (n: number) => Math.round(n * 100); // test inputs only: whole or 2-decimal literals
const thresholds = [yuan(200000), yuan(500000), yuan(1000000)];
const policy = () => ({ ...double11Policy(), redPacketCoefficient: new Dec('0.05') });

test('SPEC §6 worked example, step by step', () => {
  const fen = (decimal: string) => yuan(Number(decimal));
  const history = SPEC6.history.map((d) => fen(d.gmv));
  const baseline = baselineAverage({ sumFen: history.reduce((a, b) => a + b, 0), days: history.length }, policy());
  assert.equal(baseline, fen(SPEC6.line.baseline_avg));
  const day = evaluateDay(fen(SPEC6.gmv), baseline as number, fen(SPEC6.adSpend), thresholds, policy());
  assert.equal(day.tier, SPEC6.line.tier);
  assert.equal(day.incrementalFen, fen(SPEC6.line.incremental_gmv));
  assert.equal(day.cashbackRate.toString(), SPEC6.line.cashback_rate);
  assert.equal(day.cashbackFen, fen(SPEC6.line.cashback));
  assert.equal(day.redPacketFen, fen(SPEC6.line.red_packet));
  assert.equal(day.cashTotalFen, fen(SPEC6.line.cash_total));
  assert.equal(day.trafficCap, SPEC6.line.traffic_cap);
});

test('"exceeds" is strict; threshold_inclusive makes the threshold test >=', () => {
  assert.equal(tierReached(yuan(200000), 0, thresholds, false), 0);
  assert.equal(tierReached(yuan(200000.01), 0, thresholds, false), 1);
  assert.equal(tierReached(yuan(200000), 0, thresholds, true), 1);
  assert.equal(tierReached(yuan(1000000), 0, thresholds, true), 3);
});

test('the day must also exceed the baseline, strictly, whatever the threshold option', () => {
  assert.equal(tierReached(yuan(600000), yuan(600000), thresholds, true), 0);
  assert.equal(tierReached(yuan(600000.01), yuan(600000), thresholds, false), 2);
});

test('negative GMV (net of refunds) does not qualify and has no increment', () => {
  const day = evaluateDay(yuan(-500), 0, yuan(100), thresholds, policy());
  assert.equal(day.tier, 0);
  assert.equal(day.incrementalFen, 0);
  assert.equal(day.cashTotalFen, 0);
});

test('a day above the baseline but below tier 1 shows its increment and pays nothing', () => {
  const day = evaluateDay(yuan(190000), yuan(100000), yuan(5000), thresholds, policy());
  assert.equal(day.tier, 0);
  assert.equal(day.incrementalFen, yuan(90000));
  assert.equal(day.cashbackFen, 0);
  assert.equal(day.redPacketFen, 0);
});

test('incremental_basis "tier_threshold" pays on the threshold reached minus the baseline', () => {
  const p = { ...policy(), incrementalBasis: 'tier_threshold' as const };
  // tier 2 reached: 500,000 − 180,000 = 320,000; × 0.05 = 16,000.00
  const day = evaluateDay(yuan(523456.78), yuan(180000), 0, thresholds, p);
  assert.equal(day.incrementalFen, yuan(320000));
  assert.equal(day.redPacketFen, yuan(16000));
  // baseline above the threshold reached: 500,000 − 600,000 < 0 → 0
  assert.equal(evaluateDay(yuan(700000), yuan(600000), 0, thresholds, p).incrementalFen, 0);
});

test('a tier\'s own coefficient beats the programme-wide one', () => {
  const p = policy();
  p.tiers[2] = { ...p.tiers[2], redPacketCoefficient: new Dec('0.1') };
  // tier 3: (1,200,000 − 200,000) × 0.1 = 100,000.00; ad spend 1,000 × 100% = 1,000.00
  const day = evaluateDay(yuan(1200000), yuan(200000), yuan(1000), thresholds, p);
  assert.equal(day.redPacketFen, yuan(100000));
  assert.equal(day.cashbackFen, yuan(1000));
  assert.equal(day.trafficCap, 200000);
});

test('GMV to next tier: least extra GMV in fen', () => {
  // tier 2 → tier 3 needs 1,000,000.01: 1,000,000.01 − 523,456.78 = 476,543.23
  assert.equal(extraGmvToNextTier(yuan(523456.78), yuan(180000), thresholds, false), yuan(476543.23));
  // inclusive: 1,000,000.00 − 523,456.78 = 476,543.22
  assert.equal(extraGmvToNextTier(yuan(523456.78), yuan(180000), thresholds, true), yuan(476543.22));
  // top tier: 0
  assert.equal(extraGmvToNextTier(yuan(1500000), 0, thresholds, false), 0);
  // baseline above tier 1: must beat the baseline, 600,000.01 − 150,000 = 450,000.01
  assert.equal(extraGmvToNextTier(yuan(150000), yuan(600000), thresholds, false), yuan(450000.01));
});

test('traffic: first N qualified days in date order, or the N best caps earliest first', () => {
  const caps = [20000, 0, 75000, 20000, 200000, 75000, 20000];
  const qualified = caps.map((c) => c > 0);
  const first = trafficDays(caps, qualified, { ...policy(), trafficMaxDays: 5 });
  assert.deepEqual(first, [true, false, true, true, true, true, false]);
  const best = trafficDays(caps, qualified, { ...policy(), trafficMaxDays: 3, trafficDaySelection: 'best' });
  // caps 200000 (day 4), 75000 (day 2), 75000 (day 5): ties by earliest
  assert.deepEqual(best, [false, false, true, false, true, true, false]);
});

test('a ready baseline is used as is; no history is no baseline unless the policy says zero', () => {
  assert.equal(baselineAverage({ sumFen: 0, days: 0, readyBaselineFen: 12345 }, policy()), 12345);
  assert.equal(baselineAverage(undefined, policy()), null);
  assert.equal(baselineAverage(undefined, { ...policy(), newMerchantBaseline: 'zero' }), 0);
});

test('a policy without a coefficient cannot settle, and says how to fix it', () => {
  const problems = policyProblems(double11Policy());
  assert.deepEqual(problems, [{ code: 'no_coefficient' }]);
  assert.deepEqual(policyProblems(policy()), []);
});
