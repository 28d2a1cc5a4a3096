/**
 * Text that lost bytes on its way here: a byte the file's encoding could not read, escaped by
 * files/decode.ts as a lone low surrogate U+DC80–U+DCFF (no real text contains one), or U+FFFD
 * left by some earlier, wrong decoding. A row holding either is rejected with the bytes.
 */
/** Text that lost bytes: an escaped byte (a lone low surrogate) or U+FFFD from some earlier decoder. */
const DAMAGED_TEXT = /\uFFFD|(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/;
const DAMAGED_TEXT_ALL = /\uFFFD|(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/g;
// The same characters without the look-behind, which makes a scan of a 90 MB export several times
// slower; what it finds (a rare CJK Extension B character, say) is then checked exactly.
const MAYBE_DAMAGED = /[\uFFFD\uDC80-\uDCFF]/;

/** Whether any of the text lost bytes. */
export function isDamaged(text: string): boolean {
  return MAYBE_DAMAGED.test(text) && DAMAGED_TEXT.test(text);
}

/** The bytes an encoding could not read, found in the fields of one record; undefined if none. */
export function damagedBytes(fields: readonly unknown[]): number[] | undefined {
  let bytes: number[] | undefined;
  for (const field of fields) {
    if (typeof field !== 'string' || !isDamaged(field)) continue;
    bytes = bytes || [];
    for (const match of field.match(DAMAGED_TEXT_ALL) || []) bytes.push(match === '\uFFFD' ? -1 : match.charCodeAt(0) - 0xdc00);
  }
  return bytes;
}

