/**
 * Writes in progress. A settlement is written under temporary sheet names ("… (writing)") and
 * renamed only when every block is in, so a run that Apps Script kills at its time limit (no
 * catch, no finally runs) leaves sheets that say what they are. Each write keeps a record here,
 * written before its first sheet is inserted, so the next run knows whose sheets those are:
 *
 *   - a record nobody has touched for STALE_WRITE_MS is an interrupted write;
 *   - the same person starting the same settlement again means their last try failed;
 *   - a "(writing)" sheet of ours with no record left is debris of either.
 *
 * Those are removed by the next write or by the menu's "remove interrupted writes"; a write
 * another person is running now is left alone.
 */
import { STALE_WRITE_MS } from '../protocol/limits';
import { WRITING_SHEET } from './messages';
import { recallSettlement } from './records';

type Properties = GoogleAppsScript.Properties.Properties;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const PENDING_PREFIX = 'gmv-writing:';

/** A run's sheets: its lines and summary, and for a true-up (SPEC §7) the true-up sheet. */
export interface SheetPair<T> {
  lines: T;
  summary: T;
  trueUp?: T;
}

/** One part of a write (its lines, or its summary rows), sent in blocks after the call that starts. */
export interface PartState {
  total: number;
  written: number;
  perCall: number;
  /** Where the sidebar's blocks start: what the starting call wrote itself comes before. */
  first: number;
  /** SHA-256 of each block from `first`, perCall rows each. */
  hashes: string[];
}

export interface PendingWrite {
  id: string;
  runKey: string;
  /** The temporary user key of whoever started it. */
  user: string;
  /** Date.now() at the end of its last call. */
  touchedAt: number;
  lines: number;
  parts: { lines: PartState; summary: PartState; trueUp?: PartState };
  writingNames: SheetPair<string>;
  finalNames: SheetPair<string>;
  /** Known once the sheets are inserted. */
  sheetIds?: SheetPair<number>;
  language: 'zh' | 'en';
  generatedAt: string;
  /** What the sidebar shows when the write is done. */
  message: string;
  /** SPEC §7: the campaign, the run's number in it, and the run it is a true-up against (0: none). */
  campaign?: string;
  runNumber?: number;
  against?: number;
  /** The register's row for the run, written when it is finished (register.ts). */
  register?: PendingRegisterRow;
}

/** What the register records of a run, known when it starts (its sheets' names and ids come at the end). */
export interface PendingRegisterRow {
  generatedAt: string;
  user: string;
  inputSha256: string;
  policy: string;
  cashTotalFen: string;
  toPayFen: string;
  toRecoverFen: string;
}

/** Each sheet of a pair, the true-up's only where the run has one. */
export function eachOfPair<T>(pair: SheetPair<T>): T[] {
  return pair.trueUp === undefined ? [pair.lines, pair.summary] : [pair.lines, pair.summary, pair.trueUp];
}

export function savePending(properties: Properties, write: PendingWrite): void {
  properties.setProperty(PENDING_PREFIX + write.id, JSON.stringify(write));
}

export function loadPending(properties: Properties, id: string): PendingWrite | undefined {
  const text = properties.getProperty(PENDING_PREFIX + id);
  if (!text) return undefined;
  try {
    return JSON.parse(text) as PendingWrite;
  } catch (e) {
    return undefined;
  }
}

export function deletePending(properties: Properties, id: string): void {
  properties.deleteProperty(PENDING_PREFIX + id);
}

function allPending(properties: Properties): PendingWrite[] {
  const stored = properties.getProperties();
  return Object.keys(stored)
    .filter((name) => name.indexOf(PENDING_PREFIX) === 0)
    .map((name) => {
      try {
        return JSON.parse(stored[name]) as PendingWrite;
      } catch (e) {
        return { id: name.slice(PENDING_PREFIX.length), touchedAt: 0 } as PendingWrite; // damaged: stale
      }
    });
}

export function isLive(write: PendingWrite, now: number): boolean {
  return now - write.touchedAt < STALE_WRITE_MS;
}

/** The write's two sheets, by id once known, else by their temporary names. */
export function pendingSheets(spreadsheet: Spreadsheet, write: PendingWrite): SheetPair<Sheet | null> {
  const find = (id: number | undefined, name: string | undefined) =>
    id !== undefined ? spreadsheet.getSheetById(id) : name ? spreadsheet.getSheetByName(name) : null;
  const names = write.writingNames || ({} as Partial<SheetPair<string>>);
  const ids = write.sheetIds;
  const pair: SheetPair<Sheet | null> = { lines: find(ids && ids.lines, names.lines), summary: find(ids && ids.summary, names.summary) };
  if (names.trueUp !== undefined) pair.trueUp = find(ids && ids.trueUp, names.trueUp);
  return pair;
}

