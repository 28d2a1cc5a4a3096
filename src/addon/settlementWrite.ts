/**
 * One settlement written in as many server calls as it needs, each far from Apps Script's
 * 6-minute limit:
 *
 *   start   settle, check the 10M-cell budget, insert both sheets under "(writing)" names, write
 *           the summary, the header and the first LINES_PER_CALL lines — and, for a settlement
 *           that fits, finish in the same call;
 *   lines   the next block, sent by the sidebar; written only if its SHA-256 is the one the
 *           server computed at start for that block, so every cell written is one the server
 *           settled itself (the sidebar is not trusted, only spared a second upload of the inputs);
 *   finish  formats, filter, frozen header; record the settlement; rename to the final names.
 *
 * Until the rename nothing looks finished, and a write that is killed half-way is removed by the
 * next one (pending.ts). Every step runs under the document lock (server.ts).
 */
import type { Language } from '../core/reasons';
import type { SettlementRun } from '../output/run';
import { blockGrid, cellBudget, cellsAdded, linesGrid, SHEETS_MAX_CELLS } from '../output/sheetSize';
import { linesBlock, summaryBlock, type SheetValue } from '../output/sheetTables';
import { LINES_PER_CALL } from './limits';
import {
  linesMismatchMessage,
  sheetNames,
  storeFullMessage,
  tooLargeMessage,
  writeGoneMessage,
  writingElsewhereMessage,
  writingName,
  writtenMessage,
  existsMessage,
} from './messages';
import { deletePending, discardPending, loadPending, pendingSheets, removeInterrupted, renamePendingToFinal, savePending, type PendingWrite } from './pending';
import type { LinesBlock, WriteProgress, WriteResult } from './protocol';
import { nextSequence, recallSettlement, rememberSettlement, saveSequence, settlementSheet } from './records';
import { RequestError } from './validate';
import { finishLinesSheet, gridCells, insertSizedSheet, writeBlock, writeRows } from './writer';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Properties = GoogleAppsScript.Properties.Properties;

/** Name collisions with sheets the user made are skipped over, this many times at most. */
const MAX_NAME_TRIES = 50;

export interface StartRequest {
  run: SettlementRun;
  runKey: string;
  language: Language;
  user: string;
  sha256: (text: string) => string;
  now: number;
}

/** The lines of block `index` (0-based, LINES_PER_CALL each), without the header row. */
function blockOf(values: SheetValue[][], index: number): SheetValue[][] {
  return values.slice(1 + index * LINES_PER_CALL, 1 + (index + 1) * LINES_PER_CALL);
}

export function blockHash(values: unknown[][], sha256: (text: string) => string): string {
  return sha256(JSON.stringify(values));
}

/** The first free "#n" whose final and temporary names are all free. */
function freeNames(spreadsheet: Spreadsheet, language: Language, day: string, first: number) {
  const taken = (name: string) => spreadsheet.getSheetByName(name) !== null;
  for (let sequence = first; sequence < first + MAX_NAME_TRIES; sequence++) {
    const finalNames = sheetNames(language, day, sequence);
    const writingNames = { lines: writingName(finalNames.lines, language), summary: writingName(finalNames.summary, language) };
    if (![finalNames.lines, finalNames.summary, writingNames.lines, writingNames.summary].some(taken)) return { sequence, finalNames, writingNames };
  }
  throw new Error(`Could not find a free sheet name after "${sheetNames(language, day, first + MAX_NAME_TRIES - 1).lines}"; rename or delete some sheets.`);
}

function summaryHeading(language: Language, linesName: string): string {
  return language === 'zh' ? `${linesName}:汇总。每日明细见工作表"${linesName}"。` : `${linesName}: summary. The daily lines are on sheet "${linesName}".`;
}

