/**
 * One input file as the table the SQL reads (history, campaign, targets): DuckDB's own reader
 * types each column, and every row keeps the line number a spreadsheet shows for it (header =
 * row 1), counting the blank lines and rejected rows DuckDB does not return.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Field } from '../input/headers';
import type { InputFile } from './duckdbFiles';
import { readRejectedLines, type LoaderIssue, type LoaderRow, type RejectedLine } from './duckdbRejects';

export interface Loaded {
  file: InputFile;
  issues: LoaderIssue[];
}

/** The type DuckDB reads each field as: money exactly, to the fen (half away from zero on input, as SPEC §3 says). */
const TYPES: Partial<Record<Field | 'refund_amount', string>> = {
  merchant_id: 'VARCHAR',
  merchant_name: 'VARCHAR',
  date: 'DATE',
  gmv: 'DECIMAL(18, 2)',
  ad_spend: 'DECIMAL(18, 2)',
  refund_amount: 'DECIMAL(18, 2)',
  tier1: 'DECIMAL(18, 2)',
  tier2: 'DECIMAL(18, 2)',
  tier3: 'DECIMAL(18, 2)',
};

/** The fields each table of the SQL has, in the order its loader rows are written. */
const LOADED_FIELDS = ['merchant_id', 'merchant_name', 'date', 'gmv', 'ad_spend', 'refund_amount', 'tier1', 'tier2', 'tier3'] as const;

function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function readCsv(file: InputFile, keepRejects: boolean): string {
  const columns = file.columns.map((c) => `${quote(c.name)}: ${quote((c.field && TYPES[c.field]) || 'VARCHAR')}`).join(', ');
  const rejects = keepRejects ? `, store_rejects = true, rejects_table = 'gmv_rejects_${file.source}', rejects_scan = 'gmv_scan_${file.source}'` : '';
  return `read_csv(${quote(file.path)}, header = true, auto_detect = false, delim = ${quote(file.delimiter)}, quote = '"', escape = '"', columns = {${columns}}${rejects})`;
}

async function rejectedLines(connection: DuckDBConnection, source: string): Promise<RejectedLine[]> {
  const reader = await connection.runAndReadAll(
    `SELECT line, list(error_type), list(column_idx) FILTER (WHERE error_type = 'CAST'), any_value(csv_line) FROM gmv_rejects_${source} GROUP BY line ORDER BY line`,
  );
  return reader.getRowsJS().map((row) => ({
    line: Number(row[0]),
    errorTypes: (row[1] as string[]).map(String),
    castColumns: ((row[2] as bigint[] | null) || []).map((i) => Number(i) - 1),
    csvLine: String(row[3]),
  }));
}

/** The line of the k-th row DuckDB returns: k plus the lines before it that hold no row it returns (gaps). */
async function numbering(connection: DuckDBConnection, source: string, gaps: number[]): Promise<string> {
  const sorted = Array.from(new Set(gaps)).sort((a, b) => a - b);
  if (sorted.length === 1 && sorted[0] === 1) return 'rn + 1';
  // Gap j (1-based) at line g has g − j lines with rows before it; row k follows the last gap with fewer than k.
  await connection.run(`CREATE OR REPLACE TEMP TABLE gmv_gaps_${source} AS SELECT rows_before, MAX(gaps) AS gaps FROM (VALUES ${sorted
    .map((line, i) => `(${line - (i + 1)}, ${i + 1})`)
    .join(', ')}) AS g(rows_before, gaps) GROUP BY rows_before`);
  return `rn + (SELECT MAX(gaps) FROM gmv_gaps_${source} WHERE rows_before < rn)`;
}

async function insertRows(connection: DuckDBConnection, table: string, rows: LoaderRow[]): Promise<void> {
  for (const r of rows) {
    const money = (fen: number | null | undefined) => (fen === null || fen === undefined ? null : (fen / 100).toFixed(2));
    const values = [r.merchant_id, r.merchant_name, r.date, money(r.gmv_fen), money(r.ad_spend_fen), null, ...[0, 1, 2].map((i) => money(r.tiers_fen[i])), r.source_row, r.loader_verdict];
    await connection.run(`INSERT INTO ${table} VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')})`, values);
  }
}

export async function loadFile(connection: DuckDBConnection, file: InputFile, policyThresholdsFen: number[], keepRejects: boolean): Promise<Loaded> {
  const source = file.source;
  const loadedTable = `gmv_loaded_${source}`;
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${loadedTable} (merchant_id VARCHAR, merchant_name VARCHAR, date DATE, gmv DECIMAL(18, 2), ad_spend DECIMAL(18, 2),
    refund_amount DECIMAL(18, 2), tier1 DECIMAL(18, 2), tier2 DECIMAL(18, 2), tier3 DECIMAL(18, 2), source_row BIGINT, loader_verdict VARCHAR)`);
  let issues: LoaderIssue[] = [];
  let numbered: string;
  let unnumbered: string | undefined;
  if (file.format === 'parquet') {
    numbered = `(SELECT *, file_row_number + 2 AS source_row FROM read_parquet(${quote(file.path)}, file_row_number = true))`;
  } else if (keepRejects || source !== 'history') {
    // Read once into a table: its rows keep the file's order (rowid), and DuckDB's rejects are stored.
    await connection.run(`CREATE OR REPLACE TEMP TABLE gmv_read_${source} AS SELECT * FROM ${readCsv(file, keepRejects)}`);
    const rejected = keepRejects ? await rejectedLines(connection, source) : [];
    const read = readRejectedLines(file, rejected, policyThresholdsFen);
    await insertRows(connection, loadedTable, read.rows);
    issues = read.issues;
    const line = await numbering(connection, source, [1, ...file.blankLines, ...rejected.map((r) => r.line)]);
    numbered = `(SELECT *, ${line} AS source_row FROM (SELECT *, rowid + 1 AS rn FROM gmv_read_${source}) AS r)`;
  } else {
    // The history, the largest table by far, is read where it lies; a value DuckDB cannot type stops this pass.
    const line = await numbering(connection, source, [1, ...file.blankLines]);
    numbered = `(SELECT *, ${line} AS source_row FROM (SELECT *, row_number() OVER () AS rn FROM ${readCsv(file, false)}) AS r)`;
    unnumbered = `(SELECT *, CAST(NULL AS BIGINT) AS source_row FROM ${readCsv(file, false)})`;
  }
  // The history's first pass needs no row numbers, and numbering a file's rows is a window over all of them.
  await createView(connection, file, `${source}_rows`, numbered, loadedTable);
  await createView(connection, file, source, unnumbered ?? numbered, loadedTable);
  return { file, issues };
}

async function createView(connection: DuckDBConnection, file: InputFile, name: string, rows: string, loadedTable: string): Promise<void> {
  const fields = LOADED_FIELDS.filter((field) => file.columns.some((c) => c.field === field));
  const columnOf = (field: string) => (file.columns.find((c) => c.field === field) as { name: string }).name;
  const cast = (field: string) => (field === 'date' && file.format === 'parquet' ? `CAST(${ident(columnOf(field))} AS DATE)` : ident(columnOf(field)));
  await connection.run(`CREATE OR REPLACE TEMP VIEW ${name} AS
SELECT ${fields.map((f) => `${cast(f)} AS ${f}`).join(', ')}, source_row, CAST(NULL AS VARCHAR) AS loader_verdict FROM ${rows} AS numbered
UNION ALL
SELECT ${fields.join(', ')}, source_row, loader_verdict FROM ${loadedTable}`);
}

function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
