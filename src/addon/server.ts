/**
 * The functions the sidebar calls through google.script.run. Each re-checks its input (the
 * sidebar is not trusted), returns only JSON-safe values, and throws an Error whose message is
 * meant for the person at the sidebar.
 */
import type { Language } from '../output/language';
import { TableError } from '../input/tableError';
import type { InputTables } from '../input/readInputs';
import { runSettlement, type SettlementRun } from '../run/runSettlement';
import { requireAllScopes } from './consent';
import { againstChangedMessage, busyMessage, interruptedRemovedMessage, noDocumentMessage, userLanguage } from './messages';
import { removeInterrupted, writingRuns } from './pending';
import { approvalOf, approvedBasis, defaultCampaign, nextRunNumber, type ApprovedBasis } from './campaigns';
import { readRegister, registerRuns } from './register';
import { policySheetSummary, requestPolicy } from './policySource';
import type { JsonCell, RowsBlock, SettlementRequest, SidebarContext, WriteProgress, WriteResult } from '../protocol/messages';
import { rangeCells, sourceTable } from './ranges';
import { runKey } from './records';
import { abandonWrite, finishWriteById, startWrite, writeRowsBlock } from './settlementWrite';
import { checkA1, checkRowsBlock, checkSettlementRequest, checkWriteId, RequestError } from './validate';
import type { Unchecked } from '../protocol/crossing';
import { gridCells } from './writer';
import { quoteSheetName } from '../output/a1';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** How long a second writer waits for the first to finish before being told to try again. */
export const LOCK_WAIT_MS = 30000;

/** SHA-256 as lower-case hex, by Apps Script's native digest (the pure one is ~100× slower there). */
export function appsScriptSha256(text: string): string {
  const bytes = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8);
  let hex = '';
  for (let i = 0; i < bytes.length; i++) hex += ((bytes[i] + 256) % 256).toString(16).padStart(2, '0');
  return hex;
}

/**
 * Who ran the settlement, for the run record: Apps Script's temporary key for the active user.
 * It tells one person's runs from another's (for 30 days, after which Google rotates it) without
 * saying who they are. The user's address would need the userinfo.email scope, which the add-on
 * does not ask for: it keeps to the two scopes it needs to work in this spreadsheet.
 */
export function activeUser(language: Language): string {
  const key = Session.getTemporaryActiveUserKey();
  if (!key) return '';
  return language === 'zh' ? `临时用户密钥 ${key}` : `temporary user key ${key}`;
}

/** What the sidebar needs to start: language, the sheets it can read from, the Policy sheet, the cells in use. */
export function getSidebarContext(): SidebarContext {
  requireAllScopes();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheets = spreadsheet.getSheets().map((sheet) => {
    const name = sheet.getName();
    // getDataRange is A1 even on an empty sheet; getLastRow says 0 there.
    return { name, a1: `${quoteSheetName(name)}!${sheet.getDataRange().getA1Notation()}`, rows: sheet.getLastRow() };
  });
  const language = userLanguage();
  const policySheet = policySheetSummary(spreadsheet, language);
  const runs = registerRuns(spreadsheet, PropertiesService.getDocumentProperties());
  return { language, sheets, cells: gridCells(spreadsheet), ...(policySheet ? { policySheet } : {}), runs };
}

/** The cells of a sheet, named range or A1 range, JSON-safe: Dates arrive as "YYYY-MM-DD". */
export function readRangeCells(a1: Unchecked<string>): JsonCell[][] {
  return rangeCells(SpreadsheetApp.getActiveSpreadsheet(), checkA1(a1));
}

/** The run's tables, as the request gives them; ranges read here, on the server. */
function requestTables(request: SettlementRequest, spreadsheet: () => Spreadsheet): InputTables {
  return {
    history: sourceTable(request.history, 'history', spreadsheet),
    campaign: sourceTable(request.campaign, 'campaign', spreadsheet),
    targets: request.targets ? sourceTable(request.targets, 'targets', spreadsheet) : undefined,
    holds: request.holds ? sourceTable(request.holds, 'holds', spreadsheet) : undefined,
  };
}

interface Settled {
  run: SettlementRun;
  tables: InputTables;
  campaign: string;
  basis?: ApprovedBasis;
}

/**
 * Settles the request as a run of its campaign (SPEC §7): against the campaign's latest approved
 * run, checked unchanged since approval and the one the preview used. A request without a
 * campaign name is settled once to learn the campaign's year, which names it.
 */
function settle(request: SettlementRequest, spreadsheet: () => Spreadsheet): Settled {
  const language = request.language;
  try {
    const tables = requestTables(request, spreadsheet);
    const policy = requestPolicy(request, spreadsheet);
    const options = { sha256: appsScriptSha256, user: activeUser(language) };
    const first = request.campaignName ? undefined : runSettlement(tables, policy, options);
    const campaign = request.campaignName || defaultCampaign(first!.read.firstCampaignDay, first!.record.generatedAt);
    const properties = PropertiesService.getDocumentProperties();
    const basis = approvedBasis(spreadsheet(), properties, campaign, appsScriptSha256, language);
    checkAgainst(request, campaign, basis);
    const run = first && !basis ? first : runSettlement(tables, policy, { ...options, previous: basis && basis.previous });
    run.record.campaign = campaign;
    return { run, tables, campaign, basis };
  } catch (e) {
    // A table that cannot be read at all (no GMV column, say) is the user's to fix, not a crash.
    if (e instanceof TableError) throw new RequestError(e.text(language));
    throw e;
  }
}

