import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readDate, isoToSerial, serialToIso } from '../../src/input/date';

const YEAR_FIRST = 'a date with the year first, such as 2025-11-11';

function assertDates(cases: [unknown, string][]): void {
  // The serial must be the same day as the ISO text (checked against isoToSerial's own tests below).
  for (const [raw, iso] of cases) assert.deepEqual(readDate(raw as never), { kind: 'date', iso, serial: isoToSerial(iso as string) }, String(raw));
}

function expectedFor(raw: unknown): string {
  const read = readDate(raw as never);
  assert.equal(read.kind, 'error', String(raw));
  return (read as { expected: string }).expected;
}

describe('readDate', () => {
  test('year-first text forms', () => {
    assertDates([
      ['2025-11-11', '2025-11-11'],
      ['2025/11/11', '2025-11-11'],
      ['2025.11.11', '2025-11-11'],
      ['2025-1-5', '2025-01-05'],
      ['2025/1/05', '2025-01-05'],
      ['20251111', '2025-11-11'],
      ['2025年11月11日', '2025-11-11'],
      ['2025年1月5日', '2025-01-05'],
      [' 2025-11-11 ', '2025-11-11'],
    ]);
  });

  test('full-width forms read like ASCII ones', () => {
    assertDates([
      ['２０２５年１１月１１日', '2025-11-11'],
      ['２０２５－１１－１１', '2025-11-11'],
      ['２０２５／１１／１１', '2025-11-11'],
      ['\u30002025-11-11\u3000', '2025-11-11'],
    ]);
  });

  test('a time after the date is ignored', () => {
    assertDates([
      ['2025-11-11 00:00:00', '2025-11-11'],
      ['2025-11-11T08:00', '2025-11-11'],
      ['2025/11/11 23:59:59', '2025-11-11'],
      ['2025-11-11 08:00:00.000', '2025-11-11'],
      ['2025年11月11日 08:00', '2025-11-11'],
    ]);
  });

  test('Sheets serial numbers, as numbers or as digit text (45972 is 2025-11-11)', () => {
    assertDates([
      [45972, '2025-11-11'],
      [45972.75, '2025-11-11'], // 18:00 on that day
      ['45972', '2025-11-11'],
      [36526, '2000-01-01'],
      [73050, '2099-12-31'],
    ]);
    for (const raw of [0, -5, '0', NaN, Infinity, '45972.5', '1234567', 3000000, 1, 61, 36525, 73051]) {
      assert.equal(readDate(raw as never).kind, 'error', String(raw));
    }
  });

  test('SPEC §3: a date before 2000-01-01 or after 2099-12-31 is an error, whatever its form', () => {
    // "20251" is a five-digit typo of 2025-11-1…: as a serial it would be 1955-06-11.
    for (const raw of ['20251', 20251, '1999-12-31', '2100-01-01', '19991231', 19991231, '2100年1月1日', new Date(1900, 0, 10), new Date(2100, 0, 1)]) {
      const read = readDate(raw as never);
      assert.equal(read.kind, 'error', String(raw));
      assert.match((read as { expected: string }).expected, /2000-01-01 to 2099-12-31/, String(raw));
    }
    assertDates([['2000-01-01', '2000-01-01'], ['2099-12-31', '2099-12-31'], [new Date(2000, 0, 1) as never, '2000-01-01']]);
  });

  test('an 8-digit number typed into a cell is read as YYYYMMDD', () => {
    assertDates([[20251111, '2025-11-11']]);
    assert.equal(readDate(20250230).kind, 'error');
  });

  test('Date values use the local calendar day, whatever the time', () => {
    assertDates([
      [new Date(2025, 10, 11), '2025-11-11'],
      [new Date(2025, 10, 11, 23, 59, 59), '2025-11-11'],
      [new Date(2024, 1, 29, 0, 0, 1), '2024-02-29'],
    ]);
    assert.deepEqual(readDate(new Date(NaN)), { kind: 'error', expected: YEAR_FIRST });
    // A time-only cell comes back as a Date on 1899-12-30: not a campaign day.
    assert.equal(readDate(new Date(1899, 11, 30, 8, 0)).kind, 'error');
  });

  test('blank is blank', () => {
    for (const raw of ['', '  ', null, undefined]) assert.deepEqual(readDate(raw), { kind: 'blank' });
  });

  test('dates that are not on the calendar are errors', () => {
    for (const raw of ['2025-02-30', '2025-13-01', '2025-00-10', '2025-04-31', '1900-02-29', '20250230', '2025年2月30日']) {
      assert.match(expectedFor(raw), /real calendar date/, raw);
    }
    assertDates([['2024-02-29', '2024-02-29'], ['2000-02-29', '2000-02-29']]);
  });

  test('a date without a year is an error, not a guess', () => {
    for (const raw of ['11-11', '11/11', '11月11日', '11月11号']) {
      const expected = expectedFor(raw);
      assert.ok(expected.startsWith(YEAR_FIRST), raw);
      assert.match(expected, /no year/, raw);
    }
  });

  test('year-last forms are errors because day and month order is ambiguous', () => {
    for (const raw of ['11/10/2025', '10-11-2025', '25/11/2025', '11.10.2025', '11/10/25', '11/10/2025 08:00']) {
      const expected = expectedFor(raw);
      assert.ok(expected.startsWith(YEAR_FIRST), raw);
      assert.match(expected, /day\/month order is ambiguous/, raw);
    }
  });

  test('other text, booleans and mixed separators are errors', () => {
    for (const raw of ['abc', '2025-11/11', '2025-11-11 noon', '2025-11-11Z', true]) {
      assert.deepEqual(readDate(raw as never), { kind: 'error', expected: YEAR_FIRST }, String(raw));
    }
  });

  test('repeated texts give the same answer, and many distinct texts do not break the cache', () => {
    assert.deepEqual(readDate('2025-11-11'), readDate('2025-11-11'));
    for (let serial = 40000; serial < 62000; serial++) {
      const iso = serialToIso(serial);
      assert.equal((readDate(iso.replace(/-/g, '/')) as { iso: string }).iso, iso);
    }
    assert.deepEqual(readDate('2025-11-11'), { kind: 'date', iso: '2025-11-11', serial: 45972 });
  });
});

describe('isoToSerial / serialToIso', () => {
  test('known days', () => {
    assert.equal(isoToSerial('1899-12-30'), 0);
    assert.equal(isoToSerial('2025-11-11'), 45972);
    assert.equal(serialToIso(45972), '2025-11-11');
    assert.equal(serialToIso(45972.9), '2025-11-11');
    assert.equal(isoToSerial('1970-01-01'), 25569); // Sheets' serial for the Unix epoch
  });

  test('agrees with UTC day arithmetic across four centuries and round-trips', () => {
    const dayMs = 86400000;
    const epoch = Date.UTC(1899, 11, 30);
    for (let serial = -1000; serial < 150000; serial += 7) {
      const d = new Date(epoch + serial * dayMs);
      const iso = d.toISOString().slice(0, 10);
      assert.equal(serialToIso(serial), iso, String(serial));
      assert.equal(isoToSerial(iso), serial, iso);
    }
  });

  test('isoToSerial refuses anything but YYYY-MM-DD', () => {
    assert.throws(() => isoToSerial('2025/11/11'), RangeError);
  });
});

test('a lone year is not a serial day number', () => {
  // "2025" as serial day 2025 would be 1905-07-17 and would quietly enter a baseline.
  assert.equal(readDate('2025').kind, 'error');
  assert.equal(readDate('45972').kind, 'date');
});
