/**
 * `npm run bench`: a benchmark, not a test. Generates 100k merchants × 30 history days (a ~90 MB
 * long CSV) + 3 campaign days into bench-data/ (gitignored), then measures in the same run:
 *   - the CLI end to end (a fresh `node bin/gmv-settle.js` process writing CSV, then JSON, to a
 *     file), with its peak memory,
 *   - DuckDB (in memory) doing the same baseline aggregation and the join to the campaign,
 *   - one TIER_REWARD call over 10k rows.
 * Goals (issue 2): CLI ≤ 4× DuckDB; TIER_REWARD 10k rows ≤ 0.2 s. The README quotes the figures.
 * Options: --merchants N (default 100000), --runs N (default 3), --regenerate, --bin PATH (another
 * copy of bin/gmv-settle.js, to compare a change against the same data).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateBenchData } from './benchData';
import { prng } from './prng';
import { runMain } from './runMain';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const MERCHANTS = option('merchants', 100000);
const RUNS = option('runs', 3);
const BIN = args.includes('--bin') ? args[args.indexOf('--bin') + 1] : 'bin/gmv-settle.js';
const HISTORY_DAYS = 30;
const DIR = resolve('bench-data');
const HISTORY = join(DIR, 'history.csv');
const CAMPAIGN = join(DIR, 'campaign.csv');
const CLI_OUT = join(DIR, 'settlement.csv');
const CLI_JSON_OUT = join(DIR, 'settlement.json');
const DUCKDB_OUT = join(DIR, 'duckdb-out.csv');


function generate() {
  generateBenchData({ dir: DIR, merchants: MERCHANTS, regenerate: args.includes('--regenerate') });
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seconds = (ms: number) => (ms / 1000).toFixed(2) + ' s';

// The child reports its own peak memory as it exits: no external tool, the same on every machine.
const REPORT_PEAK_MEMORY = `data:text/javascript,process.on('exit',()=>process.stderr.write('peak-rss-kb '+process.resourceUsage().maxRSS+'\\n'))`;

/** Wall time and peak memory (resident set, MB) of each run of the CLI writing `format` to a file. */
function timeCli(format: 'csv' | 'json'): { times: number[]; peakMb: number[] } {
  const times: number[] = [];
  const peakMb: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const run = spawnSync(process.execPath, ['--import', REPORT_PEAK_MEMORY, BIN, '--history', HISTORY, '--campaign', CAMPAIGN, '--coefficient', '0.05', '--format', format, '--out', format === 'csv' ? CLI_OUT : CLI_JSON_OUT], { encoding: 'utf8' });
    times.push(performance.now() - start);
    if (run.status !== 0) throw new Error(`the CLI failed (exit ${run.status}):\n${run.stderr}`);
    peakMb.push(Number((/peak-rss-kb (\d+)/.exec(run.stderr) || [])[1]) / 1024);
    if (i === 0 && format === 'csv') process.stdout.write('  CLI: ' + (run.stderr.split('\n').find((l) => l.startsWith('rows read')) || '') + '\n');
  }
  return { times, peakMb };
}

async function timeDuckDb(): Promise<{ aggregate: number[]; withJoin: number[] }> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const csv = (path: string) => `read_csv('${path}', header = true, types = {'merchant_id': 'VARCHAR'})`;
  const baseline = `SELECT merchant_id, round(avg(gmv), 2) AS baseline_avg FROM ${csv(HISTORY)} GROUP BY 1`;
  const aggregate: number[] = [];
  const withJoin: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // A fresh in-memory database each run: nothing cached between runs, as for the CLI.
    let start = performance.now();
    let db = await DuckDBInstance.create(':memory:');
    let connection = await db.connect();
    const rows = await connection.runAndReadAll(baseline);
    aggregate.push(performance.now() - start);
    if (i === 0) process.stdout.write(`  DuckDB: ${rows.currentRowCount} merchant baselines\n`);
    connection.closeSync();

    start = performance.now();
    db = await DuckDBInstance.create(':memory:');
    connection = await db.connect();
    await connection.run(
      `COPY (WITH b AS (${baseline}) SELECT c.*, b.baseline_avg FROM ${csv(CAMPAIGN)} c LEFT JOIN b USING (merchant_id)) TO '${DUCKDB_OUT}' (HEADER)`,
    );
    withJoin.push(performance.now() - start);
    connection.closeSync();
  }
  return { aggregate, withJoin };
}

