/**
 * The lines table as CSV bytes, written straight into 1 MB buffers: money and counts as digits,
 * rates, statuses and other repeated texts from a cache, only names and reasons encoded as
 * text. Exactly the bytes of `tableToCsv` (src/output/csv.ts, which the rest of the project
 * uses; test/cli/csvBytes.test.ts holds the two to each other), without building one string per
 * cell nor one string for the whole table — which V8 caps near 2.9M lines. `npm run bench`
 * measures what it saves on 300k lines.
 */
import { fenToText, type Dec, type FenSum } from '../core/money';
import { csvField, guardFormula } from '../output/csv';
import { FORMULA_FIRST } from '../output/sheetText';
import type { Language } from '../output/language';
import { type CellValue, type Column, heading, isRate, isWhole } from '../output/tables';

const CHUNK_BYTES = 1 << 20;
/** A character the byte copy cannot take: outside printable ASCII, or a quote. */
const NOT_PRINTABLE_ASCII = /[^ !#-~]/;
const COMMA = 44;
const NEWLINE = 10;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const QUOTE = 34;

type Writer = (value: CellValue, out: ChunkWriter) => void;

/** A buffer filled from the front and handed on when full. */
class ChunkWriter {
  buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  at = 0;
  readonly done: Buffer[] = [];

  /** Room for `bytes` more, handing on the full chunk first. */
  room(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    if (this.at > 0) this.done.push(this.buffer.subarray(0, this.at));
    this.buffer = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, bytes));
    this.at = 0;
  }

  byte(b: number): void {
    this.room(1);
    this.buffer[this.at++] = b;
  }

  bytes(bytes: Buffer): void {
    this.room(bytes.length);
    bytes.copy(this.buffer, this.at);
    this.at += bytes.length;
  }

  text(text: string): void {
    this.room(text.length * 3); // UTF-8 takes at most 3 bytes per UTF-16 unit
    this.at += this.buffer.write(text, this.at, 'utf8');
  }

  /**
   * A text cell as csvField(guardFormula(text)) gives it. Most are ASCII with no quote, line
   * break or formula start (an id, a status, a reason, quoted for its commas): those are copied a
   * byte per character, with no regex test, no new string and no encoder call; anything else
   * goes the general way.
   */
  textCell(text: string): void {
    const length = text.length;
    if (length === 0 || length > 4096 || FORMULA_FIRST.indexOf(text.charAt(0)) >= 0) return this.text(csvField(guardFormula(text)));
    if (NOT_PRINTABLE_ASCII.test(text)) return this.text(csvField(guardFormula(text)));
    const commas = text.indexOf(',') >= 0;
    this.room(length + 2);
    const buffer = this.buffer;
    let at = this.at;
    if (commas) buffer[at++] = QUOTE;
    at += buffer.write(text, at, length, 'latin1'); // ASCII, so one byte per character
    if (commas) buffer[at++] = QUOTE;
    this.at = at;
  }

  /** A whole number's digits (|n| < 2^53), sign first: counted, then filled from the right. */
  integer(n: number): void {
    this.room(17);
    if (n < 0) {
      this.buffer[this.at++] = MINUS;
      n = -n;
    }
    let digits = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    let at = (this.at += digits);
    do {
      this.buffer[--at] = ZERO + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
  }

  /** Fen as "1234.50": the integer part, a point, two digits. */
  fen(fen: number): void {
    const negative = fen < 0;
    const abs = negative ? -fen : fen;
    const yuan = Math.floor(abs / 100);
    const cents = abs - yuan * 100;
    if (negative) this.byte(MINUS);
    this.integer(yuan);
    this.room(3);
    this.buffer[this.at++] = DOT;
    this.buffer[this.at++] = ZERO + Math.floor(cents / 10);
    this.buffer[this.at++] = ZERO + (cents % 10);
  }

  chunks(): Buffer[] {
    if (this.at > 0) this.done.push(this.buffer.subarray(0, this.at));
    this.at = 0;
    return this.done.splice(0);
  }
}

/** A column of a few values repeated on every line (the status): each encoded once. */
function fewTexts(): Writer {
  const cache = new Map<CellValue, Buffer>();
  return (value, out) => {
    let bytes = cache.get(value);
    if (bytes === undefined) cache.set(value, (bytes = Buffer.from(value === null ? '' : csvField(guardFormula(value as string)), 'utf8')));
    out.bytes(bytes);
  };
}

function writerFor<T>(column: Column<T>): Writer {
  if (column.kind === 'money')
    return (value, out) => {
      if (value === null) return;
      if (typeof value === 'bigint') out.text(fenToText(value as FenSum));
      else out.fen(value as number);
    };
  if (isWhole(column.kind)) return (value, out) => value !== null && out.integer(value as number);
  if (isRate(column.kind)) {
    // Every line shares the policy's few rate objects.
    const cache = new Map<CellValue, Buffer>();
    return (value, out) => {
      if (value === null) return;
      let bytes = cache.get(value);
      if (bytes === undefined) cache.set(value, (bytes = Buffer.from((value as Dec).toString(), 'latin1')));
      out.bytes(bytes);
    };
  }
  if (column.key === 'status') return fewTexts();
  return (value, out) => value !== null && out.textCell(value as string);
}

/** The table as CSV chunks of about 1 MB, the heading row first, `prefix` (a BOM) before it. */
export function* csvChunks<T>(columns: Column<T>[], rows: T[], language: Language, prefix?: Buffer): Generator<Buffer> {
  const out = new ChunkWriter();
  if (prefix) out.bytes(prefix);
  out.text(columns.map((c) => csvField(language === 'en' ? c.key : heading(c, language))).join(','));
  out.byte(NEWLINE);
  const writers = columns.map((c) => writerFor(c));
  const count = columns.length;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let i = 0; i < count; i++) {
      if (i > 0) out.byte(COMMA);
      writers[i](columns[i].value(row, language), out);
    }
    out.byte(NEWLINE);
    if (out.done.length > 0) yield* out.done.splice(0);
  }
  yield* out.chunks();
}
