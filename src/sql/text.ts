/**
 * Words and figures as SQL expressions: the issue messages of input/issueText and the money
 * forms of core/money (`1234.50`, `1,234.50`, thresholds as `500,000`), so a line the SQL
 * writes reads exactly as the TypeScript engine's. The messages are not written twice: each
 * ISSUE_TEXT function is called once with placeholders, and its words become SQL literals
 * around the expressions that fill them.
 */
import type { IssueText } from '../input/issueText';
import type { Dialect } from './dialect';

/** zh and en, each as an SQL expression. */
export interface SqlText {
  en: string;
  zh: string;
}

const SLOT = '\u0000';

/** `build` called with one placeholder per value. */
function withSlots<T>(build: (...slots: never[]) => T, values: string[]): T {
  return (build as unknown as (...args: string[]) => T)(...values.map((_, i) => `${SLOT}${i}${SLOT}`));
}

/** `build` called with placeholders; the text it gives, with each placeholder replaced by the SQL of `values`. */
export function sqlText(d: Dialect, build: (...slots: never[]) => IssueText, values: string[]): SqlText {
  const text = withSlots(build, values);
  return { en: fill(d, text.en, values), zh: fill(d, text.zh, values) };
}

/** The same for a plain text (an issue's value, say). */
export function sqlString(d: Dialect, build: (...slots: never[]) => string, values: string[]): string {
  return fill(d, withSlots(build, values), values);
}

/** Words around placeholders → 'words' || value || 'words'. */
function fill(d: Dialect, template: string, values: string[]): string {
  const parts = template.split(SLOT);
  const pieces: string[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 1) pieces.push(`CAST(${values[Number(part)]} AS ${d.text})`);
    else if (part !== '') pieces.push(d.literal(part));
  });
  return pieces.length === 0 ? d.literal('') : pieces.join(' || ');
}

/** A plain text of both languages as SQL. */
export function sqlWords(d: Dialect, en: string, zh: string): SqlText {
  return { en: d.literal(en), zh: d.literal(zh) };
}

/** Concatenation of SQL string expressions. */
export function join(...parts: string[]): string {
  return parts.join(' || ');
}

function sign(d: Dialect, fen: string): string {
  return `CASE WHEN ${fen} < 0 THEN '-' ELSE '' END`;
}

function cents(d: Dialect, fen: string): string {
  return `LPAD(CAST(MOD(ABS(${fen}), 100) AS ${d.text}), 2, '0')`;
}

/** Fen → "1234.50" / "-0.05" (core/money fenToText): JSON and CSV money. */
export function fenText(d: Dialect, fen: string): string {
  return join(sign(d, fen), `CAST(${d.div(`ABS(${fen})`, '100')} AS ${d.text})`, "'.'", cents(d, fen));
}

/** Fen → "1,234.50" (core/money fenToDisplay): money in a reason. */
export function fenDisplay(d: Dialect, fen: string): string {
  return join(sign(d, fen), d.grouped(d.div(`ABS(${fen})`, '100')), "'.'", cents(d, fen));
}

/** A threshold as the programme states it: "500,000", or "500,000.50" when it has cents. */
export function thresholdDisplay(d: Dialect, fen: string): string {
  return `CASE WHEN MOD(ABS(${fen}), 100) = 0 THEN ${join(sign(d, fen), d.grouped(d.div(`ABS(${fen})`, '100')))} ELSE ${fenDisplay(d, fen)} END`;
}

/** A value of an optional column, or NULL of its type when the table has no such column. */
export function columnOr(present: boolean | undefined, expression: string, nullType: string): string {
  return present ? expression : `CAST(NULL AS ${nullType})`;
}
