/**
 * The server functions of campaigns and runs (SPEC §7): approving the settlement on the active
 * sheet and verifying approved ones (menu items), what a new run of a campaign is settled
 * against (the sidebar's preview), and a run's statements and payout list sheets (the sidebar).
 * Each takes the document lock, as every write does, and checks what it is given.
 */
import type { Unchecked } from '../protocol/crossing';
import type { CampaignBasis, RunSheetRequest, RunSheetResult } from '../protocol/messages';
import { escapeHtml } from '../output/html';
import type { Language } from '../output/language';
import { runName } from '../output/runStatus';
import { approveRun, verifyRuns, type RunVerification } from './approval';
import { approvedBasis, nextRunNumber } from './campaigns';
import { requireAllScopes } from './consent';
import { userLanguage } from './messages';
import { writingRuns } from './pending';
import { readRegister, runOfSheet } from './register';
import { writePayoutList, writeStatements } from './runOutputs';
import { activeUser, appsScriptSha256, underDocumentLock } from './server';
import { checkCampaignName, checkRunSheetRequest, RequestError } from './validate';

/** Changed cells a Verify report names per sheet; the rest are counted. */
export const VERIFY_LISTED = 200;

function nowText(zone: string): string {
  return `${Utilities.formatDate(new Date(), zone, 'yyyy-MM-dd HH:mm:ss')} (${zone})`;
}

/**
 * Menu: approves the run whose lines, summary or true-up sheet is the active one. What stops an
 * approval (not a draft, trued up against a run that is no longer the latest approved, a sheet
 * deleted) is said in a dialog, not thrown as a script error.
 */
export function approveActiveSettlement(): string {
  requireAllScopes();
  const language = userLanguage();
  try {
    const message = underDocumentLock(language, (spreadsheet, properties) => {
      const rows = readRegister(spreadsheet, properties);
      const row = runOfSheet(rows, spreadsheet.getActiveSheet().getSheetId());
      if (!row)
        throw new RequestError(
          language === 'zh'
            ? '请先打开要审批的结算的明细、汇总或差额工作表，再从菜单选择“审批当前结算”。'
            : 'Open the lines, summary or true-up sheet of the settlement to approve, then choose Approve this settlement from the menu.',
        );
      const zone = spreadsheet.getSpreadsheetTimeZone();
      return approveRun(spreadsheet, properties, rows, row, { user: activeUser(language), at: nowText(zone), language, sha256: appsScriptSha256 }).message;
    });
    SpreadsheetApp.getActiveSpreadsheet().toast(message, 'GMV', 10);
    return message;
  } catch (error) {
    if (!(error instanceof RequestError)) throw error;
    SpreadsheetApp.getUi().alert(error.message);
    return error.message;
  }
}

export interface VerifyReport {
  runs: RunVerification[];
  message: string;
}

function verifyText(report: RunVerification[], language: Language): string {
  const zh = language === 'zh';
  if (report.length === 0) return zh ? '还没有已审批的结算。' : 'No settlement has been approved yet.';
  const changed = report.filter((run) => !run.intact);
  if (changed.length === 0) return zh ? `全部 ${report.length} 次已审批的结算自审批后未被修改。` : `All ${report.length} approved run(s) are unchanged since approval.`;
  return zh
    ? `${changed.length} 次已审批的结算在审批后被修改：${changed.map((run) => `“${run.campaign}”${runName(run.run, language)}`).join('、')}。`
    : `${changed.length} approved run(s) changed since approval: ${changed.map((run) => `"${run.campaign}" ${runName(run.run, language)}`).join(', ')}.`;
}

