/** Whole settlements from pasted text, read like SPEC §2–§6. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Dec } from '../../src/core/money';
import { double11Policy, type Policy } from '../../src/core/policy';
import { tableFromText } from '../../src/input/table';
import { toJsonReport } from '../../src/output/json';
import { runSettlement } from '../../src/run/runSettlement';
import { SPEC6, SPEC6_CSV } from '../fixtures/spec6';

function settleText(history: string, campaign: string, edit: Partial<Policy> = {}, targets?: string) {
  const policy: Policy = { ...double11Policy(), redPacketCoefficient: new Dec('0.05'), ...edit };
  const run = runSettlement(
    {
      history: tableFromText('history', history),
      campaign: tableFromText('campaign', campaign),
      targets: targets === undefined ? undefined : tableFromText('targets', targets),
    },
    policy,
  );
  return toJsonReport(run);
}

const SPEC_HISTORY = SPEC6_CSV.history;

test('SPEC §6 worked example as a settlement line', () => {
  const report = settleText(SPEC_HISTORY, SPEC6_CSV.campaign);
  assert.deepEqual(report.lines[0], SPEC6.line);
  assert.equal(report.totals.cash_total, SPEC6.line.cash_total);
  assert.equal(report.totals.qualified_merchants, 1);
});

test('traffic is granted on the first 5 qualified days only; the rest say why', () => {
  const days = [11, 12, 13, 14, 15, 16, 17].map((d) => `M001,2025-11-${d},250000,0`).join('\n');
  const report = settleText(SPEC_HISTORY, `merchant_id,date,gmv,ad_spend\n${days}\n`);
  const granted = report.lines.map((l) => l.traffic_granted);
  assert.deepEqual(granted, [20000, 20000, 20000, 20000, 20000, 0, 0]);
  assert.match(String(report.lines[5].reason), /traffic days used up/);
  assert.equal(report.merchants[0].traffic_granted, 100000);
  assert.equal(report.totals.traffic_granted, 100000);
});

test('a merchant with a rejected row is blocked: no payout, lines say why, summary counts it', () => {
  const history = SPEC_HISTORY + 'M002,2025-11-08,12,3x\n'.replace('12,3x', '"12,3x"') + 'M002,2025-11-09,100000\n';
  const report = settleText(history, 'merchant_id,date,gmv,ad_spend\nM001,2025-11-11,523456.78,12345.67\nM002,2025-11-11,900000,5000\n');
  const m2 = report.lines.find((l) => l.merchant_id === 'M002')!;
  assert.equal(m2.status, 'blocked');
  assert.equal(m2.cash_total, '0.00');
  assert.equal(m2.traffic_granted, 0);
  assert.match(String(m2.reason), /row 5 of history/);
  assert.equal(report.totals.blocked_merchants, 1);
  assert.equal(report.totals.cash_total, '23345.68'); // M001 only
  assert.deepEqual(
    report.issues.map((i) => [i.source, i.row, i.merchant_id, i.value]),
    [['history', 5, 'M002', '12,3x']],
  );
});

test('rows read = rows used + rows rejected, across all inputs', () => {
  const campaign = 'merchant_id,date,gmv\nM001,2025-11-11,300000\nM001,2025-11-11,300000\nM009,11/11/2025,1\n\nM010,2025-11-11,\n';
  const report = settleText(SPEC_HISTORY, campaign);
  // history 3 rows; campaign 4 non-blank rows: duplicate (row 3), ambiguous date (row 4), missing GMV (row 6)
  assert.equal(report.totals.rows_read, 7);
  assert.equal(report.totals.rows_rejected, 3);
  assert.equal(report.totals.rows_used, 4);
  assert.deepEqual(report.issues.map((i) => i.row), [3, 4, 6]);
  assert.equal(report.merchants.find((m) => m.merchant_id === 'M001')!.status, 'blocked'); // duplicate blocks
  // Merchants whose only campaign row was rejected still have a line saying why.
  const m9 = report.lines.find((l) => l.merchant_id === 'M009')!;
  assert.deepEqual([m9.status, m9.date, m9.gmv], ['blocked', null, '1.00']);
  assert.match(String(m9.reason), /row 4 of campaign/);
  const m10 = report.lines.find((l) => l.merchant_id === 'M010')!;
  assert.deepEqual([m10.status, m10.date, m10.gmv], ['blocked', '2025-11-11', null]);
});

test('history on or after the first campaign day is left out of the baseline and reported', () => {
  const history = SPEC_HISTORY + 'M001,2025-11-11,999999\n';
  const report = settleText(history, 'merchant_id,date,gmv,ad_spend\nM001,2025-11-11,523456.78,12345.67\n');
  assert.equal(report.lines[0].baseline_avg, '180000.00');
  assert.equal(report.lines[0].status, 'qualified'); // not a bad row: the merchant is not blocked
  assert.equal(report.issues.length, 1);
  assert.equal(report.issues[0].row, 5);
  assert.match(String(report.issues[0].message), /left out of the baseline/);
});

test('no history and no ready baseline is no_baseline, unless new_merchant_baseline is zero', () => {
  const campaign = 'merchant_id,date,gmv,ad_spend\nNEW1,2025-11-11,250000,1000\n';
  assert.equal(settleText(SPEC_HISTORY, campaign).lines[0].status, 'no_baseline');
  const zero = settleText(SPEC_HISTORY, campaign, { newMerchantBaseline: 'zero' }).lines[0];
  // baseline 0: tier 1, incremental 250,000, cashback 1,000 × 30% = 300.00, red packet 250,000 × 0.05 = 12,500.00
  assert.equal(zero.status, 'qualified');
  assert.equal(zero.cashback, '300.00');
  assert.equal(zero.red_packet, '12500.00');
});

test('invited_only: merchants missing from the targets list are not_invited; per-merchant thresholds apply', () => {
  const campaign = 'merchant_id,date,gmv\nM001,2025-11-11,523456.78\nM002,2025-11-11,523456.78\n';
  const history = SPEC_HISTORY + 'M002,2025-11-08,180000\n';
  const targets = 'merchant_id,tier1,tier2,tier3\nM001,100000,300000,520000\n';
  const report = settleText(history, campaign, { invitedOnly: true }, targets);
  assert.equal(report.lines[0].tier, 3); // 523,456.78 > own tier 3 target 520,000
  assert.equal(report.lines[1].status, 'not_invited');
  // Not paid, but its numbers still explain it: 523,456.78 − 180,000.00 = 343,456.78.
  assert.deepEqual(
    [report.lines[1].baseline_avg, report.lines[1].incremental_gmv, report.lines[1].tier, report.lines[1].cash_total],
    ['180000.00', '343456.78', 0, '0.00'],
  );
});

test('a ready baseline history (过往日均) is used as is', () => {
  const report = settleText('商家ID,过往日均\nM001,"¥180,000.00"\n', '商家ID,日期,成交金额,磁力金牛消耗\nM001,2025年11月11日,52.345678万,"12,345.67"\n');
  assert.equal(report.lines[0].baseline_avg, '180000.00');
  assert.equal(report.lines[0].cash_total, '23345.68');
});

test('wide history: one column per date, blanks ignored, zeros counted', () => {
  const wide = '商家ID,2025-11-07,2025-11-08,2025-11-09,2025-11-10\nM001,,150000,180000,210000\nM002,0,300000,,\n';
  const report = settleText(wide, 'merchant_id,date,gmv\nM001,2025-11-11,523456.78\nM002,2025-11-11,160000\n');
  assert.equal(report.lines[0].baseline_avg, '180000.00');
  assert.equal(report.lines[1].baseline_avg, '150000.00'); // (0 + 300,000) / 2
  assert.equal(report.totals.rows_read, 4);
});

test('totals are sums of the rounded line figures', () => {
  const campaign = [
    'merchant_id,date,gmv,ad_spend',
    'M001,2025-11-11,523456.78,12345.67',
    'M001,2025-11-12,200000.01,0.01', // tier 1: 0.01 × 0.3 = 0.003 → 0.00; (200,000.01 − 180,000) × 0.05 = 1,000.0005 → 1,000.00
    'M001,2025-11-13,1000000.01,33.33', // tier 3: cashback 33.33; (820,000.01) × 0.05 = 41,000.0005 → 41,000.00
  ].join('\n');
  const report = settleText(SPEC_HISTORY, campaign);
  assert.deepEqual(report.lines.map((l) => l.cash_total), ['23345.68', '1000.00', '41033.33']);
  assert.equal(report.totals.cashback, '6206.17'); // 6,172.84 + 0.00 + 33.33
  assert.equal(report.totals.red_packet, '59172.84'); // 17,172.84 + 1,000.00 + 41,000.00
  assert.equal(report.totals.cash_total, '65379.01');
});

test('per-merchant targets must rise from tier to tier, blanks taking the policy\'s; else the row is rejected', () => {
  const targets = 'merchant_id,tier1,tier2,tier3\nM001,400000,300000,500000\nM002,300000,,\nM003,600000,,\n';
  const history = SPEC_HISTORY + 'M002,2025-11-08,100000\nM003,2025-11-08,100000\n';
  const campaign = 'merchant_id,date,gmv\nM001,2025-11-11,350000\nM002,2025-11-11,350000\nM003,2025-11-11,350000\n';
  const report = settleText(history, campaign, {}, targets);
  // M001: 400,000 then 300,000 falls; M003: 600,000 then the policy's 500,000 falls.
  assert.deepEqual(report.issues.map((i) => [i.row, i.merchant_id]), [[2, 'M001'], [4, 'M003']]);
  assert.deepEqual(report.lines.map((l) => l.status), ['blocked', 'qualified', 'blocked']);
  assert.equal(report.lines[1].tier, 1); // M002: 350,000 > own 300,000, below the policy's 500,000
});

test('a targets column that is not recognised is reported, not silently dropped', () => {
  const report = settleText(SPEC_HISTORY, 'merchant_id,date,gmv\nM001,2025-11-11,523456.78\n', {}, 'merchant_id,t1,t2\nM001,100000,200000\n');
  assert.deepEqual(report.issues.map((i) => [i.row, i.value]), [[1, 't1'], [1, 't2']]);
  assert.equal(report.totals.rows_rejected, 0); // a note on the heading rejects no row
  assert.equal(report.lines[0].tier, 2); // settled on the policy's thresholds, as reported
});

test('with threshold_inclusive a day exactly at a threshold qualifies, and the reason says "at or above"', () => {
  const report = settleText(SPEC_HISTORY, 'merchant_id,date,gmv\nM001,2025-11-11,1000000\n', { thresholdInclusive: true });
  assert.equal(report.lines[0].tier, 3);
  assert.equal(report.lines[0].reason, 'GMV 1,000,000.00 is at or above tier 3 (1,000,000), the top tier');
});
