/**
 * The bytes of an exported file to text, the same in the CLI (Node) and the sidebar (browser).
 *
 * - A BOM decides when there is one (UTF-8, or UTF-16 from Excel's "Unicode Text").
 * - UTF-16 without a BOM is recognised by its zero bytes (every ASCII character of an export
 *   has one), and refused by name when the zeros make no sense as UTF-16.
 * - Otherwise valid UTF-8 is UTF-8, and a file that is mostly not UTF-8 is GB18030 (a superset
 *   of GBK, which Chinese back offices and Excel on Chinese Windows write). Latin-1 is never
 *   guessed: these files have Chinese headers.
 * - A UTF-8 file with a few bytes that are not UTF-8 (one row pasted in from a GBK file) stays
 *   UTF-8: each bad byte becomes a lone surrogate U+DC80–U+DCFF (Python's "surrogateescape"),
 *   which no real text contains, so the row it sits on is reported with the byte instead of
 *   the whole file being re-read in another encoding without a word (input/damagedText.ts finds
 *   them, on every row of every table).
 *
 * This folder runs in the browser and in Node, not in Apps Script: it uses TextDecoder.
 */
import { TableError } from '../input/tableError';

export function decodeText(bytes: Uint8Array): string {
  return decodeFile(bytes).text;
}

/**
 * The text, and the bytes it is exactly the UTF-8 of where it is (a valid UTF-8 file, after its
 * BOM): whoever hashes the text can then hash those bytes instead.
 */
export function decodeFile(bytes: Uint8Array): { text: string; utf8?: Uint8Array } {
  // ignoreBOM: the BOM is taken off below, once; a second U+FEFF is the text's own, as the bytes hashed say.
  const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom || !hasZeroByte(bytes)) {
    const body = bom ? bytes.subarray(3) : bytes;
    try {
      return { text: fatal.decode(body), utf8: body };
    } catch (notUtf8) {
      // not exactly UTF-8: the decoding below says what it is
    }
  }
  return { text: decodeInexact(bytes) };
}

/** Any zero byte in the first 64 KiB: UTF-16 (or not text), which valid-looking UTF-8 could hide. */
function hasZeroByte(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 64 * 1024).indexOf(0) >= 0;
}

function decodeInexact(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeUtf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return utf16;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (notUtf8) {
    const { valid, invalid } = utf8Census(bytes);
    return valid > invalid ? decodeUtf8(bytes) : new TextDecoder('gb18030').decode(bytes);
  }
}

/** UTF-8, with every byte that is not part of a valid sequence escaped as U+DC80–U+DCFF. */
function decodeUtf8(bytes: Uint8Array): string {
  const decoder = new TextDecoder('utf-8');
  let out = '';
  let start = 0;
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    out += decoder.decode(bytes.subarray(start, i)) + String.fromCharCode(0xdc00 + bytes[i]);
    i += 1;
    start = i;
  }
  return out + decoder.decode(bytes.subarray(start));
}

/** Multi-byte UTF-8 sequences that are valid, and bytes that belong to none. */
function utf8Census(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    if (bytes[i] < 0x80) {
      i++;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      valid++;
      i += length;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

const isContinuation = (b: number) => b >= 0x80 && b <= 0xbf;

/** Length of the valid UTF-8 sequence at `i` (WHATWG rules: no overlongs, no surrogates), or 0. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  if (b < 0x80) return 1;
  const b1 = bytes[i + 1];
  if (b >= 0xc2 && b <= 0xdf) return isContinuation(b1) ? 2 : 0;
  const b2 = bytes[i + 2];
  if (b >= 0xe0 && b <= 0xef) {
    const low = b === 0xe0 ? 0xa0 : 0x80;
    const high = b === 0xed ? 0x9f : 0xbf;
    return b1 >= low && b1 <= high && isContinuation(b2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const low = b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xf4 ? 0x8f : 0xbf;
    return b1 >= low && b1 <= high && isContinuation(b2) && isContinuation(bytes[i + 3]) ? 4 : 0;
  }
  return 0;
}

/**
 * UTF-16 without a BOM: the zero bytes sit in the high half of every ASCII character (digits,
 * commas, line ends), so at odd offsets for little-endian and even ones for big-endian. A file
 * with zero bytes that fit neither is not text at all, and is refused rather than misread.
 */
function utf16WithoutBom(bytes: Uint8Array): string | undefined {
  const sample = bytes.subarray(0, Math.min(bytes.length, 64 * 1024));
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 === 0 ? evenZeros++ : oddZeros++;
  if (evenZeros + oddZeros === 0) return undefined;
  const half = sample.length / 2;
  const endian = oddZeros > half * 0.2 && evenZeros < oddZeros / 20 ? 'utf-16le' : evenZeros > half * 0.2 && oddZeros < evenZeros / 20 ? 'utf-16be' : undefined;
  if (endian && bytes.length % 2 === 0) {
    try {
      return new TextDecoder(endian, { fatal: true }).decode(bytes);
    } catch (notUtf16) {
      // fall through to the refusal
    }
  }
  throw new TableError({
    en: 'the file contains zero bytes, so it is not a text file in UTF-8 or GBK (UTF-16 without a byte-order mark is only read when its zero bytes are regular); save it as CSV UTF-8 and try again',
    zh: '文件中含有零字节，不是 UTF-8 或 GBK 文本文件（没有字节顺序标记的 UTF-16 文件只有在零字节规律分布时才能识别）；请另存为“CSV UTF-8”格式后重试',
  });
}

/** An .xlsx workbook (a zip), whatever the file is called. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
