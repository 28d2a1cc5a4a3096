/**
 * README.md's table of custom functions, from src/functions/declarations.ts: each function's
 * signature, what it returns (English and Chinese), and its examples with the results the SPEC
 * gives (checked by test/build/vm.test.ts); then each argument as the JSDoc describes it, and
 * the cells the examples refer to.
 */
import { fenToDisplay } from '../src/core/money';
import { FUNCTION_DECLARATIONS, signature } from '../src/functions/declarations';
import { EXAMPLE_SHEETS, FORMULA_SHEET, formulaText, type ExampleCell, type FunctionExample } from '../src/functions/examples';
import { readMoneyFen } from '../src/input/number';
import { groupedCount } from '../src/output/counts';

/** Text inside a table cell: a `|` would end the cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|');

/** A result as a Sheets user reads it: whole numbers (tiers, traffic) grouped, amounts to 0.01, a rate (a coefficient of 4 decimals) as it is. */
function shown(value: ExampleCell): string {
  if (typeof value === 'string') return value;
  if (Number.isInteger(value)) return groupedCount(value);
  if (!Number.isInteger(Math.round(value * 1e6) / 1e4)) return String(value);
  const read = readMoneyFen(value);
  if (read.kind !== 'fen') throw new Error(`docs: example result ${value} is not an amount`);
  return fenToDisplay(read.fen);
}

function resultText(example: FunctionExample): string {
  const result = example.result;
  const text =
    typeof result === 'number'
      ? shown(result)
      : Object.keys(result.firstRow).length === 0
        ? `${result.rows} row${result.rows === 1 ? '' : 's'}: the header only`
        : `${result.rows} rows, the header first; row 2: ` +
          Object.entries(result.firstRow)
            .map(([heading, value]) => `${heading} ${shown(value)}`)
            .join(' · ');
  return example.why ? `${text} (${example.why})` : text;
}

function exampleSheet(name: string, rows: ExampleCell[][]): string {
  const width = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  const letters = Array.from({ length: width }, (_, i) => String.fromCharCode(65 + i));
  const lines = [`| ${name} | ${letters.join(' | ')} |`, `|---|${letters.map(() => '---|').join('')}`];
  rows.forEach((row, r) => lines.push(`| ${r + 1} | ${letters.map((_, c) => cell(String(row[c] === undefined ? '' : row[c]))).join(' | ')} |`));
  return lines.join('\n');
}

/** Each argument once, with the functions that take it: several share day_gmv, history and policy. */
function argumentList(): string[] {
  const seen = new Map<string, { name: string; description: string; functions: string[] }>();
  FUNCTION_DECLARATIONS.forEach((d) =>
    d.params.forEach((p) => {
      const key = `${p.name}\n${p.description}`;
      const entry = seen.get(key) || seen.set(key, { name: p.name, description: p.description, functions: [] }).get(key)!;
      entry.functions.push(d.name);
    }),
  );
  return Array.from(seen.values(), (a) => `- \`${a.name}\` (${a.functions.join(', ')}): ${a.description}`);
}

export function functionTable(): string {
  const rows = FUNCTION_DECLARATIONS.map((d) => {
    const examples = d.examples.map((e) => `\`${cell(formulaText(d.name, e))}\` → ${cell(resultText(e))}`).join('<br>');
    return `| \`${cell(signature(d))}\` | ${cell(d.summary)}<br>${cell(d.summaryZh)} | ${examples} |`;
  });
  const sheets = Object.keys(EXAMPLE_SHEETS).map((name) => exampleSheet(name, EXAMPLE_SHEETS[name]));
  return [
    '| function | returns | examples (SPEC §6 figures, cells below) |',
    '|---|---|---|',
    ...rows,
    '',
    "Arguments, as Sheets' autocomplete describes them / 参数说明:",
    '',
    ...argumentList(),
    '',
    `<details><summary>The cells the examples refer to: SPEC §6's merchant M001, its day in row 2 of the formulas' own sheet (${FORMULA_SHEET}), its inputs as the History and Campaign sheets / 示例所引用的单元格</summary>`,
    '',
    sheets.join('\n\n'),
    '',
    '</details>',
  ].join('\n');
}
