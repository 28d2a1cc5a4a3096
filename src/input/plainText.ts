/**
 * Reading the commonest cells of an export in place, from the characters of the whole text: an
 * ISO date, a plain amount. Each either gives exactly what the text readers give for the same
 * cell (test/input/plainText.test.ts holds them to date.ts and number.ts on generated cells),
 * or says it cannot (NaN), and the row goes through the text readers instead. A 3-million-row
 * history is mostly such cells; reading them here saves a string, a cache look-up and a regex
 * test per cell (`npm run bench` measures the whole path).
 */
import { isoToSerial } from './date';

const ZERO = 48;
const MINUS = 45;
const DOT = 46;
const DASH = 45;

/** 2000-01-01 and 2099-12-31 as serial days: date.ts's range. */
const MIN_SERIAL = isoToSerial('2000-01-01');
const MAX_SERIAL = isoToSerial('2099-12-31');

/** Days before each month, in a non-leap year. */
const MONTH_START = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const SERIAL_OF_2000 = isoToSerial('2000-01-01');

/**
 * The Sheets serial day of exactly "YYYY-MM-DD" at text[from, to), or NaN for anything else
 * (another form, a date out of 2000 … 2099, a day the month does not have).
 */
export function isoSerialAt(text: string, from: number, to: number): number {
  if (to - from !== 10 || text.charCodeAt(from + 4) !== DASH || text.charCodeAt(from + 7) !== DASH) return NaN;
  // Written out rather than looped: this runs on every row of a long history.
  const y0 = digitAt(text, from), y1 = digitAt(text, from + 1), y2 = digitAt(text, from + 2), y3 = digitAt(text, from + 3);
  const m0 = digitAt(text, from + 5), m1 = digitAt(text, from + 6), d0 = digitAt(text, from + 8), d1 = digitAt(text, from + 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return NaN;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (year < 2000 || year > 2099 || month < 1 || month > 12 || day < 1) return NaN;
  const leap = year % 4 === 0; // 2000 is a leap year, and no other century year falls in the range
  const monthDays = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  if (day > monthDays) return NaN;
  const years = year - 2000;
  const leapDaysBefore = Math.floor((years + 3) / 4); // leap years 2000, 2004, … before this one
  const serial = SERIAL_OF_2000 + years * 365 + leapDaysBefore + MONTH_START[month - 1] + (month > 2 && leap ? 1 : 0) + day - 1;
  return serial >= MIN_SERIAL && serial <= MAX_SERIAL ? serial : NaN;
}

/**
 * Fen of a plain amount at text[from, to) — an optional minus, 1 to 11 whole digits, optionally
 * a point and digits — rounded half away from zero at the third decimal, as number.ts rounds
 * money; NaN for anything else (which the text reader then reads, or rejects).
 */
export function plainFenAt(text: string, from: number, to: number): number {
  let i = from;
  const negative = text.charCodeAt(i) === MINUS;
  if (negative) i++;
  let yuan = 0;
  let whole = 0;
  for (; i < to; i++, whole++) {
    const digit = digitAt(text, i);
    if (digit < 0) break;
    yuan = yuan * 10 + digit;
  }
  if (whole === 0 || whole > 11) return NaN;
  let fen = yuan * 100;
  if (i < to) {
    if (text.charCodeAt(i) !== DOT || i + 1 === to) return NaN;
    let place = 0;
    for (i++; i < to; i++, place++) {
      const digit = digitAt(text, i);
      if (digit < 0) return NaN;
      if (place === 0) fen += digit * 10;
      else if (place === 1) fen += digit;
      else if (place === 2 && digit >= 5) fen += 1;
    }
  }
  return negative && fen !== 0 ? -fen : fen;
}

/** The digit at text[i], or -1 for any other character (or none). */
function digitAt(text: string, i: number): number {
  const digit = text.charCodeAt(i) - ZERO;
  return digit >= 0 && digit <= 9 ? digit : -1;
}
