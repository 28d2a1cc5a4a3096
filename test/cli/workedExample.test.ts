/**
 * SPEC §6 through the command line: M001, history 150,000 / 180,000 / 210,000, campaign day
 * GMV 523,456.78 and ad spend 12,345.67, coefficient 0.05.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { SPEC6 } from '../fixtures/spec6';
import { folderWith, gmvSettle, WORKED_EXAMPLE } from './helpers';

const files = folderWith(WORKED_EXAMPLE);
after(files.remove);
const settleArgs = ['--history', files.path('history.csv'), '--campaign', files.path('campaign.csv'), '--coefficient', '0.05'];

describe('gmv-settle on the SPEC §6 worked example', () => {
  it('prints the settlement as JSON with every figure of the example', () => {
    const run = gmvSettle([...settleArgs, '--format', 'json']);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(report.lines, [SPEC6.line]);
    assert.deepEqual(report.totals, {
      merchants: 1,
      blocked_merchants: 0,
      held_merchants: 0,
      qualified_merchants: 1,
      cashback: SPEC6.line.cashback,
      red_packet: SPEC6.line.red_packet,
      cash_total: SPEC6.line.cash_total,
      traffic_granted: SPEC6.line.traffic_granted,
      held_deferred_cash: '0.00',
      rows_read: 4, // 3 history + 1 campaign
      rows_used: 4,
      rows_rejected: 0,
    });
    assert.deepEqual(report.issues, []);
    assert.equal(report.run.policy.red_packet_coefficient, '0.05');
    assert.match(report.run.input_sha256, /^[0-9a-f]{64}$/);
    assert.ok(!Number.isNaN(Date.parse(report.run.generated_at)));
  });

  it('shows the column mapping and row counts on stderr before writing', () => {
    const run = gmvSettle([...settleArgs, '--format', 'json']);
    assert.match(run.stderr, /history \[long\]: merchant_id → merchant, date → date, gmv → GMV/);
    assert.match(run.stderr, /rows read 4 = used 4 \+ rejected 0/);
    // The coefficient in force, worked once, so a wrong one is seen before paying (issue 6).
    assert.match(run.stderr, /red-packet coefficient 0\.05 \(5%\): 5% of an incremental GMV of 100,000\.00 = 5,000\.00/);
  });

  it('writes CSV by default, headed by the JSON keys, money as plain decimals', () => {
    const run = gmvSettle(settleArgs);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(run.stdout.startsWith('\ufeff'), 'a BOM, so Excel reads the CSV as UTF-8');
    const [header, line, end] = run.stdout.slice(1).split('\n');
    const json = JSON.parse(gmvSettle([...settleArgs, '--format', 'json']).stdout);
    assert.deepEqual(header.split(','), Object.keys(json.lines[0]));
    // The line's values in column order, the reason quoted for its commas.
    assert.equal(line, Object.values(SPEC6.line).map((v) => (String(v).includes(',') ? `"${v}"` : String(v))).join(','));
    assert.equal(end, '');
  });

  it('gives the same digest for the same inputs, whatever the output format', () => {
    const a = JSON.parse(gmvSettle([...settleArgs, '--format', 'json']).stdout);
    const b = JSON.parse(gmvSettle([...settleArgs, '--format', 'json', '--lang', 'zh']).stdout);
    assert.equal(a.run.input_sha256, b.run.input_sha256);
  });

  it('takes the coefficient from the policy file, and --coefficient over it', () => {
    const policy = folderWith({ 'p.json': '{"red_packet_coefficient": "0.10"}' });
    try {
      const base = ['--history', files.path('history.csv'), '--campaign', files.path('campaign.csv'), '--policy', policy.path('p.json'), '--format', 'json'];
      // 343,456.78 × 0.10 = 34,345.678 → 34,345.68
      assert.equal(JSON.parse(gmvSettle(base).stdout).lines[0].red_packet, '34345.68');
      assert.equal(JSON.parse(gmvSettle([...base, '--coefficient', '5%']).stdout).lines[0].red_packet, SPEC6.line.red_packet);
    } finally {
      policy.remove();
    }
  });

  it('lets a tier keep its own coefficient over --coefficient', () => {
    const tiers = [
      { min_gmv: '200000', cashback_rate: '0.3', traffic_cap_per_day: 20000 },
      { min_gmv: '500000', cashback_rate: '0.5', traffic_cap_per_day: 75000, red_packet_coefficient: '0.02' },
      { min_gmv: '1000000', cashback_rate: '1', traffic_cap_per_day: 200000 },
    ];
    const policy = folderWith({ 'p.json': JSON.stringify({ tiers }) });
    try {
      const run = gmvSettle([...settleArgs, '--policy', policy.path('p.json'), '--format', 'json']);
      // Tier 2 pays 343,456.78 × 0.02 = 6,869.1356 → 6,869.14
      assert.equal(JSON.parse(run.stdout).lines[0].red_packet, '6869.14');
    } finally {
      policy.remove();
    }
  });
});
