/**
 * The in-place readers against the cell readers they stand in for: on generated cells — dates
 * near month ends and the century's edges, amounts at rounding edges, texts that are nearly
 * plain — an in-place reader either gives exactly what date.ts / number.ts give, or declines
 * (NaN), and it declines only cells the cell readers read some other way. Expected values are
 * the cell readers' own, which have their own hand-worked tests (date.test.ts, number.test.ts),
 * and the hand-worked cases below.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isoSerialAt, plainFenAt } from '../../src/input/plainText';
import { readDate } from '../../src/input/date';
import { readMoneyFen } from '../../src/input/number';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The cell in the middle of a line, so the readers must keep to [from, to). */
function inLine<T>(cell: string, read: (text: string, from: number, to: number) => T): T {
  return read(`9,1${cell},57`, 3, 3 + cell.length);
}

describe('isoSerialAt', () => {
  test('every YYYY-MM-DD shape, real day or not, reads as readDate reads it or is declined for a non-date', () => {
    const shape = fc.record({
      year: fc.integer({ min: 1990, max: 2110 }),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
    });
    fc.assert(
      fc.property(shape, ({ year, month, day }) => {
        const text = `${year}-${pad2(month)}-${pad2(day)}`;
        const expected = readDate(text);
        const serial = inLine(text, isoSerialAt);
        if (expected.kind === 'date') assert.equal(serial, expected.serial, text);
        else assert.ok(Number.isNaN(serial), text);
      }),
      { numRuns: 5000 },
    );
  });

  test('the century edges and leap days, worked by hand', () => {
    assert.equal(inLine('2000-01-01', isoSerialAt), 36526); // Sheets' serial of 2000-01-01
    assert.equal(inLine('2025-11-11', isoSerialAt), 45972);
    assert.equal(inLine('2000-02-29', isoSerialAt), 36585);
    assert.ok(Number.isNaN(inLine('2100-01-01', isoSerialAt)));
    assert.ok(Number.isNaN(inLine('1999-12-31', isoSerialAt)));
    assert.ok(Number.isNaN(inLine('2025-02-29', isoSerialAt)));
    assert.equal(inLine('2024-02-29', isoSerialAt), 45351);
  });

  test('other forms are declined, for the text reader to read', () => {
    for (const text of ['2025/11/11', '2025-11-1', '20251111', '2025-11-11 00:00:00', ' 2025-11-11', '２０２５-11-11']) {
      assert.ok(Number.isNaN(inLine(text, isoSerialAt)), text);
    }
  });
});

describe('plainFenAt', () => {
  const plain = fc.record({
    negative: fc.boolean(),
    whole: fc.stringMatching(/^\d{1,11}$/),
    decimals: fc.option(fc.stringMatching(/^\d{1,7}$/), { nil: undefined }),
  });

  test('plain amounts give readMoneyFen\'s fen, rounding half away from zero at the third decimal', () => {
    fc.assert(
      fc.property(plain, ({ negative, whole, decimals }) => {
        const text = `${negative ? '-' : ''}${whole}${decimals === undefined ? '' : '.' + decimals}`;
        const expected = readMoneyFen(text);
        assert.equal(expected.kind, 'fen', text);
        assert.equal(inLine(text, plainFenAt), expected.kind === 'fen' ? expected.fen : NaN, text);
      }),
      { numRuns: 5000 },
    );
  });

  test('rounding edges worked by hand', () => {
    assert.equal(inLine('0.005', plainFenAt), 1);
    assert.equal(inLine('-0.005', plainFenAt), -1);
    assert.equal(inLine('0.0049999', plainFenAt), 0);
    assert.equal(inLine('1234.565', plainFenAt), 123457);
    assert.equal(inLine('99999999999.999', plainFenAt), 10000000000000);
    assert.ok(Object.is(inLine('-0', plainFenAt), 0), 'minus zero is zero fen');
  });

  test('anything not plain is declined, for the text reader to read or reject', () => {
    const notPlain = fc.oneof(
      fc.constantFrom('', '-', '.5', '5.', '1,234', '12.3万', '¥5', '5%', '1e3', ' 5', '5 ', '+5', '--5', '123456789012', '５'),
      fc.string({ unit: fc.constantFrom('1', '2', '.', '-', ',', 'e', ' ', '万'), maxLength: 8 }).filter((s) => !/^-?\d{1,11}(\.\d+)?$/.test(s)),
    );
    fc.assert(
      fc.property(notPlain, (text) => {
        assert.ok(Number.isNaN(inLine(text, plainFenAt)), JSON.stringify(text));
      }),
      { numRuns: 2000 },
    );
  });
});
