import { test } from 'node:test';
import assert from 'node:assert/strict';
import { customFunctions } from '../../src/functions';
import { LINE_COLUMNS } from '../../src/output/tables';
import { SPEC6 } from '../fixtures/spec6';

const { SETTLEMENT } = customFunctions();

const HEADER = LINE_COLUMNS.map((c) => c.en);

const HISTORY_ZH = [
  ['商家ID', '商家名称', '日期', '成交金额'],
  ['M001', '小店', '2025-10-01', '15万'],
  ['M001', '小店', '2025-10-02', 180000],
  ['M001', '小店', '2025-10-03', '¥210,000.00'],
];
const CAMPAIGN_ZH = [
  ['商家ID', '日期', '支付GMV', '磁力金牛消耗'],
  ['M001', '2025-11-11', 523456.78, 12345.67],
];

/** The SPEC §6 line (test/fixtures/spec6.ts) as the table shows it: by key, numbers as numbers, with this test's name. */
const SPEC_LINE = LINE_COLUMNS.map((column) => {
  const value = column.key === 'merchant_name' ? '小店' : SPEC6.line[column.key as keyof typeof SPEC6.line];
  return column.kind === 'text' || column.kind === 'date' || typeof value === 'number' ? value : Number(value);
});

test('SPEC §6 as a spilled table: English header row, then the line', () => {
  assert.deepEqual(SETTLEMENT(HISTORY_ZH, CAMPAIGN_ZH, 0.05), [HEADER, SPEC_LINE]);
  assert.deepEqual(SETTLEMENT(HISTORY_ZH, CAMPAIGN_ZH, '5%'), [HEADER, SPEC_LINE]);
});

test('ranges with Date cells and a wide history whose headings are dates', () => {
  const history = [
    ['merchant_id', new Date(2025, 9, 1), new Date(2025, 9, 2), new Date(2025, 9, 3)],
    ['M001', 150000, 180000, 210000],
  ];
  const campaign = [
    ['merchant_id', 'date', 'gmv', 'ad_spend'],
    ['M001', new Date(2025, 10, 11), 523456.78, 12345.67],
  ];
  const table = SETTLEMENT(history, campaign, 0.05) as unknown[][];
  assert.deepEqual(table[1], ['M001', '', ...SPEC_LINE.slice(2)]);
});

test('a merchant with a bad history row shows as a blocked line, and the others still settle', () => {
  const history = HISTORY_ZH.concat([['M002', '', '2025-10-01', '12,3x']]);
  const campaign = CAMPAIGN_ZH.concat([['M002', '2025-11-11', 900000, 100]]);
  const table = SETTLEMENT(history, campaign, 0.05) as unknown[][];
  assert.equal(table.length, 7); // header, 2 lines, a blank row, the issues title, the issue columns, 1 issue
  assert.deepEqual(table[1], SPEC_LINE);
  // The settlement sheet's issue columns (ISSUE_COLUMNS), in English.
  assert.deepEqual(table[5].slice(0, 5), ['Source', 'Row', 'Merchant ID', 'Value', 'Problem']);
  assert.deepEqual(table[6].slice(0, 5), ['history', 5, 'M002', '12,3x', 'GMV "12,3x" is not valid: expected a number such as 1,234.50 or 12.3万']);
  const blocked = table[2];
  assert.equal(blocked[0], 'M002');
  assert.equal(blocked[HEADER.indexOf('Baseline average')], ''); // a blocked baseline is not shown
  assert.equal(blocked[HEADER.indexOf('Cash total')], 0);
  assert.equal(blocked[HEADER.indexOf('Status')], 'blocked');
  assert.match(String(blocked[HEADER.indexOf('Reason')]), /^blocked: row 5 of history: GMV "12,3x" is not valid/);
});

test('a merchant with no history is no_baseline, with a blank baseline', () => {
  const table = SETTLEMENT(HISTORY_ZH, CAMPAIGN_ZH.concat([['M009', '2025-11-11', 900000, 0]]), 0.05) as unknown[][];
  assert.equal(table[2][HEADER.indexOf('Status')], 'no_baseline');
  assert.equal(table[2][HEADER.indexOf('Baseline average')], '');
});

