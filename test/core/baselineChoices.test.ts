/**
 * SPEC §8's baseline choices on SPEC §6's worked example, each worked by hand like §6:
 * history of M001 2025-11-08 150,000.00 / 11-09 180,000.00 / 11-10 210,000.00, campaign day
 * 2025-11-11 GMV 523,456.78, ad spend 12,345.67, coefficient 0.05; cashback at tier 2 is
 * 12,345.67 × 0.50 = 6,172.835 → 6,172.84 whatever the baseline.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { tierChanges } from '../../src/core/baselineCompare';
import { Dec } from '../../src/core/money';
import { double11Policy, type Policy } from '../../src/core/policy';
import { tableFromText } from '../../src/input/table';
import { runRecordBlock } from '../../src/output/sheetTables';
import { describeReason } from '../../src/output/reasonText';
import { toJsonReport } from '../../src/output/json';
import { runSettlement } from '../../src/run/runSettlement';
import { SPEC6, SPEC6_CSV } from '../fixtures/spec6';

function settle(options: Partial<Policy>, history = SPEC6_CSV.history, campaign = SPEC6_CSV.campaign) {
  const policy: Policy = { ...double11Policy(), redPacketCoefficient: new Dec(SPEC6.coefficient), ...options };
  const run = runSettlement({ history: tableFromText('history', history), campaign: tableFromText('campaign', campaign) }, policy, { sha256: () => '' });
  return { run, json: toJsonReport(run) };
}

describe('SPEC §8 baseline choices, on SPEC §6', () => {
  test('defaults: all history before the first campaign day, no exclusions, m = 1: exactly SPEC §6', () => {
    const { json } = settle({});
    assert.deepEqual(json.lines[0], SPEC6.line);
  });

  test('baseline_window_days 2: only 11-09 and 11-10 (the 2 days before 11-11) count', () => {
    const { run, json } = settle({ baselineWindowDays: 2 });
    const line = json.lines[0];
    // (180,000.00 + 210,000.00) / 2 = 195,000.00; 523,456.78 > 500,000 and > 195,000.00 → tier 2.
    assert.equal(line.baseline_avg, '195000.00');
    assert.equal(line.tier, 2);
    assert.equal(line.incremental_gmv, '328456.78'); // 523,456.78 − 195,000.00
    assert.equal(line.red_packet, '16422.84'); // 328,456.78 × 0.05 = 16,422.839
    assert.equal(line.cashback, '6172.84');
    assert.equal(line.cash_total, '22595.68'); // 6,172.84 + 16,422.84
    // The day left out is reported once, with the window, and blocks nobody.
    const notes = run.read.issues.filter((issue) => /baseline_window_days/.test(issue.message));
    assert.deepEqual(notes.map((n) => [n.row, n.value, n.blocksMerchant]), [[0, '< 2025-11-09', false]]);
    assert.match(notes[0].message, /^baseline_window_days: 1 history days before 2025-11-09 are left out of the baseline \(it uses 2025-11-09 … 2025-11-10\)$/);
    assert.deepEqual(run.read.totalCounts, { read: 4, used: 4, rejected: 0 });
  });

  test('baseline_window_days 3 reaches back to 11-08 exactly: the window includes its first day', () => {
    assert.deepEqual(settle({ baselineWindowDays: 3 }).json.lines[0], SPEC6.line);
  });

  test('baseline_exclude_dates 2025-11-10: the mean of the other two days', () => {
    const line = settle({ baselineExcludeDates: ['2025-11-10'] }).json.lines[0];
    // (150,000.00 + 180,000.00) / 2 = 165,000.00; increment 358,456.78 × 0.05 = 17,922.839 → 17,922.84.
    assert.deepEqual([line.baseline_avg, line.incremental_gmv, line.red_packet, line.cash_total], ['165000.00', '358456.78', '17922.84', '24095.68']);
  });

  test('baseline_min_days 4: three usable days are too few, so M001 is no_baseline and paid nothing, saying why', () => {
    const { run, json } = settle({ baselineMinDays: 4 });
    const line = json.lines[0];
    assert.deepEqual([line.status, line.baseline_avg, line.tier, line.cash_total, line.traffic_granted], ['no_baseline', null, 0, '0.00', 0]);
    assert.equal(line.reason, 'only 3 usable history days, fewer than the 4 baseline_min_days asks for');
    assert.equal(describeReason(run.settlement.lines[0].reason, 'zh'), '可用历史数据只有 3 天，少于过往日均要求的 4 天');
    // And at m = 3 the three days are enough: SPEC §6 again.
    assert.deepEqual(settle({ baselineMinDays: 3 }).json.lines[0], SPEC6.line);
  });

  test('a window of 1 day with baseline_min_days 2: one usable day, the reason counts the days the window took', () => {
    const line = settle({ baselineWindowDays: 1, baselineMinDays: 2 }).json.lines[0];
    assert.equal(line.status, 'no_baseline');
    assert.equal(line.reason, "only 1 usable history day (the policy's baseline choices left out 2), fewer than the 2 baseline_min_days asks for");
  });

  test('new_merchant_baseline "zero" is for merchants with no history, not for one whose days the window took away', () => {
    const history = 'merchant_id,date,gmv\nM001,2025-11-01,150000.00\nM001,2025-11-02,180000.00\n';
    const campaign = `merchant_id,date,gmv,ad_spend\nM001,2025-11-11,523456.78,12345.67\nM009,2025-11-11,523456.78,12345.67\n`;
    const { json } = settle({ baselineWindowDays: 5, newMerchantBaseline: 'zero' }, history, campaign);
    assert.deepEqual(json.lines.map((l) => [l.merchant_id, l.status, l.baseline_avg]), [
      ['M001', 'no_baseline', null], // both its days are before 11-06: 0 usable, 2 left out
      ['M009', 'qualified', '0.00'], // no history at all: baseline 0 as the option says
    ]);
  });

  test('a ready baseline is used as is whatever baseline_min_days says', () => {
    const line = settle({ baselineMinDays: 30 }, 'merchant_id,avg_gmv\nM001,180000\n').json.lines[0];
    assert.deepEqual([line.status, line.baseline_avg, line.cash_total], ['qualified', '180000.00', SPEC6.line.cash_total]);
  });

  test('a wide history is filtered by the same choices, column by column', () => {
    const wide = 'merchant_id,2025-11-08,2025-11-09,2025-11-10\nM001,150000,180000,210000\n';
    const windowed = settle({ baselineWindowDays: 2 }, wide).json.lines[0];
    const excluded = settle({ baselineExcludeDates: ['2025-11-10'] }, wide).json.lines[0];
    assert.deepEqual([windowed.baseline_avg, excluded.baseline_avg], ['195000.00', '165000.00']);
  });

  test('the run record says which days the baseline used, in English and Chinese', () => {
    const { run } = settle({ baselineWindowDays: 2, baselineExcludeDates: ['2025-11-10'], baselineMinDays: 1 });
    // The label and its text; the rest of the row is the padding of the wider blocks it is stacked with.
    const row = (language: 'en' | 'zh') => runRecordBlock(run, language).values.find((r) => r[0] === (language === 'zh' ? '过往日均' : 'Baseline'))?.filter((cell) => cell !== '');
    assert.deepEqual(row('en'), ['Baseline', 'the 2 days 2025-11-09 … 2025-11-10; excluding 2025-11-10; at least 1 day; 2 history days left out']);
    assert.deepEqual(row('zh'), ['过往日均', '取 2025-11-09 至 2025-11-10（活动首日前 2 天）；剔除 2025-11-10；至少 1 天；共有 2 个历史日未计入']);
    // Only 11-09 is left: baseline 180,000.00, the same as SPEC §6's by coincidence of the figures.
    assert.equal(toJsonReport(run).lines[0].baseline_avg, '180000.00');
    const plain = runRecordBlock(settle({}).run, 'en').values.find((r) => r[0] === 'Baseline')?.filter((cell) => cell !== '');
    assert.deepEqual(plain, ['Baseline', 'all history before the first campaign day (2025-11-11); at least 1 day']);
  });

  test('compared side by side, the merchants whose best tier differs between choices, with what each pays', () => {
    const campaign = SPEC6_CSV.campaign + 'M002,2025-11-11,523456.78,0\n';
    const history = SPEC6_CSV.history + 'M002,2025-11-10,100000\nM002,2025-11-09,100000\nM002,2025-11-08,100000\n';
    const choices = [{}, { baselineMinDays: 4 }, { baselineWindowDays: 2 }].map((options) => settle(options, history, campaign).run.settlement);
    // Default and the 2-day window: M001 tier 2 (23,345.68; 22,595.68); with 4 days required neither has a baseline.
    assert.deepEqual(
      tierChanges(choices).map((c) => [c.merchantId, c.bestTiers, c.statuses, c.cashTotalsFen]),
      [
        ['M001', [2, 0, 2], ['qualified', 'no_baseline', 'qualified'], [2334568, 0, 2259568]],
        // M002: baseline 100,000.00 either way, increment 423,456.78 × 0.05 = 21,172.839 → 21,172.84, no ad spend.
        ['M002', [2, 0, 2], ['qualified', 'no_baseline', 'qualified'], [2117284, 0, 2117284]],
      ],
    );
    assert.deepEqual(tierChanges([choices[0], choices[2]]), [], 'the window does not change a tier here');
  });
});
