import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readNumber, readMoneyFen, readRate } from '../../src/input/number';

const NUMBER_ERROR = { kind: 'error', expected: 'a number such as 1,234.50 or 12.3万' };
const RATE_ERROR = { kind: 'error', expected: 'a rate of 0 or more, such as 30% or 0.3' };

function assertNumbers(cases: [unknown, string][], opts?: { percent?: boolean }): void {
  for (const [raw, text] of cases) {
    assert.deepEqual(readNumber(raw as never, opts), { kind: 'number', text }, JSON.stringify(raw));
  }
}

function assertNumberErrors(raws: unknown[]): void {
  for (const raw of raws) assert.deepEqual(readNumber(raw as never), NUMBER_ERROR, JSON.stringify(raw));
}

describe('readNumber', () => {
  test('blank text, null and undefined are blank, not zero', () => {
    for (const raw of ['', '   ', '\u3000', '\u00a0', null, undefined]) {
      assert.deepEqual(readNumber(raw), { kind: 'blank' }, JSON.stringify(raw));
    }
  });

  test('plain decimals come back as canonical text', () => {
    assertNumbers([
      ['150000', '150000'],
      ['123456.78', '123456.78'],
      ['1234.5', '1234.5'],
      ['-1234', '-1234'],
      ['0', '0'],
      ['1234.50', '1234.5'],
      ['+1234', '1234'],
      ['007', '7'],
      ['.5', '0.5'],
      ['5.', '5'],
      ['-0', '0'],
      ['-0.00', '0'],
    ]);
  });

  test('thousands separators must be proper groups of three', () => {
    assertNumbers([
      ['1,234.50', '1234.5'],
      ['1,234,567', '1234567'],
      ['-12,345.6', '-12345.6'],
    ]);
    assertNumberErrors(['12,3x', '1,2,3', '12,34', '1234,567', ',123', '1,234,56']);
  });

  test('currency marks before and 元 after are accepted', () => {
    assertNumbers([
      ['¥1,234.50', '1234.5'],
      ['￥1,234.50', '1234.5'],
      ['RMB 1,234.50', '1234.5'],
      ['CNY1234.5', '1234.5'],
      ['rmb1234', '1234'],
      ['1234.5元', '1234.5'],
      ['¥1234.5元', '1234.5'],
    ]);
  });

  test('万 multiplies by 10^4 and 亿 by 10^8, exactly', () => {
    assertNumbers([
      ['12.3万', '123000'], // 12.3 × 10,000
      ['1.2亿', '120000000'], // 1.2 × 100,000,000
      ['12.3万元', '123000'],
      ['0.5亿元', '50000000'],
      ['1.23456万', '12345.6'],
      ['0.000001万', '0.01'],
      ['12.3 万', '123000'],
      ['¥1,234.5万', '12345000'],
    ]);
    assertNumberErrors(['万', '1.2亿亿', '12万亿', '万12']);
  });

  test('full-width digits and punctuation read like their ASCII forms', () => {
    assertNumbers([
      ['１２３４．５', '1234.5'],
      ['１，２３４．５０', '1234.5'],
      ['（１，２３４．００）', '-1234'],
      ['￥１２．３万', '123000'],
      ['－５', '-5'],
      ['１５００００', '150000'],
    ]);
  });

  test('negatives: leading minus, unicode minus and accounting brackets', () => {
    assertNumbers([
      ['(1,234.00)', '-1234'],
      ['(¥1,234.00)', '-1234'],
      ['−1234', '-1234'], // U+2212
      ['-¥5', '-5'],
      ['¥-5', '-5'],
      ['( 12.5 )', '-12.5'],
    ]);
    assertNumberErrors(['-¥-5', '(-5)', '--5', '+-5', '(5', '5)']);
  });

  test('surrounding spaces, including no-break and full-width spaces, are ignored', () => {
    assertNumbers([
      [' 1234 ', '1234'],
      ['\t150000\t', '150000'],
      ['\u00a01234\u00a0', '1234'],
      ['\u30001234\u3000', '1234'],
      [' ¥1,234.50 ', '1234.5'],
    ]);
  });

  test('a percentage is only a number where a rate is expected', () => {
    const notHere = readNumber('30%');
    assert.equal(notHere.kind, 'error');
    assert.match((notHere as { expected: string }).expected, /^a number/);
    assertNumbers(
      [
        ['30%', '0.3'],
        ['12.5%', '0.125'],
        ['100%', '1'],
        ['0.5%', '0.005'],
        ['１２％', '0.12'],
        ['1234', '1234'],
      ],
      { percent: true },
    );
    for (const raw of ['30%万', '30万%', '%', '30%%']) {
      assert.equal(readNumber(raw, { percent: true }).kind, 'error', raw);
    }
  });

  test('JS numbers from ranges keep the digits Sheets shows, exponent forms included', () => {
    assertNumbers([
      [150000, '150000'],
      [0.1, '0.1'],
      [-1234.5, '-1234.5'],
      [-0, '0'],
      [1e21, '1000000000000000000000'],
      [1.234e22, '12340000000000000000000'],
      [1.5e-7, '0.00000015'],
      [-2.5e-8, '-0.000000025'],
    ]);
  });

  test('NaN, infinities, booleans, Dates and garbage are errors that say what would be right', () => {
    assertNumberErrors([NaN, Infinity, -Infinity, true, false, new Date(2025, 10, 11)]);
    assertNumberErrors(['abc', '¥', '-', '.', '1e5', '1.2.3', '12 34', 'N/A']);
  });
});

