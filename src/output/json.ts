/** The settlement as the JSON `gmv-settle --format json` prints (README: "JSON output"). */
import type { Dec } from '../core/money';
import { fenToText } from '../core/money';
import { Column, ColumnKind, CellValue, ISSUE_COLUMNS, LINE_COLUMNS, MERCHANT_COLUMNS, totalItems } from './columns';
import type { SettlementRun } from './run';

/** Money and rates as exact decimal strings, counts as integers, unknown as null. */
export function jsonValue(kind: ColumnKind, value: CellValue): string | number | null {
  if (value === null) return null;
  if (kind === 'money') return fenToText(value as number);
  if (kind === 'rate') return (value as Dec).toString();
  return value as string | number;
}

function rowsToJson<T>(columns: Column<T>[], rows: T[]) {
  return rows.map((row) => {
    const out: Record<string, string | number | null> = {};
    columns.forEach((c) => (out[c.key] = jsonValue(c.kind, c.value(row, 'en'))));
    return out;
  });
}

export function toJsonReport(result: SettlementRun) {
  const totals: Record<string, string | number | null> = {};
  totalItems(result).forEach((t) => (totals[t.key] = jsonValue(t.kind, t.value)));
  return {
    lines: rowsToJson(LINE_COLUMNS, result.settlement.lines),
    merchants: rowsToJson(MERCHANT_COLUMNS, result.settlement.merchants),
    totals,
    issues: rowsToJson(ISSUE_COLUMNS, result.read.issues),
    run: {
      policy: result.run.policy,
      input_sha256: result.run.inputSha256,
      generated_at: result.run.generatedAt,
    },
  };
}
