/**
 * Files as they arrive (GBK, UTF-16, .xlsx) and files as they leave (CSV safe to open in a
 * spreadsheet, XLSX whose numbers add up, Chinese headings).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { encodeGbk, folderWith, gmvSettle, WORKED_EXAMPLE } from './helpers';

// M001 is SPEC §6 (cash 23,345.68). M002: baseline (100,000 + 200,000) / 2 = 150,000.00, day GMV
// 300,000.00 > 200,000 → tier 1; cashback 1,000.00 × 0.3 = 300.00; red packet
// (300,000.00 − 150,000.00) × 0.05 = 7,500.00; cash 7,800.00.
const TWO_MERCHANTS = {
  history: WORKED_EXAMPLE['history.csv'] + 'M002,2025-11-08,100000\nM002,2025-11-09,200000\n',
  campaign: WORKED_EXAMPLE['campaign.csv'] + 'M002,2025-11-11,300000.00,1000.00\n',
};
const files = folderWith({ 'history.csv': TWO_MERCHANTS.history, 'campaign.csv': TWO_MERCHANTS.campaign });
after(files.remove);
const twoMerchants = ['--history', files.path('history.csv'), '--campaign', files.path('campaign.csv'), '--coefficient', '0.05'];

describe('gmv-settle input encodings and workbooks', () => {
  it('reads a GBK export (Excel on Chinese Windows) with Chinese headers and names', () => {
    const gbk = folderWith({
      'h.csv': encodeGbk('商家ID,商家名称,日期,成交金额\nM002,杭州小店,2025-11-08,10万\nM002,杭州小店,2025-11-09,"￥200,000.00"\n'),
      'c.csv': encodeGbk('商家ID,商家名称,日期,成交金额,磁力金牛消耗\nM002,杭州小店,2025年11月11日,30万,1000\n'),
    });
    try {
      const run = gmvSettle(['--history', gbk.path('h.csv'), '--campaign', gbk.path('c.csv'), '--coefficient', '0.05', '--format', 'json']);
      assert.equal(run.status, 0, run.stderr);
      const [line] = JSON.parse(run.stdout).lines;
      assert.equal(line.merchant_name, '杭州小店');
      assert.equal(line.baseline_avg, '150000.00');
      assert.equal(line.cash_total, '7800.00');
    } finally {
      gbk.remove();
    }
  });

  it('reads UTF-16 text with a byte-order mark', () => {
    const utf16 = folderWith({
      'h.csv': Buffer.from('\ufeff商家ID\t日期\t成交金额\nM002\t2025-11-08\t100000\nM002\t2025-11-09\t200000\n', 'utf16le'),
      'c.csv': Buffer.from('\ufeff商家ID\t日期\t成交金额\t磁力金牛消耗\nM002\t2025-11-11\t300000\t1000\n', 'utf16le'),
    });
    try {
      const run = gmvSettle(['--history', utf16.path('h.csv'), '--campaign', utf16.path('c.csv'), '--coefficient', '0.05', '--format', 'json']);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(JSON.parse(run.stdout).lines[0].cash_total, '7800.00');
    } finally {
      utf16.remove();
    }
  });

  it('reads an .xlsx history whose dates are Date cells and GMV numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('导出');
    sheet.addRow(['商家ID', '日期', '成交金额']);
    [150000, 180000, 210000].forEach((gmv, i) => sheet.addRow(['M001', new Date(Date.UTC(2025, 10, 8 + i)), gmv]));
    const xlsx = folderWith({ 'h.xlsx': Buffer.from(await workbook.xlsx.writeBuffer()), 'c.csv': WORKED_EXAMPLE['campaign.csv'] });
    try {
      const run = gmvSettle(['--history', xlsx.path('h.xlsx'), '--campaign', xlsx.path('c.csv'), '--coefficient', '0.05', '--format', 'json']);
      assert.equal(run.status, 0, run.stderr);
      const [line] = JSON.parse(run.stdout).lines;
      assert.equal(line.baseline_avg, '180000.00');
      assert.equal(line.cash_total, '23345.68');
    } finally {
      xlsx.remove();
    }
  });
});

describe('gmv-settle outputs', () => {
  it('writes an xlsx workbook whose numbers add up to its Totals sheet', async () => {
    const out = files.path('settlement.xlsx');
    const run = gmvSettle([...twoMerchants, '--out', out]); // format from the extension
    assert.equal(run.status, 0, run.stderr);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
    assert.deepEqual(workbook.worksheets.map((s) => s.name), ['Lines', 'Merchants', 'Totals', 'Issues', 'Run']);

    const totals = new Map<string, unknown>();
    const totalsSheet = workbook.getWorksheet('Totals')!;
    assert.equal(totalsSheet.columnCount, 2, 'label and value: no internal key column');
    totalsSheet.eachRow((row, n) => n > 1 && totals.set(String(row.getCell(1).value), row.getCell(2).value));
    assert.equal(totals.get('Cash total'), 31145.68); // 23,345.68 + 7,800.00
    assert.equal(totals.get('Cashback'), 6472.84); // 6,172.84 + 300.00
    assert.equal(totals.get('Red packet'), 24672.84); // 17,172.84 + 7,500.00
    assert.equal(totals.get('Traffic granted'), 95000); // 75,000 + 20,000

    const lines = workbook.getWorksheet('Lines')!;
    const headings = (lines.getRow(1).values as unknown[]).slice(1);
    const cashColumn = headings.indexOf('Cash total') + 1;
    let cashFen = 0;
    lines.eachRow((row, n) => n > 1 && (cashFen += Math.round((row.getCell(cashColumn).value as number) * 100)));
    assert.equal(cashFen, 3114568);
    const dateCell = lines.getRow(2).getCell(headings.indexOf('Date') + 1);
    assert.ok(dateCell.value instanceof Date);
    assert.equal((dateCell.value as Date).toISOString().slice(0, 10), '2025-11-11');
    assert.equal(lines.getRow(2).getCell(cashColumn).numFmt, '#,##0.00');
    // The same formats as the settlement sheet: a cashback rate as 50.0%, not 0.50.
    assert.equal(lines.getRow(2).getCell(headings.indexOf('Cashback rate') + 1).numFmt, '0.0###%');
    assert.equal(lines.getRow(2).getCell(headings.indexOf('Red-packet coefficient') + 1).numFmt, '0.00##');
    assert.equal(lines.views[0].state, 'frozen');
    assert.match(String((lines.autoFilter as { ref?: string }).ref ?? JSON.stringify(lines.autoFilter)), /A1:Q3|"row":3/, 'the filter covers the whole table');
  });

  it('keeps a spreadsheet from running text cells as formulas, and leaves numbers alone', () => {
    const evil = folderWith({
      'h.csv': 'merchant_id,date,gmv\nM003,2025-11-08,100000\nM004,2025-11-08,100000\n',
      'c.csv':
        'merchant_id,name,date,gmv\n' +
        'M003,"=HYPERLINK(""http://evil.example"",""x"")",2025-11-11,50000\n' +
        'M004,@SUM(A1),2025-11-11,-5000\n',
    });
    try {
      const run = gmvSettle(['--history', evil.path('h.csv'), '--campaign', evil.path('c.csv'), '--coefficient', '0.05']);
      assert.equal(run.status, 0, run.stderr);
      const [, first, second] = run.stdout.split('\n');
      assert.ok(first.startsWith(`M003,"'=HYPERLINK(""http://evil.example"",""x"")",2025-11-11,50000.00,`), first);
      // A negative GMV (net of refunds) is a number, not a formula: no apostrophe.
      assert.ok(second.startsWith("M004,'@SUM(A1),2025-11-11,-5000.00,100000.00,0.00,0,"), second);
    } finally {
      evil.remove();
    }
  });

  it('writes Chinese headings and reasons with --lang zh, keeping JSON keys', () => {
    const run = gmvSettle([...twoMerchants, '--lang', 'zh']);
    assert.equal(run.status, 0, run.stderr);
    const [header, line] = run.stdout.replace(/^\ufeff/, '').split('\n');
    assert.equal(header, '商家ID,商家名称,日期,当日GMV,过往日均,增量GMV,档位,磁力金牛消耗,返还比例,磁力金牛返还,奖励系数,天降红包,现金合计,流量封顶/天,发放流量,状态,原因');
    assert.match(line, /高于第2档（500,000），未达第3档（1,000,000）/);
    assert.match(line, /,合格,/); // the status word a Chinese reader reads, not the code
    const json = JSON.parse(gmvSettle([...twoMerchants, '--lang', 'zh', '--format', 'json']).stdout);
    assert.ok('cash_total' in json.lines[0]);
    assert.equal(json.lines[0].status, 'qualified'); // JSON keeps the English codes
    assert.match(run.stderr, /^列映射：\n  历史数据［逐日明细］：/);
    assert.match(run.stderr, /奖励系数 0\.05（5%）：增量GMV 100,000\.00 × 5% = 5,000\.00/);
    assert.match(run.stderr, /读取 \d+ 行 = 使用 \d+ \+ 拒绝 \d+（历史数据/);
  });

  it('gives CSV a BOM for Excel, in a file and on standard output alike (issue 9)', () => {
    const out = files.path('out.csv');
    assert.equal(gmvSettle([...twoMerchants, '--out', out]).status, 0);
    assert.deepEqual([...readFileSync(out).subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    // `gmv-settle … > lines.csv` opens in Excel with its Chinese intact, as --out does.
    assert.ok(gmvSettle(twoMerchants).stdout.startsWith('\ufeffmerchant_id,'));
    assert.equal(readFileSync(out, 'utf8'), gmvSettle(twoMerchants).stdout);
  });
});
