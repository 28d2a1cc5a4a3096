/**
 * SPEC §8 near next tier, worked by hand (coefficient 0.05):
 *   M001 (SPEC §6): GMV 523,456.78, tier 2; tier 3 needs 1,000,000.01: extra 476,543.23. At
 *     1,000,000.01: cashback 12,345.67 × 100% = 12,345.67, red packet 820,000.01 × 0.05 =
 *     41,000.0005 → 41,000.00, cash 53,345.67; minus 23,345.68 now = 29,999.99.
 *   M002: baseline 100,000.00, GMV 190,000.00, ad spend 1,000.00: tier 0; extra 10,000.01 to
 *     200,000.01 → tier 1: cashback 300.00 + red packet 100,000.01 × 0.05 = 5,000.0005 → 5,000.00.
 *   M003: baseline 300,000.00, GMV 190,000.00, no ad spend: tier 1 needs the baseline beaten too,
 *     300,000.01: extra 110,000.01; red packet 0.01 × 0.05 = 0.0005 → 0.00, extra reward 0.00.
 *   M004: tier 3 already (nothing next). M005: blocked by a bad history row.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Dec } from '../../src/core/money';
import { double11Policy, type Policy } from '../../src/core/policy';
import { nearNextTier, type Within } from '../../src/core/nearNextTier';
import { inputOf } from '../fixtures/inputs';
import { SPEC6_CSV } from '../fixtures/spec6';

const HISTORY = SPEC6_CSV.history + 'M002,2025-11-09,100000\nM002,2025-11-10,100000\nM003,2025-11-10,300000\nM004,2025-11-10,100000\nM005,2025-11-10,12x\n';
const CAMPAIGN = SPEC6_CSV.campaign + 'M002,2025-11-11,190000,1000\nM003,2025-11-11,190000,\nM004,2025-11-11,1200000,0\nM005,2025-11-11,450000,0\n';
const input = inputOf(HISTORY, CAMPAIGN);
const policy: Policy = { ...double11Policy(), redPacketCoefficient: new Dec('0.05') };

const near = (within: Within, rules = policy, from = input) =>
  nearNextTier(from, rules, within).map((m) => [m.merchantId, m.tierNow, m.nextTier, m.extraGmvFen, m.extraRewardFen]);

test('within an amount: every day short by at most that much, least short first', () => {
  assert.deepEqual(near({ kind: 'amount', fen: 500000_00 }), [
    ['M002', 0, 1, 1000001, 530000],
    ['M003', 0, 1, 11000001, 0],
    ['M001', 2, 3, 47654323, 2999999],
  ]);
  assert.deepEqual(near({ kind: 'amount', fen: 20000_00 }), [['M002', 0, 1, 1000001, 530000]]);
  // "at most" includes the edge: 10,000.01 short with 10,000.01 allowed.
  assert.deepEqual(near({ kind: 'amount', fen: 1000001 }).map((m) => m[0]), ['M002']);
  assert.deepEqual(near({ kind: 'amount', fen: 1000000 }), []);
});

test("within a share of the next tier's threshold, compared exactly", () => {
  // 50%: M002 needs 10,000.01 ≤ 100,000 (half of 200,000); M003's 110,000.01 > 100,000; M001's
  // 476,543.23 ≤ 500,000 (half of 1,000,000).
  assert.deepEqual(near({ kind: 'share', rate: new Dec('0.5') }).map((m) => m[0]), ['M002', 'M001']);
  // 5% of 200,000 is 10,000.00 exactly: 10,000.01 is one fen too many.
  assert.deepEqual(near({ kind: 'share', rate: new Dec('0.05') }), []);
});

test('without a coefficient the extra reward is unknown (null), never a guess', () => {
  assert.deepEqual(near({ kind: 'amount', fen: 20000_00 }, double11Policy()), [['M002', 0, 1, 1000001, null]]);
});

test("a merchant's own targets decide its next threshold", () => {
  const withTargets = inputOf(HISTORY, CAMPAIGN, 'merchant_id,tier1,tier2,tier3\nM002,195000,,\n');
  // 195,000.01 − 190,000.00 = 5,000.01; red packet 95,000.01 × 0.05 = 4,750.0005 → 4,750.00, cashback 300.00.
  assert.deepEqual(near({ kind: 'amount', fen: 20000_00 }, policy, withTargets), [['M002', 0, 1, 500001, 505000]]);
});
