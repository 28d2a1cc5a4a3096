/**
 * Reads merchant ids (SPEC §3). An id is a name that happens to be made of digits: it joins
 * history to campaign rows, so it must stay byte-exact ("00123" is not "123"). Two things are
 * refused: an id a spreadsheet has already turned into a number, because the digits it lost
 * cannot be recovered, and an id with invisible or control characters, which would make a
 * second merchant that looks exactly like the first. Either would cost a merchant its payout
 * in silence; refused, the row is reported and the merchants it could belong to are blocked.
 */
import type { Cell } from './number';

/** What is left of an id that was converted to a number, to find the merchants it could be. */
export type ConvertedId =
  /** "7.78899E+09": the significant digits shown and the power of ten of the first one. */
  | { kind: 'rounded'; digits: string; exponent: number }
  /** "12345.0", or a number cell: a whole value whose leading zeros (if any) were lost. */
  | { kind: 'value'; digits: string }
  /** A number cell beyond 2^53: only ids that read as this same double can be it. */
  | { kind: 'double'; value: number };

export type MerchantIdRead =
  | { kind: 'blank' }
  | { kind: 'id'; id: string }
  | { kind: 'error'; expected: string; converted?: ConvertedId }
  /** The id with its invisible characters (code points listed) and the id they hide. */
  | { kind: 'invisible'; shown: string; visible: string; codePoints: number[] };

export const EXPECT_CONVERTED =
  'the id as text: this id was converted to a number (format the id column as plain text and paste it again)';
export const EXPECT_ID = 'a merchant id such as 00123';

// "1.23457E+11" is what Excel and Sheets show for a long id; "12345.0" is what CSV tools that
// read ids as floats write back. Neither is an id anyone typed.
const EXPONENT_FORM = /^[+-]?(\d*)(?:\.(\d*))?[eE]([+-]?\d+)$/;
const DECIMAL_ZERO = /^(\d+)\.0+$/;
const NON_ASCII = /[^\x00-\x7f]/;
/** Control (Cc) and format (Cf) characters: NUL, zero-width spaces, joiners, soft hyphen, bidi marks, BOM. */
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;
const INVISIBLE_ALL = /[\p{Cc}\p{Cf}]/gu;

/** Reads one cell as a merchant id, kept as exact text. */
export function readMerchantId(raw: Cell): MerchantIdRead {
  if (raw === null || raw === undefined) return { kind: 'blank' };
  if (typeof raw === 'string') {
    // A long export repeats each id on ~30 consecutive rows, so the last answer is kept
    // (frozen: every caller gets the same object).
    if (raw !== lastText) {
      lastText = raw;
      lastRead = Object.freeze(readIdText(raw));
    }
    return lastRead;
  }
  if (typeof raw === 'number') {
    // A whole number up to 2^53 is exactly the digits that were typed; beyond that, or with a
    // fraction, the cell no longer holds the id.
    if (Number.isSafeInteger(raw)) return { kind: 'id', id: String(raw) };
    return { kind: 'error', expected: EXPECT_CONVERTED, converted: isFinite(raw) ? { kind: 'double', value: raw } : undefined };
  }
  return { kind: 'error', expected: EXPECT_ID };
}

let lastText: string | undefined;
let lastRead: MerchantIdRead = { kind: 'blank' };

// Most ids are letters, digits, '-' and '_' with no e/E or point: nothing to trim, fold or
// hide, and no number form (EXPONENT_FORM, DECIMAL_ZERO) they could be. One test settles them.
const PLAIN_ID = /^[0-9A-DF-Za-df-z_-]+$/;

