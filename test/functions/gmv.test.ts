import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fenToNumber } from '../../src/core/money';
import { customFunctions } from '../../src/functions';
import { readMoneyFen } from '../../src/input/number';

const { GMV_TIER, GMV_TO_NEXT_TIER, INCREMENTAL_GMV } = customFunctions();

// SPEC §6: baseline 180,000.00, GMV 523,456.78.
const HISTORY = [[150000, 180000, 210000]];
const GMV = 523456.78;

test('SPEC §6: incremental GMV, tier, and the GMV still needed for tier 3', () => {
  assert.equal(INCREMENTAL_GMV(GMV, HISTORY), 343456.78);
  assert.equal(GMV_TIER(GMV, HISTORY), 2);
  assert.equal(GMV_TO_NEXT_TIER(GMV, HISTORY), 476543.23); // 1,000,000.01 − 523,456.78
});

test('history averages like AVERAGE: blanks ignored, zeros counted, mean rounded half up to 0.01', () => {
  assert.equal(INCREMENTAL_GMV(80, [[100, '', 0]]), 30); // mean of 100 and 0 is 50
  assert.equal(INCREMENTAL_GMV(1, [[0.01, 0.02]]), 0.98); // mean 0.015 → 0.02
  assert.equal(INCREMENTAL_GMV(200, [[100], [100], [100.01]]), 100); // mean 100.00333… → 100.00
  assert.equal(INCREMENTAL_GMV(GMV, 180000), 343456.78); // one number is a ready baseline
});

test('incremental GMV is never below 0, and is shown for days below tier 1', () => {
  assert.equal(INCREMENTAL_GMV(100000, HISTORY), 0);
  assert.equal(INCREMENTAL_GMV(190000, HISTORY), 10000);
  assert.equal(GMV_TIER(190000, HISTORY), 0);
});

test('a column of days with the same number of history rows: row i uses row i of history', () => {
  // Row 1: baseline 150 → 300 − 150; row 2: baseline 15 → 50 − 15.
  assert.deepEqual(INCREMENTAL_GMV([[300], [50]], [[100, 200], [10, 20]]), [[150], [35]]);
  // Two merchants: 523,456.78 over 180,000 (tier 2); 523,456.78 over a ready 600,000 (tier 0).
  assert.deepEqual(GMV_TIER([[GMV], [GMV]], [[180000], [600000]]), [[2], [0]]);
});

test('otherwise the whole history range is one baseline for every cell, and the result has the shape of day_gmv', () => {
  // Mean of 100, 200, 10, 20 is 82.50.
  assert.deepEqual(INCREMENTAL_GMV([[300], [50], [20]], [[100, 200], [10, 20]]), [[217.5], [0], [0]]);
  assert.deepEqual(INCREMENTAL_GMV([[300], [50]], 100), [[200], [0]]);
  assert.deepEqual(INCREMENTAL_GMV([[300, 150]], HISTORY.map((r) => r.map((v) => v / 1000))), [[120, 0]]); // baseline 180
});

test('blank in, blank out', () => {
  assert.equal(INCREMENTAL_GMV('', HISTORY), '');
  assert.equal(GMV_TIER('  ', HISTORY), '');
  assert.equal(GMV_TO_NEXT_TIER(GMV, ''), '');
  assert.equal(GMV_TO_NEXT_TIER(GMV, [['', '']]), '');
  assert.deepEqual(INCREMENTAL_GMV([[300], ['']], 100), [[200], ['']]);
  assert.deepEqual(GMV_TIER([[GMV], [GMV]], [[180000, ''], ['', '']]), [[2], ['']]);
});

test('thresholds are strict, as 超/高于: exactly 200,000 is not tier 1', () => {
  assert.equal(GMV_TIER(200000, HISTORY), 0);
  assert.equal(GMV_TIER(200000.01, HISTORY), 1);
  assert.equal(GMV_TO_NEXT_TIER(200000, HISTORY), 0.01);
  assert.equal(GMV_TIER(1000000.01, HISTORY), 3);
  assert.equal(GMV_TO_NEXT_TIER(1000000.01, HISTORY), 0);
});

test('the GMV to the next tier must also clear the baseline', () => {
  assert.equal(GMV_TO_NEXT_TIER(150000, HISTORY), 50000.01); // 200,000.01 − 150,000
  // Baseline 600,000 is above tier 2's threshold: the day needs 600,000.01 to reach any tier.
  assert.equal(GMV_TO_NEXT_TIER(550000, 600000), 50000.01);
  assert.equal(GMV_TIER(550000, 600000), 0);
});

