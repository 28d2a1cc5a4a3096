/**
 * Approving a run and verifying approved runs (SPEC §7: "a run is draft until approved; approving
 * records who and when and a checksum of its content; a later approved run makes the earlier one
 * superseded. An approved run is never edited.").
 *
 * Approving a run: its sheets' checksum is recorded (register and document properties), a hidden
 * copy of each sheet is kept — so Verify can name every cell changed since, not only say that
 * something changed — and each sheet is protected twice over: the sheet restricted to the owner
 * and the approver (others cannot edit), and its cells warning-only (the owner, whom Google never
 * locks out, is warned before an edit). The campaign's previous approved run becomes superseded.
 */
import type { Language } from '../output/language';
import { runName } from '../output/runStatus';
import { approvalOf, runSheets, saveApproval, type Approval } from './campaigns';
import { campaignRuns, findRegister, writeRegisterRow, type RegisterRow } from './register';
import { changedCells, sheetsChecksum, type SheetChanges } from './sheetContent';
import { RequestError } from './validate';
import { gridCells } from './writer';
import { SHEETS_MAX_CELLS } from '../output/sheetSize';
import { groupedCount } from '../output/counts';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Properties = GoogleAppsScript.Properties.Properties;

export interface Approver {
  /** Who approves, as the run record names users (the temporary user key). */
  user: string;
  /** When, as the spreadsheet's time zone shows it. */
  at: string;
  language: Language;
  sha256: (text: string) => string;
}

export interface Approved {
  campaign: string;
  run: number;
  checksum: string;
  superseded?: number;
  /** False when others could not be taken off the editors (access through a group): then warning-only for all. */
  restricted: boolean;
  message: string;
}

const COPY_SUFFIX = { en: ' (approved copy)', zh: '（审批副本）' };

function protectionNote(language: Language, campaign: string, run: number): string {
  return language === 'zh' ? `活动“${campaign}”${runName(run, language)}：已审批，不得修改（核对：菜单“核对已审批的结算”）` : `${campaign} ${runName(run, language)}: approved, not to be edited (Verify from the add-on menu)`;
}

/**
 * Others off the sheet, the owner warned: a sheet protection restricted to the owner and the
 * approver, and a warning-only protection over every cell. Returns whether the restriction took.
 */
function protectApproved(sheet: Sheet, note: string): boolean {
  const protection = sheet.protect().setDescription(note);
  let restricted = true;
  try {
    // Neither the owner nor the current user can be removed, so this leaves exactly them.
    protection.removeEditors(protection.getEditors());
    if (protection.canDomainEdit()) protection.setDomainEdit(false);
  } catch (e) {
    // Google refuses when the approver's own access comes through a group: warn everyone instead.
    protection.setWarningOnly(true);
    restricted = false;
  }
  sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).protect().setDescription(note).setWarningOnly(true);
  return restricted;
}

function refuse(language: Language, en: string, zh: string): never {
  throw new RequestError(language === 'zh' ? zh : en);
}