function readIdText(raw: string): MerchantIdRead {
  if (PLAIN_ID.test(raw)) return { kind: 'id', id: raw };
  // NFKC so a full-width "００１２３" typed in a Chinese IME is the same merchant as "00123".
  const id = NON_ASCII.test(raw) ? raw.normalize('NFKC').trim() : raw.trim();
  if (INVISIBLE.test(id) || INVISIBLE.test(raw.replace(/^[ \u00a0\u3000]+|[ \u00a0\u3000]+$/g, ''))) return invisible(raw);
  if (id === '') return { kind: 'blank' };
  const converted = convertedId(id);
  if (converted) return { kind: 'error', expected: EXPECT_CONVERTED, converted };
  return { kind: 'id', id };
}

function invisible(raw: string): MerchantIdRead {
  const codePoints: number[] = [];
  for (const ch of raw.match(INVISIBLE_ALL) || []) {
    const code = ch.codePointAt(0) as number;
    if (codePoints.indexOf(code) < 0) codePoints.push(code);
  }
  const visible = raw.replace(INVISIBLE_ALL, '');
  return {
    kind: 'invisible',
    shown: raw.replace(INVISIBLE_ALL, (ch) => `<${codePointName(ch.codePointAt(0) as number)}>`).trim(),
    visible: (NON_ASCII.test(visible) ? visible.normalize('NFKC') : visible).trim(),
    codePoints,
  };
}

/** "U+200B": how a character nobody can see is named in a message. */
export function codePointName(code: number): string {
  return 'U+' + code.toString(16).toUpperCase().padStart(4, '0');
}

function convertedId(id: string): ConvertedId | undefined {
  const decimal = DECIMAL_ZERO.exec(id);
  if (decimal) return { kind: 'value', digits: decimal[1].replace(/^0+(?=\d)/, '') };
  const m = EXPONENT_FORM.exec(id);
  if (!m || (!m[1] && !m[2])) return undefined;
  const whole = m[1] || '';
  const frac = m[2] || '';
  let digits = whole + frac;
  let exponent = whole.length - 1 + Number(m[3]);
  // "0.00123E+5": leading zeros are not significant digits.
  while (digits.length > 1 && digits[0] === '0') {
    digits = digits.slice(1);
    exponent -= 1;
  }
  return { kind: 'rounded', digits, exponent };
}

/**
 * What is left of a converted id, as a key: an id could be it exactly when `idKey` of the id,
 * for the same kind of conversion, is the same key (SPEC §4: its digits, read as a number and
 * rounded half away from zero to the significant digits shown, give the same value).
 */
export function convertedKey(converted: ConvertedId): string {
  if (converted.kind === 'value') return converted.digits;
  if (converted.kind === 'double') return String(converted.value);
  return `${stripTrailingZeros(converted.digits)}e${converted.exponent}`;
}

/** The key of an id made only of digits, as `convertedKey` would give it after that conversion; undefined for other ids. */
export function idKey(id: string, conversion: ConvertedId): string | undefined {
  if (!/^\d+$/.test(id)) return undefined;
  const digits = id.replace(/^0+(?=\d)/, '');
  if (conversion.kind === 'value') return digits;
  if (conversion.kind === 'double') return String(Number(digits));
  const rounded = roundToSignificant(digits, conversion.digits.length);
  return `${stripTrailingZeros(rounded.digits)}e${rounded.exponent}`;
}

/** Ids that share a key are found together: one index per kind of conversion (and digits shown). */
export function conversionIndexName(conversion: ConvertedId): string {
  return conversion.kind === 'rounded' ? `rounded:${conversion.digits.length}` : conversion.kind;
}

/** A whole number's digits rounded half away from zero to `count` significant digits. */
function roundToSignificant(digits: string, count: number): { digits: string; exponent: number } {
  let exponent = digits.length - 1;
  if (digits.length <= count) return { digits, exponent };
  let kept = digits.slice(0, count);
  if (digits.charCodeAt(count) >= 53 /* 5 */) {
    const bumped = (BigInt(kept) + BigInt(1)).toString();
    if (bumped.length > kept.length) exponent += 1;
    kept = bumped.slice(0, count);
  }
  return { digits: kept, exponent };
}

function stripTrailingZeros(digits: string): string {
  return digits.replace(/(?<=\d)0+$/, '');
}