export function startWrite(spreadsheet: Spreadsheet, properties: Properties, start: StartRequest): WriteResult {
  const { run, runKey, language } = start;
  const { inProgress } = removeInterrupted(spreadsheet, properties, start.now, { user: start.user, runKey });

  const previous = recallSettlement(properties, runKey);
  const existing = previous && settlementSheet(spreadsheet, previous);
  if (previous && existing) {
    existing.activate();
    const sheetName = existing.getName();
    return { outcome: 'exists', sheetName, message: existsMessage(language, sheetName, previous.generatedAt), lines: previous.lines };
  }
  // The same person's earlier try was just removed: a live write of this settlement is someone else's.
  if (inProgress.some((write) => write.runKey === runKey)) throw new RequestError(writingElsewhereMessage(language));

  const lineCount = run.settlement.lines.length;
  const lines = linesBlock(run, language);
  const summarySize = blockGrid(summaryBlock(run, language, '-'));
  const budget = cellBudget(gridCells(spreadsheet), cellsAdded(linesGrid(lineCount), summarySize));
  if (!budget.fits) throw new RequestError(tooLargeMessage(language, budget.existing, budget.added, SHEETS_MAX_CELLS));

  const day = run.read.firstCampaignDay || run.run.generatedAt.slice(0, 10);
  const names = freeNames(spreadsheet, language, day, nextSequence(properties, day));
  const totals = run.settlement.totals;
  const write: PendingWrite = {
    id: Utilities.getUuid(),
    runKey,
    user: start.user,
    touchedAt: start.now,
    lines: lineCount,
    linesWritten: 0,
    linesPerCall: LINES_PER_CALL,
    blockHashes: [],
    writingNames: names.writingNames,
    finalNames: names.finalNames,
    language,
    generatedAt: run.run.generatedAt,
    message: writtenMessage(language, names.finalNames, lineCount, totals.cashTotalFen, totals.blockedMerchants, run.read.issues.length),
  };
  for (let index = 1; index * LINES_PER_CALL < lineCount; index++) write.blockHashes.push(blockHash(blockOf(lines.values, index), start.sha256));
  try {
    // Recorded before any sheet exists: a write killed after this point is known to the next run.
    saveSequence(properties, day, names.sequence);
    savePending(properties, write);
  } catch (e) {
    throw new RequestError(`${storeFullMessage(language)} (${errorText(e)})`);
  }

  try {
    const linesSheet = insertSizedSheet(spreadsheet, names.writingNames.lines, linesGrid(lineCount), spreadsheet.getNumSheets());
    write.sheetIds = { lines: linesSheet.getSheetId(), summary: -1 };
    // Right after its lines sheet in the tab order.
    const summarySheet = insertSizedSheet(spreadsheet, names.writingNames.summary, summarySize, linesSheet.getIndex());
    write.sheetIds.summary = summarySheet.getSheetId();
    writeBlock(summarySheet, summaryBlock(run, language, summaryHeading(language, names.finalNames.lines)));
    const first = lines.values.slice(0, 1 + LINES_PER_CALL);
    writeRows(linesSheet, 1, first);
    write.linesWritten = first.length - 1;
    if (write.linesWritten === lineCount) return finishWrite(spreadsheet, properties, write);
    savePending(properties, write);
    return progressResult(write);
  } catch (e) {
    // A thrown error (not a kill) leaves nothing half-written behind.
    try {
      discardPending(spreadsheet, properties, write);
    } catch (ignored) {
      // The original error is the one worth reporting.
    }
    throw e;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function progressResult(write: PendingWrite): WriteResult {
  return {
    outcome: 'writing',
    sheetName: write.finalNames.lines,
    message: '',
    lines: write.lines,
    write: { id: write.id, linesWritten: write.linesWritten, linesPerCall: write.linesPerCall },
  };
}

/** The write `id`, with both its sheets still there, or the sentence that says it is gone. */
function liveWrite(spreadsheet: Spreadsheet, properties: Properties, id: string, language: Language): PendingWrite {
  const write = loadPending(properties, id);
  const sheets = write && pendingSheets(spreadsheet, write);
  if (!write || !sheets || !sheets.lines || !sheets.summary) throw new RequestError(writeGoneMessage(language));
  return write;
}

export function writeLines(spreadsheet: Spreadsheet, properties: Properties, block: LinesBlock, language: Language, sha256: (text: string) => string, now: number): WriteProgress {
  const write = liveWrite(spreadsheet, properties, block.writeId, language);
  const index = block.from / write.linesPerCall;
  const expected = Math.min(write.linesPerCall, write.lines - block.from);
  // A block sent again because its answer was lost is already in: say so, change nothing.
  if (block.from < write.linesWritten && Number.isInteger(index)) return { linesWritten: write.linesWritten, lines: write.lines };
  if (block.from !== write.linesWritten || block.values.length !== expected)
    throw new RequestError(`expected lines ${write.linesWritten + 1} to ${write.linesWritten + expected}, not ${block.values.length} lines from ${block.from + 1}`);
  if (blockHash(block.values, sha256) !== write.blockHashes[index - 1]) {
    discardPending(spreadsheet, properties, write);
    throw new RequestError(linesMismatchMessage(write.language));
  }
  writeRows(pendingSheets(spreadsheet, write).lines!, block.from + 2, block.values);
  write.linesWritten += block.values.length;
  write.touchedAt = now;
  savePending(properties, write);
  return { linesWritten: write.linesWritten, lines: write.lines };
}

export function finishWriteById(spreadsheet: Spreadsheet, properties: Properties, id: string, language: Language): WriteResult {
  const write = liveWrite(spreadsheet, properties, id, language);
  if (write.linesWritten !== write.lines)
    throw new RequestError(`only ${write.linesWritten} of ${write.lines} lines are written; send the rest before finishing`);
  return finishWrite(spreadsheet, properties, write);
}

function finishWrite(spreadsheet: Spreadsheet, properties: Properties, write: PendingWrite): WriteResult {
  const sheets = pendingSheets(spreadsheet, write);
  finishLinesSheet(sheets.lines!, write.lines);
  try {
    // Recorded before the rename: if the store is full the sheets go again, so a retry never
    // meets a second copy; if the run dies after this, the next run only finishes the rename.
    rememberSettlement(properties, spreadsheet, write.runKey, {
      sheetId: write.sheetIds!.lines,
      summaryId: write.sheetIds!.summary,
      sheetName: write.finalNames.lines,
      summaryName: write.finalNames.summary,
      generatedAt: write.generatedAt,
      lines: write.lines,
    });
  } catch (e) {
    discardPending(spreadsheet, properties, write);
    throw new RequestError(`${storeFullMessage(write.language)} (${errorText(e)})`);
  }
  const names = renamePendingToFinal(spreadsheet, write);
  deletePending(properties, write.id);
  sheets.lines!.activate();
  return { outcome: 'written', sheetName: names.lines, summarySheetName: names.summary, message: write.message, lines: write.lines };
}

/** The sidebar gives up on a write (a block failed): its sheets go now, not when it turns stale. */
export function abandonWrite(spreadsheet: Spreadsheet, properties: Properties, id: string): void {
  const write = loadPending(properties, id);
  if (write) discardPending(spreadsheet, properties, write);
}
