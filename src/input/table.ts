/**
 * One input table, whether pasted text, a CSV/XLSX file or a sheet range: rows of cells with
 * the row numbers a spreadsheet would show (header = row 1). The readers see only this, so
 * pasted text and ranges go through exactly the same checks.
 */
import { readDate } from './date';
import { detectDelimiter, forEachRecord, type RecordProblem } from './delimited';
import { damagedBytes } from './damagedText';
import { matchHeader } from './headers';
import { isDateValue, type Cell } from './number';
import { forEachPlainRow, type PlainLayout, type PlainSink } from './plainRows';

export { isDateValue };

export type SourceName = 'history' | 'campaign' | 'targets' | 'holds';

export interface Table {
  source: SourceName;
  /** The first `count` rows (blank ones as []), for header detection and column inference. */
  head(count: number): Cell[][];
  /**
   * Every row, blank ones included, with its spreadsheet row number, and what is wrong with the
   * row as a whole (a stray quote, bytes that were not text) for the reader to report.
   */
  eachRow(onRow: (cells: Cell[], rowNumber: number, problem?: RecordProblem) => void): void;
  /** Text that identifies the content, for the run record's input hash. */
  fingerprint(): string;
  /**
   * The UTF-8 bytes of fingerprint(), where the table was decoded from exactly them (a UTF-8
   * file): the hash is then taken over the bytes as read, with no re-encoding of the text.
   */
  fingerprintBytes?: Uint8Array;
  /** With fingerprintBytes: the length of fingerprint() in UTF-16 units, so the hash never needs the text. */
  fingerprintLength?: number;
  /**
   * Where the table is text (a file or a paste): every row as eachRow gives it, but with the
   * plain ones read in place (plainRows.ts), for the readers' fast path.
   */
  eachPlainRow?(layout: PlainLayout, sink: PlainSink): void;
}

/** A heading cell, for finding the delimiter of the heading row under any title lines. */
function looksLikeHeading(cell: string): boolean {
  return matchHeader(cell) !== undefined || readDate(cell).kind === 'date';
}

export function tableFromText(source: SourceName, text: string, utf8?: Uint8Array): Table {
  const delimiter = detectDelimiter(text, looksLikeHeading);
  return {
    source,
    fingerprintBytes: utf8,
    fingerprintLength: utf8 ? text.length : undefined,
    head(count) {
      // Only the first lines are parsed: inference must not cost a pass over a 90 MB file.
      const rows: Cell[][] = [];
      let cut = 0;
      for (let seen = 0; seen < count * 4 + 8 && cut >= 0; seen++) cut = text.indexOf('\n', cut + 1);
      const sample = cut < 0 ? text : text.slice(0, cut);
      forEachRecord(sample, delimiter, (fields) => {
        if (rows.length < count) rows.push(fields);
      });
      return rows;
    },
    eachRow(onRow) {
      forEachRecord(text, delimiter, onRow);
    },
    fingerprint: () => text,
    eachPlainRow: (layout, sink) => forEachPlainRow(text, delimiter, layout, sink),
  };
}

/**
 * A text too long for one string, as pieces of whole lines with no quote in them (files/linePieces
 * cuts them): the same rows with the same numbers as tableFromText on the whole text, each pass
 * decoding the pieces again so only one is in memory at a time.
 */
export function tableFromTextPieces(source: SourceName, text: { pieces(): Iterable<string>; utf8: Uint8Array; textLength: number }): Table {
  let first = '';
  for (const piece of text.pieces()) {
    first = piece;
    break;
  }
  // The heading and the lines under it that decide the delimiter are in the first piece (64 MB).
  const delimiter = detectDelimiter(first, looksLikeHeading);
  return {
    source,
    fingerprintBytes: text.utf8,
    fingerprintLength: text.textLength,
    head(count) {
      const rows: Cell[][] = [];
      let row = 0;
      for (const piece of text.pieces()) {
        row = forEachRecord(piece, delimiter, (fields) => {
          if (rows.length < count) rows.push(fields);
        }, row);
        if (rows.length >= count) break;
      }
      return rows;
    },
    eachRow(onRow) {
      let row = 0;
      for (const piece of text.pieces()) row = forEachRecord(piece, delimiter, onRow, row);
    },
    // Only when no hash of the bytes is taken; at this size it cannot be one string.
    fingerprint: () => Array.from(text.pieces()).join(''),
    eachPlainRow(layout, sink) {
      let row = 0;
      for (const piece of text.pieces()) row = forEachPlainRow(piece, delimiter, layout, sink, row);
    },
  };
}

export function tableFromCells(source: SourceName, cells: Cell[][]): Table {
  return {
    source,
    head: (count) => cells.slice(0, count),
    eachRow(onRow) {
      for (let i = 0; i < cells.length; i++) {
        const row = cells[i];
        // Text from a range or workbook can carry U+FFFD from a wrong decoding upstream.
        const bytes = damagedBytes(row);
        onRow(row, i + 1, bytes ? { kind: 'bytes', bytes } : undefined);
      }
    },
    fingerprint: () => cells.map((row) => row.map(cellText).join('\t')).join('\n'),
  };
}

/** A cell as the text a person would type for it; Dates as their calendar day. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (isDateValue(cell)) {
    const pad = (n: number) => (n < 10 ? '0' : '') + n;
    return `${cell.getFullYear()}-${pad(cell.getMonth() + 1)}-${pad(cell.getDate())}`;
  }
  return String(cell);
}

/** True for a row with nothing in it: such rows are not counted as read. */
export function isBlankRow(cells: Cell[]): boolean {
  // Nearly every row starts with a merchant id: one look at its first character settles it.
  const first = cells[0];
  if (typeof first === 'string' && first.length > 0 && first.charCodeAt(0) > 32 && first.charCodeAt(0) < 127) return false;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c !== '' && c !== null && c !== undefined && !(typeof c === 'string' && c.trim() === '')) return false;
  }
  return true;
}
