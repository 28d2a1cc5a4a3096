/**
 * `gmv-settle --engine duckdb`: the settlement of src/sql run inside embedded DuckDB, reading the
 * CSV or Parquet files directly. Rows DuckDB cannot type are read again by the default engine's
 * readers (duckdbRejects.ts), never dropped; the lines are written as CSV by DuckDB itself, and
 * as JSON or XLSX by the same writers as the default engine.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Policy } from '../core/policy';
import { TABLE_TEXT } from '../input/issueText';
import { settlementSql, type SettlementSql } from '../sql/settlementSql';
import { SQL_TEXT } from '../sql/sqlTexts';
import type { SqlStatement } from '../sql/statement';
import { UsageError, type CliRequest } from './args';
import { scriptOrUsageError } from './sqlCommand';
import { inspectInput, mapParquetColumns, type FileSource, type InputFile } from './duckdbFiles';
import { loadFile, type Loaded } from './duckdbLoad';
import { headingNotes, type LoaderIssue } from './duckdbRejects';
import { restoreWrittenValues } from './duckdbValues';

export interface DuckDbSession {
  connection: DuckDBConnection;
  sql: SettlementSql;
  files: InputFile[];
  policy: Policy;
  close(): void;
}

const LOADER_ISSUES = `CREATE OR REPLACE TEMP TABLE gmv_loader_issues (source VARCHAR, source_row BIGINT, seq BIGINT, merchant_id VARCHAR, value VARCHAR,
  message VARCHAR, message_zh VARCHAR, blocks_merchant BOOLEAN, rejects_row BOOLEAN)`;

/** A DuckDB error about a file's contents: the fast pass gives way to one that stores DuckDB's rejects. */
function isReadError(error: unknown): boolean {
  return /CSV Error|Conversion Error|Could not convert|Invalid Input Error: .*(line|CSV)/i.test((error as Error).message || '');
}

async function insertIssues(connection: DuckDBConnection, issues: LoaderIssue[]): Promise<void> {
  for (const i of issues)
    await connection.run('INSERT INTO gmv_loader_issues VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
      i.source, i.source_row, i.seq, i.merchant_id, i.value, i.message, i.message_zh, i.blocks_merchant, i.rejects_row,
    ]);
}

/** Runs one model; one whose `onlyIf` is false is made empty, with its columns, without reading its inputs. */
async function runModel(connection: DuckDBConnection, s: SettlementSql, statement: SqlStatement, files: InputFile[]): Promise<void> {
  const d = s.context.d;
  if (statement.onlyIf) {
    const reader = await connection.runAndReadAll(statement.onlyIf);
    if (reader.getRows()[0][0] !== true) {
      await connection.run(`${d.createTable(statement.name, true)} AS SELECT * FROM (${statement.body}) AS skipped LIMIT 0`);
      return;
    }
  }
  const started = performance.now();
  await connection.run(`${d.createTable(statement.name, true)} AS\n${statement.body}`);
  if (process.env.GMV_SETTLE_PROFILE) process.stderr.write(`${statement.name} ${((performance.now() - started) / 1000).toFixed(2)} s\n`);
  if (statement.name === 'gmv_checks') await refuseUnsettleable(connection);
  if (statement.name === 'gmv_issues') await restoreWrittenValues(connection, files);
}

/** What the SQL's guard stops a script for, said as the default engine says it. */
async function refuseUnsettleable(connection: DuckDBConnection): Promise<void> {
  const reader = await connection.runAndReadAll(
    'SELECT CAST(first_day AS VARCHAR), first_day_row, CAST(last_day AS VARCHAR), CAST(first_history_day AS VARCHAR), dated_rows, left_out_rows, uncertain_row FROM gmv_checks',
  );
  const [firstDay, firstDayRow, lastDay, firstHistoryDay, dated, leftOut, uncertain] = reader.getRowsJS()[0] as [string | null, number | bigint | null, string | null, string | null, bigint, bigint, string | null];
  const refuse = (text: { en: string; zh: string }) => new UsageError(text.en, text.zh);
  if (lastDay !== null && firstHistoryDay !== null && lastDay < firstHistoryDay) throw refuse(TABLE_TEXT.campaignBeforeHistory(lastDay, firstHistoryDay));
  if (dated > 0 && leftOut === dated) throw refuse(TABLE_TEXT.historyInsideCampaign(firstDay as string, Number(firstDayRow)));
  if (uncertain !== null) throw refuse(SQL_TEXT.uncertainId(uncertain));
}

