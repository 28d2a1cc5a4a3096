import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readMerchantId } from '../../src/input/merchantId';

function assertConverted(raw: unknown): void {
  const read = readMerchantId(raw as never);
  assert.equal(read.kind, 'error', String(raw));
  assert.match((read as { expected: string }).expected, /id was converted to a number/, String(raw));
}

describe('readMerchantId', () => {
  test('text ids stay exact, leading zeros included', () => {
    const cases: [string, string][] = [
      ['00123', '00123'],
      ['M001', 'M001'],
      [' M001 ', 'M001'],
      ['\u3000m001\u00a0', 'm001'],
      ['００１２３', '00123'],
      ['12345678901234567890', '12345678901234567890'], // longer than a double holds: fine as text
      ['shop-7', 'shop-7'],
    ];
    for (const [raw, id] of cases) assert.deepEqual(readMerchantId(raw), { kind: 'id', id }, raw);
  });

  test('whole numbers up to 2^53 are the digits that were typed', () => {
    assert.deepEqual(readMerchantId(12345), { kind: 'id', id: '12345' });
    assert.deepEqual(readMerchantId(0), { kind: 'id', id: '0' });
    assert.deepEqual(readMerchantId(Number.MAX_SAFE_INTEGER), { kind: 'id', id: '9007199254740991' });
  });

  test('an id a spreadsheet turned into a number is an error, not a guess', () => {
    for (const raw of ['1.23457E+11', '1.2e5', '1E+15', '12345.0', ' 1.23457e+11 ', 2 ** 53, 1e20, 1.5, NaN, Infinity]) {
      assertConverted(raw);
    }
  });

  test('blank is blank', () => {
    for (const raw of ['', '   ', null, undefined]) assert.deepEqual(readMerchantId(raw), { kind: 'blank' });
  });

  test('booleans and Dates are not ids', () => {
    for (const raw of [true, new Date(2025, 10, 11)]) {
      assert.deepEqual(readMerchantId(raw), { kind: 'error', expected: 'a merchant id such as 00123' });
    }
  });
});
