/**
 * Pasted text is data. A merchant name that looks like a formula must reach the sheet as text,
 * and one that looks like HTML must show in the sidebar (and the preview page) literally: no
 * element is created from it and nothing runs.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { RunningPreview } from '../../dev/preview/serverStart';
import { enterInputs, fill, launchBrowser, openSidebar, spreadsheet, startTestPreview } from './harness';
import { settlementSheets } from './settlement';

const FORMULA_NAME = '=IMPORTXML("http://x","//a")';
const HTML_NAME = '<img src=x onerror=alert(1)>';
const SCRIPT_VALUE = '<script>alert(2)</script>';
const CSV_INJECTION_ID = "+cmd|' /C calc'!A0";

// Tab-separated, as copied from Sheets: the formula's quotes and commas need no CSV quoting.
const rows = (lines: string[][]) => lines.map((cells) => cells.join('\t')).join('\n');
const HISTORY = rows([
  ['merchant_id', 'name', 'date', 'gmv'],
  ['M1', FORMULA_NAME, '2025-11-01', '100000'],
  ['M2', HTML_NAME, '2025-11-01', '100000'],
  [CSV_INJECTION_ID, '-2+3', '2025-11-01', '100000'],
]);
const CAMPAIGN = rows([
  ['merchant_id', 'name', 'date', 'gmv', 'ad_spend'],
  ['M1', FORMULA_NAME, '2025-11-11', '600000', '1000'],
  ['M2', HTML_NAME, '2025-11-11', '300000', '1000'],
  [CSV_INJECTION_ID, '-2+3', '2025-11-11', '300000', '0'],
  ['M4', '@SUM(A1)', '2025-11-11', SCRIPT_VALUE, '0'],
]);

describe('pasted text stays text', () => {
  let preview: RunningPreview;
  let browser: Browser;

  before(async () => {
    [preview, browser] = await Promise.all([startTestPreview({ seedExamples: false }), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await preview?.close();
  });

  test('the sidebar shows names and bad values literally, creates no element from them, runs nothing', async () => {
    const { sidebar, dialogs, errors } = await openSidebar(browser, preview.url);
    assert.equal(await enterInputs(sidebar, { history: HISTORY, campaign: CAMPAIGN, coefficient: '0.05' }), 'ready');
    const lines = (await sidebar.textContent('[data-testid=lines]')) || '';
    assert.ok(lines.indexOf(FORMULA_NAME) >= 0, 'the formula-like name is shown as typed');
    assert.ok(lines.indexOf(HTML_NAME) >= 0, 'the HTML-like name is shown as typed');
    const issues = (await sidebar.textContent('[data-testid=issues]')) || '';
    assert.ok(issues.indexOf(SCRIPT_VALUE) >= 0, 'the bad GMV value is shown as typed');
    assert.ok(issues.indexOf('row 5') >= 0, 'with its row number');
    const injected = await sidebar.$$eval('#app img, #app script, #app iframe, #app [onerror]', (found) => found.length);
    assert.equal(injected, 0, 'no element was made from pasted text');
    await sidebar.waitForTimeout(200); // an onerror would fire on the next tick
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);

    assert.match(await fill(sidebar), /^Done/);
    assert.deepEqual(dialogs, []);
  });

  test('the sheet stores them as text: no formulas, names exactly as pasted', async () => {
    const { lines } = settlementSheets((await spreadsheet(preview.url)).sheets);
    assert.equal(lines.length, 1);
    const sheet = lines[0];
    const find = (text: string) => {
      for (let r = 0; r < sheet.values.length; r++) {
        const c = sheet.values[r].indexOf(text);
        if (c >= 0) return { r, c };
      }
      return undefined;
    };
    [FORMULA_NAME, HTML_NAME, CSV_INJECTION_ID, '-2+3', '@SUM(A1)'].forEach((text) => {
      const at = find(text);
      assert.ok(at, `${text} is in the sheet as a value`);
      assert.equal(sheet.formulas[at.r][at.c], '', `${text} did not become a formula`);
    });
    assert.ok(sheet.formulas.every((row) => row.every((f) => f === '')), 'the settlement has no formulas at all');
  });

  test('the preview page draws the sheet with the names as text', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss().catch(() => undefined);
    });
    await page.goto(preview.url);
    await page.click('[data-testid=sheet-tabs] button:has-text("Settlement 2025-11-11 #1")');
    await page.waitForSelector('table.grid[data-sheet="Settlement 2025-11-11 #1"]');
    const grid = (await page.textContent('[data-testid=sheet-grid]')) || '';
    assert.ok(grid.indexOf(HTML_NAME) >= 0);
    assert.ok(grid.indexOf(FORMULA_NAME) >= 0);
    assert.equal(await page.$$eval('[data-testid=sheet-grid] img', (found) => found.length), 0);
    await page.waitForTimeout(200);
    assert.deepEqual(dialogs, []);
    await page.close();
  });
});