test('a table that cannot be read at all is an error prefixed SETTLEMENT', () => {
  assert.throws(() => SETTLEMENT(HISTORY_ZH, [['商家ID', '日期'], ['M001', '2025-11-11']], 0.05), (e: Error) =>
    e.message.startsWith('SETTLEMENT: campaign: no column for GMV'),
  );
  assert.throws(() => SETTLEMENT([['', ''], ['', '']], CAMPAIGN_ZH, 0.05), { message: 'SETTLEMENT: history: the table is empty' });
});

test('the coefficient is required unless every tier of the policy range has its own', () => {
  assert.throws(() => SETTLEMENT(HISTORY_ZH, CAMPAIGN_ZH, ''), { message: /^SETTLEMENT: no red-packet coefficient \(奖励系数\) is set/ });
  const policy = [
    ['threshold', 'rate', 'traffic', 'coefficient'],
    [200000, '30%', 20000, 0.05],
    [500000, '50%', 75000, 0.05],
    [1000000, '100%', 200000, 0.05],
  ];
  assert.deepEqual(SETTLEMENT(HISTORY_ZH, CAMPAIGN_ZH, '', policy), [HEADER, SPEC_LINE]);
  assert.throws(() => SETTLEMENT(HISTORY_ZH, CAMPAIGN_ZH, [[0.05, 0.06]]), {
    message: 'SETTLEMENT: coefficient must be one cell, not a 1×2 range',
  });
});

test('a campaign with only its header row gives just the header row', () => {
  assert.deepEqual(SETTLEMENT(HISTORY_ZH, CAMPAIGN_ZH.slice(0, 1), 0.05), [HEADER]);
});

test('rows with no usable merchant id are listed below the lines, never dropped', () => {
  const campaign = CAMPAIGN_ZH.concat([['', '2025-11-11', 250000, 0], [2 ** 60, '2025-11-11', 250000, 0]]);
  const table = SETTLEMENT(HISTORY_ZH, campaign, 0.05) as unknown[][];
  assert.deepEqual(table[1], SPEC_LINE);
  assert.deepEqual(table.slice(2, 4).map((row) => row[0]), ['', 'Issues (2)']);
  assert.deepEqual(table.slice(5).map((row) => row.slice(0, 2)), [['campaign', 3], ['campaign', 4]]);
  assert.ok(table.every((row) => row.length === HEADER.length)); // one rectangular spill
});

/** `merchants` merchants with one history day and `days` campaign days each: merchants × days lines. */
function ranges(merchants: number, days: number) {
  const history: (string | number)[][] = [['merchant_id', 'date', 'gmv']];
  const campaign: (string | number)[][] = [['merchant_id', 'date', 'gmv']];
  for (let m = 0; m < merchants; m++) {
    history.push([`M${m}`, '2025-10-01', 100000]);
    for (let d = 0; d < days; d++) campaign.push([`M${m}`, `2025-11-${11 + d}`, 300000]);
  }
  return { history, campaign };
}

test('SETTLEMENT returns at most 20,000 rows, and above that says to use the sidebar or the CLI, in both languages', () => {
  const fits = ranges(10000, 2);
  assert.equal((SETTLEMENT(fits.history, fits.campaign, 0.05) as unknown[][]).length, 20001);
  const over = ranges(10001, 2);
  assert.throws(
    () => SETTLEMENT(over.history, over.campaign, 0.05),
    (e: Error) => {
      assert.match(e.message, /^SETTLEMENT: 20,002 rows \(lines and the issues listed under them\) are more than the 20,000 a formula can return/);
      assert.match(e.message, /sidebar .*gmv-settle command line/);
      assert.match(e.message, /超过公式最多可返回的 20,000 行。请用侧边栏.*gmv-settle/);
      return true;
    },
  );
});

test('the issues listed under the lines count towards the limit', () => {
  const { history, campaign } = ranges(9999, 2); // 19,998 lines
  campaign.push(['', '2025-11-11', 1], ['', '2025-11-11', 1]); // two rows without a merchant id: two issues
  // 19,998 lines + a blank row + an "Issues (2)" title + the issue columns' headings + 2 issues = 20,003 rows.
  assert.throws(() => SETTLEMENT(history, campaign, 0.05), /SETTLEMENT: 20,003 rows/);
});
