/** A run's statements sheet and payout list sheet on the fakes, from the run's sheets as they stand. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { approveActiveSettlement, writePayoutSheet, writeStatementsSheet } from '../../src/addon/runMenu';
import { writeSettlement } from '../../src/addon/server';
import { SPEC6_CSV } from '../fixtures/spec6';
import { SPEC7_CSV } from '../fixtures/spec7';
import { googleForEachTest, request, sheetValues, text, unchecked } from './support';

const setUp = googleForEachTest();
const CAMPAIGN = '双11登峰激励 2025';

function spec7Runs(language: 'zh' | 'en') {
  const google = setUp({ locale: language === 'zh' ? 'zh_CN' : 'en_US' });
  const run1 = writeSettlement(request({ history: text(SPEC6_CSV.history), campaign: text(SPEC6_CSV.campaign), campaignName: CAMPAIGN, language }));
  google.spreadsheet._sheetNamed(run1.sheetName)!.activate();
  approveActiveSettlement();
  const base = request({ history: text(SPEC7_CSV.history), campaign: text(SPEC7_CSV.campaign), campaignName: CAMPAIGN, language });
  const run2 = writeSettlement({ ...base, options: { ...base.options, gmv_basis: 'net_of_refunds' } });
  return { google, run1, run2 };
}

describe('statements sheet', () => {
  test('in Chinese: the run, every day, the totals, what was paid before, the difference and the checksum', () => {
    const { google } = spec7Runs('zh');
    const result = writeStatementsSheet({ campaign: CAMPAIGN, run: 2, language: 'zh' });
    assert.equal(result.sheetName, '结算 2025-11-11 #2 对账单');
    assert.equal(result.rows, 1);
    const rows = sheetValues(google, result.sheetName).values;
    const value = (label: string) => rows.find((row) => row[0] === label)![1];
    assert.equal(rows[0][0], '对账单 · M001');
    assert.equal(value('活动'), CAMPAIGN);
    assert.equal(value('结算批次'), '第2次结算');
    const header = rows.findIndex((row) => row[0] === '日期');
    assert.deepEqual(rows[header].slice(0, 8), ['日期', '当日GMV', '过往日均', '档位', '磁力金牛返还', '天降红包', '现金合计', '发放流量']);
    assert.deepEqual(rows[header + 1].slice(1, 8), [493456.78, 180000, 1, 3703.7, 15672.84, 19376.54, 20000]);
    assert.equal(value('现金合计'), 19376.54);
    assert.equal(value('此前已发放 (第1次结算)'), 23345.68);
    assert.equal(value('差额'), -3969.14);
    assert.equal(value('本次应补发'), 0);
    assert.equal(value('应追回'), 3969.14);
    assert.match(String(value('结算校验值')), /^[0-9a-f]{64} \(草稿，尚未审批：当前工作表内容的 SHA-256\)$/);
  });

  test('one merchant chosen: only its block; an approved run carries its approval checksum', () => {
    const { google } = spec7Runs('en');
    const result = writeStatementsSheet({ campaign: CAMPAIGN, run: 1, merchantId: 'M001', language: 'en' });
    assert.equal(result.sheetName, 'Settlement 2025-11-11 #1 statement M001');
    const rows = sheetValues(google, result.sheetName).values;
    const register = sheetValues(google, 'Run register').values;
    const checksum = register[1][register[0].indexOf('Checksum (SHA-256 of its sheets)')];
    assert.equal(rows.find((row) => row[0] === 'Checksum of the run')![1], `${checksum} (SHA-256 of the run's sheets at approval)`);
    assert.throws(() => writeStatementsSheet({ campaign: CAMPAIGN, run: 1, merchantId: 'M404', language: 'en' }), /Merchant M404 is not in this run/);
    assert.throws(() => writeStatementsSheet(unchecked({ campaign: CAMPAIGN, run: 0, language: 'en' })), /a run number must be a whole number from 1/);
  });
});

describe('payout list sheet', () => {
  test('sums to the totals\' to pay: a first run its cash total, a true-up only what it owes', () => {
    const google = setUp();
    const tsv = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\n');
    const history = tsv([['merchant_id', 'date', 'gmv'], ...['A', 'B'].flatMap((id) => [['2025-11-08', '150000'], ['2025-11-09', '180000'], ['2025-11-10', '210000']].map(([d, g]) => [id, d, g]))]);
    const day = (a: string, b: string) => text(tsv([['merchant_id', 'name', 'date', 'gmv', 'ad_spend'], ['A', '甲店', '2025-11-11', a, '1000'], ['B', '乙店', '2025-11-11', b, '1000']]));
    const first = writeSettlement(request({ history: text(history), campaign: day('250000', '600000'), campaignName: 'D11' }));
    const list1 = sheetValues(google, writePayoutSheet({ campaign: 'D11', run: 1, language: 'en' }).sheetName).values;
    assert.deepEqual(list1, [
      ['Merchant ID', 'Merchant name', 'Amount to pay', 'Traffic to grant', 'Campaign', 'Run'],
      ['A', '甲店', 3800, 20000, 'D11', 1],
      ['B', '乙店', 21500, 75000, 'D11', 1],
    ]);
    google.spreadsheet._sheetNamed(first.sheetName)!.activate();
    approveActiveSettlement();
    const second = writeSettlement(request({ history: text(history), campaign: day('260000', '400000'), campaignName: 'D11' }));
    const payout = writePayoutSheet({ campaign: 'D11', run: 2, language: 'en' });
    const list2 = sheetValues(google, payout.sheetName).values;
    // A: +500.00 to pay; B: −10,200.00 to recover, so not on the list.
    assert.deepEqual(list2.slice(1), [['A', '甲店', 500, 0, 'D11', 2]]);
    const trueUp = sheetValues(google, second.trueUpSheetName!).values;
    assert.equal(trueUp.find((row) => row[0] === 'To pay')![1], 500);
    assert.equal(list2.slice(1).reduce((sum, row) => sum + (row[2] as number), 0), 500);
  });
});
