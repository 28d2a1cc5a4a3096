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
}

/** A heading cell, for finding the delimiter of the heading row under any title lines. */
function looksLikeHeading(cell: string): boolean {
  return matchHeader(cell) !== undefined || readDate(cell).kind === 'date';
}

export function tableFromText(source: SourceName, text: string): Table {
  const delimiter = detectDelimiter(text, looksLikeHeading);
  return {
    source,
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
