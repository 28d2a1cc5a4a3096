/**
 * The bundled examples settle, nothing in them is dropped silently, and every deliberately bad
 * row (examples/README.md) is reported at the row number a spreadsheet shows.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { EXAMPLES, gmvSettle } from './helpers';

const example = (name: string) => join(EXAMPLES, name);
const lines = (name: string) => readFileSync(example(name), 'utf8').replace(/^\ufeff/, '').split('\n');
/** Spreadsheet row number (header = 1) of the first line that `match` accepts. */
const rowOf = (name: string, match: (line: string, index: number, all: string[]) => boolean) => {
  const index = lines(name).findIndex(match);
  assert.ok(index > 0, `${name} has the bad row`);
  return index + 1;
};
const dataRows = (name: string) => lines(name).filter((l, i) => i > 0 && l.trim() !== '').length;

const run = gmvSettle([
  '--history', example('history.csv'),
  '--campaign', example('campaign.csv'),
  '--targets', example('targets.csv'),
  '--policy', example('policy.json'),
  '--format', 'json',
]);
const report = run.status === 0 ? JSON.parse(run.stdout) : undefined;

/** The bad rows, located in the raw files independently of the CLI. */
const BAD_ROWS = [
  { source: 'history', row: rowOf('history.csv', (l) => l.includes('"12,3x"')), value: '12,3x', blocks: true },
  { source: 'history', row: rowOf('history.csv', (l) => l.includes(',11/10/2025,')), value: '11/10/2025', blocks: true },
  { source: 'history', row: rowOf('history.csv', (l, i, all) => i > 1 && l !== '' && l === all[i - 1]), value: undefined, blocks: true },
  { source: 'history', row: rowOf('history.csv', (l) => l.includes(',2025-11-11,')), value: '2025-11-11', blocks: false },
  { source: 'campaign', row: rowOf('campaign.csv', (l) => l.startsWith('1.23457E+11,')), value: '1.23457E+11', blocks: false },
  { source: 'campaign', row: rowOf('campaign.csv', (l) => l.includes('"-1,200.00"')), value: '-1,200.00', blocks: true },
];
const idOnRow = (source: string, row: number) => lines(`${source}.csv`)[row - 1].split(',')[0];

describe('gmv-settle on examples/', () => {
  it('settles with exit 0 and reports the issues on stderr', () => {
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /history \[long\]: 商家ID → merchant, 商家名称 → merchant name, 日期 → date, 成交金额 → GMV/);
    assert.match(run.stderr, /issues: 6; 4 merchants blocked/);
  });

  it('counts every data row: read = used + rejected, read = the rows in the files', () => {
    const t = report.totals;
    assert.equal(t.rows_read, t.rows_used + t.rows_rejected);
    assert.equal(t.rows_read, dataRows('history.csv') + dataRows('campaign.csv') + dataRows('targets.csv'));
    assert.equal(t.rows_rejected, BAD_ROWS.length);
  });

  for (const bad of BAD_ROWS) {
    it(`lists the bad ${bad.source} row ${bad.value ?? '(repeated row)'} with its row number`, () => {
      const issue = report.issues.find((i: { source: string; row: number }) => i.source === bad.source && i.row === bad.row);
      assert.ok(issue, `no issue for ${bad.source} row ${bad.row}: ${JSON.stringify(report.issues)}`);
      if (bad.value) assert.equal(issue.value, bad.value);
    });
  }

  it('pays nothing to the merchants whose rows were rejected, and says why', () => {
    const blockedIds = BAD_ROWS.filter((b) => b.blocks).map((b) => idOnRow(b.source, b.row));
    assert.equal(new Set(blockedIds).size, 4);
    for (const id of blockedIds) {
      const merchantLines = report.lines.filter((l: { merchant_id: string }) => l.merchant_id === id);
      assert.ok(merchantLines.length > 0, `merchant ${id} has lines`);
      for (const line of merchantLines) {
        assert.equal(line.status, 'blocked');
        assert.equal(line.cash_total, '0.00');
        assert.equal(line.traffic_granted, 0);
        assert.match(line.reason, /^blocked: row \d+ of (history|campaign)/);
      }
    }
    assert.equal(report.totals.blocked_merchants, 4);
  });

  it('keeps leading zeros and settles the worked-example merchant as SPEC §6', () => {
    const line = report.lines.find((l: { merchant_id: string }) => l.merchant_id === '000001');
    assert.equal(line.baseline_avg, '180000.00'); // 15万, ¥180,000.00, 210000
    assert.equal(line.gmv, '523456.78'); // ¥523,456.78
    assert.equal(line.cash_total, '23345.68');
  });

  it('shows every status the programme has', () => {
    const statuses = new Set(report.lines.map((l: { status: string }) => l.status));
    assert.deepEqual([...statuses].sort(), ['blocked', 'no_baseline', 'not_invited', 'not_qualified', 'qualified']);
    const tiers = new Set(report.lines.map((l: { tier: number }) => l.tier));
    assert.deepEqual([...tiers].sort(), [0, 1, 2, 3]);
  });

  it('settles the wide history too', () => {
    const wide = gmvSettle([
      '--history', example('history-wide.csv'), '--campaign', example('campaign.csv'),
      '--targets', example('targets.csv'), '--policy', example('policy.json'), '--format', 'json',
    ]);
    assert.equal(wide.status, 0, wide.stderr);
    assert.match(wide.stderr, /history \[wide\]: .*30 date columns \(2025-10-12 … 2025-11-10\)/);
    const line = JSON.parse(wide.stdout).lines.find((l: { merchant_id: string }) => l.merchant_id === '000001');
    assert.equal(line.cash_total, '23345.68');
  });
});