/**
 * Loads the files and runs every model of the settlement; the caller reads the results and closes.
 * With `instance`, the session is a connection of it (temporary tables are per connection, so
 * sessions do not meet) and closing leaves the instance open: the tests settle many small cases
 * without paying for a new database each time.
 */
export async function settleInDuckDb(request: CliRequest, policy: Policy, instance?: DuckDBInstance): Promise<DuckDbSession> {
  const sources: [FileSource, string][] = [
    ['campaign', request.campaign],
    ['history', request.history],
    ...(request.targets ? [['targets', request.targets] as [FileSource, string]] : []),
  ];
  // One after the other, campaign first: a refusal names the table the default engine would name first.
  const files: InputFile[] = [];
  for (const [source, path] of sources) files.push(await inspectInput(source, path, policy.gmvBasis));
  const database = instance ?? (await DuckDBInstance.create(':memory:'));
  const connection = await database.connect();
  const close = () => {
    connection.closeSync();
    if (!instance) database.closeSync();
  };
  try {
    for (const file of files.filter((f) => f.format === 'parquet')) {
      const reader = await connection.runAndReadAll(`SELECT name FROM parquet_schema(${quote(file.path)}) WHERE name <> 'schema'`);
      mapParquetColumns(file, reader.getRowsJS().map((row) => String(row[0])), policy.gmvBasis);
    }
    const thresholds = (policy as Policy).tiers.map((tier) => tier.minGmvFen);
    const attempt = async (keepRejects: boolean) => {
      const loaded = await loadAll(connection, files, thresholds, keepRejects);
      const sql = scriptOrUsageError(() => settlementSql(policy, {
        dialect: 'duckdb',
        tables: { history: 'history', historyRows: 'history_rows', campaign: 'campaign', targets: request.targets ? 'targets' : undefined, loaderIssues: 'gmv_loader_issues' },
        columns: columnsOf(loaded),
      }));
      for (const model of sql.statements.filter((s) => s.kind === 'model')) await runModel(connection, sql, model, files);
      return sql;
    };
    let sql: SettlementSql;
    try {
      sql = await attempt(false);
    } catch (error) {
      if (!isReadError(error)) throw error;
      // A value DuckDB could not type: read again, keeping DuckDB's rejects, and start over.
      sql = await attempt(true);
    }
    return { connection, sql, files, policy, close };
  } catch (error) {
    close();
    throw error;
  }
}

async function loadAll(connection: DuckDBConnection, files: InputFile[], thresholds: number[], keepRejects: boolean): Promise<Loaded[]> {
  await connection.run(LOADER_ISSUES);
  const loaded: Loaded[] = [];
  for (const file of files) {
    loaded.push(await loadFile(connection, file, thresholds, keepRejects));
    await insertIssues(connection, headingNotes(file, thresholds));
  }
  for (const l of loaded) await insertIssues(connection, l.issues);
  return loaded;
}

function columnsOf(loaded: Loaded[]) {
  const has = (source: string, field: string) => !!loaded.find((l) => l.file.source === source)?.file.columns.some((c) => c.field === field);
  const targets = loaded.find((l) => l.file.source === 'targets');
  return {
    history: { merchantName: has('history', 'merchant_name'), refundAmount: has('history', 'refund_amount'), sourceRow: true, loaderVerdict: true },
    campaign: { merchantName: has('campaign', 'merchant_name'), adSpend: has('campaign', 'ad_spend'), refundAmount: has('campaign', 'refund_amount'), sourceRow: true, loaderVerdict: true },
    targets: targets
      ? { merchantName: has('targets', 'merchant_name'), tiers: [1, 2, 3].filter((n) => has('targets', `tier${n}`)), sourceRow: true, loaderVerdict: true }
      : undefined,
  };
}

export function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
