/**
 * The lines as CSV text, one SQL string per line, written by the DuckDB engine with COPY: the
 * same bytes output/csv writes (the columns of LINE_COLUMNS; headings the JSON keys in English,
 * the sheet's headings in Chinese; money as 1234.50; a text cell that starts like a formula with
 * a leading apostrophe; RFC 4180 quotes only where needed), without a round trip through
 * JavaScript for every cell.
 */
import { heading, LINE_COLUMNS, STATUS_ZH, type ColumnKind } from '../output/tables';
import { csvField } from '../output/csv';
import type { Language } from '../output/language';
import type { SqlContext } from './context';

/**
 * What output/sheetText startsLikeFormula catches: = + - @ tab CR first, after NFKC, so the
 * characters that fold into them count too (full-width ＝ ＋ － ＠, small and super/subscript forms).
 */
const FORMULA_FIRST = ['=', '+', '-', '@', '\u207a', '\u207c', '\u208a', '\u208c', '\u2a75', '\u2a76', '\ufb29', '\ufe62', '\ufe63', '\ufe66', '\ufe6b', '\uff0b', '\uff0d', '\uff1d', '\uff20'];

/** DuckDB only (this CSV is written by the DuckDB engine): left() and contains() cost a tenth of a regular expression per cell. */
function textCell(ctx: SqlContext, value: string): string {
  const d = ctx.d;
  const first = `left(${value}, 1) IN (${FORMULA_FIRST.map((c) => d.literal(c)).join(', ')}, chr(9), chr(13))`;
  const guarded = `CASE WHEN ${first} THEN '''' || ${value} ELSE ${value} END`;
  const needsQuotes = `contains(${value}, '"') OR contains(${value}, ',') OR contains(${value}, chr(10)) OR contains(${value}, chr(13))`;
  return `CASE WHEN ${value} IS NULL THEN '' WHEN ${needsQuotes} THEN '"' || replace(${guarded}, '"', '""') || '"' ELSE ${guarded} END`;
}

/** The gmv_lines column each line column is written from. */
const SOURCE: Record<string, string> = {
  gmv: 'gmv_fen',
  baseline_avg: 'baseline_fen',
  incremental_gmv: 'incremental_fen',
  ad_spend: 'ad_spend_fen',
  cashback: 'cashback_fen',
  red_packet: 'red_packet_fen',
  cash_total: 'cash_total_fen',
};

function cell(ctx: SqlContext, key: string, kind: ColumnKind, language: Language): string {
  const d = ctx.d;
  const column = SOURCE[key] || key;
  if (key === 'status')
    return language === 'zh' ? `CASE status ${Object.entries(STATUS_ZH).map(([code, word]) => `WHEN '${code}' THEN ${d.literal(word)}`).join(' ')} ELSE status END` : 'status';
  if (key === 'reason') return textCell(ctx, language === 'zh' ? 'reason_zh' : 'reason');
  // Whole fen as an exact DECIMAL(18, 2) prints as 1234.50 / -0.05, as fenText does, at half its cost.
  if (kind === 'money') return `COALESCE(CAST(CAST(${column} AS DECIMAL(18, 0)) * 0.01 AS ${d.text}), '')`;
  if (kind === 'text') return textCell(ctx, column);
  // dates, counts, labels and the rates (text in gmv_lines already) as they print
  return `COALESCE(CAST(${column} AS ${d.text}), '')`;
}

/**
 * A SELECT of one column `line`, the heading first, then the lines sorted once by `lineOrder`
 * (sort keys over gmv_lines); `bom` for a file (Excel reads UTF-8 by it).
 */
export function linesCsvSql(ctx: SqlContext, language: Language, bom: boolean, lineOrder: string[]): string {
  const d = ctx.d;
  const head = LINE_COLUMNS.map((c) => csvField(language === 'en' ? c.key : heading(c, language))).join(',');
  const row = LINE_COLUMNS.map((c) => cell(ctx, c.key, c.kind, language)).join(" || ',' ||\n    ");
  const keys = lineOrder.map((key, i) => `${key} AS k${i}`).join(', ');
  return `SELECT line FROM (
  SELECT 1 AS part, ${keys},
    ${row} AS line
  FROM gmv_lines
  UNION ALL
  SELECT 0, ${lineOrder.map(() => 'NULL').join(', ')}, ${d.literal((bom ? '\ufeff' : '') + head)}
) AS csv
ORDER BY part, ${lineOrder.map((_, i) => `k${i}`).join(', ')}`;
}
