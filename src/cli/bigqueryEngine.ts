/**
 * `gmv-settle --engine bigquery`: the settlement of src/sql as one BigQuery job (a script) over
 * tables already in the warehouse, with application-default credentials. Into --destination
 * tables (which Connected Sheets shows in a sheet), or read back and written as the other
 * engines write. `--dry-run` prints the job configuration and the SQL, and needs no credentials.
 * Nothing in this project can reach BigQuery: the job configuration and the reading of results
 * are tested against a stand-in for the client, and the SQL with a BigQuery parser.
 */
import type { Policy } from '../core/policy';
import { decimalTextToFen } from '../core/money';
import { settlementSql, statementSql, type SettlementSql } from '../sql/settlementSql';
import type { SqlColumns } from '../sql/context';
import { policyChoices } from '../sql/historySql';
import { settlementRunFromRows, type SettlementRows } from '../sql/settlementRun';
import { UsageError, type BigQueryTarget, type CliRequest } from './args';
import { runRecord } from './engineRun';
import { inputReport } from './inputReport';
import { renderOutput, writeOutput } from './output';
import { loadPolicy } from './settleFiles';
import { scriptOrUsageError } from './sqlCommand';
import { refuseSettlementBeyondXlsx } from './xlsxLimit';

type Tell = (text: string) => void;

/** What this engine needs of @google-cloud/bigquery: a stand-in takes its place in tests. */
export interface BigQueryClient {
  columnsOf(table: string): Promise<string[]>;
  runScript(config: QueryJobConfig): Promise<{ jobId: string; bytesProcessed: string; results: Record<string, unknown>[][] }>;
}

export interface QueryJobConfig {
  query: string;
  useLegacySql: false;
  location?: string;
  labels: Record<string, string>;
}

/** The columns the SQL takes as optional, from what the tables have (a dry run assumes the README's layout). */
export function columnsFrom(names: Record<string, string[]>): SqlColumns {
  const has = (role: string, column: string) => (names[role] || []).includes(column);
  return {
    history: { merchantName: has('history', 'merchant_name'), refundAmount: has('history', 'refund_amount'), sourceRow: has('history', 'source_row') },
    campaign: { merchantName: has('campaign', 'merchant_name'), adSpend: has('campaign', 'ad_spend'), refundAmount: has('campaign', 'refund_amount'), sourceRow: has('campaign', 'source_row') },
    targets: { merchantName: has('targets', 'merchant_name'), tiers: [1, 2, 3].filter((n) => has('targets', `tier${n}`)), sourceRow: has('targets', 'source_row') },
  };
}

export const ASSUMED_COLUMNS: Record<string, string[]> = {
  history: ['merchant_id', 'date', 'gmv', 'refund_amount'],
  campaign: ['merchant_id', 'merchant_name', 'date', 'gmv', 'ad_spend', 'refund_amount'],
  targets: ['merchant_id', 'merchant_name', 'tier1', 'tier2', 'tier3'],
};

export function bigQuerySql(policy: Policy, target: BigQueryTarget, columns: Record<string, string[]>, language: 'en' | 'zh'): SettlementSql {
  const qualified = (name: string) => (name.split('.').length === 3 ? name : `${target.project}.${name.includes('.') ? name : `${target.dataset}.${name}`}`);
  return settlementSql(policy, {
    dialect: 'bigquery',
    tables: {
      history: qualified(target.tables.history),
      campaign: qualified(target.tables.campaign),
      targets: target.tables.targets ? qualified(target.tables.targets) : undefined,
    },
    columns: columnsFrom(columns),
    language,
    destination: target.destination,
  });
}

export function jobConfig(sql: SettlementSql, target: BigQueryTarget): QueryJobConfig {
  const script = sql.statements.map((s) => statementSql(sql.context, s)).join('\n\n');
  return { query: script, useLegacySql: false, location: target.location, labels: { tool: 'gmv-settle' } };
}

