/**
 * `npm run bench:write`: a benchmark, not a test. What one server call of a settlement write costs
 * the add-on itself, measured on the built bundle (dist/, in node:vm, as the preview runs it) on
 * the Google fakes, for a 150,000-line settlement (50,000 merchants × 3 campaign days):
 *   - the start call (read, settle, hash every block, the summary's head, the first 10,000 lines),
 *   - each block call (check, SHA-256, setValues of 10,000 lines × 17 or 17,000 summary rows × 10),
 *   - the finish call (column formats, filter, record, rename),
 *   - and SETTLEMENT() at its limit of 20,000 rows, the custom function's 30-second budget.
 * The fakes write a cell in well under a microsecond; Google's Sheets service does not, and how
 * fast it is cannot be measured here (no Google account): the README reasons from these figures
 * and the 6-minute limit. Options: --runs N (default 3).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import { CELLS_PER_CALL } from '../src/protocol/limits';
import type { SettlementRequest, WriteProgress, WriteResult } from '../src/protocol/messages';
import { requestPolicy } from '../src/addon/policySource';
import { double11Policy } from '../src/core/policy';
import { policyOptions } from '../src/input/policyReader';
import { customFunctions } from '../src/functions';
import { tableFromText } from '../src/input/table';
import { runSettlement } from '../src/run/runSettlement';
import { linesBlock, summaryBlock } from '../src/output/sheetTables';
import type { SheetLayout } from '../src/sidebar/writeDriver';
import { loadAddon } from '../dev/preview/serverRuntime';
import { prng } from './prng';

const { SETTLEMENT } = customFunctions();

const args = process.argv.slice(2);
const RUNS = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 3;
const MERCHANTS = 50000;
const DAYS = ['2025-11-11', '2025-11-12', '2025-11-13'];
const DIST = resolve('dist');

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(0)} ms`;

function request(): SettlementRequest {
  const random = prng(11);
  const history = ['merchant_id,avg_gmv'];
  const campaign = ['merchant_id,date,gmv,ad_spend'];
  for (let m = 0; m < MERCHANTS; m++) {
    const id = String(m + 1).padStart(8, '0');
    const baseline = 20000 + random() * 400000;
    history.push(`${id},${baseline.toFixed(2)}`);
    DAYS.forEach((day) => campaign.push(`${id},${day},${(baseline * (0.6 + random() * 4)).toFixed(2)},${(baseline * random() * 0.08).toFixed(2)}`));
  }
  return {
    history: { kind: 'text', text: history.join('\n') },
    campaign: { kind: 'text', text: campaign.join('\n') },
    coefficient: '0.05',
    options: policyOptions(double11Policy()),
    usePolicySheet: false,
    language: 'zh',
  };
}

/** The settlement as the sidebar sends it: the same pipeline, in Node. */
function layoutOf(req: SettlementRequest): SheetLayout {
  const text = (source: SettlementRequest['history']) => (source.kind === 'text' ? source.text : '');
  const tables = { history: tableFromText('history', text(req.history)), campaign: tableFromText('campaign', text(req.campaign)) };
  const run = runSettlement(tables, requestPolicy(req, () => undefined as never), { sha256: () => '' });
  return { lines: linesBlock(run, req.language).values.slice(1) as (string | number)[][], summary: summaryBlock(run, req.language, '-') };
}

function oneWrite(req: SettlementRequest, layout: SheetLayout) {
  const addon = loadAddon({ distDir: DIST, locale: 'zh_CN' });
  const timed = <T>(name: string, arg: unknown): { value: T; ms: number } => {
    const start = performance.now();
    const value = addon.call(name, [arg]) as T;
    return { value, ms: performance.now() - start };
  };
  const started = timed<WriteResult>('writeSettlement', req);
  let progress = started.value.write!;
  // A first run: no true-up part.
  const blocks: Record<'lines' | 'summary', number[]> = { lines: [], summary: [] };
  const blockChars: number[] = [];
  for (const part of ['lines', 'summary'] as const) {
    for (let now = progress[part]; now.written < now.total; now = progress[part]) {
      const { written: from, perCall } = now;
      const block =
        part === 'lines'
          ? { writeId: progress.id, part, from, values: layout.lines.slice(from, from + perCall) }
          : { writeId: progress.id, part, from, values: layout.summary.values.slice(from, from + perCall), formats: layout.summary.formats.slice(from, from + perCall) };
      blockChars.push(JSON.stringify(block).length);
      const answer = timed<WriteProgress>('writeSettlementRows', block);
      blocks[part].push(answer.ms);
      progress = answer.value;
    }
  }
  const finished = timed<WriteResult>('finishSettlementWrite', progress.id);
  if (finished.value.outcome !== 'written') throw new Error(`the write did not finish: ${JSON.stringify(finished.value)}`);
  const calls = blocks.lines.length + blocks.summary.length + 2;
  return { start: started.ms, blocks, blockChars, finish: finished.ms, calls, cells: addon.fakes.spreadsheet._gridCells() };
}

function settlementFunction(): number {
  const history: (string | number)[][] = [['merchant_id', 'avg_gmv']];
  const campaign: (string | number)[][] = [['merchant_id', 'date', 'gmv', 'ad_spend']];
  for (let m = 0; m < 10000; m++) {
    history.push([`M${m}`, 180000]);
    campaign.push([`M${m}`, '2025-11-11', 523456.78, 12345.67], [`M${m}`, '2025-11-12', 210000, 1000]);
  }
  const start = performance.now();
  const table = SETTLEMENT(history, campaign, 0.05) as unknown[][];
  if (table.length !== 20001) throw new Error(`SETTLEMENT returned ${table.length} rows`);
  return performance.now() - start;
}

function main(): void {
  if (!existsSync(join(DIST, 'app.js'))) {
    const built = spawnSync('npx', ['tsx', 'scripts/build.ts'], { stdio: 'inherit' });
    if (built.status !== 0) process.exit(built.status || 1);
  }
  const req = request();
  const layout = layoutOf(req);
  console.log(`bench:write: ${layout.lines.length} lines, ${layout.summary.values.length} summary rows, at most ${CELLS_PER_CALL} cells a call; request ${(JSON.stringify(req).length / 1e6).toFixed(1)}M characters; ${RUNS} runs`);
  const runs = Array.from({ length: RUNS }, () => oneWrite(req, layout));
  const lines = runs.map((r) => median(r.blocks.lines));
  const summary = runs.map((r) => median(r.blocks.summary));
  console.log(`  calls per write:      ${runs[0].calls} (start, ${runs[0].blocks.lines.length} blocks of lines, ${runs[0].blocks.summary.length} of the summary, finish); grid cells after: ${runs[0].cells}`);
  console.log(`  start call:           ${ms(median(runs.map((r) => r.start)))} median (${runs.map((r) => ms(r.start)).join(', ')})`);
  console.log(`  block of lines:       ${ms(median(lines))} median of the runs' medians (${lines.map(ms).join(', ')}); slowest ${ms(Math.max(...runs.flatMap((r) => r.blocks.lines)))}`);
  console.log(`  block of summary:     ${ms(median(summary))} median of the runs' medians (${summary.map(ms).join(', ')})`);
  console.log(`  largest block call:   ${(Math.max(...runs[0].blockChars) / 1e6).toFixed(2)}M characters`);
  console.log(`  finish call:          ${ms(median(runs.map((r) => r.finish)))} median`);
  const fn = Array.from({ length: RUNS }, settlementFunction);
  console.log(`  SETTLEMENT 20,000 rows: ${ms(median(fn))} median (${fn.map(ms).join(', ')})`);
}

main();