/** Approves `row`, a draft of its campaign settled against the campaign's latest approved run. */
export function approveRun(spreadsheet: Spreadsheet, properties: Properties, rows: RegisterRow[], row: RegisterRow, approver: Approver): Approved {
  const { language, sha256 } = approver;
  const name = runName(row.run, language);
  if (row.status !== 'draft')
    refuse(language, `Run ${row.run} of "${row.campaign}" is ${row.status} already: only a draft can be approved.`, `活动“${row.campaign}”${name}的状态已是“${row.status === 'approved' ? '已审批' : '已被取代'}”：只有草稿可以审批。`);
  const latest = approvalOf(properties, row.campaign, sha256);
  const latestRun = latest ? latest.run : 0;
  if (latestRun !== row.against)
    refuse(
      language,
      `Run ${row.run} of "${row.campaign}" was settled against ${row.against ? `run ${row.against}` : 'no approved run'}, but the campaign's latest approved run is ${latestRun ? `run ${latestRun}` : 'none'} now: settle again, so the run trues up against it, and approve that.`,
      `活动“${row.campaign}”${name}是对照${row.against ? `第${row.against}次结算` : '无已审批结算'}结算的，但该活动现在最新的已审批结算是${latestRun ? `第${latestRun}次结算` : '无'}：请重新结算（与之对账）后再审批。`,
    );
  const present = runSheets(spreadsheet, row.sheetIds);
  if (present.some((sheet) => sheet === null))
    refuse(language, `A sheet of run ${row.run} of "${row.campaign}" has been deleted: it cannot be approved. Settle again.`, `活动“${row.campaign}”${name}的工作表已被删除，无法审批。请重新结算。`);
  const sheets = present as Sheet[];
  const copyCells = sheets.reduce((cells, sheet) => cells + sheet.getMaxRows() * sheet.getMaxColumns(), 0);
  if (gridCells(spreadsheet) + copyCells > SHEETS_MAX_CELLS)
    refuse(
      language,
      `Approval keeps a protected copy of the run's sheets (${groupedCount(copyCells)} cells), which would pass the spreadsheet's ${groupedCount(SHEETS_MAX_CELLS)} cells. Delete sheets you no longer need, then approve.`,
      `审批会保留该结算工作表的受保护副本（${groupedCount(copyCells)} 个单元格），将超过本表格 ${groupedCount(SHEETS_MAX_CELLS)} 个单元格的上限。请删除不再需要的工作表后再审批。`,
    );

  const checksum = sheetsChecksum(sheets, sha256);
  const note = protectionNote(language, row.campaign, row.run);
  const copies = sheets.map((sheet) => {
    const copy = sheet.copyTo(spreadsheet);
    let copyName = sheet.getName() + COPY_SUFFIX[language];
    for (let n = 2; spreadsheet.getSheetByName(copyName); n++) copyName = `${sheet.getName()}${COPY_SUFFIX[language]} ${n}`;
    copy.setName(copyName);
    copy.hideSheet();
    protectApproved(copy, note);
    return copy;
  });
  const restricted = sheets.map((sheet) => protectApproved(sheet, note)).every(Boolean);

  const approved: RegisterRow = { ...row, status: 'approved', approvedBy: approver.user, approvedAt: approver.at, checksum, copyIds: copies.map((copy) => copy.getSheetId()) };
  const register = findRegister(spreadsheet, properties);
  const superseded = latest ? campaignRuns(rows, row.campaign).find((r) => r.run === latest.run) : undefined;
  if (register) {
    writeRegisterRow(register, approved, language);
    if (superseded) writeRegisterRow(register, { ...superseded, status: 'superseded' }, language);
  }
  const approval: Approval = {
    campaign: row.campaign,
    run: row.run,
    checksum,
    sheetIds: row.sheetIds,
    copyIds: approved.copyIds,
    approvedAt: approver.at,
    approvedBy: approver.user,
    policy: row.policy,
    inputSha256: row.inputSha256,
    generatedAt: row.generatedAt,
  };
  saveApproval(properties, approval, sha256);
  const supersededText = superseded ? (language === 'zh' ? `第${superseded.run}次结算已被取代。` : ` Run ${superseded.run} is superseded.`) : '';
  const message =
    language === 'zh'
      ? `已审批活动“${row.campaign}”${name}，校验值 ${checksum.slice(0, 16)}…；其工作表已保护（其他人不可编辑，所有者编辑前会收到提示）。${supersededText}`
      : `Approved run ${row.run} of "${row.campaign}", checksum ${checksum.slice(0, 16)}…; its sheets are protected (others cannot edit, the owner is warned before an edit).${supersededText}`;
  return { campaign: row.campaign, run: row.run, checksum, superseded: superseded && superseded.run, restricted, message };
}

export interface SheetVerification {
  name: string;
  /** The sheet, or its approved copy, is gone. */
  missing?: 'sheet' | 'copy';
  changes?: SheetChanges;
}

export interface RunVerification {
  campaign: string;
  run: number;
  status: RegisterRow['status'];
  checksumApproved: string;
  /** null when a sheet is gone. */
  checksumNow: string | null;
  intact: boolean;
  sheets: SheetVerification[];
}

/** Every approved (and superseded) run: its checksum now against the approved one, and each cell changed since. */
export function verifyRuns(spreadsheet: Spreadsheet, properties: Properties, rows: RegisterRow[], sha256: (text: string) => string, listed: number): RunVerification[] {
  return rows
    .filter((row) => row.status !== 'draft')
    .map((row) => {
      // The latest approval's checksum is the one kept out of reach of cell edits; the register's for older runs.
      const approval = approvalOf(properties, row.campaign, sha256);
      const checksumApproved = approval && approval.run === row.run ? approval.checksum : row.checksum;
      const copyIds = approval && approval.run === row.run ? approval.copyIds : row.copyIds;
      const live = runSheets(spreadsheet, row.sheetIds);
      const sheets: SheetVerification[] = live.map((sheet, i) => {
        const copy = copyIds[i] === undefined ? null : spreadsheet.getSheetById(copyIds[i]);
        const name = sheet ? sheet.getName() : [row.linesSheet, row.summarySheet, row.trueUpSheet][i];
        if (!sheet) return { name, missing: 'sheet' };
        if (!copy) return { name, missing: 'copy' };
        return { name, changes: changedCells(sheet, copy, listed) };
      });
      const checksumNow = live.every((sheet) => sheet !== null) ? sheetsChecksum(live as Sheet[], sha256) : null;
      const intact = checksumNow === checksumApproved && sheets.every((s) => !s.missing && s.changes && s.changes.count === 0 && !s.changes.resized);
      return { campaign: row.campaign, run: row.run, status: row.status, checksumApproved, checksumNow, intact, sheets };
    });
}
