/**
 * A campaign's state (SPEC §7): the number its next run gets, and its latest approved run, which
 * a new run is a true-up against. The latest approval of each campaign is kept in the document
 * properties (one small record per campaign, so the store stays bounded), out of reach of cell
 * edits; a true-up is only made against an approved run whose sheets still have the checksum
 * they were approved with — an edited approved settlement is found, never trusted.
 */
import type { PreviousRun } from '../input/previousRun';
import type { Language } from '../output/language';
import { runName } from '../output/runStatus';
import type { LineRecord } from '../protocol/messages';
import { campaignRuns, type RegisterRow, type SheetIds } from './register';
import { linesFromRecords, readLineRecords } from './runSheets';
import { sheetsChecksum } from './sheetContent';
import { RequestError } from './validate';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Properties = GoogleAppsScript.Properties.Properties;
type Sha256 = (text: string) => string;

const APPROVAL_PREFIX = 'gmv-approved:';

/** What the document properties keep of a campaign's latest approved run. */
export interface Approval {
  campaign: string;
  run: number;
  checksum: string;
  sheetIds: SheetIds;
  copyIds: number[];
  approvedAt: string;
  approvedBy: string;
  policy: string;
  inputSha256: string;
  generatedAt: string;
}

/** The property key of a campaign: a name of any length in a key of fixed size. */
function approvalKey(campaign: string, sha256: Sha256): string {
  return APPROVAL_PREFIX + sha256(campaign).slice(0, 32);
}

export function approvalOf(properties: Properties, campaign: string, sha256: Sha256): Approval | undefined {
  const text = properties.getProperty(approvalKey(campaign, sha256));
  if (!text) return undefined;
  try {
    const approval = JSON.parse(text) as Approval;
    return approval.campaign === campaign ? approval : undefined;
  } catch (e) {
    return undefined;
  }
}

export function saveApproval(properties: Properties, approval: Approval, sha256: Sha256): void {
  properties.setProperty(approvalKey(approval.campaign, sha256), JSON.stringify(approval));
}

/** The run's sheets by id, in checksum order; null for one that is gone. */
export function runSheets(spreadsheet: Spreadsheet, ids: SheetIds): (Sheet | null)[] {
  const list = [ids.lines, ids.summary].concat(ids.trueUp === undefined ? [] : [ids.trueUp]);
  return list.map((id) => (id === undefined ? null : spreadsheet.getSheetById(id)));
}

/** The default campaign of a run with no name given: the programme's name and the campaign's year. */
export function defaultCampaign(firstCampaignDay: string | undefined, generatedAt: string): string {
  return `双11登峰激励 ${(firstCampaignDay || generatedAt).slice(0, 4)}`;
}

/** The next run's number: after every run the register has and every run being written now. */
export function nextRunNumber(rows: RegisterRow[], campaign: string, writing: number[]): number {
  return Math.max(0, ...campaignRuns(rows, campaign).map((row) => row.run), ...writing) + 1;
}

export interface ApprovedBasis {
  approval: Approval;
  records: LineRecord[];
  previous: PreviousRun;
}

function edited(language: Language, approval: Approval, what: 'edited' | 'gone'): RequestError {
  const run = runName(approval.run, language);
  if (what === 'gone')
    return new RequestError(
      language === 'zh'
        ? `活动“${approval.campaign}”已审批的${run}的工作表已被删除，无法与其对账。请从菜单“核对已审批的结算”查看。`
        : `The sheets of approved ${run} of "${approval.campaign}" have been deleted, so nothing can be trued up against it. See the menu's Verify approved settlements.`,
    );
  return new RequestError(
    language === 'zh'
      ? `活动“${approval.campaign}”已审批的${run}在审批后被修改过（校验值不再一致），不能作为对账依据。请从菜单“核对已审批的结算”查看被改动的单元格。`
      : `Approved ${run} of "${approval.campaign}" has been edited since it was approved (its checksum no longer matches), so it is not trusted for a true-up. Use the menu's Verify approved settlements to see the changed cells.`,
  );
}

/**
 * The campaign's latest approved run as a true-up needs it, checked: its sheets there and
 * unchanged since approval; undefined when the campaign has no approved run.
 */
export function approvedBasis(spreadsheet: Spreadsheet, properties: Properties, campaign: string, sha256: Sha256, language: Language): ApprovedBasis | undefined {
  const approval = approvalOf(properties, campaign, sha256);
  if (!approval) return undefined;
  const sheets = runSheets(spreadsheet, approval.sheetIds);
  if (sheets.some((sheet) => sheet === null)) throw edited(language, approval, 'gone');
  if (sheetsChecksum(sheets as Sheet[], sha256) !== approval.checksum) throw edited(language, approval, 'edited');
  const records = readLineRecords(sheets[0] as Sheet, spreadsheet.getSpreadsheetTimeZone());
  const name = (sheets[0] as Sheet).getName();
  return {
    approval,
    records,
    previous: {
      lines: linesFromRecords(records, name),
      policy: JSON.parse(approval.policy),
      inputSha256: approval.inputSha256,
      generatedAt: approval.generatedAt,
      campaign,
      run: approval.run,
    },
  };
}