/** The preview was against the approved run there is now, or the write is refused (as with the Policy sheet). */
function checkAgainst(request: SettlementRequest, campaign: string, basis: ApprovedBasis | undefined): void {
  if (request.against === undefined) return;
  const previewed = request.against === null ? 0 : request.against.run;
  const now = basis ? basis.approval.run : 0;
  const sameChecksum = !basis || !request.against || request.against.checksum === basis.approval.checksum;
  if (previewed !== now || !sameChecksum) throw new RequestError(againstChangedMessage(request.language, campaign, previewed, now));
}

/**
 * Runs `work` holding the document lock, so two sidebars cannot interleave or double a
 * settlement. Pending writes are flushed before the lock goes, as Google's LockService guide
 * asks: otherwise the next holder could read the sheet before this one's changes are applied.
 */
export function underDocumentLock<T>(language: Language, work: (spreadsheet: Spreadsheet, properties: GoogleAppsScript.Properties.Properties) => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock) throw new Error(noDocumentMessage());
  try {
    lock.waitLock(LOCK_WAIT_MS);
  } catch (e) {
    throw new Error(busyMessage(language));
  }
  try {
    return work(SpreadsheetApp.getActiveSpreadsheet(), PropertiesService.getDocumentProperties());
  } finally {
    try {
      SpreadsheetApp.flush();
    } finally {
      lock.releaseLock();
    }
  }
}

/**
 * Settles the request and starts writing it to new sheets (finishing at once when it fits in
 * one call), or says where the same settlement already is.
 */
export function writeSettlement(request: Unchecked<SettlementRequest>): WriteResult {
  requireAllScopes();
  const checked = checkSettlementRequest(request);
  const language = checked.language;
  let cached: Spreadsheet | undefined;
  const spreadsheet = () => cached || (cached = SpreadsheetApp.getActiveSpreadsheet());

  // Reading and settling happen before taking the lock: they touch nothing shared.
  const { run, tables, campaign, basis } = settle(checked, spreadsheet);
  if (run.settlement.lines.length === 0) throw new RequestError(language === 'zh' ? '活动日数据中没有可结算的行。' : 'The campaign data has no lines to settle.');
  const against = basis ? basis.approval.run : 0;
  const key = runKey(tables, { policy: run.record.policy, campaign, against: basis ? basis.approval.checksum : '' }, appsScriptSha256);
  const user = Session.getTemporaryActiveUserKey();
  return underDocumentLock(language, (ss, properties) => {
    // An approval since the settling above changes what this run is a true-up against.
    const approvedNow = approvalOf(properties, campaign, appsScriptSha256);
    if ((approvedNow ? approvedNow.run : 0) !== against) throw new RequestError(againstChangedMessage(language, campaign, against, approvedNow ? approvedNow.run : 0));
    const runNumber = nextRunNumber(readRegister(ss, properties), campaign, writingRuns(properties, campaign, Date.now()));
    run.record.runNumber = runNumber;
    const zone = ss.getSpreadsheetTimeZone();
    const context = { time: { text: Utilities.formatDate(new Date(run.record.generatedAt), zone, 'yyyy-MM-dd HH:mm:ss'), zone }, status: 'draft' as const };
    return startWrite(ss, properties, { run, runKey: key, language, user, sha256: appsScriptSha256, now: Date.now(), campaign, runNumber, against, context });
  });
}

/** The next block of a write in progress (see settlementWrite.ts). */
export function writeSettlementRows(block: Unchecked<RowsBlock>): WriteProgress {
  const checked = checkRowsBlock(block);
  const language = userLanguage();
  return underDocumentLock(language, (ss, properties) => writeRowsBlock(ss, properties, checked, language, appsScriptSha256, Date.now()));
}

/** Formats, records and renames a write whose lines are all in. */
export function finishSettlementWrite(writeId: Unchecked<string>): WriteResult {
  const id = checkWriteId(writeId);
  const language = userLanguage();
  return underDocumentLock(language, (ss, properties) => finishWriteById(ss, properties, id, language));
}

/** The sidebar gives up on a write: its unfinished sheets are removed now. */
export function abandonSettlementWrite(writeId: Unchecked<string>): void {
  const id = checkWriteId(writeId);
  underDocumentLock(userLanguage(), (ss, properties) => abandonWrite(ss, properties, id));
}

/** Menu: removes the sheets that interrupted writes left behind; a write running now is left alone. */
export function removeInterruptedWrites(): string {
  requireAllScopes();
  const language = userLanguage();
  const message = underDocumentLock(language, (ss, properties) => {
    const cleanUp = removeInterrupted(ss, properties, Date.now());
    return interruptedRemovedMessage(language, cleanUp.removedSheets, cleanUp.inProgress.length);
  });
  SpreadsheetApp.getActiveSpreadsheet().toast(message, 'GMV', 8);
  return message;
}