/** The client on application-default credentials, loaded only when a job really runs. */
async function realClient(target: BigQueryTarget): Promise<BigQueryClient> {
  const { BigQuery } = await import('@google-cloud/bigquery');
  const bigquery = new BigQuery({ projectId: target.project, location: target.location });
  // Credentials first: without them every call fails later with a network error that names neither the cause nor the fix.
  try {
    await bigquery.authClient.getAccessToken();
  } catch (error) {
    throw new UsageError(
      `--engine bigquery found no application-default credentials (${(error as Error).message.split('. ')[0]}): run \`gcloud auth application-default login\`, or set GOOGLE_APPLICATION_CREDENTIALS to a service-account key file; --dry-run prints the job and its SQL without credentials`,
      `--engine bigquery 找不到应用默认凭据（${(error as Error).message.split('. ')[0]}）：请运行 \`gcloud auth application-default login\`，或把 GOOGLE_APPLICATION_CREDENTIALS 设为服务账号密钥文件；--dry-run 无需凭据即可打印作业配置和 SQL`,
    );
  }
  return {
    async columnsOf(table) {
      const [dataset, name] = table.split('.').slice(-2);
      const project = table.split('.').length === 3 ? table.split('.')[0] : target.project;
      const [metadata] = await bigquery.dataset(dataset, { projectId: project }).table(name).getMetadata();
      return ((metadata.schema && metadata.schema.fields) || []).map((f: { name: string }) => f.name);
    },
    async runScript(config) {
      const [job] = await bigquery.createQueryJob(config);
      await job.promise();
      const [metadata] = await job.getMetadata();
      // A script's SELECTs are its child jobs; each one's rows are an output (the guard's 'ok' among them).
      const [children] = await bigquery.getJobs({ parentJobId: job.id, allUsers: false });
      const results: Record<string, unknown>[][] = [];
      for (const child of children.reverse()) {
        if (child.metadata?.statistics?.query?.statementType !== 'SELECT') continue;
        const [rows] = await child.getQueryResults({ autoPaginate: true });
        results.push(rows as Record<string, unknown>[]);
      }
      return { jobId: String(job.id), bytesProcessed: String(metadata.statistics?.totalBytesProcessed ?? '0'), results };
    },
  };
}

/** A BigQuery value as text: NUMERIC comes as a big-number object, DATE as { value }. */
function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'value' in (value as object)) return String((value as { value: unknown }).value);
  return String(value);
}
const fen = (value: unknown) => (value === null || value === undefined ? null : decimalTextToFen(text(value)));
const int = (value: unknown) => Number(text(value) || 0);

