/**
 * `gmv-settle --engine duckdb|bigquery`: settle with an SQL engine, then report and write exactly
 * as the default engine does (stderr's mapping, counts and issues; CSV, JSON or XLSX by the same
 * writers). The DuckDB engine writes the CSV lines itself, with COPY.
 */
import { createHash } from 'node:crypto';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { isAscii } from 'node:buffer';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBInstance } from '@duckdb/node-api';
import type { Policy } from '../core/policy';
import { policyToJson } from '../input/policyReader';
import type { RunRecord, SettlementRun } from '../output/settledRun';
import { linesCsvSql } from '../sql/csvSql';
import { LINE_ORDER, LINE_ORDER_KEYS, outputs } from '../sql/outputsSql';
import { policyChoices } from '../sql/historySql';
import { settlementRunFromRows, type BaselineDaysRow, type SettlementRows } from '../sql/settlementRun';
import type { SqlStatement } from '../sql/statement';
import type { CliRequest } from './args';
import { settleInDuckDb, quote, type DuckDbSession } from './duckdbEngine';
import type { InputFile } from './duckdbFiles';
import { inputReport } from './inputReport';
import { bomFor, renderOutput, writeOutput } from './output';
import { currentUser, loadPolicy } from './settleFiles';
import { refuseSettlementBeyondXlsx } from './xlsxLimit';

type Tell = (text: string) => void;


/** The default engine's input hash (run/runSettlement inputFingerprint): each table's text, labelled with its name and length. */
function inputSha256(files: InputFile[]): string {
  const hash = createHash('sha256');
  for (const source of ['history', 'campaign', 'targets']) {
    const file = files.find((f) => f.source === source);
    if (!file) continue;
    const bytes = file.bytes ?? readFileSync(file.path);
    const text = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    // The text's length in UTF-16 code units, as JavaScript counts it; for ASCII, its bytes.
    const length = isAscii(text) ? text.length : text.toString('utf8').length;
    hash.update(`${source}\n${length}\n`).update(text).update('\n');
  }
  return hash.digest('hex');
}

/** As the default engine records it; always a first run (run 1), since --previous is the default engine's (args.ts). */
export function runRecord(policy: Policy, sha256: string, now: Date): RunRecord {
  return { policy: policyToJson(policy), inputSha256: sha256, generatedAt: now.toISOString(), user: currentUser(), runNumber: 1 };
}

async function rows<T>(session: DuckDbSession, sql: string): Promise<T[]> {
  const reader = await session.connection.runAndReadAll(sql);
  return reader.getRowObjectsJS() as unknown as T[];
}

const LINE_FIELDS = `merchant_id, merchant_name, CAST(date AS VARCHAR) AS date, gmv_fen, baseline_fen, incremental_fen, tier, ad_spend_fen, cashback_rate,
  cashback_fen, red_packet_coefficient, red_packet_fen, cash_total_fen, traffic_cap, traffic_granted, status, reason, reason_zh`;

/** The settlement read back from DuckDB's tables; the lines and merchants only when a writer needs them (CSV is the lines, written by DuckDB). */
async function readSettlement(session: DuckDbSession, withLines: boolean, now: Date): Promise<SettlementRun> {
  const output = (name: string) => outputs(session.sql.context).find((o) => o.name === name) as SqlStatement;
  const order = (name: string) => output(name).orderBy as string;
  const settlementRows: SettlementRows = {
    lines: withLines ? await rows(session, `SELECT ${LINE_FIELDS} FROM gmv_lines ORDER BY ${LINE_ORDER}`) : [],
    merchants: withLines ? await rows(session, `SELECT * FROM gmv_merchants ORDER BY ${order('settlement_merchants')}`) : [],
    totals: (await rows<SettlementRows['totals']>(session, 'SELECT * FROM gmv_totals'))[0],
    issues: await rows(session, `SELECT source, source_row, merchant_id, value, message, message_zh, blocks_merchant FROM gmv_issues ORDER BY ${order('settlement_issues')}`),
    counts: await rows(session, 'SELECT source, rows_read, rows_rejected FROM gmv_row_counts ORDER BY source_order'),
    firstCampaignDay: (await rows<{ day: string | null }>(session, 'SELECT CAST(first_day AS VARCHAR) AS day FROM gmv_campaign_start'))[0].day ?? undefined,
    baselineDays: policyChoices(session.sql.context) ? (await rows<BaselineDaysRow>(session, output('settlement_baseline_days').body))[0] : undefined,
  };
  const sha256 = withLines ? inputSha256(session.files) : '';
  return settlementRunFromRows(settlementRows, session.policy as Policy, ['history', 'campaign', 'targets'].flatMap((source) => session.files.filter((f) => f.source === source).map((f) => f.mapping)), runRecord(session.policy, sha256, now));
}

/** The lines as CSV, written by DuckDB: to --out directly, or through a temporary file to standard output. */
async function copyCsv(session: DuckDbSession, request: CliRequest): Promise<void> {
  const toFile = request.out !== undefined && !request.out.startsWith('/dev/');
  const select = linesCsvSql(session.sql.context, request.language, bomFor(request.out) !== undefined, LINE_ORDER_KEYS);
  const copy = (path: string) => session.connection.run(`COPY (${select}) TO ${quote(path)} (FORMAT csv, HEADER false, QUOTE '', ESCAPE '')`);
  if (toFile) return void (await copy(request.out as string));
  const dir = mkdtempSync(join(tmpdir(), 'gmv-settle-'));
  try {
    const path = join(dir, 'lines.csv');
    await copy(path);
    await writeOutput(request, readFileSync(path));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The whole settlement from DuckDB, as the JSON and XLSX writers take it (what --engine duckdb --format json renders). */
export async function duckDbSettlementRun(request: CliRequest, instance?: DuckDBInstance, now = new Date()): Promise<SettlementRun> {
  const session = await settleInDuckDb(request, await loadPolicy(request), instance);
  try {
    return await readSettlement(session, true, now);
  } finally {
    session.close();
  }
}

export async function runDuckDbEngine(request: CliRequest, tell: Tell, progress: Tell, instance?: DuckDBInstance): Promise<void> {
  const policy = await loadPolicy(request);
  progress('settling in DuckDB…');
  const session = await settleInDuckDb(request, policy, instance);
  try {
    const csv = request.format === 'csv';
    const run = await readSettlement(session, !csv, new Date());
    tell(inputReport(run, request.language));
    progress(`writing the lines as ${request.format}…`);
    if (csv) return await copyCsv(session, request);
    if (request.format === 'xlsx') refuseSettlementBeyondXlsx(run);
    await writeOutput(request, await renderOutput(run, request));
  } finally {
    session.close();
  }
}
