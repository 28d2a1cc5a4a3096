/**
 * The other two ways in: a CSV/XLSX file read in the browser, and a sheet of this spreadsheet.
 * Each must settle exactly like the same data pasted as text. Run with a Chinese locale, so
 * the Chinese sidebar is exercised too (the data-testids do not change with the language).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Frame } from 'playwright-core';
import { forEachRecord } from '../../src/input/delimited';
import type { RunningPreview } from '../../dev/preview/serverStart';
import { claimDimension, claimRow, rewrittenWorkbook } from '../input/workbooks';
import { afterPreview, enterInputs, exampleInputs, fill, launchBrowser, openSidebar, spreadsheet, startTestPreview, type Inputs } from './harness';

/** "商家ID,商家名称,日期,成交金额,磁力金牛消耗\n" and "测试店" in GB18030, as Excel on Chinese Windows saves a CSV. */
const GB18030_HEADER = 'c9ccbcd249442cc9ccbcd2c3fbb3c62cc8d5c6da2cb3c9bdbbbdf0b6ee2cb4c5c1a6bdf0c5a3cffbbac40a';
const GB18030_SHOP = 'b2e2cad4b5ea';

/** The campaign CSV as a workbook: text stays text, dates become real date cells, plain numbers numbers. */
async function campaignWorkbook(csv: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('活动日');
  forEachRecord(csv, ',', (fields, row) => {
    if (fields.length === 0) return;
    const cells: (string | number | Date)[] = fields.slice();
    if (row > 1) {
      const date = /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(fields[2]);
      if (date) cells[2] = new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])));
      if (/^\d+(\.\d+)?$/.test(fields[4])) cells[4] = Number(fields[4]);
    }
    sheet.addRow(cells);
  });
  sheet.getColumn(3).numFmt = 'yyyy-mm-dd';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function totals(sidebar: Frame): Promise<string> {
  return (await sidebar.textContent('[data-testid=totals]')) || '';
}

