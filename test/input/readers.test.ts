/** Tables as users paste them, to rows and issues (SPEC §3–4). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapColumns, TableError } from '../../src/input/columnMapping';
import { describeMapping } from '../../src/input/mappingText';
import { readInputs } from '../../src/input/readInputs';
import { tableFromCells, tableFromText } from '../../src/input/table';

const CAMPAIGN = 'merchant_id,date,gmv\nM001,2025-11-11,523456.78\n';

test('Chinese headers from a back-office export are matched, and the mapping can be shown', () => {
  const table = tableFromText('campaign', '店铺ID\t店铺名称\t统计日期\t支付GMV\t金牛消耗\n00123\t小店\t2025/11/11\t¥1,234.50\t12.3万\n');
  const mapping = mapColumns(table);
  assert.deepEqual(mapping.fields, { merchant_id: 0, merchant_name: 1, date: 2, gmv: 3, ad_spend: 4 });
  assert.equal(describeMapping(mapping), 'campaign: 店铺ID → merchant, 店铺名称 → merchant name, 统计日期 → date, 支付GMV → GMV, 金牛消耗 → ad spend');
  assert.equal(describeMapping(mapping, 'zh'), '活动日数据：店铺ID → 商家，店铺名称 → 商家名称，统计日期 → 日期，支付GMV → 成交金额，金牛消耗 → 磁力金牛消耗');
  const read = readInputs({ history: tableFromText('history', 'merchant_id,avg_gmv\n00123,100\n'), campaign: table });
  assert.deepEqual(read.input.campaign[0], { merchantId: '00123', merchantName: '小店', date: '2025-11-11', gmvFen: 123450, adSpendFen: 12300000 });
});

test('headers match case- and space-insensitively', () => {
  const mapping = mapColumns(tableFromText('campaign', ' Merchant ID , DATE , gmv , Ad Spend \nM1,2025-11-11,1,1\n'));
  assert.deepEqual(mapping.fields, { merchant_id: 0, date: 1, gmv: 2, ad_spend: 3 });
});

test('a table with no GMV column is an error that names what was found and what is expected', () => {
  assert.throws(
    () => mapColumns(tableFromText('campaign', '商家ID,日期,金额\nM1,2025-11-11,1\n')),
    (e: unknown) =>
      e instanceof TableError && /no column for GMV/.test(e.message) && /商家ID, 日期, 金额/.test(e.message) && /缺少成交金额（/.test(e.text('zh')),
  );
});

test('ids stay exact text; an id turned into a number by a spreadsheet is rejected with its row', () => {
  const campaign = 'merchant_id,date,gmv\n00123,2025-11-11,1\n1.23457E+11,2025-11-11,1\n';
  const read = readInputs({ history: tableFromText('history', 'merchant_id,avg_gmv\n00123,0\n'), campaign: tableFromText('campaign', campaign) });
  assert.equal(read.input.campaign[0].merchantId, '00123');
  assert.equal(read.issues.length, 1);
  assert.equal(read.issues[0].row, 3);
  assert.match(read.issues[0].message, /id was converted to a number/);
});

test('a range without a header row is read by what its columns hold', () => {
  const cells = [
    ['M001', '小店', new Date(2025, 10, 11), 523456.78, 12345.67],
    ['00042', '', new Date(2025, 10, 11), 100, ''],
  ];
  const mapping = mapColumns(tableFromCells('campaign', cells));
  assert.equal(mapping.hasHeader, false);
  assert.deepEqual(mapping.fields, { merchant_id: 0, merchant_name: 1, date: 2, gmv: 3, ad_spend: 4 });
  const read = readInputs({ history: tableFromCells('history', [['M001', 180000]]), campaign: tableFromCells('campaign', cells) });
  assert.equal(read.totalCounts.read, 3); // 1 history row + 2 campaign rows, no header to skip
  assert.equal(read.input.history.get('M001')!.readyBaselineFen, 18000000);
  assert.equal(read.input.campaign[1].date, '2025-11-11');
});

test('a numeric id from a range beyond 2^53 is an error, not a rounded id', () => {
  const read = readInputs({
    history: tableFromCells('history', [['merchant_id', 'avg_gmv'], ['M1', 1]]),
    campaign: tableFromCells('campaign', [['merchant_id', 'date', 'gmv'], [2 ** 53 + 2, '2025-11-11', 1]]),
  });
  assert.equal(read.issues[0].row, 2);
  assert.match(read.issues[0].message, /id was converted to a number/);
});

test('row numbers are what the spreadsheet shows: header row 1, blank lines keep their number, quoted line breaks stay in one row', () => {
  const campaign = 'merchant_id,merchant_name,date,gmv\r\nM1,"two\r\nlines",2025-11-11,1\r\n\r\nM2,x,2025-11-11,oops\r\n';
  const read = readInputs({ history: tableFromText('history', 'merchant_id,avg_gmv\nM1,0\n'), campaign: tableFromText('campaign', campaign) });
  assert.equal(read.input.campaign[0].merchantName, 'two\r\nlines');
  assert.deepEqual(read.issues.map((i) => [i.row, i.value]), [[4, 'oops']]);
  assert.equal(read.totalCounts.read, 3); // history 1 + campaign 2; the blank line is not a row read
});

test('duplicate merchant+date in history is rejected with the row it repeats, and blocks the merchant', () => {
  const history = 'merchant_id,date,gmv\nM1,2025-11-01,100\nM1,2025/11/01,200\n';
  const read = readInputs({ history: tableFromText('history', history), campaign: tableFromText('campaign', CAMPAIGN.replace('M001', 'M1')) });
  assert.equal(read.issues.length, 1);
  assert.equal(read.issues[0].row, 3);
  assert.match(read.issues[0].message, /row 2/);
  assert.ok(read.input.blocked.has('M1'));
});

test('a negative ad spend is an error; a negative GMV is allowed', () => {
  const campaign = 'merchant_id,date,gmv,ad_spend\nM1,2025-11-11,-100,5\nM2,2025-11-11,100,(5.00)\n';
  const read = readInputs({ history: tableFromText('history', 'merchant_id,avg_gmv\nM1,0\n'), campaign: tableFromText('campaign', campaign) });
  assert.equal(read.input.campaign[0].gmvFen, -10000);
  assert.equal(read.input.campaign[0].rejected, undefined);
  assert.equal(read.input.campaign[1].rejected, true); // kept so M2's blocked line can say why
  assert.deepEqual(read.issues.map((i) => [i.row, i.merchantId, i.value]), [[3, 'M2', '(5.00)']]);
});

test('a blank history GMV is ignored like AVERAGE ignores blanks; a zero counts', () => {
  const history = 'merchant_id,date,gmv\nM1,2025-11-01,\nM1,2025-11-02,0\nM1,2025-11-03,300\n';
  const read = readInputs({ history: tableFromText('history', history), campaign: tableFromText('campaign', CAMPAIGN.replace('M001', 'M1')) });
  assert.deepEqual(read.input.history.get('M1'), { sumFen: 30000, days: 2 });
  assert.equal(read.issues.length, 0);
});

test('a day-first or month-first date is an error, not a guess', () => {
  const read = readInputs({
    history: tableFromText('history', 'merchant_id,date,gmv\nM1,11/10/2025,1\n'),
    campaign: tableFromText('campaign', CAMPAIGN),
  });
  assert.equal(read.issues[0].row, 2);
  assert.equal(read.issues[0].value, '11/10/2025');
});

test('values beyond the last heading are reported on their row, without rejecting it', () => {
  const campaign = 'merchant_id,date,gmv\nM1,2025-11-11,100,oops\nM2,2025-11-11,100,\n';
  const read = readInputs({ history: tableFromText('history', 'merchant_id,avg_gmv\nM1,0\n'), campaign: tableFromText('campaign', campaign) });
  assert.deepEqual(read.issues.map((i) => [i.row, i.merchantId, i.value, i.blocksMerchant]), [[2, 'M1', 'oops', false]]);
  assert.deepEqual(read.totalCounts, { read: 3, used: 3, rejected: 0 }); // a trailing empty cell (M2) is no news
});
