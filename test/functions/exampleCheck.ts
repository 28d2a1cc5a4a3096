/** Comparing a function's answer with an example's declared result (src/functions/examples.ts). */
import type { FunctionExample } from '../../src/functions/examples';

/** Why the answer is not the declared result, or undefined when it is. */
export function exampleMismatch(example: FunctionExample, answer: unknown): string | undefined {
  const expected = example.result;
  if (typeof expected === 'number') return answer === expected ? undefined : `returned ${JSON.stringify(answer)}, the docs say ${expected}`;
  if (!Array.isArray(answer) || !answer.every((row) => Array.isArray(row))) return `returned ${JSON.stringify(answer)}, not a table`;
  const rows = answer as unknown[][];
  if (rows.length !== expected.rows) return `returned ${rows.length} rows, the docs say ${expected.rows}`;
  for (const [heading, value] of Object.entries(expected.firstRow)) {
    const column = rows[0].indexOf(heading);
    if (column < 0) return `has no column "${heading}"`;
    if (rows[1][column] !== value) return `"${heading}" is ${JSON.stringify(rows[1][column])}, the docs say ${JSON.stringify(value)}`;
  }
  return undefined;
}
