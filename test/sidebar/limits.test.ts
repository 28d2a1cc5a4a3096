/**
 * The sidebar within real Sheets' limits: a large settlement goes in several server calls with
 * progress in the user's words and the inputs frozen; a paste too large for a server call, or a
 * settlement too large for the spreadsheet, is refused before anything is sent; Google's
 * PERMISSION_DENIED (several signed-in accounts) is explained.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { RunningPreview } from '../../dev/preview/serverStart';
import { MAX_CALL_CHARS } from '../../src/protocol/limits';
import { largeRequest } from '../addon/support';
import { enterInputs, exampleInputs, launchBrowser, openSidebar, paste, resultAfterClick, spreadsheet, startTestPreview } from './harness';
import { lineRecords, settlementSheets } from './settlement';

/** Server functions the page called, by name. */
function serverCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (request) => {
    const match = /\/api\/run\/([^/?]+)/.exec(request.url());
    if (match && request.method() === 'POST') calls.push(match[1]);
  });
  return calls;
}

const text = (source: { kind: string; text?: string }) => source.text || '';

describe('the sidebar within Sheets\' limits', () => {
  let preview: RunningPreview;
  let browser: Browser;

  before(async () => {
    [preview, browser] = await Promise.all([startTestPreview({ seedExamples: false, latencyMs: 250 }), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await preview?.close();
  });

  test('21,000 lines: written in several calls, progress in lines, inputs frozen until it is done', async () => {
    const { page, sidebar } = await openSidebar(browser, preview.url);
    const calls = serverCalls(page);
    const req = largeRequest(3000, 7); // 21,000 lines
    assert.equal(await enterInputs(sidebar, { history: text(req.history), campaign: text(req.campaign), coefficient: '0.05' }), 'ready');
    await sidebar.click('[data-testid=fill]');
    await sidebar.waitForFunction(() => /Writing 10,000 of 21,000 lines/.test(document.querySelector('[data-testid=progress-text]')?.textContent || ''));
    assert.equal(await sidebar.isDisabled('[data-testid=coefficient]'), true, 'the inputs are frozen while writing');
    assert.equal(await sidebar.isDisabled('[data-testid=history-input]'), true);
    assert.doesNotMatch((await sidebar.textContent('[data-testid=progress]')) || '', /lock/i, 'words of the user, not of the platform');
    const message = await resultAfterClick(sidebar);
    assert.match(message, /^Done: the settlement is in sheet “Settlement 2025-11-11 #1” \(21,000 lines\)/);
    assert.equal(await sidebar.isDisabled('[data-testid=coefficient]'), false, 'and free again after');
    // Two more blocks of lines, then one of the summary's 3,000 merchant rows.
    // The sidebar reads its context and the campaign again after a write; the writes are what is counted.
    assert.deepEqual(calls.filter((name) => name !== 'getSidebarContext' && name !== 'getCampaignBasis'), ['writeSettlement', 'writeSettlementRows', 'writeSettlementRows', 'writeSettlementRows', 'finishSettlementWrite']);
    const { lines } = settlementSheets((await spreadsheet(preview.url)).sheets);
    assert.deepEqual(lines.map((s) => s.name), ['Settlement 2025-11-11 #1']);
    assert.equal(lineRecords(lines[0]).length, 21000);
    await page.close();
  });

  test('a paste larger than a server call can take is refused at once, and nothing is sent', async () => {
    const { page, sidebar } = await openSidebar(browser, preview.url);
    const calls = serverCalls(page);
    const inputs = exampleInputs(preview);
    await enterInputs(sidebar, { history: inputs.history, campaign: inputs.campaign, coefficient: '0.05' });
    await sidebar.$eval('[data-testid=history-input]', (el, size) => {
      (el as HTMLTextAreaElement).value = 'merchant_id,date,gmv\n' + 'x'.repeat(size);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, MAX_CALL_CHARS);
    await sidebar.waitForSelector('[data-testid=history-refused]');
    assert.match((await sidebar.textContent('[data-testid=history-refused]')) || '', /This paste has 20,000,021 characters, more than the 20,000,000 one server call can take\. Use the gmv-settle command line/);
    await sidebar.waitForFunction(() => (document.querySelector('[data-testid=fill]') as HTMLButtonElement).disabled);
    assert.match((await sidebar.textContent('[data-testid=fill-why]')) || '', /too large to send/);
    await sidebar.click('[data-testid=history-clear]');
    await paste(sidebar, 'history-input', inputs.history);
    await sidebar.waitForFunction(() => !(document.querySelector('[data-testid=fill]') as HTMLButtonElement).disabled);
    assert.deepEqual(calls.filter((name) => name.startsWith('write')), [], 'nothing was uploaded');
    await page.close();
  });

  test('a file larger than a server call can take is refused before it is sent', async () => {
    const { page, sidebar } = await openSidebar(browser, preview.url);
    const calls = serverCalls(page);
    await enterInputs(sidebar, { ...exampleInputs(preview), targets: undefined, invitedOnly: false });
    await sidebar.click('[data-testid=campaign-mode-file]');
    const big = Buffer.concat([Buffer.from('merchant_id,date,gmv\n'), Buffer.alloc(MAX_CALL_CHARS, 'x')]);
    await sidebar.setInputFiles('[data-testid=campaign-file]', { name: 'campaign.csv', mimeType: 'text/csv', buffer: big });
    await sidebar.waitForFunction(() => /too large to send/.test(document.querySelector('[data-testid=fill-why]')?.textContent || ''));
    assert.match((await sidebar.textContent('fieldset.source:has([data-testid=campaign-file]) .status')) || '', /campaign\.csv is too large to send \(19\.1 MB\): one server call takes at most 20,000,000 characters/);
    assert.equal(await sidebar.isDisabled('[data-testid=fill]'), true);
    assert.deepEqual(calls.filter((name) => name.startsWith('write')), []);
    await page.close();
  });

  test('a settlement that would pass 10,000,000 cells is refused in the sidebar, before anything is sent', async () => {
    const fakes = preview.runtime.fakes.spreadsheet;
    const sheet = fakes.insertSheet('Big data');
    // Leave 20,000 cells: less than the summary alone takes while it is a new 1000 × 26 sheet.
    sheet.insertRowsAfter(1000, Math.floor((10000000 - fakes._gridCells() - 20000) / 26));
    try {
      const { page, sidebar } = await openSidebar(browser, preview.url);
      const calls = serverCalls(page);
      await enterInputs(sidebar, exampleInputs(preview));
      assert.equal(await sidebar.isDisabled('[data-testid=fill]'), true);
      assert.match((await sidebar.textContent('[data-testid=fill-why]')) || '', /needs [\d,]+ cells and the spreadsheet already holds [\d,]+: more than Google Sheets' 10,000,000 cells per spreadsheet\. Use the gmv-settle command line/);
      assert.deepEqual(calls.filter((name) => name.startsWith('write')), []);
      await page.close();
    } finally {
      preview.runtime.fakes.spreadsheet.deleteSheet(sheet);
    }
  });

  test('PERMISSION_DENIED from several signed-in accounts is explained, for the context and for a write', async () => {
    const page = await browser.newPage();
    const denied = { status: 500, contentType: 'application/json', body: JSON.stringify({ error: "We're sorry, a server error occurred while reading from storage. Error code PERMISSION_DENIED." }) };
    await page.route('**/api/run/getSidebarContext', (route) => route.fulfill(denied));
    await page.route('**/api/run/writeSettlement', (route) => route.fulfill(denied));
    await page.goto(`${preview.url}/sidebar`);
    await page.waitForSelector('[data-testid=context-problem]');
    const sidebar = page.mainFrame();
    assert.match((await sidebar.textContent('[data-testid=context-problem]')) || '', /several Google accounts are signed in: open the spreadsheet in a window where only the account that installed the add-on is signed in/);
    await page.unroute('**/api/run/getSidebarContext');
    await enterInputs(sidebar, exampleInputs(preview));
    await sidebar.click('[data-testid=fill]');
    assert.match(await resultAfterClick(sidebar), /^The settlement was not written: Google refused the call \(PERMISSION_DENIED\)\. This happens when several Google accounts are signed in/);
    await page.close();
  });
});