describe('files and sheet ranges (zh_CN)', () => {
  let preview: RunningPreview;
  let browser: Browser;
  let sidebar: Frame;
  let inputs: Inputs;
  let pastedTotals: string;

  before(async () => {
    [preview, browser] = await Promise.all([startTestPreview({ locale: 'zh_CN' }), launchBrowser()]);
    sidebar = (await openSidebar(browser, preview.url)).sidebar;
    inputs = exampleInputs(preview);
    assert.equal(await enterInputs(sidebar, inputs), 'ready');
    pastedTotals = await totals(sidebar);
  });
  after(async () => {
    await browser?.close();
    await preview?.close();
  });

  test('a zh locale gets the Chinese sidebar', async () => {
    assert.equal(await sidebar.textContent('h1'), '双11登峰激励结算');
    assert.equal(await sidebar.textContent('[data-testid=fill]'), '生成结算表');
  });

  test('an XLSX file settles exactly like the same data pasted', async () => {
    const buffer = await campaignWorkbook(inputs.campaign);
    await sidebar.click('[data-testid=campaign-mode-file]');
    const state = await afterPreview(sidebar, () =>
      sidebar.setInputFiles('[data-testid=campaign-file]', { name: 'campaign.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer }),
    );
    assert.equal(state, 'ready');
    assert.match((await sidebar.textContent('[data-testid=mapping]')) || '', /日期 → 日期/);
    assert.equal(await totals(sidebar), pastedTotals);
  });

  test('a GB18030 CSV file is decoded (not shown as mojibake)', async () => {
    const body = Buffer.concat([
      Buffer.from(GB18030_HEADER, 'hex'),
      Buffer.from('000001,', 'ascii'),
      Buffer.from(GB18030_SHOP, 'hex'),
      Buffer.from(',2025-11-11,523456.78,12345.67\n', 'ascii'),
    ]);
    const state = await afterPreview(sidebar, () => sidebar.setInputFiles('[data-testid=campaign-file]', { name: 'campaign-gbk.csv', mimeType: 'text/csv', buffer: body }));
    assert.equal(state, 'ready');
    assert.match((await sidebar.textContent('[data-testid=mapping]')) || '', /商家ID → 商家，商家名称 → 商家名称/);
    assert.match((await sidebar.textContent('[data-testid=lines]')) || '', /测试店/);
  });

  test('an XLSX file claiming 30,000,000 rows is refused before its rows are built, naming the file', async () => {
    const status = '[data-testid=campaign-file] + .status';
    const campaignRows = [['商家ID', '日期', '成交金额'], ['000001', '2025-11-11', 523456.78]];
    const claims: [string, (xml: string) => string][] = [
      ['claims-dimension.xlsx', claimDimension('A1:E30000000')],
      ['claims-row.xlsx', claimRow(30000000)],
    ];
    for (const [name, rewrite] of claims) {
      const buffer = await rewrittenWorkbook(campaignRows, rewrite);
      await sidebar.setInputFiles('[data-testid=campaign-file]', { name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
      await sidebar.waitForFunction((selector) => /无法读取/.test(document.querySelector(selector)?.textContent || ''), status);
      assert.equal(
        await sidebar.textContent(status),
        `无法读取 ${name}：其工作表声称有 30,000,000 行，超过 Excel 工作表最多 1,048,576 行的上限，文件已损坏或并非由表格软件保存。请用 Excel 重新保存，或导出为 CSV。`,
      );
    }
  });

  test('a sheet of this spreadsheet as the campaign: same preview, and the server reads the range to write', async () => {
    await sidebar.click('[data-testid=campaign-mode-sheet]');
    const state = await afterPreview(sidebar, () => sidebar.selectOption('[data-testid=campaign-sheet]', 'campaign.csv').then(() => undefined));
    assert.equal(state, 'ready');
    assert.equal(await totals(sidebar), pastedTotals);
    const lines = Number(await sidebar.getAttribute('[data-testid=preview]', 'data-lines'));

    assert.match(await fill(sidebar), /^完成：结算结果在工作表“结算 2025-11-11 #1”中（共 \d+ 行）/);
    const written = (await spreadsheet(preview.url)).sheets.find((s) => s.name === '结算 2025-11-11 #1');
    assert.ok(written);
    assert.equal(written.values.filter((row) => row.some((cell) => cell !== '')).length, lines + 1, 'header and every line');
  });

  test('a Policy sheet: offered in the sidebar, its edited rates change the preview and the written sheet', async () => {
    const inserted = await fetch(`${preview.url}/api/run/insertPolicySheet`, { method: 'POST', body: '[]' });
    assert.equal(inserted.status, 200);
    // What-if: finance raises tier 1's cashback from 30% to 40% in the sheet.
    const policy = preview.runtime.fakes.spreadsheet.getRangeByName('GMV_POLICY');
    assert.ok(policy);
    policy.getSheet().getRange('B2').setValue(0.4);

    const page = sidebar.page();
    await page.reload();
    await page.waitForSelector('[data-testid=use-policy-sheet]');
    assert.equal(await sidebar.isChecked('[data-testid=use-policy-sheet]'), false, 'the Policy sheet is used only when ticked');
    await enterInputs(sidebar, inputs);
    const before = await sidebar.textContent('[data-testid=total-cashback]');
    await afterPreview(sidebar, () => sidebar.check('[data-testid=use-policy-sheet]'));
    const after = await sidebar.textContent('[data-testid=total-cashback]');
    assert.notEqual(after, before, 'the higher rate shows in the preview before anything is written');

    assert.match(await fill(sidebar), /^完成：结算结果在工作表“结算 2025-11-11 #2”/);
    const summary = (await spreadsheet(preview.url)).sheets.find((s) => s.name === '结算 2025-11-11 #2 汇总');
    assert.ok(summary);
    const cashback = summary.values.find((row) => row[0] === '磁力金牛返还' && typeof row[1] === 'number');
    assert.ok(cashback);
    assert.equal((cashback[1] as number).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ','), after, 'the sheet has the figure the preview showed');
  });
});
