/**
 * Reads numbers as people paste them (SPEC §3) into exact decimal text. The value never passes
 * through a binary float: 万, 亿 and % only move the decimal point, so `12.3万` is exactly
 * "123000" and money can be rounded to fen on its digits (SPEC §2).
 */
import { decimalTextToFen, fenToDisplay, MAX_FEN } from '../core/money';

/** A value as Sheets (getValues) or a CSV parser hands it over. */
export type Cell = string | number | boolean | Date | null | undefined;

/**
 * Date test that works across realms: values handed in by Apps Script, or by a test through
 * node:vm, come from another global's Date, where `instanceof Date` is false.
 */
export function isDateValue(cell: unknown): cell is Date {
  return Object.prototype.toString.call(cell) === '[object Date]';
}

/** `text` is canonical: optional "-", no exponent, no leading zeros, no trailing fraction zeros. */
export type NumberRead = { kind: 'blank' } | { kind: 'number'; text: string } | { kind: 'error'; expected: string };

export type MoneyRead = { kind: 'blank' } | { kind: 'fen'; fen: number } | { kind: 'error'; expected: string };
export type RateRead = { kind: 'blank' } | { kind: 'rate'; text: string } | { kind: 'error'; expected: string };

export const EXPECT_NUMBER = 'a number such as 1,234.50 or 12.3万';
export const EXPECT_NO_PERCENT = 'a number such as 1,234.50 (a percentage like 30% is only allowed for rates)';
export const EXPECT_RATE = 'a rate of 0 or more, such as 30% or 0.3';
export const EXPECT_MONEY_RANGE = `an amount of at most ${fenToDisplay(MAX_FEN)} (a larger figure for one day or one merchant is implausible: check the unit)`;

const BLANK: { kind: 'blank' } = { kind: 'blank' };

