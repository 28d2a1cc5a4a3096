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

export interface SheetPair<T> {
  lines: T;
  summary: T;
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
  parts: { lines: PartState; summary: PartState };
  writingNames: SheetPair<string>;
  finalNames: SheetPair<string>;
  /** Known once the sheets are inserted. */
  sheetIds?: SheetPair<number>;
  language: 'zh' | 'en';
  generatedAt: string;
  /** What the sidebar shows when the write is done. */
  message: string;
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
  return { lines: find(write.sheetIds && write.sheetIds.lines, names.lines), summary: find(write.sheetIds && write.sheetIds.summary, names.summary) };
}

/** Removes a write's sheets and its record; what is already gone is skipped. */
export function discardPending(spreadsheet: Spreadsheet, properties: Properties, write: PendingWrite): number {
  const sheets = pendingSheets(spreadsheet, write);
  let removed = 0;
  [sheets.lines, sheets.summary].forEach((sheet) => {
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
    if (write.sheetIds) owned.add(write.sheetIds.lines).add(write.sheetIds.summary);
    if (write.writingNames) owned.add(write.writingNames.lines).add(write.writingNames.summary);
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
  return {
    lines: sheets.lines ? renameFree(spreadsheet, sheets.lines, write.finalNames.lines) : write.finalNames.lines,
    summary: sheets.summary ? renameFree(spreadsheet, sheets.summary, write.finalNames.summary) : write.finalNames.summary,
  };
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
