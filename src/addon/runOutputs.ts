/**
 * A run's statements sheet and payout list sheet, made from the run's sheets as they are (read
 * back like a true-up reads an approved run), so what is sent to merchants is what the run
 * shows. A true-up's differences are recomputed from the lines of the run it was settled
 * against, by the same core rule. The statements sheet has one block per merchant, each starting
 * on a row of its own; Apps Script offers no call that sets a page break, so for a PDF per
 * merchant choose that merchant in the sidebar (one block on the sheet), or set custom page
 * breaks in File › Download › PDF (README).
 */
import { summariesOfLines } from '../core/summaries';
import { trueUp } from '../core/trueUp';
import { policyFromJson } from '../input/policyReader';
import type { Language } from '../output/language';
import { PAYOUT_COLUMNS, payoutRows } from '../output/payout';
import { runName } from '../output/runStatus';
import { stackBlocks, table, type SheetBlock } from '../output/sheetTables';
import { blockGrid } from '../output/sheetSize';
import { statementBlock, statementsOf, type StatementSource } from '../output/statement';
import type { RunSheetRequest, RunSheetResult } from '../protocol/messages';
import { policyChanges } from '../run/reSettle';
import { runSheets } from './campaigns';
import { campaignRuns, readRegister, type RegisterRow } from './register';
import { linesFromRecords, readLineRecords } from './runSheets';
import { sheetsChecksum } from './sheetContent';
import { RequestError } from './validate';
import { insertSizedSheet, writeBlock } from './writer';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Properties = GoogleAppsScript.Properties.Properties;
type Sha256 = (text: string) => string;

function findRun(rows: RegisterRow[], campaign: string, run: number, language: Language): RegisterRow {
  const row = campaignRuns(rows, campaign).find((r) => r.run === run);
  if (!row) throw new RequestError(language === 'zh' ? `登记簿中没有活动“${campaign}”的第${run}次结算。` : `The register has no run ${run} of "${campaign}".`);
  return row;
}

function linesOf(spreadsheet: Spreadsheet, row: RegisterRow, language: Language) {
  const sheets = runSheets(spreadsheet, row.sheetIds);
  const lines = sheets[0];
  if (!lines)
    throw new RequestError(language === 'zh' ? `活动“${row.campaign}”第${row.run}次结算的明细工作表已被删除。` : `The lines sheet of run ${row.run} of "${row.campaign}" has been deleted.`);
  return { sheets, lines: linesFromRecords(readLineRecords(lines, spreadsheet.getSpreadsheetTimeZone()), lines.getName()) };
}

/** The run as it stands on its sheets: lines, merchants, and for a true-up its differences. */
function runFromSheets(spreadsheet: Spreadsheet, rows: RegisterRow[], row: RegisterRow, language: Language) {
  const { sheets, lines } = linesOf(spreadsheet, row, language);
  const { merchants, totals } = summariesOfLines(lines);
  const base = row.against ? findRun(rows, row.campaign, row.against, language) : undefined;
  const read = policyFromJson(JSON.parse(row.policy || '{}'));
  const clawback = read.ok ? read.policy.clawback : true;
  const changes = base && read.ok ? policyChanges(JSON.parse(base.policy || '{}'), read.policy) : [];
  const differences = base && read.ok ? { ...trueUp(linesOf(spreadsheet, base, language).lines, lines, { clawback, policyChanged: changes.length > 0 }), policyChanges: changes } : undefined;
  return {
    sheets,
    run: {
      settlement: { lines, merchants, totals },
      trueUp: differences,
      previous: base ? { inputSha256: base.inputSha256, generatedAt: base.generatedAt, run: base.run } : undefined,
      record: { campaign: row.campaign, runNumber: row.run },
    },
  };
}

/** A new sheet at the end holding exactly `block`, under the first free name from `name`. */
function writeNewSheet(spreadsheet: Spreadsheet, name: string, block: SheetBlock): Sheet {
  let free = name;
  for (let n = 2; spreadsheet.getSheetByName(free); n++) free = `${name} (${n})`;
  const sheet = insertSizedSheet(spreadsheet, free, blockGrid(block), spreadsheet.getNumSheets());
  writeBlock(sheet, 1, block);
  sheet.activate();
  return sheet;
}

/** The statements sheet of a run: every merchant's block (or one merchant's), two blank rows apart. */
export function writeStatements(spreadsheet: Spreadsheet, properties: Properties, request: RunSheetRequest, sha256: Sha256): RunSheetResult {
  const { language } = request;
  const rows = readRegister(spreadsheet, properties);
  const row = findRun(rows, request.campaign, request.run, language);
  const { sheets, run } = runFromSheets(spreadsheet, rows, row, language);
  const statements = statementsOf(run, request.merchantId);
  if (statements.length === 0)
    throw new RequestError(language === 'zh' ? `该次结算中没有商家 ${request.merchantId}。` : `Merchant ${request.merchantId} is not in this run.`);
  const approved = row.status !== 'draft';
  const source: StatementSource = {
    campaign: row.campaign,
    run: row.run,
    generatedAt: row.generatedAt,
    inputSha256: row.inputSha256,
    checksum: approved ? row.checksum : sheetsChecksum(sheets.filter((s): s is Sheet => s !== null), sha256),
    checksumOf: approved
      ? language === 'zh' ? '审批时该次结算工作表内容的 SHA-256' : "SHA-256 of the run's sheets at approval"
      : language === 'zh' ? '草稿，尚未审批：当前工作表内容的 SHA-256' : "draft, not approved: SHA-256 of the run's sheets now",
  };
  const block = stackBlocks(statements.map((statement) => statementBlock(statement, source, language)), 2);
  const suffix = language === 'zh' ? (request.merchantId ? ` 对账单 ${request.merchantId}` : ' 对账单') : request.merchantId ? ` statement ${request.merchantId}` : ' statements';
  const sheet = writeNewSheet(spreadsheet, row.linesSheet + suffix, block);
  const name = sheet.getName();
  return {
    sheetName: name,
    rows: statements.length,
    message:
      language === 'zh'
        ? `已写入${runName(row.run, language)}的对账单（${statements.length} 个商家）：工作表“${name}”。打印为 PDF：文件 › 下载 › PDF。`
        : `Statements of ${runName(row.run, language)} for ${statements.length} merchant(s) written to sheet "${name}". For a PDF: File › Download › PDF.`,
  };
}

/** The payout list sheet of a run: what to upload for payment, summing to its to pay. */
export function writePayoutList(spreadsheet: Spreadsheet, properties: Properties, request: RunSheetRequest): RunSheetResult {
  const { language } = request;
  const rows = readRegister(spreadsheet, properties);
  const row = findRun(rows, request.campaign, request.run, language);
  const { run } = runFromSheets(spreadsheet, rows, row, language);
  const payouts = payoutRows(run);
  const sheet = writeNewSheet(spreadsheet, row.linesSheet + (language === 'zh' ? ' 发放清单' : ' payout list'), table(PAYOUT_COLUMNS, payouts, language));
  if (payouts.length > 0) sheet.setFrozenRows(1);
  const name = sheet.getName();
  return {
    sheetName: name,
    rows: payouts.length,
    message: language === 'zh' ? `已写入发放清单（${payouts.length} 行）：工作表“${name}”。` : `Payout list (${payouts.length} rows) written to sheet "${name}".`,
  };
}