/** The report as a dialog: every run, and for a changed one each cell with what it held and holds; all text escaped. */
function verifyHtml(report: VerifyReport, language: Language): string {
  const zh = language === 'zh';
  const e = escapeHtml;
  const runs = report.runs
    .map((run) => {
      const head = `${run.campaign} · ${runName(run.run, language)} · ${run.intact ? (zh ? '未修改' : 'unchanged') : zh ? '已被修改' : 'CHANGED'}`;
      const checksum = zh ? `审批时校验值 ${run.checksumApproved}；现在 ${run.checksumNow || '（工作表缺失）'}` : `checksum at approval ${run.checksumApproved}; now ${run.checksumNow || '(a sheet is missing)'}`;
      const sheets = run.sheets
        .map((sheet) => {
          if (sheet.missing) return `<li>${e(sheet.name)}: ${e(sheet.missing === 'sheet' ? (zh ? '工作表已被删除' : 'the sheet was deleted') : zh ? '审批副本已被删除，无法逐格比对' : 'its approved copy was deleted: cells cannot be compared')}</li>`;
          const changes = sheet.changes!;
          if (changes.count === 0 && !changes.resized) return '';
          const cells = changes.changes.map((c) => `<li><code>${e(c.a1)}</code>: ${e(c.before || '∅')} → ${e(c.after || '∅')}</li>`).join('');
          const more = changes.count > changes.changes.length ? `<li>${e(zh ? `…另有 ${changes.count - changes.changes.length} 个单元格` : `… and ${changes.count - changes.changes.length} more cells`)}</li>` : '';
          const resized = changes.resized ? `<li>${e(zh ? `行列数已改变：${changes.resized}` : `rows or columns added or removed: ${changes.resized}`)}</li>` : '';
          return `<li>${e(sheet.name)}: ${e(zh ? `${changes.count} 个单元格被修改` : `${changes.count} cell(s) changed`)}<ul>${resized}${cells}${more}</ul></li>`;
        })
        .join('');
      return `<h3 class="${run.intact ? 'ok' : 'bad'}">${e(head)}</h3><p class="sum">${e(checksum)}</p>${sheets ? `<ul>${sheets}</ul>` : ''}`;
    })
    .join('');
  return `<!DOCTYPE html><html lang="${zh ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><style>body{font:13px/1.5 Arial,"Microsoft YaHei",sans-serif;margin:12px}h3{font-size:14px;margin:12px 0 2px}h3.bad{color:#c5221f}h3.ok{color:#188038}.sum{color:#5f6368;font-size:11px;word-break:break-all;margin:0}code{background:#f1f3f4}</style></head><body><p>${e(report.message)}</p>${runs}</body></html>`;
}

/** Menu: recomputes every approved run's checksum and lists each cell changed since approval. */
export function verifyApprovedSettlements(): VerifyReport {
  requireAllScopes();
  const language = userLanguage();
  const report = underDocumentLock(language, (spreadsheet, properties) => {
    const runs = verifyRuns(spreadsheet, properties, readRegister(spreadsheet, properties), appsScriptSha256, VERIFY_LISTED);
    return { runs, message: verifyText(runs, language) };
  });
  const output = HtmlService.createHtmlOutput(verifyHtml(report, language)).setWidth(640).setHeight(520);
  SpreadsheetApp.getUi().showModalDialog(output, language === 'zh' ? '核对已审批的结算' : 'Verify approved settlements');
  return report;
}

/** What the next run of a campaign is settled against, for the sidebar's preview of the true-up. */
export function getCampaignBasis(name: Unchecked<string>): CampaignBasis {
  const language = userLanguage();
  const campaign = checkCampaignName(name, language);
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const properties = PropertiesService.getDocumentProperties();
  const basis = approvedBasis(spreadsheet, properties, campaign, appsScriptSha256, language);
  const nextRun = nextRunNumber(readRegister(spreadsheet, properties), campaign, writingRuns(properties, campaign, Date.now()));
  if (!basis) return { campaign, nextRun };
  const a = basis.approval;
  return { campaign, nextRun, against: { run: a.run, checksum: a.checksum, policy: basis.previous.policy, inputSha256: a.inputSha256, generatedAt: a.generatedAt, lines: basis.records } };
}

export function writeStatementsSheet(request: Unchecked<RunSheetRequest>): RunSheetResult {
  requireAllScopes();
  const checked = checkRunSheetRequest(request);
  return underDocumentLock(checked.language, (spreadsheet, properties) => writeStatements(spreadsheet, properties, checked, appsScriptSha256));
}

export function writePayoutSheet(request: Unchecked<RunSheetRequest>): RunSheetResult {
  requireAllScopes();
  const checked = checkRunSheetRequest(request);
  return underDocumentLock(checked.language, (spreadsheet, properties) => writePayoutList(spreadsheet, properties, checked));
}
