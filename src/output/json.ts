/**
 * The settlement as the JSON `gmv-settle --format json` prints (README: "JSON output"): as one
 * object for code that wants it, and as the same text in chunks for the CLI, which must write
 * reports far larger than one JavaScript string can hold.
 */
import type { Dec } from '../core/money';
import { fenToText } from '../core/money';
import { Column, ColumnKind, CellValue, isRate, ISSUE_COLUMNS, LINE_COLUMNS, MERCHANT_COLUMNS, totalItems } from './tables';
import type { SettlementRun } from './settledRun';

type JsonScalar = string | number | null;

/** Money and rates as exact decimal strings, counts as integers, unknown as null. */
export function jsonValue(kind: ColumnKind, value: CellValue): JsonScalar {
  if (value === null) return null;
  if (kind === 'money') return fenToText(value as number);
  if (isRate(kind)) return (value as Dec).toString();
  return value as string | number;
}

/** A table with its row type erased, so the lines, merchants and issues go through one loop. */
interface JsonTable {
  columns: Column<unknown>[];
  rows: unknown[];
}

function jsonTable<T>(columns: Column<T>[], rows: T[]): JsonTable {
  // Sound: each column is only ever given rows of its own table.
  return { columns: columns as unknown as Column<unknown>[], rows };
}

type Member = { key: string; table: JsonTable } | { key: string; object: object };

/** The document's members, declared once for both writers: tables become arrays of objects. */
function reportMembers(result: SettlementRun): Member[] {
  const totals: Record<string, JsonScalar> = {};
  totalItems(result).forEach((t) => (totals[t.key] = jsonValue(t.kind, t.value)));
  return [
    { key: 'lines', table: jsonTable(LINE_COLUMNS, result.settlement.lines) },
    { key: 'merchants', table: jsonTable(MERCHANT_COLUMNS, result.settlement.merchants) },
    { key: 'totals', object: totals },
    { key: 'issues', table: jsonTable(ISSUE_COLUMNS, result.read.issues) },
    {
      key: 'run',
      object: {
        policy: result.record.policy,
        input_sha256: result.record.inputSha256,
        generated_at: result.record.generatedAt,
      },
    },
  ];
}

function tableToJson({ columns, rows }: JsonTable): Record<string, JsonScalar>[] {
  return rows.map((row) => {
    const out: Record<string, JsonScalar> = {};
    columns.forEach((c) => (out[c.key] = jsonValue(c.kind, c.value(row, 'en'))));
    return out;
  });
}

/** Rows of any declared table as JSON objects keyed by the columns' keys (the what-if tables, say). */
export function jsonRows<T>(columns: Column<T>[], rows: T[]): Record<string, JsonScalar>[] {
  return tableToJson(jsonTable(columns, rows));
}

export function toJsonReport(result: SettlementRun) {
  const report: Record<string, unknown> = {};
  for (const member of reportMembers(result)) report[member.key] = 'table' in member ? tableToJson(member.table) : member.object;
  return report as {
    lines: Record<string, JsonScalar>[];
    merchants: Record<string, JsonScalar>[];
    totals: Record<string, JsonScalar>;
    issues: Record<string, JsonScalar>[];
    run: { policy: SettlementRun["record"]["policy"]; input_sha256: string; generated_at: string };
  };
}

/** About a megabyte of text per chunk: few writes, and never much of the report in memory. */
const CHUNK_CHARS = 1 << 20;

/**
 * Exactly the text of `JSON.stringify(toJsonReport(result), null, 2) + '\n'`, in chunks of about
 * `chunkChars` characters that end between two rows. A million lines make ~700 MB of JSON, more
 * than the longest string V8 can build (~512 MB: "Invalid string length"); as one string it also
 * took a gigabyte of memory at 300k lines. Row objects are never built: each row is written from
 * the column table straight to text, in the layout JSON.stringify gives at this depth.
 */
export function* jsonReportChunks(result: SettlementRun, chunkChars = CHUNK_CHARS): Generator<string> {
  let chunk = '{';
  const members = reportMembers(result);
  for (let m = 0; m < members.length; m++) {
    const member = members[m];
    chunk += `${m === 0 ? '' : ','}\n  ${JSON.stringify(member.key)}: `;
    if (!('table' in member)) {
      // Small (totals, run record): JSON.stringify's own layout, moved one level in.
      chunk += JSON.stringify(member.object, null, 2).replace(/\n/g, '\n  ');
      continue;
    }
    const { columns, rows } = member.table;
    if (rows.length === 0) {
      chunk += '[]';
      continue;
    }
    const prefixes = columns.map((c) => `\n      ${JSON.stringify(c.key)}: `);
    chunk += '[';
    for (let r = 0; r < rows.length; r++) {
      chunk += (r === 0 ? '\n    ' : ',\n    ') + rowText(columns, prefixes, rows[r]);
      if (chunk.length >= chunkChars) {
        yield chunk;
        chunk = '';
      }
    }
    chunk += '\n  ]';
  }
  yield chunk + '\n}\n';
}

function rowText(columns: Column<unknown>[], prefixes: string[], row: unknown): string {
  let fields = '';
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i];
    const value = jsonValue(column.kind, column.value(row, 'en'));
    // JSON.stringify leaves out a member whose value is undefined; so does this.
    if (value === undefined) continue;
    fields += (fields === '' ? '' : ',') + prefixes[i] + JSON.stringify(value);
  }
  return fields === '' ? '{}' : `{${fields}\n    }`;
}