test('a policy range: header row, rates as 30%, thresholds as 万', () => {
  const policy = [
    ['threshold', 'cashback rate', 'traffic cap', 'coefficient'],
    ['10万', '30%', 10000],
    [300000, 0.5, 50000],
  ];
  assert.equal(GMV_TIER(250000, HISTORY, policy), 1);
  assert.equal(GMV_TIER(GMV, HISTORY, policy), 2);
  assert.equal(GMV_TO_NEXT_TIER(250000, HISTORY, policy), 50000.01); // 300,000.01 − 250,000
  assert.equal(GMV_TO_NEXT_TIER(GMV, HISTORY, policy), 0); // top tier of this policy
});

test('a bad policy range is an error that says what is wrong', () => {
  assert.throws(() => GMV_TIER(GMV, HISTORY, [[500000, 0.3, 100], [200000, 0.5, 100]]), {
    message: 'GMV_TIER: policy: tier 2: thresholds must rise from one tier to the next',
  });
  assert.throws(() => GMV_TIER(GMV, HISTORY, [[200000, 'lots', 100]]), (e: Error) =>
    e.message.startsWith('GMV_TIER: policy: tier 1 cashback rate must be a rate of 0 or more such as 0.3 or 30%'),
  );
});

test('numbers as pasted: 万, ¥ and commas, full-width digits, accounting negatives', () => {
  assert.equal(INCREMENTAL_GMV('52.345678万', '18万'), 343456.78);
  assert.equal(INCREMENTAL_GMV('¥1,234.50', '１０００'), 234.5);
  assert.equal(INCREMENTAL_GMV(100, [['(50.00)', 50]]), 100); // mean of −50 and 50 is 0
});

test('anything that is not a number is an error naming its argument, row, column and value', () => {
  assert.throws(() => INCREMENTAL_GMV('abc', HISTORY), { message: 'INCREMENTAL_GMV: day_gmv: "abc" is not a number' });
  assert.throws(() => GMV_TIER(GMV, [[1, 2, 3], [4, 5, 'abc']]), { message: 'GMV_TIER: row 2, column 3 of history: "abc" is not a number' });
  assert.throws(() => GMV_TIER([[1], [2]], [[1], ['x']]), { message: 'GMV_TIER: row 2 of history: "x" is not a number' });
  assert.throws(() => GMV_TO_NEXT_TIER(true, HISTORY), { message: 'GMV_TO_NEXT_TIER: day_gmv: "TRUE" is not a number' });
  assert.throws(() => INCREMENTAL_GMV(new Date(2025, 10, 11), HISTORY), {
    message: 'INCREMENTAL_GMV: day_gmv: "2025-11-11" is not a number',
  });
  assert.throws(() => INCREMENTAL_GMV('30%', HISTORY), (e: Error) =>
    e.message.startsWith('INCREMENTAL_GMV: day_gmv: "30%" is not an amount of money: expected'),
  );
});

test('argument counts come from the declarations', () => {
  assert.throws(() => INCREMENTAL_GMV(GMV), { message: 'INCREMENTAL_GMV: expects 2 arguments, INCREMENTAL_GMV(day_gmv, history); got 1' });
  assert.throws(() => GMV_TIER(GMV, HISTORY, '', '', 'x'), {
    message: 'GMV_TIER: expects 2 to 4 arguments, GMV_TIER(day_gmv, history, [policy], [targets]); got 5',
  });
});

test('a number cell is read to exactly the fen the pasted-text reader gives, for any number', () => {
  const amounts = fc.oneof(
    fc.integer({ min: -1e12, max: 1e12 }).map((fen) => fen / 100),
    fc.double({ min: -1e11, max: 1e11, noNaN: true }),
    fc.constantFrom(1.005, 2.675, -0.005, 0.015, -0, 1e-7, 123456789.125, 99999999999.995),
  );
  fc.assert(
    fc.property(amounts, (amount) => {
      const read = readMoneyFen(amount);
      const expected = read.kind === 'fen' ? fenToNumber(Math.max(0, read.fen)) : undefined;
      assert.equal(INCREMENTAL_GMV(amount, 0), expected);
    }),
    { numRuns: 2000 },
  );
});
