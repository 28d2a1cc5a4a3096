/**
 * One settlement written in as many server calls as it needs, each at most CELLS_PER_CALL cells,
 * far from Apps Script's 6-minute limit:
 *
 *   start   settle, check the 10M-cell budget, insert both sheets under "(writing)" names, write
 *           the summary's head (totals, run record) and the first 10,000 lines — and, for a
 *           settlement that fits, everything, finishing in the same call;
 *   rows    the next block of lines, then of the summary's tail (issues, per-merchant rows), sent
 *           by the sidebar: written only if its SHA-256 is the one the server computed at start
 *           for that block, so every cell written is one the server settled itself (the sidebar
 *           is not trusted, only spared a second upload of the inputs);
 *   finish  formats, filter, frozen header; record the settlement; rename to the final names.
 *
 * Until the rename nothing looks finished, and a write that is killed half-way is removed by the
 * next one (pending.ts). Every step runs under the document lock (server.ts).
 */
import type { Language } from '../output/language';
import type { SettlementRun } from '../run/runSettlement';
import { blockGrid, cellBudget, linesGrid, runCellsAdded, SHEETS_MAX_CELLS } from '../output/sheetSize';
import { linesBlock, summaryBlock, summaryChartsOf, summaryHeadRows, type SheetBlock, type SummaryContext } from '../output/sheetTables';
import { insertCharts } from './charts';
import { CELLS_PER_CALL, rowsPerCall } from '../protocol/limits';
import {
  existsMessage,
  linesMismatchMessage,
  runWrittenMessage,
  sheetNames,
  storeFullMessage,
  tooLargeMessage,
  writeGoneMessage,
  writingElsewhereMessage,
  writingName,
  writtenMessage,
} from './messages';
import { deletePending, discardPending, eachOfPair, loadPending, pendingSheets, removeInterrupted, renamePendingToFinal, savePending, type PartState, type PendingWrite, type SheetPair } from './pending';
import type { RowsBlock, WritePart, WriteProgress, WriteResult } from '../protocol/messages';
import { pendingRegisterRow, recordRun } from './runRecord';
import { findRegister } from './register';
import { TRUE_UP_HEAD_ROWS, trueUpSheetBlock } from '../output/trueUpSheet';
import { nextSequence, recallSettlement, rememberSettlement, saveSequence, settlementSheet } from './records';
import { RequestError } from './validate';
import { finishLinesSheet, gridCells, insertSizedSheet, writeBlock, writeRows } from './writer';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Properties = GoogleAppsScript.Properties.Properties;
type Sha256 = (text: string) => string;

/** Name collisions with sheets the user made are skipped over, this many times at most. */
const MAX_NAME_TRIES = 50;

export interface StartRequest {
  run: SettlementRun;
  runKey: string;
  language: Language;
  user: string;
  sha256: Sha256;
  now: number;
  /** SPEC §7: the run's campaign, its number there, and the approved run it is a true-up against (0: none). */
  campaign: string;
  runNumber: number;
  against: number;
  /** What only the server knows of the run, for the summary's head: its time in the spreadsheet's zone. */
  context: SummaryContext;
}

/**
 * What a block's hash covers: the lines' values; the summary's values and formats. 128 bits of
 * SHA-256 are kept: a write's record holds one per block and must stay within 9 KB.
 */
export function blockHash(values: unknown[][], formats: unknown[][] | undefined, sha256: Sha256): string {
  return sha256(JSON.stringify(formats ? [values, formats] : values)).slice(0, 32);
}

/** A part whose rows before `first` are written by the starting call, the rest in blocks of perCall. */
function partState(total: number, first: number, perCall: number, hashOf: (from: number, to: number) => string): PartState {
  const hashes: string[] = [];
  for (let from = first; from < total; from += perCall) hashes.push(hashOf(from, Math.min(total, from + perCall)));
  return { total, written: first, perCall, first, hashes };
}

/** The first free "#n" whose final and temporary names are all free (a true-up's third sheet too). */
function freeNames(spreadsheet: Spreadsheet, language: Language, day: string, first: number, withTrueUp: boolean) {
  const taken = (name: string) => spreadsheet.getSheetByName(name) !== null;
  for (let sequence = first; sequence < first + MAX_NAME_TRIES; sequence++) {
    const all = sheetNames(language, day, sequence);
    const finalNames: SheetPair<string> = { lines: all.lines, summary: all.summary, ...(withTrueUp ? { trueUp: all.trueUp } : {}) };
    const writingNames: SheetPair<string> = { lines: writingName(all.lines, language), summary: writingName(all.summary, language) };
    if (withTrueUp) writingNames.trueUp = writingName(all.trueUp, language);
    if (!eachOfPair(finalNames).concat(eachOfPair(writingNames)).some(taken)) return { sequence, finalNames, writingNames };
  }
  throw new Error(`Could not find a free sheet name after "${sheetNames(language, day, first + MAX_NAME_TRIES - 1).lines}"; rename or delete some sheets.`);
}

function summaryHeading(language: Language, linesName: string): string {
  return language === 'zh' ? `${linesName}：汇总。每日明细见工作表“${linesName}”。` : `${linesName}: summary. The daily lines are on sheet "${linesName}".`;
}

