/** Issue 6's real-export traps through `gmv-settle`, as a user runs it on exported files. */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { EXPORT_TRAPS } from '../fixtures/exportTraps';
import { folderWith, gmvSettle, hasStackTrace } from './helpers';

const files: Record<string, string | Uint8Array> = {};
EXPORT_TRAPS.forEach((trap, i) => {
  files[`h${i}.csv`] = trap.history;
  files[`c${i}.csv`] = trap.campaign;
});
const utf8 = new TextEncoder();
// A UTF-8 export with one row pasted in from a GBK file (晨光 = B3 BF B9 E2 in GBK).
files['mixed.csv'] = Uint8Array.from([
  ...utf8.encode('商家ID,商家名称,日期,成交金额,磁力金牛消耗\nM001,星河小店,2025-11-11,523456.78,12345.67\nM002,'),
  0xb3, 0xbf, 0xb9, 0xe2,
  ...utf8.encode(',2025-11-11,150000,1000\n'),
]);
files['history-two.csv'] = EXPORT_TRAPS[2].history;
files['binary.csv'] = Uint8Array.from([0x4d, 0x31, 0x00, 0x00, 0x00, 0x2c, 0x31, 0x00, 0x0a, 0x00, 0x00, 0x07]);
const folder = folderWith(files);
after(folder.remove);

describe('gmv-settle on real-export traps', () => {
  EXPORT_TRAPS.forEach((trap, i) => {
    it(trap.name, () => {
      const run = gmvSettle(['--history', folder.path(`h${i}.csv`), '--campaign', folder.path(`c${i}.csv`), '--coefficient', '0.05', '--format', 'json']);
      assert.equal(run.status, 0, run.stderr);
      const report = JSON.parse(run.stdout);
      assert.equal(report.totals.cash_total, trap.cashTotal);
      assert.equal(report.totals.blocked_merchants, trap.blockedMerchants);
      if (trap.issue) assert.match(run.stderr, trap.issue);
    });
  });

  it('a row with bytes that are not UTF-8 is reported on its row with the bytes; the rest of the file stays UTF-8', () => {
    const run = gmvSettle(['--history', folder.path('history-two.csv'), '--campaign', folder.path('mixed.csv'), '--coefficient', '0.05', '--format', 'json']);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.equal(report.lines[0].merchant_name, '星河小店');
    assert.equal(report.totals.cash_total, '23345.68');
    assert.deepEqual(report.issues.map((i: { row: number; merchant_id: string; value: string }) => [i.row, i.merchant_id, i.value]), [[3, 'M002', '0xB3 0xBF 0xB9 0xE2']]);
    assert.deepEqual(report.merchants.map((m: { status: string }) => m.status), ['qualified', 'blocked']);
  });

  it('a file with zero bytes that is not UTF-16 is refused by name (exit 2)', () => {
    const run = gmvSettle(['--history', folder.path('binary.csv'), '--campaign', folder.path('c0.csv'), '--coefficient', '0.05']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--history .*binary\.csv: the file contains zero bytes/);
    assert.ok(!hasStackTrace(run.stderr));
  });

  it('a coefficient of 5 is refused with the guess, in English and in Chinese; so is one in the policy file', () => {
    const run = gmvSettle(['--history', folder.path('h0.csv'), '--campaign', folder.path('c0.csv'), '--coefficient', '5']);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /--coefficient: coefficient 5 would pay 500% of the incremental GMV — did you mean 5%\?/);
    const zh = gmvSettle(['--history', folder.path('h0.csv'), '--campaign', folder.path('c0.csv'), '--coefficient', '1.5', '--lang', 'zh']);
    assert.match(zh.stderr, /奖励系数 1\.5 意味着按增量GMV的 150% 发放红包——是否应为 1\.5%？/);
    const policy = folderWith({ 'p.json': '{"tiers":[{"min_gmv":"200000","cashback_rate":"150%","traffic_cap_per_day":20000}],"red_packet_coefficient":"0.05"}' });
    try {
      const bad = gmvSettle(['--history', folder.path('h0.csv'), '--campaign', folder.path('c0.csv'), '--policy', policy.path('p.json')]);
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /tier 1 cashback rate 150% would pay 150% of the ad spend — a cashback rate is at most 100%/);
    } finally {
      policy.remove();
    }
  });

  it('history and campaign swapped: exit 2 with one message that says so', () => {
    const run = gmvSettle(['--history', folder.path('c0.csv'), '--campaign', folder.path('h0.csv'), '--coefficient', '0.05', '--lang', 'zh']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /是否把历史数据和活动日数据放反了？/);
    assert.ok(!hasStackTrace(run.stderr));
  });
});
