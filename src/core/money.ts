/**
 * Money in this project is integer fen (0.01 CNY) held in a JS number. Integers below 2^53 are
 * exact in a double, so one value and its comparisons never round; a sum that could pass 2^53
 * (a merchant's history, the totals of a settlement) is added with addFen, which carries on in
 * BigInt past that point. Anything that multiplies money by a rate goes through decimal.js
 * (`Dec`) and is rounded half away from zero (四舍五入) back to whole fen where SPEC §2 says.
 */
import Decimal from 'decimal.js';

/**
 * decimal.js configured once for the whole project: ROUND_HALF_UP is "half away from zero", and
 * no exponent notation ever: a rate of 0.0000001 prints as that, not as "1e-7".
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -9e15, toExpPos: 9e15 });
export type Dec = InstanceType<typeof Dec>;

/** Integer fen. */
export type Fen = number;

/** A sum of fen: a number while it is a safe integer, a BigInt beyond 2^53. */
export type FenSum = Fen | bigint;

/**
 * Largest money figure accepted on input: 100 billion CNY for one value (SPEC §3). Kuaishou's
 * whole annual GMV is about 1.4 trillion, so a larger day figure is a unit or typing mistake.
 */
export const MAX_FEN = 1e13;

/** a + b exactly: a number while the result is a safe integer, a BigInt past 2^53. */
export function addFen(a: FenSum, b: FenSum): FenSum {
  if (typeof a === 'number' && typeof b === 'number') {
    const sum = a + b;
    if (Number.isSafeInteger(sum)) return sum;
  }
  return normalizeFen(BigInt(a) + BigInt(b));
}

/** A BigInt sum back to a number when it fits, so the common case stays a plain number. */
function normalizeFen(sum: bigint): FenSum {
  return sum <= BigInt(Number.MAX_SAFE_INTEGER) && sum >= BigInt(-Number.MAX_SAFE_INTEGER) ? Number(sum) : sum;
}

/** a − b exactly, as addFen. */
export function subFen(a: FenSum, b: FenSum): FenSum {
  if (typeof a === 'number' && typeof b === 'number') {
    const difference = a - b;
    if (Number.isSafeInteger(difference)) return difference + 0; // + 0: no -0 fen
  }
  return normalizeFen(BigInt(a) - BigInt(b));
}

/** −1, 0 or 1: the sign of a sum of fen. */
export function signFen(fen: FenSum): number {
  return typeof fen === 'bigint' ? (fen > BigInt(0) ? 1 : fen < BigInt(0) ? -1 : 0) : Math.sign(fen);
}

/** The exact sum of `pick` over `items`. */
export function sumFen<T>(items: T[], pick: (item: T) => FenSum): FenSum {
  let total: FenSum = 0;
  for (let i = 0; i < items.length; i++) total = addFen(total, pick(items[i]));
  return total;
}

/**
 * Exact canonical decimal text ("-12.5", "1234", "0.003") to fen, rounding half away from zero.
 * Done on the digits, with no floating point, because it runs once per history cell.
 */
export function decimalTextToFen(text: string): Fen {
  // Character codes, not slices and Number(): this runs once per history cell (3M times).
  const length = text.length;
  let i = 0;
  let negative = false;
  if (text.charCodeAt(0) === 45 /* - */) { negative = true; i = 1; }
  let yuan = 0;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 /* . */) break;
    yuan = yuan * 10 + (c - 48);
  }
  let fen = yuan * 100;
  if (i < length) {
    if (i + 1 < length) fen += (text.charCodeAt(i + 1) - 48) * 10;
    if (i + 2 < length) fen += text.charCodeAt(i + 2) - 48;
    if (i + 3 < length && text.charCodeAt(i + 3) >= 53 /* 5 */) fen += 1;
  }
  return negative && fen !== 0 ? -fen : fen;
}

/** Fen to "1234.50" / "-0.05": the decimal string used in JSON and CSV output. */
export function fenToText(fen: FenSum): string {
  if (typeof fen === 'bigint') {
    const digits = (fen < BigInt(0) ? -fen : fen).toString().padStart(3, '0');
    return (fen < BigInt(0) ? '-' : '') + digits.slice(0, -2) + '.' + digits.slice(-2);
  }
  const negative = fen < 0;
  const abs = negative ? -fen : fen;
  const yuan = Math.floor(abs / 100);
  const cents = abs - yuan * 100;
  return (negative ? '-' : '') + yuan + '.' + (cents < 10 ? '0' : '') + cents;
}

/** Fen to "1,234.50": how a person reads money in a reason text. */
export function fenToDisplay(fen: FenSum): string {
  const text = fenToText(fen);
  const sign = text.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  const dot = text.length - 3;
  const wholeDigits = dot - sign;
  if (wholeDigits <= 3) return text;
  // Grouped by hand: the regex version was a tenth of the CLI's time on 300k reason texts.
  const first = wholeDigits % 3 || 3;
  let out = text.slice(0, sign + first);
  for (let i = sign + first; i < dot; i += 3) out += ',' + text.slice(i, i + 3);
  return out + text.slice(dot);
}

/** Fen to a JS number of CNY, for Sheets cells; the value is already exact to 0.01. */
export function fenToNumber(fen: FenSum): number {
  return Number(fenToText(fen));
}

/** money × rate, rounded half away from zero to whole fen (SPEC §2: cashback, red packet). */
export function mulRate(fen: Fen, rate: Dec): Fen {
  if (fen === 0 || rate.isZero()) return 0;
  // Exact in integers when it fits (rate 0.05 = 5/100): 300k lines in a fraction of decimal.js's time.
  const parts = rateParts(rate);
  if (parts) {
    const product = fen * parts.numerator;
    if (Number.isSafeInteger(product)) return divideHalfAwayFromZero(product, parts.scale);
  }
  return new Dec(fen).mul(rate).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber() + 0; // + 0: no -0 fen
}

interface RateParts {
  numerator: number;
  scale: number;
}

const RATE_PARTS = new WeakMap<Dec, RateParts | null>();

/** A rate as numerator / 10^k with both safe integers, or null when it has too many digits. */
function rateParts(rate: Dec): RateParts | null {
  let parts = RATE_PARTS.get(rate);
  if (parts === undefined) {
    const decimals = rate.decimalPlaces();
    const numerator = rate.mul(new Dec(10).pow(decimals));
    parts = decimals <= 12 && numerator.abs().lte(Number.MAX_SAFE_INTEGER) ? { numerator: numerator.toNumber(), scale: 10 ** decimals } : null;
    RATE_PARTS.set(rate, parts);
  }
  return parts;
}

/** Arithmetic mean of fen values rounded half away from zero to whole fen, exactly. */
export function meanFen(sum: FenSum, count: number): Fen {
  if (typeof sum === 'bigint' || !Number.isSafeInteger(sum))
    return new Dec(sum.toString()).div(count).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
  return divideHalfAwayFromZero(sum, count);
}

/** n / d for safe integers n and d > 0, rounded half away from zero, with no rounding error. */
function divideHalfAwayFromZero(n: number, d: number): number {
  const negative = n < 0;
  const abs = negative ? -n : n;
  let q = Math.floor(abs / d);
  let r = abs - q * d;
  // The float division may land one off near an integer; the remainder puts it right.
  if (r < 0) { q -= 1; r += d; } else if (r >= d) { q += 1; r -= d; }
  if (2 * r >= d) q += 1;
  return negative && q !== 0 ? -q : q;
}