function trueUpHeading(language: Language, campaign: string, run: number, against: number, linesName: string): string {
  return language === 'zh'
    ? `${linesName}：活动“${campaign}”第${run}次结算与已审批的第${against}次结算的差额（按商家ID和日期对应）。`
    : `${linesName}: run ${run} of "${campaign}" against approved run ${against}, matched by merchant id and date.`;
}

function rowsOf(block: SheetBlock, from: number, to: number): SheetBlock {
  return { values: block.values.slice(from, to), formats: block.formats.slice(from, to) };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function startWrite(spreadsheet: Spreadsheet, properties: Properties, start: StartRequest): WriteResult {
  const { run, runKey, language, sha256 } = start;
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
  const day = run.read.firstCampaignDay || run.record.generatedAt.slice(0, 10);
  const names = freeNames(spreadsheet, language, day, nextSequence(properties, day), run.trueUp !== undefined);
  const heading = summaryHeading(language, names.finalNames.lines);
  const summary = summaryBlock(run, language, heading, start.context);
  const trueUp = run.trueUp ? trueUpSheetBlock(run, language, trueUpHeading(language, start.campaign, start.runNumber, start.against, names.finalNames.lines)) : undefined;
  const linesSize = linesGrid(lineCount);
  const summarySize = blockGrid(summary);
  const trueUpSize = trueUp ? blockGrid(trueUp) : undefined;
  const budget = cellBudget(gridCells(spreadsheet), runCellsAdded(linesSize, summarySize, trueUpSize, findRegister(spreadsheet, properties) !== null));
  if (!budget.fits) throw new RequestError(tooLargeMessage(language, budget.existing, budget.added, SHEETS_MAX_CELLS));

  // The starting call writes the summary's head and the first block of lines, and the rest too
  // if all of it fits in one call's cells; the sidebar sends whatever is left, block by block.
  const linesPerCall = rowsPerCall(linesSize.columns);
  const summaryPerCall = rowsPerCall(summarySize.columns);
  const firstLines = Math.min(lineCount, linesPerCall);
  const room = CELLS_PER_CALL - (firstLines + 1) * linesSize.columns;
  const headRows = summaryHeadRows(run, language);
  const firstSummary = firstLines === lineCount ? Math.max(headRows, Math.min(summarySize.rows, Math.floor(room / summarySize.columns))) : headRows;
  const totals = run.settlement.totals;
  const blockOf = (block: SheetBlock) => (from: number, to: number) => {
    const rows = rowsOf(block, from, to);
    return blockHash(rows.values, rows.formats, sha256);
  };
  const write: PendingWrite = {
    id: Utilities.getUuid(),
    runKey,
    user: start.user,
    touchedAt: start.now,
    lines: lineCount,
    parts: {
      lines: partState(lineCount, firstLines, linesPerCall, (from, to) => blockHash(lines.values.slice(1 + from, 1 + to), undefined, sha256)),
      summary: partState(summarySize.rows, firstSummary, summaryPerCall, blockOf(summary)),
    },
    writingNames: names.writingNames,
    finalNames: names.finalNames,
    language,
    generatedAt: run.record.generatedAt,
    message:
      writtenMessage(language, names.finalNames, lineCount, totals.cashTotalFen, totals.blockedMerchants, run.read.issues.length) +
      (language === 'zh' ? '' : ' ') +
      runWrittenMessage(language, start.campaign, start.runNumber, names.finalNames.trueUp, start.against),
    campaign: start.campaign,
    runNumber: start.runNumber,
    against: start.against,
    register: pendingRegisterRow(run, start.context),
  };
  // The true-up sheet: its heading by this call, the rest in blocks (the whole of it when it fits).
  if (trueUp && trueUpSize) {
    const perCall = rowsPerCall(trueUpSize.columns);
    const left = room - firstSummary * summarySize.columns;
    const first = firstSummary === summarySize.rows && firstLines === lineCount && trueUpSize.rows * trueUpSize.columns <= left ? trueUpSize.rows : TRUE_UP_HEAD_ROWS;
    write.parts.trueUp = partState(trueUpSize.rows, Math.min(first, trueUpSize.rows), perCall, blockOf(trueUp));
  }
  try {
    // Recorded before any sheet exists: a write killed after this point is known to the next run.
    saveSequence(properties, day, names.sequence);
    savePending(properties, write);
  } catch (e) {
    throw new RequestError(`${storeFullMessage(language)} (${errorText(e)})`);
  }

  try {
    // At the end of the tabs, before the register of runs (which stays last once it exists).
    const register = findRegister(spreadsheet, properties);
    const linesSheet = insertSizedSheet(spreadsheet, names.writingNames.lines, linesSize, register ? register.getIndex() - 1 : spreadsheet.getNumSheets());
    write.sheetIds = { lines: linesSheet.getSheetId(), summary: -1 };
    // Right after its lines sheet in the tab order.
    const summarySheet = insertSizedSheet(spreadsheet, names.writingNames.summary, summarySize, linesSheet.getIndex());
    write.sheetIds.summary = summarySheet.getSheetId();
    writeBlock(summarySheet, 1, rowsOf(summary, 0, firstSummary));
    // Over the head this call has just written: merchants by best tier and cash by tier.
    insertCharts(summarySheet, summaryChartsOf(run, language, heading));
    writeRows(linesSheet, 1, lines.values.slice(0, 1 + firstLines));
    if (trueUp && trueUpSize && write.parts.trueUp && names.writingNames.trueUp) {
      // Beside the run's lines and summary.
      const trueUpSheet = insertSizedSheet(spreadsheet, names.writingNames.trueUp, trueUpSize, summarySheet.getIndex());
      write.sheetIds.trueUp = trueUpSheet.getSheetId();
      writeBlock(trueUpSheet, 1, rowsOf(trueUp, 0, write.parts.trueUp.written));
    }
    if (isComplete(write)) return finishWrite(spreadsheet, properties, write);
    savePending(properties, write);
    return { outcome: 'writing', sheetName: write.finalNames.lines, message: '', lines: lineCount, write: progressOf(write) };
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

function isComplete(write: PendingWrite): boolean {
  const done = (part: PartState | undefined) => !part || part.written === part.total;
  return done(write.parts.lines) && done(write.parts.summary) && done(write.parts.trueUp);
}

function progressOf(write: PendingWrite): WriteProgress {
  const part = ({ written, total, perCall }: PartState) => ({ written, total, perCall });
  const progress: WriteProgress = { id: write.id, lines: part(write.parts.lines), summary: part(write.parts.summary) };
  if (write.parts.trueUp) progress.trueUp = part(write.parts.trueUp);
  return progress;
}

/** The parts in the order the sidebar sends them. */
const PART_ORDER: WritePart[] = ['lines', 'summary', 'trueUp'];

/** The write `id`, with both its sheets still there, or the sentence that says it is gone. */
function liveWrite(spreadsheet: Spreadsheet, properties: Properties, id: string, language: Language): PendingWrite {
  const write = loadPending(properties, id);
  const sheets = write && pendingSheets(spreadsheet, write);
  if (!write || !sheets || eachOfPair(sheets).some((sheet) => !sheet)) throw new RequestError(writeGoneMessage(language));
  return write;
}

export function writeRowsBlock(spreadsheet: Spreadsheet, properties: Properties, block: RowsBlock, language: Language, sha256: Sha256, now: number): WriteProgress {
  const write = liveWrite(spreadsheet, properties, block.writeId, language);
  // Lines first, then the summary, then the true-up: the order the sidebar sends them, so a block out of turn is a mistake.
  const part = write.parts[block.part];
  if (!part) throw new RequestError(`this write has no ${block.part} part`);
  PART_ORDER.slice(0, PART_ORDER.indexOf(block.part)).forEach((earlier) => {
    const before = write.parts[earlier];
    if (before && before.written < before.total) throw new RequestError(`the ${earlier} come first: ${before.written} of ${before.total} are written`);
  });
  const index = (block.from - part.first) / part.perCall;
  // A block sent again because its answer was lost is already in: say so, change nothing.
  if (block.from < part.written && Number.isInteger(index) && index >= 0) return progressOf(write);
  const expected = Math.min(part.perCall, part.total - part.written);
  if (block.from !== part.written || block.values.length !== expected)
    throw new RequestError(`expected ${block.part} rows ${part.written + 1} to ${part.written + expected}, not ${block.values.length} rows from ${block.from + 1}`);
  if (blockHash(block.values, block.part === 'lines' ? undefined : block.formats || [], sha256) !== part.hashes[index]) {
    discardPending(spreadsheet, properties, write);
    throw new RequestError(linesMismatchMessage(write.language));
  }
  const sheets = pendingSheets(spreadsheet, write);
  if (block.part === 'lines') writeRows(sheets.lines!, block.from + 2, block.values);
  else writeBlock(sheets[block.part]!, block.from + 1, { values: block.values, formats: block.formats! });
  part.written += block.values.length;
  write.touchedAt = now;
  savePending(properties, write);
  return progressOf(write);
}

export function finishWriteById(spreadsheet: Spreadsheet, properties: Properties, id: string, language: Language): WriteResult {
  const write = liveWrite(spreadsheet, properties, id, language);
  if (!isComplete(write)) throw new RequestError(`the write is not complete: ${JSON.stringify(progressOf(write))}; send the rest before finishing`);
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
  recordRun(spreadsheet, properties, write, names);
  deletePending(properties, write.id);
  sheets.lines!.activate();
  return {
    outcome: 'written',
    sheetName: names.lines,
    summarySheetName: names.summary,
    ...(names.trueUp ? { trueUpSheetName: names.trueUp } : {}),
    message: write.message,
    lines: write.lines,
    ...(write.campaign !== undefined ? { campaign: write.campaign, run: write.runNumber } : {}),
  };
}

/** The sidebar gives up on a write (a block failed): its sheets go now, not when it turns stale. */
export function abandonWrite(spreadsheet: Spreadsheet, properties: Properties, id: string): void {
  const write = loadPending(properties, id);
  if (write) discardPending(spreadsheet, properties, write);
}

