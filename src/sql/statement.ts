/**
 * The settlement is a short script of models, dbt style: each a table made by one SELECT whose
 * CTEs are one rule each, commented, and read by the models after it.
 */
export interface SqlStatement {
  /** The table it makes (a temporary table of the script, or an output). */
  name: string;
  /** What it is, for the person reviewing the SQL: the rule and where the SPEC says so. */
  comment: string;
  /** The SELECT that makes it. */
  body: string;
  /** `model`: a temporary table; `output`: a result (a final SELECT, or a destination table); `guard`: stops a run that must not settle. */
  kind: 'model' | 'output' | 'guard';
  /**
   * A query of one boolean: when an engine finds it false it may make the model empty without
   * running it (the second pass over the history, when the first found nothing to report).
   */
  onlyIf?: string;
  /** The destination table of an output, when the outputs are tables. */
  destination?: string;
  /** An output's ORDER BY (a SELECT result only; a table has no order). */
  orderBy?: string;
}

/** SQL comment lines, wrapped at about 96 characters. */
export function commentLines(text: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '--';
  for (const word of words) {
    if (line.length + word.length + 1 > 96 && line !== '--') {
      lines.push(line);
      line = '--';
    }
    line += ' ' + word;
  }
  lines.push(line);
  return lines.join('\n');
}

/** A WITH chain: each CTE with its comment, then the final SELECT. */
export function withChain(ctes: { name: string; comment: string; body: string }[], select: string): string {
  if (ctes.length === 0) return select;
  const parts = ctes.map((cte, i) => `${commentLines(cte.comment)}\n${i === 0 ? 'WITH ' : ''}${cte.name} AS (\n${pad(cte.body)}\n)`);
  return parts.join(',\n') + '\n' + select;
}

function pad(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : '  ' + line))
    .join('\n');
}
