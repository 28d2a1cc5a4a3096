/**
 * What differs between DuckDB and BigQuery Standard SQL in the settlement, and nothing else: each
 * piece of SQL the rules need that the two spell differently is one function here. Money never
 * meets a binary float: fen are 64-bit integers, a rate times money is an exact NUMERIC
 * (BigQuery) or DECIMAL (DuckDB) product rounded half away from zero, and DuckDB's `/` (which
 * gives a DOUBLE on decimals) is never used.
 */
import type { Dec } from '../core/money';

export type DialectName = 'duckdb' | 'bigquery';

export interface Dialect {
  name: DialectName;
  int: string;
  text: string;
  bool: string;
  /** A money column of an output table: exact, two decimals. */
  money: string;
  /** A table reference, checked to be a plain (dotted) name: table names come from the command line. */
  table(name: string): string;
  /** A string literal holding exactly `text`. */
  literal(text: string): string;
  /** Integer division of non-negative integers. */
  div(a: string, b: string): string;
  /** A non-negative integer with thousands separators: 1234567 → "1,234,567". */
  grouped(a: string): string;
  /** Whether `text` contains a match of `pattern` (RE2 syntax, which both engines use). */
  contains(text: string, pattern: string): string;
  /** `text` with every match of `pattern` replaced by `replacement`. */
  replace(text: string, pattern: string, replacement: string): string;
  /** The date `days` days before `date`. */
  daysBefore(date: string, days: number): string;
  /** Stops the query with `message` (a string expression). */
  error(message: string): string;
  /** A rate as an exact decimal literal of its own scale. */
  rate(rate: Dec): string;
  /** The exact decimal type of rates with `scale` decimals. */
  decimal(scale: number): string;
  /** Integer fen times an exact rate, rounded half away from zero to whole fen. */
  mulRate(fen: string, rate: Dec): string;
  /** A decimal amount of CNY (NUMERIC, DECIMAL, or text holding one) to whole fen, half away from zero. */
  toFen(amount: string): string;
  /** Whole fen to an exact two-decimal amount. */
  fenAmount(fen: string): string;
  /** `CREATE TEMP TABLE` in the script, or a permanent table when the caller names one. */
  createTable(name: string, temporary: boolean): string;
}

/** Table names as BigQuery (project.dataset.table, project ids may hold '-') and DuckDB (schema.table) write them. */
const TABLE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]*(\.[A-Za-z0-9_][A-Za-z0-9_-]*){0,2}$/;

export class SqlNameError extends Error {}

function checkedName(name: string): string {
  if (!TABLE_NAME.test(name)) throw new SqlNameError(`"${name}" is not a table name: use letters, digits, _ and - in up to three dot-separated parts (project.dataset.table)`);
  return name;
}

/** The decimals a rate needs to be held exactly. */
function scaleOf(rate: Dec): number {
  return Math.max(rate.decimalPlaces(), 0);
}

export const duckdb: Dialect = {
  name: 'duckdb',
  int: 'BIGINT',
  text: 'VARCHAR',
  bool: 'BOOLEAN',
  money: 'DECIMAL(18, 2)',
  table: (name) =>
    checkedName(name)
      .split('.')
      .map((part) => `"${part}"`)
      .join('.'),
  literal: (text) => `'${text.replace(/'/g, "''")}'`,
  div: (a, b) => `((${a}) // (${b}))`,
  grouped: (a) => `format('{:,}', ${a})`,
  contains: (text, pattern) => `regexp_matches(${text}, ${duckdb.literal(pattern)})`,
  replace: (text, pattern, replacement) => `regexp_replace(${text}, ${duckdb.literal(pattern)}, ${duckdb.literal(replacement)}, 'g')`,
  daysBefore: (date, days) => `(${date} - ${days})`,
  error: (message) => `error(${message})`,
  rate: (rate) => {
    const scale = scaleOf(rate);
    if (scale > 18) throw new SqlNameError(`the rate ${rate.toString()} has more than 18 decimals, more than DuckDB's DECIMAL holds exactly`);
    return `CAST('${rate.toString()}' AS DECIMAL(18, ${scale}))`;
  },
  decimal: (scale) => `DECIMAL(18, ${scale})`,
  mulRate: (fen, rate) => (rate.isZero() ? '0' : `CAST(ROUND(CAST(${fen} AS DECIMAL(18, 0)) * ${duckdb.rate(rate)}, 0) AS BIGINT)`),
  // Exact on DECIMAL columns (the typed tables' NUMERIC), in 64-bit arithmetic up to 18 digits:
  // a cast to DECIMAL(38, 9) first was ten times slower on 3M rows (128-bit arithmetic).
  toFen: (amount) => `CAST(ROUND(${amount} * 100, 0) AS BIGINT)`,
  fenAmount: (fen) => `CAST(CAST(${fen} AS DECIMAL(18, 0)) * CAST('0.01' AS DECIMAL(3, 2)) AS DECIMAL(18, 2))`,
  createTable: (name, temporary) => (temporary ? `CREATE OR REPLACE TEMP TABLE ${name}` : `CREATE OR REPLACE TABLE ${duckdb.table(name)}`),
};