describe('readMoneyFen', () => {
  test('rounds to fen half away from zero on input', () => {
    const cases: [unknown, number][] = [
      ['1234.555', 123456], // 123455.5 fen → 123456
      ['0.005', 1],
      ['-0.005', -1],
      ['0.004', 0],
      ['-0.004', 0],
      ['1234.5', 123450],
      ['12,345.67', 1234567], // SPEC §6 ad spend
      ['523,456.78', 52345678], // SPEC §6 day GMV
      ['12.3万', 12300000],
      ['(1,234.00)', -123400],
      [0.1 + 0.2, 30], // 0.30000000000000004 → 30 fen
      [150000, 15000000],
    ];
    for (const [raw, fen] of cases) assert.deepEqual(readMoneyFen(raw as never), { kind: 'fen', fen }, String(raw));
  });

  test('blanks and bad text pass through', () => {
    assert.deepEqual(readMoneyFen(''), { kind: 'blank' });
    assert.deepEqual(readMoneyFen(null), { kind: 'blank' });
    assert.deepEqual(readMoneyFen('12,34'), NUMBER_ERROR);
    assert.equal(readMoneyFen('30%').kind, 'error');
  });

  test('SPEC §3: one amount above 10^11 CNY is refused as implausible, the limit itself is not', () => {
    assert.deepEqual(readMoneyFen('100000000000'), { kind: 'fen', fen: 1e13 });
    assert.deepEqual(readMoneyFen('-100,000,000,000.00'), { kind: 'fen', fen: -1e13 });
    assert.deepEqual(readMoneyFen('1000亿'), { kind: 'fen', fen: 1e13 });
    for (const raw of ['100000000000.01', '-100000000000.01', '99999999999999.99', 1e21, 1e11 + 0.01, '1000.0001亿', '9500000000000']) {
      const read = readMoneyFen(raw);
      assert.equal(read.kind, 'error', String(raw));
      assert.match((read as { expected: string }).expected, /at most 100,000,000,000\.00 .*implausible/, String(raw));
    }
  });

  test('a unit from the heading shifts the digits exactly: 万元 ×10^4, 千元 ×10^3', () => {
    assert.deepEqual(readMoneyFen('12.345678', 4), { kind: 'fen', fen: 12345678 }); // 123,456.78
    assert.deepEqual(readMoneyFen('1.2345675', 4), { kind: 'fen', fen: 1234568 }); // 12,345.675 → 12,345.68
    assert.deepEqual(readMoneyFen('-0.5', 3), { kind: 'fen', fen: -50000 });
    assert.deepEqual(readMoneyFen(12.3, 4), { kind: 'fen', fen: 12300000 });
    assert.deepEqual(readMoneyFen('¥1,234.5', 4), { kind: 'fen', fen: 1234500000 });
    // 10,000,001 万元 = 100,000,010,000 元: past the ceiling once scaled.
    assert.match((readMoneyFen('10000001', 4) as { expected: string }).expected, /implausible/);
    assert.deepEqual(readMoneyFen('10000000', 4), { kind: 'fen', fen: 1e13 });
    // A figure with a unit of its own under a heading that gives one: 12.3万 in a 万元 column.
    for (const raw of ['12.3万', '1亿', '5元']) assert.equal((readMoneyFen(raw, 4) as { expected: string }).expected.startsWith('a plain number'), true, raw);
  });
});

describe('readRate', () => {
  test('accepts percentages and plain fractions', () => {
    const cases: [unknown, string][] = [
      ['30%', '0.3'],
      ['0.3', '0.3'],
      ['100%', '1'],
      ['５０％', '0.5'],
      [0.5, '0.5'],
      ['0', '0'],
    ];
    for (const [raw, text] of cases) assert.deepEqual(readRate(raw as never), { kind: 'rate', text }, String(raw));
  });

  test('blank is blank', () => {
    assert.deepEqual(readRate(''), { kind: 'blank' });
    assert.deepEqual(readRate(undefined), { kind: 'blank' });
  });

  test('negative rates, money marks and 万 are errors', () => {
    for (const raw of ['-30%', '-0.3', -0.3, '(30%)', '¥0.3', '3万', '0.3元', 'abc', true]) {
      assert.deepEqual(readRate(raw), RATE_ERROR, String(raw));
    }
  });
});
