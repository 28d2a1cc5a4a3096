/**
 * The functions the sidebar calls through google.script.run. Each re-checks its input (the
 * sidebar is not trusted), returns only JSON-safe values, and throws an Error whose message is
 * meant for the person at the sidebar.
 */
import type { Language } from '../core/reasons';
import { TableError } from '../input/tableError';
import { LINE_COLUMNS, MERCHANT_COLUMNS } from '../output/columns';
import { runSettlement, type SettlementRun } from '../output/run';
import { busyMessage, existsMessage, noDocumentMessage, tooLargeMessage, userLanguage, writtenMessage } from './messages';
import { buildPolicy, policySheetSummary } from './policySource';
import type { SettlementRequest, SidebarContext, WriteResult } from './protocol';
import { rangeCells, sourceTable, type RangeCell } from './ranges';
import { recallSettlement, rememberSettlement, runKey, nextSequence, saveSequence } from './records';
import { checkA1, checkSettlementRequest, RequestError } from './validate';
import { writeSettlementSheets } from './writer';
import { quoteSheetName } from '../output/a1';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** How long a second writer waits for the first to finish before being told to try again. */
export const LOCK_WAIT_MS = 30000;
/** Sheets holds 10 million cells per spreadsheet; leave room for what is already there. */
const MAX_SETTLEMENT_CELLS = 5000000;

/** SHA-256 as lower-case hex, by Apps Script's native digest (the pure one is ~100× slower there). */
export function appsScriptSha256(text: string): string {
  const bytes = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8);
  let hex = '';
  for (let i = 0; i < bytes.length; i++) hex += ((bytes[i] + 256) % 256).toString(16).padStart(2, '0');
  return hex;
}

/**
 * Who ran the settlement, for the run record: the signed-in user's address where Google shares
 * it (same Workspace domain), else the script's anonymous per-user key, so two runs by the same
 * person can still be told apart from runs by someone else. The add-on asks for no extra scope.
 */
function activeUser(): string {
  try {
    const email = Session.getActiveUser().getEmail();
    if (email) return email;
  } catch (e) {
    // not shared with this script: fall back to the anonymous key
  }
  try {
    const key = Session.getTemporaryActiveUserKey();
    return key ? `user key ${key}` : '';
  } catch (e) {
    return '';
  }
}

/** What the sidebar needs to start: language, the sheets it can read from, the Policy sheet. */
export function getSidebarContext(): SidebarContext {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheets = spreadsheet.getSheets().map((sheet) => {
    const name = sheet.getName();
    // getDataRange is A1 even on an empty sheet; getLastRow says 0 there.
    return { name, a1: `${quoteSheetName(name)}!${sheet.getDataRange().getA1Notation()}`, rows: sheet.getLastRow() };
  });
  const language = userLanguage();
  const policySheet = policySheetSummary(spreadsheet, language);
  return { language, sheets, ...(policySheet ? { policySheet } : {}) };
}

/** The cells of a sheet, named range or A1 range, JSON-safe: Dates arrive as "YYYY-MM-DD". */
export function readRangeCells(a1: unknown): RangeCell[][] {
  return rangeCells(SpreadsheetApp.getActiveSpreadsheet(), checkA1(a1));
}

function settle(request: SettlementRequest, spreadsheet: () => Spreadsheet): SettlementRun {
  try {
    const tables = {
      history: sourceTable(request.history, 'history', spreadsheet),
      campaign: sourceTable(request.campaign, 'campaign', spreadsheet),
      targets: request.targets ? sourceTable(request.targets, 'targets', spreadsheet) : undefined,
    };
    const policy = buildPolicy(request, spreadsheet);
    return runSettlement(tables, policy, { sha256: appsScriptSha256, user: activeUser() });
  } catch (e) {
    // A table that cannot be read at all (no GMV column, say) is the user's to fix, not a crash.
    if (e instanceof TableError) throw new RequestError(e.text(request.language));
    throw e;
  }
}

/** Runs `work` holding the document lock, so two sidebars cannot interleave or double a settlement. */
function underDocumentLock<T>(language: Language, work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock) throw new Error(noDocumentMessage());
  try {
    lock.waitLock(LOCK_WAIT_MS);
  } catch (e) {
    throw new Error(busyMessage(language));
  }
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}

/** Settles the request and writes it to new sheets, or says where the same settlement already is. */
export function writeSettlement(request: unknown): WriteResult {
  const checked = checkSettlementRequest(request);
  const language = checked.language;
  let cached: Spreadsheet | undefined;
  const spreadsheet = () => cached || (cached = SpreadsheetApp.getActiveSpreadsheet());

  // Reading and settling happen before taking the lock: they touch nothing shared.
  const run = settle(checked, spreadsheet);
  const lines = run.settlement.lines.length;
  const cells = (lines + 1) * LINE_COLUMNS.length + (run.settlement.merchants.length + run.read.issues.length + 40) * MERCHANT_COLUMNS.length;
  if (cells > MAX_SETTLEMENT_CELLS) throw new RequestError(tooLargeMessage(language, cells, MAX_SETTLEMENT_CELLS));
  const key = runKey(run.run.inputSha256, run.run.policy, appsScriptSha256);

  return underDocumentLock(language, () => {
    const ss = spreadsheet();
    const properties = PropertiesService.getDocumentProperties();
    const previous = recallSettlement(properties, key);
    if (previous) {
      const sheet = previous.sheetId !== undefined ? ss.getSheetById(previous.sheetId) : ss.getSheetByName(previous.sheetName);
      if (sheet) {
        if (previous.sheetId === undefined) rememberSettlement(properties, key, { ...previous, sheetId: sheet.getSheetId() });
        sheet.activate();
        const sheetName = sheet.getName();
        return { outcome: 'exists', sheetName, message: existsMessage(language, sheetName, previous.generatedAt), lines: previous.lines };
      }
    }
    const day = run.read.firstCampaignDay || run.run.generatedAt.slice(0, 10);
    const written = writeSettlementSheets(ss, run, language, day, nextSequence(properties, day));
    saveSequence(properties, day, written.sequence);
    rememberSettlement(properties, key, {
      sheetName: written.linesName,
      summaryName: written.summaryName,
      generatedAt: run.run.generatedAt,
      lines,
    });
    const totals = run.settlement.totals;
    return {
      outcome: 'written',
      sheetName: written.linesName,
      summarySheetName: written.summaryName,
      message: writtenMessage(language, { lines: written.linesName, summary: written.summaryName }, lines, totals.cashTotalFen, totals.blockedMerchants, run.read.issues.length),
      lines,
    };
  });
}
