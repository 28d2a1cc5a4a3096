import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { double11Policy } from '../../src/core/policy';
import { Dec } from '../../src/core/money';
import { tableFromText } from '../../src/input/table';
import { runSettlement } from '../../src/run/runSettlement';
import { linesBlock, merchantsBlock, stackBlocks, summaryBlock, SHEET_FORMATS, totalsBlock } from '../../src/output/sheetTables';
import { CAMPAIGN, HISTORY } from '../addon/support';

function run() {
  const policy = { ...double11Policy(), redPacketCoefficient: new Dec('0.05') };
  return runSettlement({ history: tableFromText('history', HISTORY), campaign: tableFromText('campaign', CAMPAIGN) }, policy, { now: new Date('2025-11-12T02:00:00Z') });
}

describe('the settlement as blocks of sheet cells', () => {
  test('lines: one header row, money as CNY numbers, the date as a serial day, a missing baseline as a blank', () => {
    const block = linesBlock(run(), 'en');
    assert.equal(block.values.length, 5);
    assert.deepEqual(block.values.map((r) => r.length), block.formats.map((r) => r.length));
    const [m001, , m003, m004] = block.values.slice(1);
    assert.deepEqual(m001.slice(0, 6), ['M001', '星河小店', 45972, 523456.78, 180000, 343456.78]);
    assert.equal(m003[4], '', 'blocked: no baseline shown');
    assert.equal(m004[4], '', 'no history: no baseline');
    assert.equal(m004[15], 'no_baseline');
    assert.deepEqual(block.formats[1].slice(2, 5), [SHEET_FORMATS.date, SHEET_FORMATS.money, SHEET_FORMATS.money]);
  });

  test('headings in Chinese', () => {
    assert.deepEqual(merchantsBlock(run(), 'zh').values[0].slice(0, 3), ['商家ID', '商家名称', '状态']);
    assert.deepEqual(totalsBlock(run(), 'zh').values.find((row) => row[0] === '现金合计'), ['现金合计', 23345.68]);
  });

  test('the summary stacks run record, totals, merchants, row counts, policy and issues into one rectangle', () => {
    const block = summaryBlock(run(), 'en', 'heading');
    const width = block.values[0].length;
    assert.ok(block.values.every((row) => row.length === width));
    assert.ok(block.formats.every((row) => row.length === width));
    const titles = block.values.map((row) => row[0]);
    const order = ['Run record', 'Totals', 'Per merchant', 'Rows read and columns', 'Policy', 'Input issues (1)'].map((t) => titles.indexOf(t));
    assert.ok(order.every((at) => at > 0), `every section: ${order}`);
    assert.deepEqual(order, order.slice().sort((a, b) => a - b), 'in that order');
    assert.equal(block.values.find((row) => row[0] === 'Generated at (UTC)')![1], '2025-11-12T02:00:00.000Z');
  });

  test('the per-merchant table is at the same place whatever the number of issues, with a reason for the blocked merchant', () => {
    const policy = { ...double11Policy(), redPacketCoefficient: new Dec('0.05') };
    const noisy = runSettlement(
      { history: tableFromText('history', HISTORY + '\nM005\t坏\t2025-11-01\tx\nM006\t坏\t2025-11-01\ty'), campaign: tableFromText('campaign', CAMPAIGN) },
      policy,
    );
    const at = (block: { values: unknown[][] }) => block.values.findIndex((row) => row[0] === 'Per merchant');
    assert.ok(noisy.read.issues.length > run().read.issues.length);
    assert.equal(at(summaryBlock(noisy, 'en', 'heading')), at(summaryBlock(run(), 'en', 'heading')));
    const merchants = merchantsBlock(run(), 'en').values;
    const reason = merchants[0].indexOf('Reason');
    assert.match(String(merchants.find((row) => row[0] === 'M003')![reason]), /^blocked: row 7 of history/);
    assert.equal(merchants.find((row) => row[0] === 'M001')![reason], '');
  });

  test('the policy is labelled rows, in the reader\'s language, not a JSON text', () => {
    const zh = summaryBlock(run(), 'zh', 'heading').values;
    assert.deepEqual(zh.find((row) => row[0] === '奖励系数（全活动统一）' || row[0] === '奖励系数')!.slice(0, 2), ['奖励系数', 0.05]);
    assert.deepEqual(zh.find((row) => row[0] === '重新结算少于已付时追回差额')!.slice(0, 2), ['重新结算少于已付时追回差额', '是']);
    // The policy's own rows, under its title (the by-tier table above names the tiers too).
    const policyRows = zh.slice(zh.findIndex((row) => row[0] === '政策'));
    assert.deepEqual(policyRows.find((row) => row[0] === '第2档')!.slice(0, 4), ['第2档', 500000, 0.5, 75000]);
    assert.ok(!zh.some((row) => row.some((cell) => typeof cell === 'string' && cell.startsWith('{'))), 'no JSON blob');
  });

  test('stackBlocks pads narrower blocks with blanks and puts a blank row between them', () => {
    const stacked = stackBlocks([{ values: [['a']], formats: [['@']] }, { values: [[1, 2]], formats: [['0', '0']] }]);
    assert.deepEqual(stacked.values, [['a', ''], ['', ''], [1, 2]]);
  });
});
