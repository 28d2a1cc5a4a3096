/**
 * The settlement as the JSON `gmv-settle --format json` prints (README: "JSON output"): as one
 * object for code that wants it, and as the same text in chunks for the CLI, which must write
 * reports far larger than one JavaScript string can hold.
 */
import type { Dec } from '../core/money';
import { fenToText } from '../core/money';
import { Column, ColumnKind, CellValue, isRate, ISSUE_COLUMNS, LINE_COLUMNS, MERCHANT_COLUMNS, totalItems, type TotalItem } from './tables';
import { TRUE_UP_LINE_COLUMNS, trueUpMerchantColumns, trueUpTotalItems } from './trueUpTables';
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

/** A member of the document: a table (an array of row objects), a small object, or an object of members (true_up). */
type Member = { key: string; table: JsonTable } | { key: string; object: object } | { key: string; members: Member[] };

function itemsObject(items: TotalItem[]): Record<string, JsonScalar> {
  const object: Record<string, JsonScalar> = {};
  items.forEach((t) => (object[t.key] = jsonValue(t.kind, t.value)));
  return object;
}

/** SPEC §7's `true_up` object, keyed as the README's contract lists it. */
function trueUpMembers(result: SettlementRun): Member[] | undefined {
  const trueUp = result.trueUp;
  const previous = result.previous;
  if (!trueUp || !previous) return undefined;
  return [
    { key: 'previous', object: { input_sha256: previous.inputSha256, generated_at: previous.generatedAt } },
    { key: 'lines', table: jsonTable(TRUE_UP_LINE_COLUMNS, trueUp.lines) },
    { key: 'merchants', table: jsonTable(trueUpMerchantColumns(trueUp), trueUp.merchants) },
    { key: 'totals', object: itemsObject(trueUpTotalItems(trueUp)) },
  ];
}

/** The run record as JSON: the run's place in its campaign, then what reproduces it. */
export function runRecordJson(result: SettlementRun) {
  const record = result.record;
  return {
    campaign: record.campaign === undefined ? null : record.campaign,
    run: record.runNumber === undefined ? null : record.runNumber,
    // Approval is a person's act: the CLI's output is a draft until someone passes it as --previous.
    status: 'draft',
    policy: record.policy,
    input_sha256: record.inputSha256,
    generated_at: record.generatedAt,
    user: record.user,
  };
}

/** The document's members, declared once for both writers: tables become arrays of objects. */
function reportMembers(result: SettlementRun): Member[] {
  const members: Member[] = [
    { key: 'lines', table: jsonTable(LINE_COLUMNS, result.settlement.lines) },
    { key: 'merchants', table: jsonTable(MERCHANT_COLUMNS, result.settlement.merchants) },
    { key: 'totals', object: itemsObject(totalItems(result)) },
    { key: 'issues', table: jsonTable(ISSUE_COLUMNS, result.read.issues) },
    { key: 'run', object: runRecordJson(result) },
  ];
  const trueUp = trueUpMembers(result);
  if (trueUp) members.push({ key: 'true_up', members: trueUp });
  return members;
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

function membersToJson(members: Member[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const member of members)
    object[member.key] = 'table' in member ? tableToJson(member.table) : 'object' in member ? member.object : membersToJson(member.members);
  return object;
}

type JsonRows = Record<string, JsonScalar>[];

export function toJsonReport(result: SettlementRun) {
  return membersToJson(reportMembers(result)) as {
    lines: JsonRows;
    merchants: JsonRows;
    totals: Record<string, JsonScalar>;
    issues: JsonRows;
    run: ReturnType<typeof runRecordJson>;
    true_up?: { previous: { input_sha256: string; generated_at: string }; lines: JsonRows; merchants: JsonRows; totals: Record<string, JsonScalar> };
  };
}

/** About a megabyte of text per chunk: few writes, and never much of the report in memory. */
const CHUNK_CHARS = 1 << 20;

/**
 * Exactly the text of `JSON.stringify(toJsonReport(result), null, 2) + '\n'`, in chunks of about
 * `chunkChars` characters that end between two rows. A million lines make ~700 MB of JSON, more
 * than the longest string V8 can build (~512 MB: "Invalid string length"); as one string it also
 * took a gigabyte of memory at 300k lines. Row objects are never built: each row is written from
 * the column table straight to text, in the layout JSON.stringify gives at its depth.
 */
export function* jsonReportChunks(result: SettlementRun, chunkChars = CHUNK_CHARS): Generator<string> {
  const out = { chunk: '' };
  yield* objectChunks(reportMembers(result), 1, out, chunkChars);
  yield out.chunk + '\n';
}

/** `{ … }` of `members` at `depth` (1 for the document's own members), flushing `out` as it grows. */
function* objectChunks(members: Member[], depth: number, out: { chunk: string }, chunkChars: number): Generator<string> {
  const indent = '\n' + '  '.repeat(depth);
  out.chunk += '{';
  for (let m = 0; m < members.length; m++) {
    const member = members[m];
    out.chunk += `${m === 0 ? '' : ','}${indent}${JSON.stringify(member.key)}: `;
    if ('members' in member) {
      yield* objectChunks(member.members, depth + 1, out, chunkChars);
      continue;
    }
    if ('object' in member) {
      // Small (totals, run record): JSON.stringify's own layout, moved in to this depth.
      out.chunk += JSON.stringify(member.object, null, 2).replace(/\n/g, indent);
      continue;
    }
    const { columns, rows } = member.table;
    if (rows.length === 0) {
      out.chunk += '[]';
      continue;
    }
    const rowIndent = indent + '  ';
    const prefixes = columns.map((c) => `${rowIndent}  ${JSON.stringify(c.key)}: `);
    out.chunk += '[';
    for (let r = 0; r < rows.length; r++) {
      out.chunk += (r === 0 ? '' : ',') + rowIndent + rowText(columns, prefixes, rows[r], rowIndent);
      if (out.chunk.length >= chunkChars) {
        yield out.chunk;
        out.chunk = '';
      }
    }
    out.chunk += indent + ']';
  }
  out.chunk += '\n' + '  '.repeat(depth - 1) + '}';
}

function rowText(columns: Column<unknown>[], prefixes: string[], row: unknown, rowIndent: string): string {
  let fields = '';
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i];
    const value = jsonValue(column.kind, column.value(row, 'en'));
    // JSON.stringify leaves out a member whose value is undefined; so does this.
    if (value === undefined) continue;
    fields += (fields === '' ? '' : ',') + prefixes[i] + JSON.stringify(value);
  }
  return fields === '' ? '{}' : `{${fields}${rowIndent}}`;
}
