/**
 * SPEC §8's baseline choices in both engines, the default one (settleFiles, `gmv-settle`) and
 * DuckDB (`gmv-settle --engine duckdb`), each case worked by hand. The review's case: M001's
 * only history is 2025-09-01 … 09-03 (150,000.00 / 180,000.00 / 210,000.00), its campaign day
 * 2025-11-11 GMV 523,456.78 with ad spend 12,345.67, coefficient 0.05. A 30-day window keeps
 * 2025-10-12 … 2025-11-10 (the 30 days before 11-11), so none of M001's days is usable: it is
 * `no_baseline` and paid nothing, even under `new_merchant_baseline: "zero"`, which is for a
 * merchant with no history (SPEC §5), not for one whose days the policy set aside. The BigQuery
 * engine, which cannot run here, reads the same run record from its output.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import type { CliRequest } from '../../src/cli/args';
import { rowsFromResults } from '../../src/cli/bigqueryEngine';
import { duckDbSettlementRun, runRecord } from '../../src/cli/engineRun';
import { Dec } from '../../src/core/money';
import { double11Policy } from '../../src/core/policy';
import { settleFiles } from '../../src/cli/settleFiles';
import { baselineText } from '../../src/output/baselineText';
import { toJsonReport } from '../../src/output/json';
import { describeReason } from '../../src/output/reasonText';
import { settlementRunFromRows } from '../../src/sql/settlementRun';
import type { SettlementRun } from '../../src/run/runSettlement';
import { folderWith } from './helpers';

const HISTORY = 'merchant_id,date,gmv\nM001,2025-09-01,150000.00\nM001,2025-09-02,180000.00\nM001,2025-09-03,210000.00\n';
const CAMPAIGN = 'merchant_id,date,gmv,ad_spend\nM001,2025-11-11,523456.78,12345.67\n';

let instance: DuckDBInstance;
before(async () => {
  instance = await DuckDBInstance.create(':memory:');
});
after(() => instance.closeSync());

/** The same files settled by each engine. */
async function bothEngines(policy: Record<string, unknown>, history = HISTORY, campaign = CAMPAIGN): Promise<[string, SettlementRun][]> {
  const folder = folderWith({ 'history.csv': history, 'campaign.csv': campaign, 'policy.json': JSON.stringify(policy) });
  try {
    const request: CliRequest = { history: folder.path('history.csv'), campaign: folder.path('campaign.csv'), policy: folder.path('policy.json'), format: 'json', language: 'en', engine: 'default' };
    return [
      ['default', await settleFiles(request)],
      ['duckdb', await duckDbSettlementRun({ ...request, engine: 'duckdb' }, instance)],
    ];
  } finally {
    folder.remove();
  }
}

const figures = (line: ReturnType<typeof toJsonReport>['lines'][number]) => [
  line.merchant_id,
  line.status,
  line.baseline_avg,
  line.tier,
  line.cashback,
  line.red_packet,
  line.cash_total,
  line.traffic_granted,
];

