/**
 * `npm run bench:whatif`: a benchmark, not a test. The what-if custom functions on the built
 * bundle (dist/ in a fresh node:vm, as Apps Script runs it), each call as Sheets makes it:
 * 50,000 history rows (1,000 merchants × 50 days, Date cells of the script's realm) and 5,000
 * campaign rows (1,000 merchants × 5 days), against the 30 s a custom function may take. Side by
 * side in one run, since this machine's timings move ±20 %: SETTLEMENT on the same ranges (what
 * reading and settling alone cost), COEFFICIENT_FOR_BUDGET for one budget and for a column of 20,
 * PAYOUT_SCENARIOS with 4 changes and NEAR_NEXT_TIER. Options: --runs N (default 5).
 */
import { performance } from 'node:perf_hooks';
import { loadDist } from '../test/build/dist';
import { prng } from './prng';
import { runMain } from './runMain';

const args = process.argv.slice(2);
const RUNS = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 5;
const MERCHANTS = 1000;
const HISTORY_DAYS = 50;
const CAMPAIGN_DAYS = 5;
const LIMIT_MS = 30000;

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const dist = await loadDist();
  try {
    const inRealm = dist.inside('({ date: (y, m, d) => new Date(y, m, d), rows: (rows) => rows.map((row) => row.slice()), column: (xs) => xs.map((x) => [x]) })') as {
      date: (y: number, m: number, d: number) => Date;
      rows: (rows: unknown[][]) => unknown[][];
      column: (xs: unknown[]) => unknown[][];
    };
    const random = prng(5);
    const history: unknown[][] = [['商家ID', '日期', '成交金额']];
    const campaign: unknown[][] = [['商家ID', '日期', '支付GMV', '磁力金牛消耗']];
    for (let m = 0; m < MERCHANTS; m++) {
      const id = `S${String(m).padStart(6, '0')}`;
      const baseline = 20000 + random() * 400000;
      for (let d = 0; d < HISTORY_DAYS; d++) history.push([id, inRealm.date(2025, 8, 21 + d), Math.round(baseline * (0.7 + random() * 0.6) * 100) / 100]);
      for (let d = 0; d < CAMPAIGN_DAYS; d++) campaign.push([id, inRealm.date(2025, 10, 11 + d), Math.round(baseline * (0.6 + random() * 4) * 100) / 100, Math.round(baseline * random() * 8) / 100]);
    }
    // Arrays of the script's realm, as Sheets hands them over.
    const h = inRealm.rows(history);
    const c = inRealm.rows(campaign);
    const call = (name: string, ...rest: unknown[]) => {
      const fn = dist.context[name] as (...a: unknown[]) => unknown;
      const start = performance.now();
      const result = fn(h, c, ...rest);
      return { ms: performance.now() - start, result };
    };
    const budgets = inRealm.column(Array.from({ length: 20 }, (_, i) => 200000 * (i + 1)));
    const changes = inRealm.column([-0.2, -0.1, 0, 0.1]);
    const measured: [string, () => { ms: number; result: unknown }][] = [
      ['SETTLEMENT (coefficient 0.05)', () => call('SETTLEMENT', 0.05)],
      ['COEFFICIENT_FOR_BUDGET, one budget (2,000,000)', () => call('COEFFICIENT_FOR_BUDGET', 2000000)],
      ['COEFFICIENT_FOR_BUDGET, 20 budgets, 6 decimals', () => call('COEFFICIENT_FOR_BUDGET', budgets, 6)],
      ['PAYOUT_SCENARIOS, 4 changes', () => call('PAYOUT_SCENARIOS', 0.05, changes)],
      ['NEAR_NEXT_TIER, within 10%', () => call('NEAR_NEXT_TIER', '10%', '', 0.05)],
    ];
    console.log(`bench:whatif: ${history.length - 1} history rows + ${campaign.length - 1} campaign rows (${MERCHANTS} merchants), dist/ in node:vm; ${RUNS} runs each, interleaved`);
    const times = measured.map(() => [] as number[]);
    let answer = '';
    for (let run = 0; run < RUNS; run++) {
      measured.forEach(([name, measure], i) => {
        const { ms, result } = measure();
        times[i].push(ms);
        if (run === 0 && name.startsWith('COEFFICIENT_FOR_BUDGET, one')) answer = String(result);
      });
    }
    const rows = measured.map(([name], i) => [name, seconds(median(times[i])), times[i].map(seconds).join(', ')]);
    const width = [0, 1, 2].map((k) => Math.max(...rows.map((r) => r[k].length), 8));
    console.log('\n| ' + ['call', 'median', 'runs'].map((t, k) => t.padEnd(width[k])).join(' | ') + ' |');
    console.log('|' + width.map((w) => '-'.repeat(w + 2)).join('|') + '|');
    rows.forEach((r) => console.log('| ' + r.map((cell, k) => cell.padEnd(width[k])).join(' | ') + ' |'));
    const slowest = Math.max(...times.map(median));
    console.log(`\nCOEFFICIENT_FOR_BUDGET(…, 2000000) = ${answer}; slowest median ${seconds(slowest)}, ${((100 * slowest) / LIMIT_MS).toFixed(1)}% of the 30 s limit`);
  } finally {
    dist.remove();
  }
}

runMain(main);
