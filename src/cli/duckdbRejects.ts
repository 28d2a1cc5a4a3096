/**
 * Rows DuckDB could not type (its rejects table, `store_rejects`) are never dropped: each is read
 * again, on its own, by the default engine's readers, which say what is wrong with it in their
 * words and with its line number, exactly as the default engine would. What they read fine,
 * DuckDB could not: a value in the back-office grammar (12.3万, ¥1,234.50, full-width digits,
 * 2025/11/11), so the file is refused with a message naming the default engine.
 */
import type { InputIssue } from '../core/model';
import { readCampaign } from '../input/campaignReader';
import { forEachRecord } from '../input/delimited';
import { readHistory } from '../input/historyReader';
import type { Cell } from '../input/number';
import type { SourceReport } from '../input/report';
import type { Table } from '../input/table';
import { readTargets } from '../input/targetsReader';
import { refusal, type InputFile } from './duckdbFiles';

export interface RejectedLine {
  line: number;
  /** DuckDB's error types for the line: CAST, MISSING COLUMNS, TOO MANY COLUMNS, UNQUOTED VALUE, … */
  errorTypes: string[];
  /** The columns (0-based) DuckDB could not cast. */
  castColumns: number[];
  csvLine: string;
}

/** A row as the loader read it, for the SQL's tables (loader_verdict 'used' or 'rejected'). */
export interface LoaderRow {
  source_row: number;
  merchant_id: string | null;
  merchant_name: string | null;
  date: string | null;
  gmv_fen: number | null;
  ad_spend_fen: number | null;
  tiers_fen: (number | null)[];
  loader_verdict: 'used' | 'rejected';
}

export interface LoaderIssue {
  source: string;
  source_row: number;
  seq: number;
  merchant_id: string;
  value: string;
  message: string;
  message_zh: string;
  blocks_merchant: boolean;
  rejects_row: boolean;
}

/** A table of the header and one line, numbered as in the file, for the readers. */
function oneLine(file: InputFile, cells: Cell[][], row: number, problem: Parameters<Parameters<Table['eachRow']>[0]>[2]): Table {
  return {
    source: file.source,
    head: () => [file.header],
    eachRow(onRow) {
      onRow(file.header, 1);
      for (const record of cells) onRow(record, row, problem);
    },
    fingerprint: () => '',
  };
}

function issuesOf(file: InputFile, report: SourceReport, row: number, rejected: boolean): LoaderIssue[] {
  return report.issues.filter((issue) => issue.row === row).map((issue: InputIssue, seq) => loaderIssue(file, issue, seq, rejected));
}

export function loaderIssue(file: InputFile, issue: InputIssue, seq: number, rejected: boolean): LoaderIssue {
  return {
    source: file.source,
    source_row: issue.row,
    seq,
    merchant_id: issue.merchantId,
    value: issue.value,
    message: issue.message,
    message_zh: issue.messageZh,
    blocks_merchant: issue.blocksMerchant,
    rejects_row: rejected,
  };
}

/** The notes the readers make of the heading row (columns that name a field but are not used). */
export function headingNotes(file: InputFile, policyThresholdsFen: number[]): LoaderIssue[] {
  const table = oneLine(file, [], 0, undefined);
  const report = readLine(file, table, policyThresholdsFen).report;
  return report.issues.filter((issue) => issue.row === file.mapping.headerRowNumber).map((issue, seq) => loaderIssue(file, issue, seq, false));
}

function readLine(file: InputFile, table: Table, policyThresholdsFen: number[]) {
  if (file.source === 'campaign') {
    const read = readCampaign(table, file.mapping);
    return { report: read.report, campaign: read };
  }
  if (file.source === 'history') {
    const read = readHistory(table, file.mapping, undefined);
    return { report: read.report, history: read };
  }
  const read = readTargets(table, file.mapping, policyThresholdsFen);
  return { report: read.report, targets: read };
}

export function readRejectedLines(file: InputFile, lines: RejectedLine[], policyThresholdsFen: number[]): { rows: LoaderRow[]; issues: LoaderIssue[] } {
  const rows: LoaderRow[] = [];
  const issues: LoaderIssue[] = [];
  for (const rejected of lines) {
    const cells: Cell[][] = [];
    let problem: Parameters<Parameters<Table['eachRow']>[0]>[2];
    forEachRecord(rejected.csvLine.replace(/^[\r\n]+/, ''), file.delimiter, (fields, _row, recordProblem) => {
      cells.push(fields);
      problem = problem || recordProblem;
    });
    const record = cells.filter((c) => c.some((cell) => cell !== ''));
    const read = readLine(file, oneLine(file, record, rejected.line, problem), policyThresholdsFen);
    const report = read.report;
    if (report.read === 0) continue; // a line of spaces: blank, not a row
    const wasRejected = report.rejected > 0;
    if (report.uncertainRows.length > 0)
      throw refusal(file.path, `line ${rejected.line} has a merchant id the SQL engines cannot place for sure (${JSON.stringify(report.issues[0]?.value ?? '')})`, `第${rejected.line}行的商家ID无法确定属于哪个商家`);
    if (!wasRejected && rejected.castColumns.length > 0) {
      const column = rejected.castColumns[0];
      const value = record[0] ? String(record[0][column] ?? '') : '';
      throw refusal(
        file.path,
        `line ${rejected.line} has "${value}" in column "${file.header[column] ?? column + 1}", which the default engine reads but DuckDB's types do not (the back-office grammar: 万, ¥, full-width digits, 2025/11/11 …)`,
        `第${rejected.line}行「${file.header[column] ?? column + 1}」列的「${value}」是商家后台格式（万、¥、全角数字、2025/11/11 等），默认引擎可以读取，DuckDB 的类型无法读取`,
      );
    }
    issues.push(...issuesOf(file, report, rejected.line, wasRejected));
    rows.push(loaderRow(read, rejected.line, wasRejected));
  }
  return { rows, issues };
}

function loaderRow(read: ReturnType<typeof readLine>, row: number, rejected: boolean): LoaderRow {
  const verdict = rejected ? 'rejected' : 'used';
  const base = { source_row: row, merchant_id: null, merchant_name: null, date: null, gmv_fen: null, ad_spend_fen: null, tiers_fen: [], loader_verdict: verdict } as LoaderRow;
  if (read.campaign) {
    const day = read.campaign.days[0];
    if (!day) return base;
    return { ...base, merchant_id: day.merchantId, merchant_name: day.merchantName, date: day.date || null, gmv_fen: day.gmvFen, ad_spend_fen: day.adSpendFen };
  }
  if (read.history) {
    const [id, history] = Array.from(read.history.history.entries())[0] || [];
    if (id === undefined) return base;
    const name = read.history.names.get(id) ?? null;
    // A row the readers rejected counts as read and rejected only: no date, so it is no one's duplicate.
    if (rejected) return { ...base, merchant_id: id, merchant_name: name };
    return { ...base, merchant_id: id, merchant_name: name, date: read.history.firstDay ?? null, gmv_fen: history && history.days > 0 ? Number(history.sumFen) : null };
  }
  const targets = read.targets;
  if (!targets) return base;
  const [id] = Array.from(targets.rowOf.keys());
  if (id === undefined) return base;
  const own = targets.targets.get(id);
  return { ...base, merchant_id: id, merchant_name: targets.names.get(id) ?? null, tiers_fen: own ? [0, 1, 2].map((i) => own.thresholdsFen[i] ?? null) : [] };
}