describe('SPEC §8 baseline choices, the same in both engines', () => {
  it('a 30-day window that leaves M001 no usable day: no_baseline, paid 0, even under new_merchant_baseline "zero"', async () => {
    // M009 has no history at all: "zero" gives it baseline 0.00, so 523,456.78 > 500,000 is tier 2:
    // cashback 12,345.67 × 0.50 = 6,172.835 → 6,172.84; red packet 523,456.78 × 0.05 = 26,172.839 → 26,172.84;
    // cash 32,345.68; traffic 75,000. M001 has history, so it is not new.
    const campaign = CAMPAIGN + 'M009,2025-11-11,523456.78,12345.67\n';
    for (const [engine, run] of await bothEngines({ red_packet_coefficient: '0.05', baseline_window_days: 30, new_merchant_baseline: 'zero' }, HISTORY, campaign)) {
      const json = toJsonReport(run);
      assert.deepEqual(json.lines.map(figures), [
        ['M001', 'no_baseline', null, 0, '0.00', '0.00', '0.00', 0],
        ['M009', 'qualified', '0.00', 2, '6172.84', '26172.84', '32345.68', 75000],
      ], engine);
      assert.equal(json.lines[0].reason, "only 0 usable history days (the policy's baseline choices left out 3), fewer than the 1 baseline_min_days asks for", engine);
      assert.equal(json.totals.cash_total, '32345.68', engine);
      // The three days before 2025-10-12, reported once, about the table (row 0), blocking nobody.
      assert.deepEqual(
        run.read.issues.map((i) => [i.source, i.row, i.merchantId, i.value, i.message, i.blocksMerchant]),
        [['history', 0, '', '< 2025-10-12', 'baseline_window_days: 3 history days before 2025-10-12 are left out of the baseline (it uses 2025-10-12 … 2025-11-10)', false]],
        engine,
      );
      assert.equal(run.read.issues[0].messageZh, '过往日均只取 2025-10-12 至 2025-11-10：2025-10-12 之前的 3 个历史日未计入过往日均', engine);
      // The run record (the CLI's 'baseline:' line, the summary's Baseline row).
      assert.deepEqual(run.read.baselineDays, { window: { from: '2025-10-12', to: '2025-11-10' }, excludeDates: [], leftOutByWindow: 3, leftOutByExclusion: 0 }, engine);
      assert.equal(baselineText(run, 'en'), 'the 30 days 2025-10-12 … 2025-11-10; at least 1 day; 3 history days left out', engine);
    }
  });

  it('with baseline_min_days 2 the reason says the merchant has history and what the policy left out', async () => {
    for (const [engine, run] of await bothEngines({ red_packet_coefficient: '0.05', baseline_window_days: 30, new_merchant_baseline: 'zero', baseline_min_days: 2 })) {
      const line = run.settlement.lines[0];
      assert.deepEqual(figures(toJsonReport(run).lines[0]), ['M001', 'no_baseline', null, 0, '0.00', '0.00', '0.00', 0], engine);
      assert.equal(describeReason(line.reason, 'en'), "only 0 usable history days (the policy's baseline choices left out 3), fewer than the 2 baseline_min_days asks for", engine);
      assert.equal(describeReason(line.reason, 'zh'), '可用历史数据只有 0 天，少于过往日均要求的 2 天（政策的过往日均选项剔除了 3 天）', engine);
    }
  });

  it('excluded dates: one usable day of the three is fewer than 2, said in the singular', async () => {
    // 09-02 and 09-03 excluded, no window: only 09-01 (150,000.00) is usable, 2 left out.
    for (const [engine, run] of await bothEngines({ red_packet_coefficient: '0.05', baseline_exclude_dates: ['2025-09-02', '2025-09-03'], baseline_min_days: 2 })) {
      const json = toJsonReport(run);
      assert.deepEqual(figures(json.lines[0]), ['M001', 'no_baseline', null, 0, '0.00', '0.00', '0.00', 0], engine);
      assert.equal(json.lines[0].reason, "only 1 usable history day (the policy's baseline choices left out 2), fewer than the 2 baseline_min_days asks for", engine);
      assert.deepEqual(
        run.read.issues.map((i) => [i.row, i.value, i.message, i.blocksMerchant]),
        [[0, '2025-09-02, 2025-09-03', 'baseline_exclude_dates: 2 history days on the excluded dates are left out of the baseline', false]],
        engine,
      );
      assert.deepEqual(run.read.baselineDays, { window: undefined, excludeDates: ['2025-09-02', '2025-09-03'], leftOutByWindow: 0, leftOutByExclusion: 2 }, engine);
    }
  });

  it('a duplicated day the window leaves out is counted once, as the first row of the day is the one read (SPEC §4)', async () => {
    // M002's 2025-09-01 twice (the second row rejected, blocking M002) and 2025-11-10 inside the window:
    // left out by the window: M001's 3 days + M002's one 09-01 = 4.
    const history = HISTORY + 'M002,2025-09-01,1.00\nM002,2025-09-01,2.00\nM002,2025-11-10,100000.00\n';
    const campaign = CAMPAIGN + 'M002,2025-11-11,523456.78,0\n';
    for (const [engine, run] of await bothEngines({ red_packet_coefficient: '0.05', baseline_window_days: 30 }, history, campaign)) {
      assert.deepEqual(toJsonReport(run).lines.map((l) => [l.merchant_id, l.status, l.cash_total]), [['M001', 'no_baseline', '0.00'], ['M002', 'blocked', '0.00']], engine);
      assert.equal(run.read.baselineDays?.leftOutByWindow, 4, engine);
      assert.match(run.read.issues.at(-1)?.message ?? '', /^baseline_window_days: 4 history days before 2025-10-12/, engine);
    }
  });

  it('the BigQuery engine reads the record from its settlement_baseline_days output (BigQuery returns DATE as { value }, INT64 as text)', () => {
    const results = [
      [{ merchants: 1, rows_read: '4', rows_rejected: '0' }],
      [{ window_from: { value: '2025-10-12' }, window_to: { value: '2025-11-10' }, left_out_by_window: '3', left_out_by_exclusion: '0' }],
    ];
    const policy = { ...double11Policy(), redPacketCoefficient: new Dec('0.05'), baselineWindowDays: 30 };
    const run = settlementRunFromRows(rowsFromResults(results), policy, [], runRecord(policy, '', new Date()));
    assert.deepEqual(run.read.baselineDays, { window: { from: '2025-10-12', to: '2025-11-10' }, excludeDates: [], leftOutByWindow: 3, leftOutByExclusion: 0 });
    assert.equal(baselineText(run, 'en'), 'the 30 days 2025-10-12 … 2025-11-10; at least 1 day; 3 history days left out');
  });
});
