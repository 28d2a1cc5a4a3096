/**
 * SPEC §7 through the command line: a campaign's run 1 approved as an earlier --format json
 * output, run 2 net of refunds against it with --previous, the true_up object as the README's
 * contract, holds, statements and the payout list.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { SPEC6, SPEC6_CSV } from '../fixtures/spec6';
import { SPEC7, SPEC7_CSV } from '../fixtures/spec7';
import { folderWith, gmvSettle, hasStackTrace } from './helpers';

const CAMPAIGN = '双11登峰激励 2025';
const files = folderWith({
  'h1.csv': SPEC6_CSV.history,
  'c1.csv': SPEC6_CSV.campaign,
  'h2.csv': SPEC7_CSV.history,
  'c2.csv': SPEC7_CSV.campaign,
  'net.json': '{"red_packet_coefficient": "0.05", "gmv_basis": "net_of_refunds"}',
  'net-waive.json': '{"red_packet_coefficient": "0.05", "gmv_basis": "net_of_refunds", "clawback": false}',
  'holds.csv': '商家ID,暂缓原因\nM001,appeal 12\n',
});
after(files.remove);

const run2Args = (policy = 'net.json') => ['--history', files.path('h2.csv'), '--campaign', files.path('c2.csv'), '--policy', files.path(policy), '--format', 'json'];

describe('gmv-settle --previous: SPEC §7 worked example', () => {
  let run1: { run: Record<string, unknown> };
  before(() => {
    const out = gmvSettle(['--history', files.path('h1.csv'), '--campaign', files.path('c1.csv'), '--coefficient', '0.05', '--campaign-name', CAMPAIGN, '--out', files.path('run1.json')]);
    assert.equal(out.status, 0, out.stderr);
    run1 = JSON.parse(readFileSync(files.path('run1.json'), 'utf8'));
  });

  it('run 1 is run 1 of the campaign, a draft, with who ran it', () => {
    assert.deepEqual([run1.run.campaign, run1.run.run, run1.run.status], [CAMPAIGN, 1, 'draft']);
    assert.equal(typeof run1.run.user, 'string');
  });

  it('run 2 is a true-up against it: delta −3,969.14 (gmv), traffic −55,000, to pay 0.00, to recover 3,969.14', () => {
    const out = gmvSettle([...run2Args(), '--previous', files.path('run1.json')]);
    assert.equal(out.status, 0, out.stderr);
    const report = JSON.parse(out.stdout);
    assert.deepEqual(report.lines, [SPEC7.line]);
    assert.deepEqual(report.true_up, {
      previous: { input_sha256: run1.run.input_sha256, generated_at: run1.run.generated_at },
      lines: [SPEC7.trueUpLine],
      merchants: [SPEC7.trueUpMerchant],
      totals: SPEC7.trueUpTotals,
    });
    // Numbered after the run it is against, in the same campaign.
    assert.deepEqual([report.run.campaign, report.run.run, report.run.status], [CAMPAIGN, 2, 'draft']);
    assert.equal(report.run.policy.gmv_basis, 'net_of_refunds');
    assert.match(out.stderr, /true-up against run 1: before 23,345\.68, now 19,376\.54, delta -3,969\.14; to pay 0\.00, to recover 3,969\.14/);
    // SPEC §7: run 2 changed the policy to net of refunds, and the true-up says so.
    assert.match(out.stderr, /; policy changed: gmv_basis "paid" → "net_of_refunds"\n/);
  });

  it('with clawback: false, nothing to recover and 3,969.14 waived', () => {
    const report = JSON.parse(gmvSettle([...run2Args('net-waive.json'), '--previous', files.path('run1.json')]).stdout);
    assert.deepEqual(report.true_up.totals, { ...SPEC7.trueUpTotals, to_recover: '0.00', waived: SPEC7.waived });
  });

  it('a held merchant pays what run 1 paid; its delta is 0 and the totals say what the hold defers', () => {
    const report = JSON.parse(gmvSettle([...run2Args(), '--previous', files.path('run1.json'), '--holds', files.path('holds.csv')]).stdout);
    assert.deepEqual([report.lines[0].status, report.lines[0].cash_total, report.lines[0].reason], ['held', SPEC6.line.cash_total, 'held: appeal 12; would pay 19,376.54']);
    assert.deepEqual([report.totals.held_merchants, report.totals.held_deferred_cash], [1, '-3969.14']);
    assert.deepEqual([report.true_up.totals.delta_cash_total, report.true_up.totals.to_recover], ['0.00', '0.00']);
  });

  it('statements in Chinese: one file per merchant with the figures of the run, the previous amount, the delta and the checksum', () => {
    const dir = files.path('statements');
    const out = gmvSettle([...run2Args(), '--previous', files.path('run1.json'), '--lang', 'zh', '--statements', dir, '--out', files.path('run2.json')]);
    assert.equal(out.status, 0, out.stderr);
    assert.deepEqual(readdirSync(dir), ['M001.html']);
    const html = readFileSync(`${dir}/M001.html`, 'utf8');
    const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    assert.match(html, /^<!DOCTYPE html><html lang="zh-CN">/);
    assert.ok(!/<script|<link|src=/i.test(html), 'self-contained: no script, no link');
    for (const shown of [
      '对账单 · 双11登峰激励 2025',
      '结算批次 第2次结算',
      '2025-11-11 493,456.78 180,000.00 1 3,703.70 15,672.84 19,376.54 20,000 合格',
      '现金合计 19,376.54',
      '此前已发放 (第1次结算) 23,345.68',
      '差额 -3,969.14',
      '本次应补发 0.00',
      '应追回 3,969.14',
    ])
      assert.ok(text.includes(shown), `${shown} in ${text}`);
    const checksum = createHash('sha256').update(readFileSync(files.path('run2.json'))).digest('hex');
    assert.ok(text.includes(`结算校验值 ${checksum}`), 'the checksum is the SHA-256 of the run\'s JSON report');
  });

  it('every data value is escaped in a statement', () => {
    const hostile = folderWith({
      'h.csv': 'merchant_id,name,date,gmv\nM9,"<img src=x onerror=alert(1)>",2025-11-08,100000\n',
      'c.csv': 'merchant_id,name,date,gmv\nM9,"<img src=x onerror=alert(1)>",2025-11-11,300000\n',
    });
    try {
      const dir = hostile.path('s');
      assert.equal(gmvSettle(['--history', hostile.path('h.csv'), '--campaign', hostile.path('c.csv'), '--coefficient', '0.05', '--campaign-name', '<b>x</b>', '--statements', dir, '--format', 'json']).status, 0);
      const html = readFileSync(`${dir}/M9.html`, 'utf8');
      assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;') && html.includes('&lt;b&gt;x&lt;/b&gt;'));
      assert.ok(!html.includes('<img') && !html.includes('<b>'));
    } finally {
      hostile.remove();
    }
  });
});

describe('gmv-settle --previous refuses what is not an earlier --format json output', () => {
  const base = ['--history', files.path('h1.csv'), '--campaign', files.path('c1.csv'), '--coefficient', '0.05'];
  const refused = (args: string[], message: RegExp) => {
    const out = gmvSettle([...base, ...args]);
    assert.equal(out.status, 2, out.stderr);
    assert.match(out.stderr, message);
    assert.ok(!hasStackTrace(out.stderr));
    assert.equal(out.stdout, '');
  };

  it('a CSV, a JSON that is not a report, a later report, a run of another campaign', () => {
    refused(['--previous', files.path('c1.csv')], /--previous .*c1\.csv is not JSON .*: it must be an earlier gmv-settle --format json output/);
    writeFileSync(files.path('other.json'), '{"lines": []}');
    refused(['--previous', files.path('other.json')], /--previous .*other\.json: it has no "merchants" and "totals"; it must be an earlier gmv-settle --format json output/);
    const later = JSON.parse(gmvSettle([...base, '--format', 'json', '--campaign-name', CAMPAIGN]).stdout);
    later.run.generated_at = '2999-01-01T00:00:00.000Z';
    writeFileSync(files.path('later.json'), JSON.stringify(later));
    refused(['--previous', files.path('later.json')], /generated at 2999-01-01T00:00:00\.000Z, not before this run/);
    later.run.generated_at = '2025-11-12T00:00:00.000Z';
    writeFileSync(files.path('later.json'), JSON.stringify(later));
    refused(['--previous', files.path('later.json'), '--campaign-name', 'another'], /is a run of the campaign "双11登峰激励 2025", not "another"/);
    refused(['--previous', files.path('missing.json')], /cannot read --previous .*missing\.json: there is no such file/);
  });

  it('an empty or invisible campaign name', () => {
    refused(['--campaign-name', ' '], /--campaign-name: the campaign name is empty/);
    refused(['--campaign-name', 'a\u200bb'], /--campaign-name: the campaign name has control or invisible characters/);
  });
});

describe('gmv-settle --payout-list', () => {
  // A: tier 1 on 250,000.00 then 260,000.00 (+500.00); B: tier 2 on 600,000.00 then tier 1 on 400,000.00 (−10,200.00).
  const payout = folderWith({
    'h.csv': 'merchant_id,date,gmv\n' + ['A', 'B'].flatMap((id) => SPEC6.history.map((d) => `${id},${d.date},${d.gmv}`)).join('\n') + '\n',
    'c1.csv': 'merchant_id,name,date,gmv,ad_spend\nA,甲店,2025-11-11,250000,1000\nB,乙店,2025-11-11,600000,1000\n',
    'c2.csv': 'merchant_id,name,date,gmv,ad_spend\nA,甲店,2025-11-11,260000,1000\nB,乙店,2025-11-11,400000,1000\n',
  });
  after(payout.remove);
  const settle = (campaign: string, extra: string[]) =>
    gmvSettle(['--history', payout.path('h.csv'), '--campaign', payout.path(campaign), '--coefficient', '0.05', '--campaign-name', 'D11', '--format', 'json', ...extra]);

  it('a first run pays each merchant its cash total; the list sums to the cash total', () => {
    const report = JSON.parse(settle('c1.csv', ['--payout-list', payout.path('p1.csv')]).stdout);
    const csv = readFileSync(payout.path('p1.csv'), 'utf8');
    assert.ok(csv.startsWith('\ufeffmerchant_id,merchant_name,amount,traffic,campaign,run\n'));
    // A 300.00 + 3,500.00 = 3,800.00, 20,000 traffic; B 500.00 + 21,000.00 = 21,500.00, 75,000.
    assert.deepEqual(csv.slice(1).trim().split('\n').slice(1), ['A,甲店,3800.00,20000,D11,1', 'B,乙店,21500.00,75000,D11,1']);
    assert.equal(report.totals.cash_total, '25300.00');
  });

  it('a true-up pays only the difference: the list sums to the true-up totals\' to pay', () => {
    writeFileSync(payout.path('r1.json'), settle('c1.csv', []).stdout);
    const out = settle('c2.csv', ['--previous', payout.path('r1.json'), '--payout-list', payout.path('p2.csv'), '--lang', 'zh']);
    assert.equal(out.status, 0, out.stderr);
    const report = JSON.parse(out.stdout);
    const rows = readFileSync(payout.path('p2.csv'), 'utf8').slice(1).trim().split('\n');
    assert.equal(rows[0], '商家ID,商家名称,发放金额,发放流量,活动,结算批次');
    // Only A is owed anything: +500.00; B's −10,200.00 is recovered, not paid; traffic did not grow.
    assert.deepEqual(rows.slice(1), ['A,甲店,500.00,0,D11,2']);
    assert.equal(report.true_up.totals.to_pay, '500.00');
    assert.equal(report.true_up.totals.to_recover, '10200.00');
    assert.match(out.stderr, /已写入发放清单（1 行）/);
  });
});
