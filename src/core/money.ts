/**
 * Money in this project is integer fen (0.01 CNY) held in a JS number. Integers below 2^53 are
 * exact in a double, so sums and comparisons of fen never round; anything that multiplies
 * money by a rate goes through decimal.js (`Dec`) and is rounded half away from zero (四舍五入)
 * back to whole fen at the points SPEC §2 names.
 */
import Decimal from 'decimal.js';

/** decimal.js configured once for the whole project: ROUND_HALF_UP is "half away from zero". */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

/** Integer fen. */
export type Fen = number;

/** Largest money figure we accept: keeps every sum of fen exact in a double. */
export const MAX_FEN = 1e15; // 10 trillion CNY

/** Rounds an exact decimal amount of CNY to whole fen, half away from zero. */
export function decimalToFen(cny: Dec): Fen {
  return cny.mul(100).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
}

/**
 * Exact canonical decimal text ("-12.5", "1234", "0.003") to fen, rounding half away from zero.
 * Done on the digits, with no floating point, because it runs once per history cell.
 */
export function decimalTextToFen(text: string): Fen {
  let negative = false;
  let s = text;
  if (s[0] === '-') { negative = true; s = s.slice(1); }
  const dot = s.indexOf('.');
  const whole = dot < 0 ? s : s.slice(0, dot);
  const frac = dot < 0 ? '' : s.slice(dot + 1);
  let fen = Number(whole || '0') * 100 + Number((frac + '00').slice(0, 2));
  if (frac.length > 2 && frac.charCodeAt(2) >= 53 /* '5' */) fen += 1;
  return negative && fen !== 0 ? -fen : fen;
}

/** Fen to "1234.50" / "-0.05": the decimal string used in JSON and CSV output. */
export function fenToText(fen: Fen): string {
  const negative = fen < 0;
  const abs = negative ? -fen : fen;
  const yuan = Math.floor(abs / 100);
  const cents = abs - yuan * 100;
  return (negative ? '-' : '') + yuan + '.' + (cents < 10 ? '0' : '') + cents;
}

/** Fen to "1,234.50": how a person reads money in a reason text. */
export function fenToDisplay(fen: Fen): string {
  const text = fenToText(fen);
  const [whole, cents] = text.split('.');
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + '.' + cents;
}

/** Fen to a JS number of CNY, for Sheets cells; the value is already exact to 0.01. */
export function fenToNumber(fen: Fen): number {
  return Number(fenToText(fen));
}

/** money × rate, rounded half away from zero to whole fen (SPEC §2: cashback, red packet). */
export function mulRate(fen: Fen, rate: Dec): Fen {
  if (fen === 0 || rate.isZero()) return 0;
  return new Dec(fen).mul(rate).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
}

/** Arithmetic mean of fen values rounded half away from zero to whole fen, exactly. */
export function meanFen(sum: Fen, count: number): Fen {
  if (!Number.isSafeInteger(sum)) return new Dec(sum).div(count).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
  const negative = sum < 0;
  const abs = negative ? -sum : sum;
  let q = Math.floor(abs / count);
  let r = abs - q * count;
  // The float division may land one off near an integer; the remainder puts it right.
  if (r < 0) { q -= 1; r += count; } else if (r >= count) { q += 1; r -= count; }
  if (2 * r >= count) q += 1;
  return negative && q !== 0 ? -q : q;
}
