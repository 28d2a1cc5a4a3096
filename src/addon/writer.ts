/**
 * Writes one settlement as two new sheets, never touching an existing one:
 *   "Settlement 2025-11-11 #1"          the lines: one header row, frozen, a filter over the table;
 *   "Settlement 2025-11-11 #1 summary"  totals, run record, issues, per-merchant rows.
 * The summary has its own sheet because a filter hides whole rows: anything beside or under the
 * lines would vanish or be sorted when finance filters the lines.
 *
 * The number of SpreadsheetApp calls is fixed (a test counts them): each sheet gets one
 * setValues and one setNumberFormats for all its cells. A new sheet has 1000 rows, and a range
 * outside the grid is an error, so the lines sheet is sized once to fit the larger of the two
 * tables and the summary sheet is made as a copy of it, which saves sizing it separately.
 */
import type { Language } from '../core/reasons';
import { guardTextCells } from '../output/sheetText';
import { linesBlock, summaryBlock, type SheetBlock } from '../output/sheetTables';
import type { SettlementRun } from '../output/run';
import { sheetNames } from './messages';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows and columns of a sheet made by insertSheet (Sheets' default grid). */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;
/** Name collisions with sheets the user made are skipped over, this many times at most. */
const MAX_NAME_TRIES = 50;

export interface WrittenSettlement {
  sequence: number;
  linesName: string;
  summaryName: string;
}

/** Inserts a sheet under the first free name `nameFor(0)`, `nameFor(1)`, …; returns it with the attempt used. */
function insertUnderFreeName(
  spreadsheet: Spreadsheet,
  nameFor: (attempt: number) => string,
  template?: Sheet,
): { sheet: Sheet; attempt: number; name: string } {
  for (let attempt = 0; attempt < MAX_NAME_TRIES; attempt++) {
    const name = nameFor(attempt);
    try {
      const sheet = template ? spreadsheet.insertSheet(name, { template }) : spreadsheet.insertSheet(name);
      return { sheet, attempt, name };
    } catch (e) {
      // Only a taken name is worth another try; Apps Script words (and translates) the error, so ask the sheet.
      if (!spreadsheet.getSheetByName(name)) throw e;
    }
  }
  throw new Error(`Could not find a free sheet name after "${nameFor(MAX_NAME_TRIES - 1)}"; rename or delete some sheets.`);
}

/**
 * Exactly one call, whatever the size: trims the new sheet's empty tail or grows it. Trimming
 * keeps a 10-line settlement from adding 1000 × 26 empty cells to Sheets' 10-million-cell limit.
 * If a new sheet ever had another size, writeBlock's fallback sizes it by asking.
 */
function fitGrid(sheet: Sheet, rows: number, columns: number): void {
  const target = rows === NEW_SHEET_ROWS ? rows + 1 : rows;
  try {
    if (target > NEW_SHEET_ROWS) sheet.insertRowsAfter(NEW_SHEET_ROWS, target - NEW_SHEET_ROWS);
    else sheet.deleteRows(target + 1, NEW_SHEET_ROWS - target);
    if (columns > NEW_SHEET_COLUMNS) sheet.insertColumnsAfter(NEW_SHEET_COLUMNS, columns - NEW_SHEET_COLUMNS);
  } catch (e) {
    // Not the size we expected; writeBlock grows the sheet if it is too small.
  }
}

/** The sheet's grid made at least rows × columns, asking for its size (the slow path). */
function growTo(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

function writeBlock(sheet: Sheet, block: SheetBlock) {
  const rows = block.values.length;
  const columns = block.values[0].length;
  let range: GoogleAppsScript.Spreadsheet.Range;
  try {
    range = sheet.getRange(1, 1, rows, columns);
  } catch (e) {
    growTo(sheet, rows, columns);
    range = sheet.getRange(1, 1, rows, columns);
  }
  // Values before formats: the text guard's apostrophe is read as "store as text" only while
  // the cell is not yet formatted as plain text.
  range.setValues(guardTextCells(block.values));
  range.setNumberFormats(block.formats);
  return range;
}

function width(block: SheetBlock): number {
  return block.values[0].length;
}

/**
 * Writes the settlement into two new sheets named for `day`, numbered from `sequence`. If Sheets
 * fails half-way, the sheets this call made are removed again (they hold nothing of the user's),
 * so a half-written settlement is never mistaken for a whole one.
 */
export function writeSettlementSheets(
  spreadsheet: Spreadsheet,
  run: SettlementRun,
  language: Language,
  day: string,
  sequence: number,
): WrittenSettlement {
  const made: Sheet[] = [];
  try {
    return writeSheets(spreadsheet, run, language, day, sequence, made);
  } catch (e) {
    made.forEach((sheet) => {
      try {
        spreadsheet.deleteSheet(sheet);
      } catch (ignored) {
        // The original error is the one worth reporting.
      }
    });
    throw e;
  }
}

function writeSheets(spreadsheet: Spreadsheet, run: SettlementRun, language: Language, day: string, sequence: number, made: Sheet[]): WrittenSettlement {
  const lines = linesBlock(run, language);
  // The summary's heading names the lines sheet, known only after inserting it; its row count is not.
  const summaryRows = summaryBlock(run, language, '-').values.length;

  const linesSheet = insertUnderFreeName(spreadsheet, (attempt) => sheetNames(language, day, sequence + attempt).lines);
  made.push(linesSheet.sheet);
  const names = sheetNames(language, day, sequence + linesSheet.attempt);
  const heading =
    language === 'zh'
      ? `${names.lines}:汇总。每日明细见工作表"${linesSheet.name}"。`
      : `${names.lines}: summary. The daily lines are on sheet "${linesSheet.name}".`;
  const summary = summaryBlock(run, language, heading);
  // One spare row under the longer table, so the grid never ends exactly on the last figure.
  fitGrid(linesSheet.sheet, Math.max(lines.values.length, summaryRows) + 1, Math.max(width(lines), width(summary)));
  const summarySheet = insertUnderFreeName(
    spreadsheet,
    (attempt) => names.summary + (attempt === 0 ? '' : ` (${attempt + 1})`),
    linesSheet.sheet,
  );
  made.push(summarySheet.sheet);

  const table = writeBlock(linesSheet.sheet, lines);
  table.createFilter();
  linesSheet.sheet.setFrozenRows(1);
  writeBlock(summarySheet.sheet, summary);

  return {
    sequence: sequence + linesSheet.attempt,
    linesName: linesSheet.name,
    summaryName: summarySheet.name,
  };
}