// Most cells already look like what String(n) prints ("150000", "123456.78"); one test() with no
// captures lets 3 million of them through without any further work.
const CANONICAL = /^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/;
// Plain ASCII that only needs tidying ("1234.50", "+007", ".5"): still no normalize or trim.
const PLAIN = /^([+-]?)(\d*)(?:\.(\d*))?$/;
// The whole grammar, run on trimmed NFKC text. A sign may stand before or after the currency
// ("-¥5" and "¥-5" are both seen in exports) but only once; commas must be real groups of three.
const FULL = /^([+\-\u2212]?)(?:(¥|RMB|CNY)\s*)?([+\-\u2212]?)(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?\s*(万元|亿元|万|亿|元|%)?$/i;
// NFKC is the slowest step; skip it when the only non-ASCII characters are ones it leaves alone
// (the units, ¥, the minus sign, and spaces that trim and \s already handle).
const NEEDS_NFKC = /[^\x00-\x7f万亿元¥\u2212\u00a0\u3000]/;
const COMMAS = /,/g;
const EXPONENT = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/;

type Mode = 'number' | 'percent' | 'rate';

/** Reads one cell as an exact decimal. `percent` allows `30%` (→ "0.3"), for rate inputs. */
export function readNumber(raw: Cell, opts?: { percent?: boolean }): NumberRead {
  if (typeof raw === 'string') {
    if (CANONICAL.test(raw) && raw !== '-0') return { kind: 'number', text: raw };
    return readText(raw, opts && opts.percent ? 'percent' : 'number');
  }
  return readNonText(raw, EXPECT_NUMBER);
}

// Money as most exports write it ("150000", "-1234.50"): up to 11 whole digits keeps it inside
// MAX_FEN, so no range test is needed and no intermediate objects are made.
const PLAIN_MONEY = /^-?\d{1,11}(?:\.\d+)?$/;

/** Fen of a plain money text, or undefined for anything else (then readMoneyFen decides). */
export function plainMoneyFen(text: string): number | undefined {
  return PLAIN_MONEY.test(text) ? decimalTextToFen(text) : undefined;
}

export const EXPECT_PLAIN_IN_UNIT =
  'a plain number: the column heading already gives the unit, so a figure with a unit of its own (万, 亿, 元) is ambiguous';
// A scale word in a figure of a column whose heading already has one: 12.3万 under 支付GMV(万元).
const OWN_UNIT = /[万亿元]/;

/**
 * Reads money and rounds it half away from zero to whole fen on input (SPEC §3). `exponent` is
 * the power of ten the column's unit gives (4 for a heading in 万元): the digits are shifted,
 * exactly, before rounding.
 */
export function readMoneyFen(raw: Cell, exponent = 0): MoneyRead {
  if (typeof raw === 'string') {
    if (exponent === 0) {
      const fen = plainMoneyFen(raw);
      if (fen !== undefined) return { kind: 'fen', fen };
    } else if (OWN_UNIT.test(raw.normalize('NFKC'))) return { kind: 'error', expected: EXPECT_PLAIN_IN_UNIT };
  }
  const read = readNumber(raw);
  if (read.kind !== 'number') return read;
  const text = exponent === 0 ? read.text : scaled(read.text, exponent);
  const dot = text.indexOf('.');
  const wholeDigits = (dot < 0 ? text.length : dot) - (text[0] === '-' ? 1 : 0);
  // decimalTextToFen works in a double; cut off absurd lengths first so it never sees a whole
  // part whose fen could lose digits below the MAX_FEN test.
  if (wholeDigits > 14) return { kind: 'error', expected: EXPECT_MONEY_RANGE };
  const fen = decimalTextToFen(text);
  if (fen > MAX_FEN || fen < -MAX_FEN) return { kind: 'error', expected: EXPECT_MONEY_RANGE };
  return { kind: 'fen', fen };
}

/** Canonical decimal text × 10^exponent, as canonical text: no rounding, no float. */
function scaled(text: string, exponent: number): string {
  const negative = text[0] === '-';
  const digits = negative ? text.slice(1) : text;
  const dot = digits.indexOf('.');
  return canonical(negative, dot < 0 ? digits : digits.slice(0, dot), dot < 0 ? '' : digits.slice(dot + 1), exponent);
}

/** Reads a rate such as a cashback share: `30%` or `0.3`, never negative, never money-shaped. */
export function readRate(raw: Cell): RateRead {
  const read = typeof raw === 'string' ? readText(raw, 'rate') : readNonText(raw, EXPECT_RATE);
  if (read.kind !== 'number') return read;
  if (read.text[0] === '-') return { kind: 'error', expected: EXPECT_RATE };
  return { kind: 'rate', text: read.text };
}

function readNonText(raw: Cell, expected: string): NumberRead {
  if (raw === null || raw === undefined) return BLANK;
  if (typeof raw !== 'number' || !isFinite(raw)) return { kind: 'error', expected };
  // A number from a range is taken at the value String() shows, which is what Sheets displays.
  const text = String(raw);
  if (text.indexOf('e') < 0) return { kind: 'number', text };
  const m = EXPONENT.exec(text);
  if (!m) return { kind: 'error', expected };
  return { kind: 'number', text: canonical(m[1] === '-', m[2], m[3] || '', Number(m[4])) };
}

function readText(raw: string, mode: Mode): NumberRead {
  const expected = mode === 'rate' ? EXPECT_RATE : EXPECT_NUMBER;
  const plain = PLAIN.exec(raw);
  if (plain) {
    if (!plain[2] && !plain[3]) return raw === '' ? BLANK : { kind: 'error', expected };
    return { kind: 'number', text: canonical(plain[1] === '-', plain[2], plain[3] || '', 0) };
  }
  let s = NEEDS_NFKC.test(raw) ? raw.normalize('NFKC').trim() : raw.trim();
  if (s === '') return BLANK;
  if (s !== raw) {
    // " 150000" and "１５００００" are plain numbers once trimmed and folded.
    const folded = PLAIN.exec(s);
    if (folded && (folded[2] || folded[3])) return { kind: 'number', text: canonical(folded[1] === '-', folded[2], folded[3] || '', 0) };
  }

  // Accounting style: "(1,234.00)" is -1234.00; a sign inside the brackets would be a contradiction.
  let bracketed = false;
  if (s[0] === '(' && s[s.length - 1] === ')') {
    bracketed = true;
    s = s.slice(1, -1).trim();
  }
  const m = FULL.exec(s);
  if (!m) return { kind: 'error', expected };
  // Indexing, not destructuring: array destructuring goes through the iterator protocol.
  const signBefore = m[1], currency = m[2], signAfter = m[3], whole = m[4], frac = m[5], unit = m[6];
  if ((signBefore && signAfter) || (bracketed && (signBefore || signAfter))) return { kind: 'error', expected };
  if (!whole && !frac) return { kind: 'error', expected };
  if (mode === 'rate' && (currency || (unit && unit !== '%'))) return { kind: 'error', expected };
  if (unit === '%' && mode === 'number') return { kind: 'error', expected: EXPECT_NO_PERCENT };

  const sign = signBefore || signAfter;
  const negative = bracketed || sign === '-' || sign === '\u2212';
  const shift = unit === '%' ? -2 : unit && unit[0] === '万' ? 4 : unit && unit[0] === '亿' ? 8 : 0;
  return { kind: 'number', text: canonical(negative, whole.replace(COMMAS, ''), frac || '', shift) };
}

/** Digits with the point after `whole`, moved `shift` places right, as canonical text. */
function canonical(negative: boolean, whole: string, frac: string, shift: number): string {
  let digits = whole + frac;
  let point = whole.length + shift;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  } else if (point > digits.length) {
    digits += '0'.repeat(point - digits.length);
  }
  // Index scans instead of replace(/^0+/) keep this hot path free of regex work.
  let start = 0;
  while (start < point - 1 && digits.charCodeAt(start) === 48) start++;
  let end = digits.length;
  while (end > point && digits.charCodeAt(end - 1) === 48) end--;
  const intPart = point === 0 ? '0' : digits.slice(start, point);
  const text = end > point ? intPart + '.' + digits.slice(point, end) : intPart;
  return negative && text !== '0' ? '-' + text : text;
}
