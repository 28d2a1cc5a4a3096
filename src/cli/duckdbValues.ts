/**
 * An issue about a value DuckDB typed (a negative ad spend, an implausible amount, a date outside
 * 2000–2099) shows it as the SQL has it (`-3.00`); the default engine shows the cell as written
 * (`-3`). For the same words in both, the DuckDB engine puts the file's own text back, for the
 * few rows that have such an issue, before any line quotes it.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { forEachRecord } from '../input/delimited';
import type { InputFile } from './duckdbFiles';

/** The field whose value each SQL check (issuesSql's seq) reports. */
const FIELD_OF_SEQ: Record<number, string> = { 30: 'date', 31: 'tier1', 32: 'tier2', 33: 'tier3', 40: 'gmv', 45: 'refund_amount', 50: 'ad_spend' };

/** The text of `lines` (1-based) of a file's bytes, in one pass. */
function linesOf(bytes: Buffer, wanted: number[]): Map<number, string> {
  const found = new Map<number, string>();
  const targets = Array.from(new Set(wanted)).sort((a, b) => a - b);
  let line = 1;
  let start = 0;
  for (const target of targets) {
    while (line < target && start < bytes.length) {
      const end = bytes.indexOf(0x0a, start);
      if (end < 0) return found;
      start = end + 1;
      line += 1;
    }
    const end = bytes.indexOf(0x0a, start);
    found.set(target, bytes.subarray(start, end < 0 ? bytes.length : end).toString('utf8'));
  }
  return found;
}

export async function restoreWrittenValues(connection: DuckDBConnection, files: InputFile[]): Promise<void> {
  const reader = await connection.runAndReadAll(
    `SELECT source, source_row, seq, value FROM gmv_issues WHERE seq IN (${Object.keys(FIELD_OF_SEQ).join(', ')}) AND value <> '' AND source_row IS NOT NULL`,
  );
  const issues = reader.getRowsJS() as [string, bigint, bigint, string][];
  for (const file of files) {
    const mine = issues.filter(([source]) => source === file.source);
    if (mine.length === 0 || !file.bytes) continue;
    const lines = linesOf(file.bytes, mine.map(([, row]) => Number(row)));
    for (const [source, row, seq, typed] of mine) {
      const column = file.columns.findIndex((c) => c.field === FIELD_OF_SEQ[Number(seq)]);
      let written: string | undefined;
      forEachRecord(lines.get(Number(row)) ?? '', file.delimiter, (fields) => (written = written ?? fields[column]));
      if (written === undefined || written === typed) continue;
      await connection.run(
        `UPDATE gmv_issues SET value = $4, message = replace(message, '"' || value || '"', '"' || $4 || '"'), message_zh = replace(message_zh, '「' || value || '」', '「' || $4 || '」')
WHERE source = $1 AND source_row = $2 AND seq = $3`,
        [source, row, seq, written],
      );
    }
  }
}
