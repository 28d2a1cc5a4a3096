/**
 * `npm run bench` (also `npm run bench:sql`): issue 10's side-by-side run, a benchmark, not a
 * test. On 100k merchants × 30 history days + 3 campaign days (bench-data/, gitignored), CSV out,
 * each a fresh process, alternating run by run so the machine's drift hits all three alike:
 *   (i)   the yardstick: DuckDB itself (a bare node + @duckdb/node-api process, no gmv-settle)
 *         running the generated settlement SQL over read_csv and writing the 17 line columns,
 *         reason text included, with its own COPY … (HEADER) CSV writer;
 *   (ii)  `gmv-settle --engine duckdb` (its loader, row numbers, issues, report, CSV by COPY);
 *   (iii) `gmv-settle`, the default engine.
 * Reports min and median wall time and each median's ratio to the yardstick's; issue 10's goals:
 * default ≤ 1.5×, DuckDB engine ≤ 1.2×. Options: --merchants N, --runs N (default 3), --regenerate.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Dec } from '../src/core/money';
import { double11Policy } from '../src/core/policy';
import { LINE_ORDER, outputs } from '../src/sql/outputsSql';
import { settlementSql, statementSql } from '../src/sql/settlementSql';
import { generateBenchData, HISTORY_DAYS } from './benchData';
import { runMain } from './runMain';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const MERCHANTS = option('merchants', 100000);
const RUNS = option('runs', 3);
const DIR = resolve('bench-data');
const BIN = resolve('bin/gmv-settle.js');

/** The yardstick's script: the models over typed views of the CSV files, then the lines COPYed by DuckDB. */
/** A statement of the yardstick; with `onlyIf` false it runs `otherwise` (the model made empty), as the SQL's contract allows and the engine does. */
interface YardstickStatement {
  sql: string;
  onlyIf?: string;
  otherwise?: string;
}

function yardstickSql(history: string, campaign: string, out: string): YardstickStatement[] {
  const sql = settlementSql({ ...double11Policy(), redPacketCoefficient: new Dec('0.05') }, { dialect: 'duckdb', tables: { history: 'history', campaign: 'campaign' } });
  const csv = (path: string, columns: string) => `read_csv('${path}', header = true, auto_detect = false, columns = {${columns}})`;
  const lines = outputs(sql.context).find((o) => o.name === 'settlement_lines');
  if (!lines) throw new Error('no settlement_lines output');
  // The 17 line columns (the JSON keys), without the line_number a table needs and a CSV does not.
  const body = lines.body.replace(/ROW_NUMBER\(\) OVER \([^)]*\) AS line_number,\n/, '');
  const d = sql.context.d;
  return [
    { sql: `CREATE VIEW history AS SELECT * FROM ${csv(history, "'merchant_id': 'VARCHAR', 'date': 'DATE', 'gmv': 'DECIMAL(18, 2)'")}` },
    { sql: `CREATE VIEW campaign AS SELECT *, '' AS merchant_name FROM ${csv(campaign, "'merchant_id': 'VARCHAR', 'date': 'DATE', 'gmv': 'DECIMAL(18, 2)', 'ad_spend': 'DECIMAL(18, 2)'")}` },
    ...sql.statements
      .filter((s) => s.kind !== 'output')
      .map((s) => ({
        sql: statementSql(sql.context, s),
        onlyIf: s.onlyIf,
        otherwise: s.onlyIf ? `${d.createTable(s.name, true)} AS SELECT * FROM (${s.body}) AS skipped LIMIT 0` : undefined,
      })),
    { sql: `COPY (${body}\nORDER BY ${LINE_ORDER}) TO '${out}' (HEADER)` },
  ];
}

/** A bare DuckDB process: node, the DuckDB client, the statements; nothing of gmv-settle. */
const YARDSTICK_PROCESS = `
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
const db = await DuckDBInstance.create(':memory:');
const connection = await db.connect();
for (const s of JSON.parse(readFileSync(process.argv[1], 'utf8'))) {
  const skip = s.onlyIf && (await connection.runAndReadAll(s.onlyIf)).getRows()[0][0] !== true;
  const started = performance.now();
  await connection.run(skip ? s.otherwise : s.sql);
  if (process.env.GMV_SETTLE_PROFILE) process.stderr.write(((performance.now() - started) / 1000).toFixed(2) + ' s ' + s.sql.slice(0, 80).replace(/\\n/g, ' ') + '\\n');
}
connection.closeSync();
`;