/** BigQuery string literal: backslash escapes, so a name or message can hold any character. */
function bigQueryLiteral(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
}

/** NUMERIC holds 9 decimals exactly; BIGNUMERIC 38, for a rate with more. */
function bigQueryDecimal(rate: Dec): string {
  const scale = scaleOf(rate);
  if (scale > 38) throw new SqlNameError(`the rate ${rate.toString()} has more than 38 decimals, more than BigQuery's BIGNUMERIC holds exactly`);
  return scale > 9 ? 'BIGNUMERIC' : 'NUMERIC';
}

export const bigquery: Dialect = {
  name: 'bigquery',
  int: 'INT64',
  text: 'STRING',
  bool: 'BOOL',
  money: 'NUMERIC',
  table: (name) => `\`${checkedName(name)}\``,
  literal: bigQueryLiteral,
  div: (a, b) => `DIV(${a}, ${b})`,
  grouped: (a) => `FORMAT("%'d", ${a})`,
  contains: (text, pattern) => `REGEXP_CONTAINS(${text}, ${bigQueryLiteral(pattern)})`,
  replace: (text, pattern, replacement) => `REGEXP_REPLACE(${text}, ${bigQueryLiteral(pattern)}, ${bigQueryLiteral(replacement)})`,
  daysBefore: (date, days) => `DATE_SUB(${date}, INTERVAL ${days} DAY)`,
  error: (message) => `ERROR(${message})`,
  rate: (rate) => `CAST('${rate.toString()}' AS ${bigQueryDecimal(rate)})`,
  decimal: (scale) => (scale > 9 ? 'BIGNUMERIC' : 'NUMERIC'),
  mulRate: (fen, rate) => (rate.isZero() ? '0' : `CAST(ROUND(CAST(${fen} AS ${bigQueryDecimal(rate)}) * ${bigquery.rate(rate)}) AS INT64)`),
  toFen: (amount) => `CAST(ROUND(CAST(${amount} AS NUMERIC) * 100) AS INT64)`,
  fenAmount: (fen) => `CAST(${fen} AS NUMERIC) * CAST('0.01' AS NUMERIC)`,
  createTable: (name, temporary) => (temporary ? `CREATE TEMP TABLE ${name}` : `CREATE OR REPLACE TABLE ${bigquery.table(name)}`),
};

export const DIALECTS: Record<DialectName, Dialect> = { duckdb, bigquery };

/**
 * Every function and type the BigQuery dialect of the settlement may use: a test parses the
 * generated SQL with a BigQuery parser and fails on anything outside this list, so FLOAT64 or a
 * function BigQuery does not have cannot slip in.
 */
export const BIGQUERY_ALLOWED = {
  functions: [
    'ABS', 'CAST', 'COALESCE', 'CONCAT', 'COUNT', 'COUNTIF', 'DATE_SUB', 'DIV', 'ERROR', 'FORMAT', 'GREATEST', 'IF', 'LOGICAL_OR',
    'LPAD', 'MAX', 'MIN', 'MOD', 'NULLIF', 'REGEXP_CONTAINS', 'REGEXP_REPLACE', 'ROUND', 'ROW_NUMBER', 'SUBSTR', 'SUM', 'TRIM',
  ],
  types: ['BIGNUMERIC', 'BOOL', 'DATE', 'INT64', 'NUMERIC', 'STRING'],
} as const;
