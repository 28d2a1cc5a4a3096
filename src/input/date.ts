/**
 * Reads dates (SPEC §3) into ISO `YYYY-MM-DD` text. Only year-first forms are accepted: a
 * year-last date could be day-first or month-first, and a wrong guess would silently move a
 * row between history and campaign. Calendar arithmetic is on integers so no time zone or DST
 * can shift a day.
 */
import { isDateValue, type Cell } from './number';

/** A read date: `iso` for people and output, `serial` (Sheets day number) for fast comparison. */
export type DateValue = { kind: 'date'; iso: string; serial: number };
export type DateRead = { kind: 'blank' } | DateValue | { kind: 'error'; expected: string };

export const EXPECT_DATE = 'a date with the year first, such as 2025-11-11';
export const EXPECT_NO_YEAR = 'a date with the year first, such as 2025-11-11 (this one has no year)';
export const EXPECT_AMBIGUOUS =
  'a date with the year first, such as 2025-11-11 (with the year last the day/month order is ambiguous)';
export const EXPECT_REAL = 'a real calendar date from 2000-01-01 to 2099-12-31, such as 2025-11-11';

/** Sheets day 0 is 1899-12-30; this is that day counted from 1970-01-01. */
const SERIAL_EPOCH = daysFromCivil(1899, 12, 30);
/**
 * Settlement dates are this century's (SPEC §3). One range for text, numbers and Date cells:
 * a five-digit typo ("20251", serial day 1955-06-11) or a Date cell holding 11 (1900-01-10) is
 * an error on its row, never a day that could move the first campaign day.
 */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;
const MIN_SERIAL = daysFromCivil(FIRST_YEAR, 1, 1) - SERIAL_EPOCH;
const MAX_SERIAL = daysFromCivil(LAST_YEAR, 12, 31) - SERIAL_EPOCH;

// A time after the date is ignored (exports often carry 00:00:00); the day is what settles.
const TIME = '\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:\\s*[AaPp][Mm])?';
// One separator used twice, so "2025-11/11" is not a date.
const YEAR_FIRST = new RegExp('^(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?:(?:\\s+|T)' + TIME + ')?$');
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const CHINESE = new RegExp('^(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]?(?:\\s*' + TIME + ')?$');
// Serials as text are 5 digits (36526 = 2000-01-01 … 73050 = 2099-12-31): a lone "2025" is a
// year without a month, not serial day 2025 (1905-07-17), so it is an error rather than a guess.
const SERIAL_TEXT = /^\d{5}$/;
const YEAR_LAST = /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}(?:[\sT].*)?$/;
const NO_YEAR = /^(?:\d{1,2}[-/.]\d{1,2}|\d{1,2}\s*月\s*\d{1,2}\s*[日号]?)$/;
const NON_ASCII = /[^\x00-\x7f]/;

// A date column repeats the same few dozen texts millions of times; remembering them is cheaper
// than re-running the regexes. Cleared when full so memory stays bounded on odd inputs.
const CACHE_LIMIT = 10000;
const cache = new Map<string, DateRead>();

/** Reads one cell as a calendar date. */
export function readDate(raw: Cell): DateRead {
  if (raw === null || raw === undefined) return { kind: 'blank' };
  if (typeof raw === 'string') {
    let read = cache.get(raw);
    if (read === undefined) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      read = Object.freeze(readDateText(raw));
      cache.set(raw, read);
    }
    return read;
  }
  if (typeof raw === 'number') return readDateNumber(raw);
  if (isDateValue(raw)) {
    // Local getters: Apps Script builds Date cells in the script's zone, so local is the sheet's day.
    if (isNaN(raw.getTime())) return { kind: 'error', expected: EXPECT_DATE };
    return fromParts(raw.getFullYear(), raw.getMonth() + 1, raw.getDate());
  }
  return { kind: 'error', expected: EXPECT_DATE };
}

function readDateNumber(n: number): DateRead {
  if (!isFinite(n)) return { kind: 'error', expected: EXPECT_DATE };
  // 20251111 typed into a cell arrives as a number; serials stop at 2958465, so 8-digit
  // integers can only mean YYYYMMDD.
  if (Number.isInteger(n) && n >= 10000101 && n <= 99991231) {
    return fromParts(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
  }
  return fromSerial(Math.floor(n));
}

function readDateText(raw: string): DateRead {
  const s = NON_ASCII.test(raw) ? raw.normalize('NFKC').trim() : raw.trim();
  if (s === '') return { kind: 'blank' };
  let m = YEAR_FIRST.exec(s);
  if (m) return fromParts(Number(m[1]), Number(m[3]), Number(m[4]));
  m = COMPACT.exec(s) || CHINESE.exec(s);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  if (SERIAL_TEXT.test(s)) return fromSerial(Number(s));
  if (YEAR_LAST.test(s)) return { kind: 'error', expected: EXPECT_AMBIGUOUS };
  if (NO_YEAR.test(s)) return { kind: 'error', expected: EXPECT_NO_YEAR };
  return { kind: 'error', expected: EXPECT_DATE };
}

function fromSerial(serial: number): DateRead {
  // Serial 0 and below are what Sheets gives time-only or blank-as-zero cells, not real days.
  if (serial < MIN_SERIAL || serial > MAX_SERIAL) return { kind: 'error', expected: EXPECT_REAL };
  return { kind: 'date', iso: serialToIso(serial), serial: Math.floor(serial) };
}

function fromParts(year: number, month: number, day: number): DateRead {
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { kind: 'error', expected: EXPECT_REAL };
  }
  return { kind: 'date', iso: isoText(year, month, day), serial: daysFromCivil(year, month, day) - SERIAL_EPOCH };
}

/** `YYYY-MM-DD` to a Sheets serial day number (1899-12-30 is 0). */
export function isoToSerial(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError('not an ISO date: ' + iso);
  return daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3])) - SERIAL_EPOCH;
}

/** A Sheets serial day number to `YYYY-MM-DD`; a fraction (time of day) is dropped. */
export function serialToIso(n: number): string {
  const [year, month, day] = civilFromDays(Math.floor(n) + SERIAL_EPOCH);
  return isoText(year, month, day);
}

function isoText(year: number, month: number, day: number): string {
  return year + (month < 10 ? '-0' : '-') + month + (day < 10 ? '-0' : '-') + day;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Howard Hinnant's days_from_civil / civil_from_days: proleptic Gregorian, day 0 = 1970-01-01.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [month <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, month, day];
}
