/**
 * Reading the commonest cells of an export straight from its UTF-8 bytes: an ISO date, a plain
 * amount, an ASCII id. Each either gives exactly what the text readers give for the same cell
 * (test/input/plainBytes.test.ts holds them to date.ts and number.ts on generated cells), or
 * says it cannot (NaN, undefined), and the row goes through the text readers instead. A
 * 3-million-row history is mostly such cells; reading them here saves a string and a regex
 * test per cell (`npm run bench` measures the whole path).
 */
import { isoToSerial } from './date';

const ZERO = 48;
const NINE = 57;
const MINUS = 45;
const DOT = 46;
const DASH = 45;

const isDigit = (b: number) => b >= ZERO && b <= NINE;

/** 2000-01-01 and 2099-12-31 as serial days: date.ts's range, the same for bytes. */
const MIN_SERIAL = isoToSerial('2000-01-01');
const MAX_SERIAL = isoToSerial('2099-12-31');

/** Days before each month, in a non-leap year. */
const MONTH_START = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const SERIAL_OF_2000 = isoToSerial('2000-01-01');

/**
 * The Sheets serial day of exactly "YYYY-MM-DD" at bytes[from, to), or NaN for anything else
 * (another form, a date out of 2000 … 2099, a day the month does not have).
 */
export function isoSerialAt(bytes: Uint8Array, from: number, to: number): number {
  if (to - from !== 10 || bytes[from + 4] !== DASH || bytes[from + 7] !== DASH) return NaN;
  // Written out rather than looped: this runs on every row of a long history.
  const y0 = bytes[from] - ZERO, y1 = bytes[from + 1] - ZERO, y2 = bytes[from + 2] - ZERO, y3 = bytes[from + 3] - ZERO;
  const m0 = bytes[from + 5] - ZERO, m1 = bytes[from + 6] - ZERO, d0 = bytes[from + 8] - ZERO, d1 = bytes[from + 9] - ZERO;
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0 || y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9) return NaN;
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
 * Fen of a plain amount at bytes[from, to) — an optional minus, 1 to 11 whole digits, optionally
 * a point and digits — rounded half away from zero at the third decimal, as number.ts rounds
 * money; NaN for anything else (which the text reader then reads, or rejects).
 */
export function plainFenAt(bytes: Uint8Array, from: number, to: number): number {
  let i = from;
  const negative = bytes[i] === MINUS;
  if (negative) i++;
  let yuan = 0;
  let whole = 0;
  for (; i < to && isDigit(bytes[i]); i++, whole++) yuan = yuan * 10 + (bytes[i] - ZERO);
  if (whole === 0 || whole > 11) return NaN;
  let fen = yuan * 100;
  if (i < to) {
    if (bytes[i] !== DOT || i + 1 === to) return NaN;
    let place = 0;
    for (i++; i < to; i++, place++) {
      const b = bytes[i];
      if (!isDigit(b)) return NaN;
      if (place === 0) fen += (b - ZERO) * 10;
      else if (place === 1) fen += b - ZERO;
      else if (place === 2 && b >= ZERO + 5) fen += 1;
    }
  }
  return negative && fen !== 0 ? -fen : fen;
}

/** The bytes as a string, for ASCII only (a code unit per byte). */
export function asciiAt(bytes: Uint8Array, from: number, to: number): string {
  let text = '';
  for (let i = from; i < to; i++) text += String.fromCharCode(bytes[i]);
  return text;
}

/** UTF-16 code units the UTF-8 bytes[from, to) decode to: one per sequence, two for a 4-byte one. */
export function utf16Length(bytes: Uint8Array, from: number, to: number): number {
  let units = 0;
  for (let i = from; i < to; i++) {
    const b = bytes[i];
    if (b < 0x80 || b >= 0xc0) units += b >= 0xf0 ? 2 : 1;
  }
  return units;
}
