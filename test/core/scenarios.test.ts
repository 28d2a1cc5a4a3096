/**
 * SPEC §8 scenarios on SPEC §6 (coefficient 0.05, ad spend 12,345.67, baseline 180,000.00).
 * Tier 1 pays 30% cashback: 12,345.67 × 0.3 = 3,703.701 → 3,703.70; tier 2 pays 6,172.84.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Dec } from '../../src/core/money';
import { double11Policy } from '../../src/core/policy';
import { payoutScenarios, scaledInput } from '../../src/core/scenarios';
import { inputOf } from '../fixtures/inputs';
import { SPEC6_CSV } from '../fixtures/spec6';

const policy = { ...double11Policy(), redPacketCoefficient: new Dec('0.05') };
const input = inputOf(SPEC6_CSV.history, SPEC6_CSV.campaign);

test('each change scales every campaign GMV and settles as usual; −10% moves M001 from tier 2 down to tier 1', () => {
  const rows = payoutScenarios(input, policy, ['-0.2', '-0.1', '0', '0.1', '-1'].map((r) => new Dec(r))).map((s) => [
    s.change.toString(),
    s.totals.cashbackFen,
    s.totals.redPacketFen,
    s.totals.cashTotalFen,
    s.totals.qualifiedMerchants,
    s.totals.trafficGranted,
  ]);
  assert.deepEqual(rows, [
    // 523,456.78 × 0.8 = 418,765.424 → 418,765.42: tier 1; (418,765.42 − 180,000) × 0.05 = 11,938.271 → 11,938.27.
    ['-0.2', 370370, 1193827, 1564197, 1, 20000],
    // × 0.9 = 471,111.102 → 471,111.10: tier 1; 291,111.10 × 0.05 = 14,555.555 → 14,555.56; 3,703.70 + 14,555.56.
    ['-0.1', 370370, 1455556, 1825926, 1, 20000],
    // SPEC §6 itself.
    ['0', 617284, 1717284, 2334568, 1, 75000],
    // × 1.1 = 575,802.458 → 575,802.46: tier 2; 395,802.46 × 0.05 = 19,790.123 → 19,790.12; 6,172.84 + 19,790.12.
    ['0.1', 617284, 1979012, 2596296, 1, 75000],
    // −100%: no GMV, nothing qualifies.
    ['-1', 0, 0, 0, 0, 0],
  ]);
});

test('the scaled GMV is rounded to the fen half away from zero, ad spend and history untouched', () => {
  const two = inputOf(SPEC6_CSV.history, 'merchant_id,date,gmv,ad_spend\nM001,2025-11-11,523456.75,12345.67\nM002,2025-11-11,-100.05,0\n');
  const scaled = scaledInput(two, new Dec('0.1'));
  // 52,345,675 × 1.1 = 57,580,242.5 → 57,580,243; −10,005 × 1.1 = −11,005.5 → −11,006 (away from zero).
  assert.deepEqual(scaled.campaign.map((d) => [d.gmvFen, d.adSpendFen]), [[57580243, 1234567], [-11006, 0]]);
  assert.equal(scaled.history, two.history);
  assert.deepEqual(two.campaign.map((d) => d.gmvFen), [52345675, -10005], 'the input itself is not changed');
});
