/** Money at any size (issue 6): sums of fen stay exact past 2^53, one value above 10^11 CNY is refused as implausible. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addFen, Dec, fenToText, meanFen } from '../../src/core/money';
import { double11Policy } from '../../src/core/policy';
import { tableFromText } from '../../src/input/table';
import { toJsonReport } from '../../src/output/json';
import { runSettlement } from '../../src/run/runSettlement';

const POLICY = { ...double11Policy(), redPacketCoefficient: new Dec('0.05') };
const MAX_VALUE = '99999999999.99'; // the largest amount one value may be

test('a baseline over 1,001 days of near the ceiling is the exact mean, rounded once', () => {
  const rows = ['merchant_id,date,gmv'];
  for (let d = 0; d < 1000; d++) rows.push(`M1,${isoDay(d)},${MAX_VALUE}`);
  rows.push(`M1,${isoDay(1000)},0.03`);
  const run = runSettlement({ history: tableFromText('history', rows.join('\n')), campaign: tableFromText('campaign', 'merchant_id,date,gmv\nM1,2029-01-01,1\n') }, POLICY);
  // Independent arithmetic: sum = 1000 × 9,999,999,999,999 fen + 3 fen, over 1,001 days, half away from zero.
  const sum = BigInt(1000) * BigInt('9999999999999') + BigInt(3);
  const days = BigInt(1001);
  const mean = sum / days + (BigInt(2) * (sum % days) >= days ? BigInt(1) : BigInt(0));
  assert.ok(sum > BigInt(Number.MAX_SAFE_INTEGER));
  assert.equal(toJsonReport(run).lines[0].baseline_avg, fenToText(mean));
});

test('totals past 2^53 fen are exact: 1,000 tier-3 days at the ceiling', () => {
  const history = ['merchant_id,date,gmv'];
  const campaign = ['merchant_id,date,gmv,ad_spend'];
  for (let m = 0; m < 1000; m++) {
    history.push(`M${m},2025-10-01,0`);
    campaign.push(`M${m},2025-11-11,${MAX_VALUE},${MAX_VALUE}`);
  }
  const report = toJsonReport(runSettlement({ history: tableFromText('history', history.join('\n')), campaign: tableFromText('campaign', campaign.join('\n')) }, POLICY));
  // Per line: cashback 100% × 99,999,999,999.99; red packet 99,999,999,999.99 × 0.05 = 4,999,999,999.9995 → 5,000,000,000.00.
  assert.equal(report.lines[0].cashback, '99999999999.99');
  assert.equal(report.lines[0].red_packet, '5000000000.00');
  assert.equal(report.totals.cashback, '99999999999990.00');
  assert.equal(report.totals.red_packet, '5000000000000.00');
  assert.equal(report.totals.cash_total, '104999999999990.00');
});

test('addFen and meanFen carry on in BigInt past 2^53, and come back to numbers when they fit', () => {
  const big = addFen(Number.MAX_SAFE_INTEGER, 2);
  assert.equal(typeof big, 'bigint');
  assert.equal(big, BigInt(Number.MAX_SAFE_INTEGER) + BigInt(2));
  assert.equal(addFen(big, -3), Number.MAX_SAFE_INTEGER - 1);
  assert.equal(fenToText(BigInt('-123456789012345678')), '-1234567890123456.78');
  assert.equal(fenToText(BigInt(5)), '0.05');
  assert.equal(meanFen(BigInt('9007199254740993'), 2), 4503599627370497); // 4,503,599,627,370,496.5 → away from zero
});

function isoDay(offset: number): string {
  const d = new Date(Date.UTC(2025, 0, 1) + offset * 86400000);
  return d.toISOString().slice(0, 10);
}
