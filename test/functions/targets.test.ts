/**
 * Per-merchant targets in the per-cell functions: one row of thresholds per row of day_gmv,
 * blanks taking the policy's (200,000 / 500,000 / 1,000,000). SPEC §6: baseline 180,000.00, GMV
 * 523,456.78, ad spend 12,345.67, increment 343,456.78 × 0.05 = 17,172.84.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { customFunctions } from '../../src/functions';

const { GMV_TIER, GMV_TO_NEXT_TIER, TIER_REWARD, SETTLEMENT } = customFunctions();
const GMV = 523456.78;
const HISTORY = [[150000, 180000, 210000]];

test('own targets decide the tier, what is still needed and the reward, as the targets list does in a settlement', () => {
  // 300,000 / 600,000 / 900,000: above tier 1, not above tier 2.
  const own = [[300000, 600000, 900000]];
  assert.equal(GMV_TIER(GMV, HISTORY, '', own), 1);
  assert.equal(GMV_TO_NEXT_TIER(GMV, HISTORY, '', own), 76543.23); // 600,000.01 − 523,456.78
  // Tier 1: 12,345.67 × 30% = 3,703.701 → 3,703.70; + 17,172.84.
  assert.equal(TIER_REWARD(GMV, HISTORY, 12345.67, 0.05, '', '', own), 20876.54);
  assert.equal(TIER_REWARD(GMV, HISTORY, 12345.67, 0.05, 'tier', undefined, own), 1);
});

test('one row of targets per row of day_gmv; a blank cell, or a short row, keeps the policy threshold', () => {
  const days = [[GMV], [GMV], [GMV]];
  // Row 1: blank tier 1, own tier 2 of 520,000 → tier 2 (the policy's tier 3 of 1,000,000 remains).
  // Row 2: only tier 1 given (150,000): tiers 2 and 3 keep 500,000 / 1,000,000 → tier 2.
  // Row 3: 100,000 / 200,000 / 523,456.78: not above tier 3's threshold itself (strict).
  assert.deepEqual(GMV_TIER(days, HISTORY, '', [['', 520000, ''], [150000, '', ''], [100000, 200000, 523456.78]]), [[2], [2], [2]]);
  assert.deepEqual(GMV_TO_NEXT_TIER(days, HISTORY, '', [['', 520000, ''], [150000, '', ''], [100000, 200000, 523456.78]]), [[476543.23], [476543.23], [0.01]]);
  // One row for every day.
  assert.deepEqual(GMV_TIER(days, HISTORY, '', [[100000, 200000, 500000]]), [[3], [3], [3]]);
});

test('targets of the wrong shape, not rising, or not money are errors naming the cell', () => {
  assert.throws(() => GMV_TIER([[GMV], [GMV]], HISTORY, '', [[1], [2], [3]]), /^Error: GMV_TIER: targets is a 3×1 range but day_gmv has 2 rows and the policy 3 tiers/);
  assert.throws(() => GMV_TIER(GMV, HISTORY, '', [[1, 2, 3, 4]]), /targets is a 1×4 range/);
  assert.throws(() => GMV_TIER(GMV, HISTORY, '', [[600000]]), {
    message: 'GMV_TIER: row 1 of targets: thresholds 600,000.00 / 500,000.00 / 1,000,000.00 must rise from tier to tier / 第1行目标门槛 600,000.00 / 500,000.00 / 1,000,000.00 须逐档递增',
  });
  assert.throws(() => TIER_REWARD(GMV, HISTORY, 0, 0.05, '', '', [['30万', 'x']]), { message: 'TIER_REWARD: row 1, column 2 of targets: "x" is not a number' });
});

test('a formula with targets agrees with SETTLEMENT given the same thresholds as its policy, for any figures', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 60_000_000 }),
      fc.integer({ min: 0, max: 150_000_000 }),
      fc.array(fc.integer({ min: 1, max: 40_000_000 }), { minLength: 3, maxLength: 3 }),
      (baselineFen, gmvFen, steps) => {
        const thresholds = [steps[0], steps[0] + steps[1], steps[0] + steps[1] + steps[2]].map((fen) => fen / 100);
        const gmv = gmvFen / 100;
        const baseline = baselineFen / 100;
        const policy = [[thresholds[0], '30%', 20000], [thresholds[1], '50%', 75000], [thresholds[2], '100%', 200000]];
        const table = SETTLEMENT([['merchant_id', 'avg_gmv'], ['M1', baseline]], [['merchant_id', 'date', 'gmv', 'ad_spend'], ['M1', '2025-11-11', gmv, 1000]], 0.05, policy) as unknown[][];
        const line = table[1];
        const tier = line[table[0].indexOf('Tier')];
        const cash = line[table[0].indexOf('Cash total')];
        assert.equal(GMV_TIER(gmv, baseline, '', [thresholds]), tier);
        assert.equal(TIER_REWARD(gmv, baseline, 1000, 0.05, '', '', [thresholds]), cash);
      },
    ),
    { numRuns: 150 },
  );
});