interface Contender {
  name: string;
  out: string;
  command: string[];
  times: number[];
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seconds = (ms: number) => (ms / 1000).toFixed(2) + ' s';

async function main() {
  const files = generateBenchData({ dir: DIR, merchants: MERCHANTS, regenerate: args.includes('--regenerate') });
  const mb = (p: string) => (statSync(p).size / 1e6).toFixed(1) + ' MB';
  console.log(`\nSQL engines side by side: ${MERCHANTS} merchants × ${HISTORY_DAYS} history days + 3 campaign days (history ${mb(files.history)}), CSV out, ${RUNS} alternating runs`);
  const script = join(DIR, 'yardstick.json');
  const yardstickOut = join(DIR, 'yardstick-lines.csv');
  writeFileSync(script, JSON.stringify(yardstickSql(files.history, files.campaign, yardstickOut)));
  const settle = (out: string, ...engine: string[]) => [BIN, '--history', files.history, '--campaign', files.campaign, '--coefficient', '0.05', ...engine, '--out', out];
  const contenders: Contender[] = [
    { name: '(i) DuckDB running the settlement SQL, COPY to CSV (yardstick)', out: yardstickOut, command: ['--input-type=module', '-e', YARDSTICK_PROCESS, script], times: [] },
    { name: '(ii) gmv-settle --engine duckdb', out: join(DIR, 'engine-duckdb.csv'), command: [], times: [] },
    { name: '(iii) gmv-settle (default engine)', out: join(DIR, 'engine-default.csv'), command: [], times: [] },
  ];
  contenders[1].command = settle(contenders[1].out, '--engine', 'duckdb');
  contenders[2].command = settle(contenders[2].out);
  // One unmeasured run of the CLI first: it bundles src/cli into node_modules/.cache when a source is newer.
  spawnSync(process.execPath, [BIN, '--help']);
  for (let run = 0; run < RUNS; run++)
    for (const c of run % 2 === 0 ? contenders : [...contenders].reverse()) {
      const start = performance.now();
      const child = spawnSync(process.execPath, c.command, { encoding: 'utf8', cwd: resolve('.') });
      c.times.push(performance.now() - start);
      if (child.status !== 0) throw new Error(`${c.name} failed (exit ${child.status}):\n${child.stderr}`);
    }
  // The engines must have written the same lines (a BOM and the line count checked; the bytes where both are ours).
  const read = (path: string) => readFileSync(path, 'utf8').replace(/^\ufeff/, '');
  const [duckLines, defaultLines] = [read(contenders[1].out), read(contenders[2].out)];
  const same = duckLines === defaultLines;
  const yardstickLines = read(yardstickOut).split('\n').length;
  const yardstick = median(contenders[0].times);
  const rows = contenders.map((c) => [c.name, seconds(Math.min(...c.times)), seconds(median(c.times)), (median(c.times) / yardstick).toFixed(2) + '×', c.times.map(seconds).join(', ')]);
  const head = ['run', 'min', 'median', 'median / (i)', 'all runs'];
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(width[i])).join(' | ') + ' |';
  console.log('\n' + line(head));
  console.log('|' + width.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  rows.forEach((r) => console.log(line(r)));
  console.log(
    `\nlines: yardstick ${yardstickLines - 2}, --engine duckdb ${duckLines.split('\n').length - 2}, default ${defaultLines.split('\n').length - 2}; ` +
      `--engine duckdb and default engine CSV ${same ? 'byte-identical' : 'DIFFER'}`,
  );
  const ratio = (i: number) => median(contenders[i].times) / yardstick;
  console.log(`goals (issue 10): default ≤ 1.5× — ${ratio(2) <= 1.5 ? 'met' : 'NOT met'}; --engine duckdb ≤ 1.2× — ${ratio(1) <= 1.2 ? 'met' : 'NOT met'}`);
  if (!same) process.exitCode = 1;
}

runMain(main);