/** The outputs read back (lines by their line_number column, merchants by days, totals by rows_read, issues by message). */
export function rowsFromResults(results: Record<string, unknown>[][]): SettlementRows {
  const find = (column: string) => results.find((rows) => rows.length > 0 && column in rows[0]) || [];
  const totals = find('rows_read')[0] || {};
  const baseline = find('left_out_by_window')[0]; // SPEC §8, with a baseline window or excluded dates only
  return {
    lines: find('line_number').map((l) => ({
      merchant_id: text(l.merchant_id), merchant_name: text(l.merchant_name), date: l.date ? text(l.date) : null, gmv_fen: fen(l.gmv), baseline_fen: fen(l.baseline_avg),
      incremental_fen: fen(l.incremental_gmv) ?? 0, tier: int(l.tier), ad_spend_fen: fen(l.ad_spend) ?? 0, cashback_rate: text(l.cashback_rate) || '0', cashback_fen: fen(l.cashback) ?? 0,
      red_packet_coefficient: text(l.red_packet_coefficient) || '0', red_packet_fen: fen(l.red_packet) ?? 0, cash_total_fen: fen(l.cash_total) ?? 0, traffic_cap: int(l.traffic_cap),
      traffic_granted: int(l.traffic_granted), status: text(l.status), reason: text(l.reason), reason_zh: text(l.reason),
    })),
    merchants: find('days').map((m) => ({
      merchant_id: text(m.merchant_id), merchant_name: text(m.merchant_name), status: text(m.status), days: int(m.days), qualified_days: int(m.qualified_days), best_tier: int(m.best_tier),
      cashback_fen: fen(m.cashback) ?? 0, red_packet_fen: fen(m.red_packet) ?? 0, cash_total_fen: fen(m.cash_total) ?? 0, traffic_granted: int(m.traffic_granted),
    })),
    totals: {
      merchants: int(totals.merchants), blocked_merchants: int(totals.blocked_merchants), qualified_merchants: int(totals.qualified_merchants), cashback_fen: fen(totals.cashback) ?? 0,
      red_packet_fen: fen(totals.red_packet) ?? 0, cash_total_fen: fen(totals.cash_total) ?? 0, traffic_granted: int(totals.traffic_granted),
    },
    issues: find('message').map((i) => ({ source: text(i.source), source_row: i.row === null || i.row === undefined ? null : int(i.row), merchant_id: text(i.merchant_id), value: text(i.value), message: text(i.message), message_zh: text(i.message), blocks_merchant: false })),
    counts: [{ source: 'all', rows_read: int(totals.rows_read), rows_rejected: int(totals.rows_rejected) }],
    baselineDays: baseline && {
      window_from: baseline.window_from ? text(baseline.window_from) : null, window_to: baseline.window_to ? text(baseline.window_to) : null,
      left_out_by_window: int(baseline.left_out_by_window), left_out_by_exclusion: int(baseline.left_out_by_exclusion),
    },
  };
}

export async function runBigQueryEngine(request: CliRequest, tell: Tell, progress: Tell, client?: BigQueryClient): Promise<void> {
  const target = request.bigquery as BigQueryTarget;
  const policy = await loadPolicy({ ...request, targets: target.tables.targets });
  // JSON keeps English messages, its contract; CSV and XLSX follow --lang.
  const language = request.format === 'json' ? 'en' : request.language;
  if (target.dryRun) {
    const sql = scriptOrUsageError(() => jobConfig(bigQuerySql(policy, target, ASSUMED_COLUMNS, language), target).query);
    const config = { projectId: target.project, configuration: { query: { ...jobConfig(bigQuerySql(policy, target, ASSUMED_COLUMNS, language), target), query: '(the SQL below)' } } };
    await writeOutput(request, `${JSON.stringify(config, null, 2)}\n\n${sql}`);
    return;
  }
  const bigquery = client || (await realClient(target));
  // What BigQuery answers (no such table, no access, no network) is for the user to fix, not a bug here.
  const ask = async <T>(what: string, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      throw new UsageError(`BigQuery (${what}): ${(error as Error).message}`, `BigQuery（${what}）：${(error as Error).message}`);
    }
  };
  const roles = Object.keys(target.tables);
  const columns: Record<string, string[]> = {};
  for (const role of roles) {
    const table = target.tables[role].includes('.') ? target.tables[role] : `${target.dataset}.${target.tables[role]}`;
    columns[role] = await ask(`reading the columns of ${table}`, () => bigquery.columnsOf(table));
  }
  const config = scriptOrUsageError(() => jobConfig(bigQuerySql(policy, target, columns, language), target));
  progress('running the BigQuery job…');
  const result = await ask('the settlement job', () => bigquery.runScript(config));
  tell(`BigQuery job ${result.jobId}: ${Number(result.bytesProcessed).toLocaleString('en-US')} bytes processed\n`);
  if (target.destination) {
    tell(`settlement written to ${target.destination} (and ${target.destination}_merchants, _totals, _issues${policyChoices({ policy }) ? ', _baseline_days' : ''})\n`);
    return;
  }
  const run = settlementRunFromRows(rowsFromResults(result.results), policy as Policy, [], runRecord(policy, '', new Date()));
  tell(inputReport(run, request.language));
  if (request.format === 'xlsx') refuseSettlementBeyondXlsx(run);
  await writeOutput(request, await renderOutput(run, request));
}
