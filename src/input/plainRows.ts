/**
 * The rows of a large clean export read straight from its UTF-8 bytes. Most rows of a
 * 3-million-row history are "plain": an ASCII id, an ISO date and plain amounts, nothing quoted.
 * For those the reader gets the id (one string per run of rows with the same id), the date's
 * serial day and the amounts in fen, with no string per cell and no text parse; every other row
 * — blank, a title, a total, 万, a name in Chinese, one field too many — comes as the fields
 * forEachRecord would give it, for the general reader. The reader may also hand a plain row
 * back (`plain` returns false) and get its fields instead. Same rows, same numbers, same
 * order as forEachRecord (test/input/plainRows.test.ts compares the two on generated exports).
 */
import { isDamaged } from './damagedText';
import { cutFields, LONE_CR, type Delimiter } from './delimited';
import { asciiAt, isoSerialAt, plainFenAt, utf16Length } from './plainBytes';

/** Which fields of a row the reader wants from the bytes, and how many fields a row has. */
export interface PlainLayout {
  width: number;
  id: number;
  date: number;
  money: number[];
}

export interface PlainSink {
  /**
   * A row whose id, date and amounts are plain: `fens` follows layout.money (and is reused for
   * the next row). Returns false, having changed nothing, to get the row's fields instead.
   */
  plain(rowNumber: number, id: string, serial: number, fens: number[]): boolean;
  /** Any other row, as forEachRecord gives it. */
  other(fields: string[], rowNumber: number): void;
}

const NEWLINE = 10;
const CR = 13;

/**
 * Whether the bytes' rows can be cut by line ends alone, as forEachRecord's quote-free path
 * cuts the text: no quote anywhere (a quoted field may hold a line break), no lone CR (a line
 * end of its own), no damaged bytes (each such row is reported).
 */
export function hasPlainRows(text: string): boolean {
  return text.indexOf('"') < 0 && !(text.indexOf('\r') >= 0 && LONE_CR.test(text)) && !isDamaged(text);
}

/**
 * Every row of `text`, in order, read from `bytes`: its exact UTF-8 (with or without the BOM),
 * for a text for which hasPlainRows holds.
 */
export function forEachPlainRow(text: string, bytes: Uint8Array, delimiter: Delimiter, layout: PlainLayout, sink: PlainSink): void {
  const delim = delimiter.charCodeAt(0);
  const width = layout.width;
  const money = layout.money;
  const cuts = new Int32Array(width + 1); // field f is bytes[cuts[f], cuts[f + 1] - 1)
  const fens: number[] = money.map(() => 0);
  const length = bytes.length;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf; // Excel's, or dropped when decoding
  let start = bom ? 3 : 0;
  // Where the line starting at bytes[start] starts in the text, in UTF-16 units: other rows are
  // cut from the text, so Apps Script (no TextDecoder) runs this too.
  let textAt = bom && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let asciiLine = false;
  let row = 0;
  // The id of the previous plain row: a long export repeats it on ~30 rows, and one string serves them.
  let lastId = '';
  let lastIdFrom = 0;
  let lastIdTo = 0;

  /** The plain reading of bytes[from, stop), or false when it has none. */
  const plainLine = (from: number, stop: number): boolean => {
    let fields = 0;
    let high = 0;
    cuts[0] = from;
    for (let i = from; i < stop; i++) {
      const b = bytes[i];
      high |= b;
      if (b === delim) {
        if (++fields === width) return false;
        cuts[fields] = i + 1;
      }
    }
    asciiLine = high < 0x80;
    if (fields !== width - 1) return false;
    cuts[width] = stop + 1;
    const serial = isoSerialAt(bytes, cuts[layout.date], cuts[layout.date + 1] - 1);
    if (serial !== serial) return false; // NaN: not an ISO date
    for (let m = 0; m < money.length; m++) {
      const fen = plainFenAt(bytes, cuts[money[m]], cuts[money[m] + 1] - 1);
      if (fen !== fen) return false;
      fens[m] = fen;
    }
    const idFrom = cuts[layout.id];
    const idTo = cuts[layout.id + 1] - 1;
    if (idTo === idFrom) return false;
    if (!sameBytes(bytes, idFrom, idTo, lastIdFrom, lastIdTo)) {
      for (let i = idFrom; i < idTo; i++) if (bytes[i] <= 32 || bytes[i] >= 0x7f) return false; // spaces, controls, non-ASCII: the text reader's
      lastId = asciiAt(bytes, idFrom, idTo);
      lastIdFrom = idFrom;
      lastIdTo = idTo;
    }
    return sink.plain(row, lastId, serial, fens);
  };

  while (start < length) {
    let end = bytes.indexOf(NEWLINE, start);
    if (end < 0) end = length;
    const stop = end > start && bytes[end - 1] === CR ? end - 1 : end;
    row += 1;
    asciiLine = false;
    const plain = plainLine(start, stop);
    const units = asciiLine ? stop - start : utf16Length(bytes, start, stop);
    if (!plain) sink.other(cutFields(text, textAt, textAt + units, delimiter), row);
    textAt += units + (end - stop) + 1; // the CR, if any, and the LF
    start = end + 1;
  }
}

function sameBytes(bytes: Uint8Array, from: number, to: number, otherFrom: number, otherTo: number): boolean {
  if (to - from !== otherTo - otherFrom) return false;
  for (let i = 0; i < to - from; i++) if (bytes[from + i] !== bytes[otherFrom + i]) return false;
  return true;
}