/** Removes a write's sheets and its record; what is already gone is skipped. */
export function discardPending(spreadsheet: Spreadsheet, properties: Properties, write: PendingWrite): number {
  const sheets = pendingSheets(spreadsheet, write);
  let removed = 0;
  eachOfPair(sheets).forEach((sheet) => {
    if (sheet && spreadsheet.getSheets().length > 1) {
      spreadsheet.deleteSheet(sheet);
      removed += 1;
    }
  });
  deletePending(properties, write.id);
  return removed;
}

export interface CleanUp {
  removedSheets: number;
  /** Writes other people are running now. */
  inProgress: PendingWrite[];
}

/**
 * Removes what interrupted writes left: stale writes, `restarted` (the same person's earlier
 * try at the same settlement), and "(writing)" sheets of ours that no live write owns. A write
 * that had already recorded its settlement when it was killed lost only its final rename: the
 * rename is done here instead, so the settlement is kept, not removed.
 */
export function removeInterrupted(
  spreadsheet: Spreadsheet,
  properties: Properties,
  now: number,
  restarted?: { user: string; runKey: string },
): CleanUp {
  let removedSheets = 0;
  const inProgress: PendingWrite[] = [];
  allPending(properties).forEach((write) => {
    const mine = restarted !== undefined && write.user === restarted.user && write.runKey === restarted.runKey;
    if (isLive(write, now) && !mine) return void inProgress.push(write);
    // Its sheets by id, or by their temporary names when the run died before their ids were saved.
    const recorded = write.runKey ? recallSettlement(properties, write.runKey) : undefined;
    const lines = pendingSheets(spreadsheet, write).lines;
    if (recorded && lines && lines.getSheetId() === recorded.sheetId) {
      renamePendingToFinal(spreadsheet, write);
      deletePending(properties, write.id);
    } else removedSheets += discardPending(spreadsheet, properties, write);
  });
  const owned = new Set<number | string>();
  inProgress.forEach((write) => {
    if (write.sheetIds) eachOfPair(write.sheetIds).forEach((id) => owned.add(id));
    if (write.writingNames) eachOfPair(write.writingNames).forEach((name) => owned.add(name));
  });
  spreadsheet.getSheets().forEach((sheet) => {
    const name = sheet.getName();
    if (!WRITING_SHEET.test(name) || owned.has(sheet.getSheetId()) || owned.has(name) || spreadsheet.getSheets().length <= 1) return;
    spreadsheet.deleteSheet(sheet);
    removedSheets += 1;
  });
  return { removedSheets, inProgress };
}

/** Gives a finished write's sheets their final names (a name taken meanwhile gets " (2)", …). */
export function renamePendingToFinal(spreadsheet: Spreadsheet, write: PendingWrite): SheetPair<string> {
  const sheets = pendingSheets(spreadsheet, write);
  const rename = (sheet: Sheet | null | undefined, name: string) => (sheet ? renameFree(spreadsheet, sheet, name) : name);
  const names: SheetPair<string> = { lines: rename(sheets.lines, write.finalNames.lines), summary: rename(sheets.summary, write.finalNames.summary) };
  if (write.finalNames.trueUp !== undefined) names.trueUp = rename(sheets.trueUp, write.finalNames.trueUp);
  return names;
}

function renameFree(spreadsheet: Spreadsheet, sheet: Sheet, name: string): string {
  for (let n = 1; n < 50; n++) {
    const candidate = n === 1 ? name : `${name} (${n})`;
    const holder = spreadsheet.getSheetByName(candidate);
    if (holder && holder.getSheetId() === sheet.getSheetId()) return candidate;
    if (!holder) {
      sheet.setName(candidate);
      return candidate;
    }
  }
  return sheet.getName();
}

/** The run numbers of a campaign's writes under way now: the next run is numbered after them too. */
export function writingRuns(properties: Properties, campaign: string, now: number): number[] {
  return allPending(properties)
    .filter((write) => isLive(write, now) && write.campaign === campaign && write.runNumber !== undefined)
    .map((write) => write.runNumber as number);
}
