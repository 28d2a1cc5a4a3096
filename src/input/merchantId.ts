/**
 * Reads merchant ids (SPEC §3). An id is a name that happens to be made of digits: it joins
 * history to campaign rows, so it must stay byte-exact ("00123" is not "123"). The one thing we
 * refuse is an id a spreadsheet has already turned into a number, because the digits it lost
 * cannot be recovered and a silent mismatch would cost the merchant its payout.
 */
import type { Cell } from './number';

export type MerchantIdRead = { kind: 'blank' } | { kind: 'id'; id: string } | { kind: 'error'; expected: string };

export const EXPECT_CONVERTED =
  'the id as text: this id was converted to a number (format the id column as plain text and paste it again)';
export const EXPECT_ID = 'a merchant id such as 00123';

// "1.23457E+11" is what Excel and Sheets show for a long id; "12345.0" is what CSV tools that
// read ids as floats write back. Neither is an id anyone typed.
const CONVERTED = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)[eE][+-]?\d+$|^\d+\.0+$/;
const NON_ASCII = /[^\x00-\x7f]/;

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
    return { kind: 'error', expected: EXPECT_CONVERTED };
  }
  return { kind: 'error', expected: EXPECT_ID };
}

let lastText: string | undefined;
let lastRead: MerchantIdRead = { kind: 'blank' };

function readIdText(raw: string): MerchantIdRead {
  // NFKC so a full-width "００１２３" typed in a Chinese IME is the same merchant as "00123".
  const id = NON_ASCII.test(raw) ? raw.normalize('NFKC').trim() : raw.trim();
  if (id === '') return { kind: 'blank' };
  if (CONVERTED.test(id)) return { kind: 'error', expected: EXPECT_CONVERTED };
  return { kind: 'id', id };
}