/** One TIER_REWARD call as Sheets makes it: n×1 day GMV, n×30 history, n×1 ad spend. */
async function timeTierReward(): Promise<{ cold: number; warm: number } | string> {
  const modulePath = '../src/functions/index.ts';
  let TIER_REWARD: ((...args: unknown[]) => unknown) | undefined;
  try {
    const functions = (await import(modulePath)) as { customFunctions?: () => { TIER_REWARD?: (...args: unknown[]) => unknown } };
    TIER_REWARD = functions.customFunctions?.().TIER_REWARD;
  } catch (error) {
    return `skipped: src/functions/index.ts could not be loaded (${(error as Error).message.split('\n')[0]})`;
  }
  if (typeof TIER_REWARD !== 'function') return 'skipped: src/functions/index.ts makes no TIER_REWARD';
  const random = prng(7);
  const rows = 10000;
  const history = Array.from({ length: rows }, () => Array.from({ length: HISTORY_DAYS }, () => Math.round(100000 + random() * 4e7) / 100));
  const dayGmv = history.map((h) => [Math.round(h[0] * (0.5 + random() * 4) * 100) / 100]);
  const adSpend = history.map((h) => [Math.round(h[0] * random() * 8) / 100]);
  const call = () => {
    const start = performance.now();
    const result = TIER_REWARD!(dayGmv, history, adSpend, 0.05) as unknown[][];
    const elapsed = performance.now() - start;
    if (!Array.isArray(result) || result.length !== rows) throw new Error('TIER_REWARD did not return one row per input row');
    return elapsed;
  };
  const cold = call(); // what a recalculation in a fresh runtime pays
  const warm = median(Array.from({ length: 5 }, call));
  return { cold, warm };
}

async function main() {
  const generateStart = performance.now();
  generate();
  const size = (p: string) => (statSync(p).size / 1e6).toFixed(1) + ' MB';
  console.log(`bench-data: ${MERCHANTS} merchants × ${HISTORY_DAYS} days, history ${size(HISTORY)}, campaign ${size(CAMPAIGN)} (ready in ${seconds(performance.now() - generateStart)})`);
  console.log(`machine: ${process.platform} ${process.arch}, ${(await import('node:os')).cpus().length} cores, node ${process.version}; ${RUNS} runs each`);

  const cli = timeCli('csv');
  const cliJson = timeCli('json');
  const duck = await timeDuckDb();
  const reward = await timeTierReward();

  const cliMedian = median(cli.times);
  const mb = (xs: number[]) => `peak memory ${Math.round(median(xs))} MB`;
  const duckMedian = median(duck.withJoin);
  const ratio = cliMedian / duckMedian;
  const rows: [string, string, string][] = [
    ['CLI end to end (csv out)', seconds(cliMedian), `${cli.times.map(seconds).join(', ')}; ${mb(cli.peakMb)}`],
    ['CLI end to end (json out)', seconds(median(cliJson.times)), `${cliJson.times.map(seconds).join(', ')}; ${mb(cliJson.peakMb)}`],
    ['DuckDB baseline aggregation', seconds(median(duck.aggregate)), duck.aggregate.map(seconds).join(', ')],
    ['DuckDB aggregation + join + CSV', seconds(duckMedian), duck.withJoin.map(seconds).join(', ')],
    ['ratio CLI / DuckDB (agg+join)', ratio.toFixed(2) + '×', `goal ≤ 4× — ${ratio <= 4 ? 'met' : 'NOT met'}`],
  ];
  if (typeof reward === 'string') rows.push(['TIER_REWARD 10k rows', '—', reward]);
  else rows.push(['TIER_REWARD 10k rows (first call)', seconds(reward.cold), `warm median ${seconds(reward.warm)}; goal ≤ 0.2 s — ${reward.cold <= 200 ? 'met' : 'NOT met'}`]);

  const width = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length), 8));
  console.log('\n| ' + ['measurement', 'median', 'runs / note'].map((h, c) => h.padEnd(width[c])).join(' | ') + ' |');
  console.log('|' + width.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  rows.forEach((r) => console.log('| ' + r.map((cell, c) => cell.padEnd(width[c])).join(' | ') + ' |'));
  const out = readFileSync(CLI_OUT, 'utf8');
  console.log(`\nCLI wrote ${(out.length / 1e6).toFixed(1)} MB, ${out.split('\n').length - 2} lines as CSV; ${size(CLI_JSON_OUT)} as JSON`);
}

runMain(main);
