/**
 * The rows of a large clean export read in place. Most rows of a 3-million-row history are
 * "plain": an ASCII id, an ISO date and plain amounts, nothing quoted. For those the reader gets
 * the id (one string per run of rows with the same id), the date's serial day, the amounts in
 * fen and the name field's text, with no other string and no text parse; every other row —
 * blank, a title, a total, 万, one field too many — comes as the fields forEachRecord would give it,
 * for the general reader. The reader may also hand a plain row back (`plain` returns false) and
 * get its fields instead. Same rows, same numbers, same order as forEachRecord
 * (test/input/plainRows.test.ts compares the two on generated exports).
 */
import { isDamaged } from './damagedText';
import { cutFields, forEachRecord, LONE_CR, type Delimiter, type OnRecord } from './delimited';
import { isoSerialAt, plainFenAt } from './plainText';

/** Which fields of a row the reader wants read in place, and how many fields a row has. */
export interface PlainLayout {
  width: number;
  id: number;
  /** A text field handed over as it is (the merchant name), or none. */
  name?: number;
  date: number;
  money: number[];
}

export interface PlainSink {
  /**
   * A row whose id, date and amounts are plain: `fens` follows layout.money (and is reused for
   * the next row). Returns false, having changed nothing, to get the row's fields instead.
   */
  plain(rowNumber: number, id: string, serial: number, fens: number[], name: string): boolean;
  /** Any other row, as forEachRecord gives it. */
  other: OnRecord;
}

const CR = 13;
const SPACE = 32;
const DEL = 0x7f;

/**
 * Every row of `text`, in order. Where the rows cannot be cut by line ends alone — a quote (a
 * quoted field may hold a line break), a lone CR (a line end of its own), damaged bytes (each
 * such row is reported) — every row goes to `other` by forEachRecord.
 */
export function forEachPlainRow(text: string, delimiter: Delimiter, layout: PlainLayout, sink: PlainSink, rowBefore = 0): number {
  if (text.indexOf('"') >= 0 || (text.indexOf('\r') >= 0 && LONE_CR.test(text)) || isDamaged(text)) {
    return forEachRecord(text, delimiter, sink.other, rowBefore);
  }
  const width = layout.width;
  const money = layout.money;
  const cuts = new Int32Array(width + 1); // field f is text[cuts[f], cuts[f + 1] - 1)
  const fens: number[] = money.map(() => 0);
  const nameField = layout.name === undefined ? -1 : layout.name;
  const length = text.length;
  // The id of the previous plain row: a long export repeats it on ~30 rows, and one string serves them.
  let lastId = '';

  /** The plain reading of the line text[from, stop), or false when it has none. */
  const plainLine = (row: number, from: number, stop: number): boolean => {
    cuts[0] = from;
    for (let f = 1; f < width; f++) {
      const cut = text.indexOf(delimiter, cuts[f - 1]);
      if (cut < 0 || cut >= stop) return false;
      cuts[f] = cut + 1;
    }
    const extra = text.indexOf(delimiter, cuts[width - 1]);
    if (extra >= 0 && extra < stop) return false;
    cuts[width] = stop + 1;
    const serial = isoSerialAt(text, cuts[layout.date], cuts[layout.date + 1] - 1);
    if (serial !== serial) return false; // NaN: not an ISO date
    for (let m = 0; m < money.length; m++) {
      const fen = plainFenAt(text, cuts[money[m]], cuts[money[m] + 1] - 1);
      if (fen !== fen) return false;
      fens[m] = fen;
    }
    const idFrom = cuts[layout.id];
    const idTo = cuts[layout.id + 1] - 1;
    if (idTo - idFrom !== lastId.length || !text.startsWith(lastId, idFrom) || idTo === idFrom) {
      // Spaces, controls and other than ASCII are for the text reader (trimming, NFKC, invisible characters).
      for (let i = idFrom; i < idTo; i++) if (text.charCodeAt(i) <= SPACE || text.charCodeAt(i) >= DEL) return false;
      if (idTo === idFrom) return false;
      lastId = text.slice(idFrom, idTo);
    }
    const name = nameField < 0 ? '' : text.slice(cuts[nameField], cuts[nameField + 1] - 1);
    return sink.plain(row, lastId, serial, fens, name);
  };

  let start = rowBefore === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0; // Excel's BOM, as forEachRecord skips it
  let row = rowBefore;
  while (start < length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = length;
    const stop = end > start && text.charCodeAt(end - 1) === CR ? end - 1 : end;
    row += 1;
    if (!plainLine(row, start, stop)) sink.other(cutFields(text, start, stop, delimiter), row);
    start = end + 1;
  }
  return row;
}
