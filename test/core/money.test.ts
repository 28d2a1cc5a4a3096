import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decimalTextToFen, Dec, fenToDisplay, fenToText, meanFen, mulRate } from '../../src/core/money';

test('money rounds half away from zero to the fen (SPEC §2: 四舍五入)', () => {
  assert.equal(decimalTextToFen('6172.835'), 617284);
  assert.equal(decimalTextToFen('-6172.835'), -617284);
  assert.equal(decimalTextToFen('0.004'), 0);
  assert.equal(decimalTextToFen('0.005'), 1);
  assert.equal(decimalTextToFen('1234'), 123400);
});

test('cashback of the worked example: 12,345.67 × 0.50 = 6,172.835 → 6,172.84', () => {
  assert.equal(mulRate(1234567, new Dec('0.5')), 617284);
});

test('red packet of the worked example: 343,456.78 × 0.05 = 17,172.839 → 17,172.84', () => {
  assert.equal(mulRate(34345678, new Dec('0.05')), 1717284);
});

test('products that binary floating point gets wrong are exact', () => {
  // 1.005 × 1 in floats is 1.00499999…; here it is 100.5 fen → 101 fen.
  assert.equal(mulRate(201, new Dec('0.5')), 101); // 2.01 × 0.5 = 1.005 → 1.01
  assert.equal(mulRate(-201, new Dec('0.5')), -101);
});

test('mean of fen rounds half away from zero, exactly, also near 2^53', () => {
  assert.equal(meanFen(15000000 + 18000000 + 21000000, 3), 18000000); // SPEC §6 baseline 180,000.00
  assert.equal(meanFen(1, 2), 1); // 0.005 → 0.01
  assert.equal(meanFen(-1, 2), -1);
  assert.equal(meanFen(1, 3), 0); // 0.00333…
  assert.equal(meanFen(2, 3), 1); // 0.00666…
  const big = 2 ** 53 - 1; // 9007199254740991 / 2 = 4503599627370495.5 → …496
  assert.equal(meanFen(big, 2), 4503599627370496);
});

test('fen prints as a decimal string and as a person reads it', () => {
  assert.equal(fenToText(617284), '6172.84');
  assert.equal(fenToText(-5), '-0.05');
  assert.equal(fenToText(0), '0.00');
  assert.equal(fenToDisplay(52345678), '523,456.78');
  assert.equal(fenToDisplay(-100000000), '-1,000,000.00');
});

test('money × rate agrees with exact decimal arithmetic, rounding half away from zero', () => {
  // Reference: decimal.js on the same figures; the integer path must never differ from it.
  const rates = ['0.3', '0.5', '1', '0.05', '0.0123', '0.333333', '1.25', '0.000001'];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (const r of rates) {
    const rate = new Dec(r);
    for (let i = 0; i < 2000; i++) {
      const fen = (next() % 2000000001) - 1000000000;
      const expected = new Dec(fen).mul(rate).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber() + 0; // a -0 is 0 fen
      assert.equal(mulRate(fen, rate), expected, `${fen} × ${r}`);
    }
  }
  assert.equal(mulRate(1, new Dec('0.5')), 1); // 0.005 → 0.01
  assert.equal(mulRate(-1, new Dec('0.5')), -1);
  assert.equal(mulRate(2 ** 52, new Dec('0.75')), new Dec(2 ** 52).mul('0.75').toNumber()); // beyond the integer path
});
