/**
 * A file too large for one string, as pieces of whole lines. V8 builds no string longer than
 * ~512 M characters, and a 1-million-merchant history is 890 MB, so such a file is decoded one
 * piece at a time, again on each pass over it, and never held as text all at once.
 *
 * Only a file that can be cut safely is cut: valid UTF-8 (a line end is never inside a
 * character) with no quote anywhere (so a line end always ends a record: no quoted field can
 * hold one). Anything else is the caller's to refuse in words.
 */

/** Pieces of about this many bytes: one decoded piece is then 64 M characters at most. */
export const PIECE_BYTES = 64 * 1024 * 1024;

export interface TextPieces {
  /** The pieces' text, decoded afresh on each call. */
  pieces(): Iterable<string>;
  /** The file after its BOM: the bytes whose UTF-8 the pieces are, end to end. */
  utf8: Uint8Array;
  /** The length of the whole text in UTF-16 units, as a string of it would have. */
  textLength: number;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** The file as pieces of whole lines, or undefined where it cannot be cut safely (see above). */
export function linePieces(bytes: Uint8Array, pieceBytes = PIECE_BYTES): TextPieces | undefined {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (body.indexOf(QUOTE) >= 0 || body.subarray(0, 64 * 1024).indexOf(0) >= 0) return undefined;
  const cuts = lineCuts(body, pieceBytes);
  if (!cuts) return undefined;
  const piece = (i: number) => body.subarray(cuts[i], cuts[i + 1]);
  // One pass first: every piece must be exact UTF-8, and the text's length is needed for the hash.
  // ignoreBOM: a U+FEFF opening a piece is the text's own (a row's first character), not a BOM to drop.
  const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let textLength = 0;
  try {
    for (let i = 0; i + 1 < cuts.length; i++) textLength += fatal.decode(piece(i)).length;
  } catch (notUtf8) {
    return undefined;
  }
  return {
    utf8: body,
    textLength,
    *pieces() {
      for (let i = 0; i + 1 < cuts.length; i++) yield fatal.decode(piece(i));
    },
  };
}

/**
 * Offsets that cut `bytes` just after a line end, each piece at most `pieceBytes` long (a piece
 * ending in CR takes the LF after it too); undefined when a single line is longer than that.
 */
function lineCuts(bytes: Uint8Array, pieceBytes: number): number[] | undefined {
  const cuts = [0];
  let start = 0;
  while (bytes.length - start > pieceBytes) {
    const window = bytes.subarray(start, start + pieceBytes);
    let end = window.lastIndexOf(LF);
    // A file from Excel for Mac ends its lines with CR alone.
    if (end < 0) end = window.lastIndexOf(CR);
    if (end < 0) return undefined;
    let cut = start + end + 1;
    if (bytes[cut - 1] === CR && bytes[cut] === LF) cut += 1;
    cuts.push(cut);
    start = cut;
  }
  if (start < bytes.length || bytes.length === 0) cuts.push(bytes.length);
  return cuts;
}
