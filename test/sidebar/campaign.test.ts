/**
 * SPEC §7 in Chromium, the way finance runs it in the preview: settle run 1 of a campaign in the
 * sidebar, approve it from the add-on menu, re-settle with refunds net of them, see the true-up
 * in the sidebar's preview and then on its own sheet; statements and payout lists from the run
 * panel; Verify from the menu finds an edited cell. Then the rest of the menu on a fresh
 * spreadsheet: the Policy sheet inserted and a cell of it typed into, the help dialog. Every
 * expected figure is SPEC §6/§7's worked example (test/fixtures/spec7.ts), not the code's.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Frame, Page } from 'playwright-core';
import type { RunningPreview } from '../../dev/preview/serverStart';
import { SPEC6_CSV } from '../fixtures/spec6';
import { SPEC7, SPEC7_CSV } from '../fixtures/spec7';
import { afterPreview, launchBrowser, paste, resultAfterClick, spreadsheet, startTestPreview } from './harness';

const CAMPAIGN = '双11登峰激励 2025';

// One browser for the file (2 cores); each describe block gets a fresh spreadsheet and a page on it.
let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

/** A fresh spreadsheet in the preview and the preview page on it, for the describe block it is called in. */
function previewPage(): () => { preview: RunningPreview; page: Page } {
  let preview: RunningPreview;
  let page: Page;
  before(async () => {
    preview = await startTestPreview({ seedExamples: false });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(15000);
    page.on('dialog', (dialog) => dialog.accept()); // Sheets' warning before editing a protected cell: go ahead
    await page.goto(preview.url);
  });
  after(async () => {
    await page?.close();
    await preview?.close();
  });
  return () => ({ preview, page });
}

describe('sidebar and menu: approve, re-settle, the true-up sheet', () => {
  const opened = previewPage();
  let preview: RunningPreview;
  let page: Page;
  let sidebar: Frame;

  before(async () => {
    ({ preview, page } = opened());
    const frame = page.frame({ url: /\/sidebar$/ });
    assert.ok(frame, 'the sidebar frame');
    sidebar = frame!;
    await sidebar.waitForSelector('[data-testid=preview]');
  });

  /** Sets the campaign and the inputs, and waits for the preview made after them. */
  async function settleInSidebar(csv: { history: string; campaign: string }, netOfRefunds: boolean): Promise<string> {
    return afterPreview(sidebar, async () => {
      await sidebar.fill('[data-testid=campaign-name]', CAMPAIGN);
      await paste(sidebar, 'history-input', csv.history);
      await paste(sidebar, 'campaign-input', csv.campaign);
      if (!(await sidebar.isVisible('[data-testid=gmv-basis]'))) await sidebar.click('fieldset.policy details > summary');
      await sidebar.selectOption('[data-testid=gmv-basis]', netOfRefunds ? 'net_of_refunds' : 'paid');
      await sidebar.fill('[data-testid=coefficient]', '0.05');
    });
  }

  async function campaignStatus(pattern: RegExp): Promise<string> {
    await sidebar.waitForFunction((source) => new RegExp(source).test(document.querySelector('[data-testid=campaign-status]')?.textContent || ''), pattern.source);
    return (await sidebar.textContent('[data-testid=campaign-status]')) || '';
  }

  async function menu(functionName: string): Promise<void> {
    await page.click('[data-testid=addon-menu]');
    await page.click(`[data-testid=menu-${functionName}]`);
  }

  test('run 1: written from the sidebar, approved from the menu on its sheet', async () => {
    assert.equal(await settleInSidebar(SPEC6_CSV, false), 'ready');
    assert.match(await campaignStatus(/run 1/), /This will be run 1: no approved run yet/);
    await sidebar.click('[data-testid=fill]');
    assert.match(await resultAfterClick(sidebar), /Done: the settlement is in sheet “Settlement 2025-11-11 #1”/);
    await page.click('[data-testid=sheet-tabs] button:text-is("Settlement 2025-11-11 #1")');
    await page.waitForSelector('table.grid[data-sheet="Settlement 2025-11-11 #1"]');
    await menu('approveActiveSettlement');
    const toast = await page.waitForSelector('[data-testid=toast]:has-text("Approved run 1")');
    assert.match((await toast.textContent()) || '', /Approved run 1 of "双11登峰激励 2025", checksum [0-9a-f]{16}…; its sheets are protected/);
    const state = (await spreadsheet(preview.url)) as unknown as { sheets: { name: string; values: unknown[][] }[]; protections: { sheet: string; warningOnly: boolean }[] };
    assert.ok(state.protections.some((p) => p.sheet === 'Settlement 2025-11-11 #1' && p.warningOnly), 'the lines sheet is protected');
    const register = state.sheets.find((s) => s.name === 'Run register')!;
    assert.deepEqual(register.values[1].slice(0, 3), [CAMPAIGN, 1, 'approved']);
  });

  test('run 2 net of refunds: the preview shows the true-up, the write adds the true-up sheet', async () => {
    assert.equal(await settleInSidebar(SPEC7_CSV, true), 'ready');
    assert.match(await campaignStatus(/against approved run 1/), /This will be run 2: a true-up against approved run 1/);
    assert.equal(await sidebar.textContent('[data-testid=trueup-previous]'), '23,345.68');
    assert.equal(await sidebar.textContent('[data-testid=trueup-now]'), '19,376.54');
    assert.equal(await sidebar.textContent('[data-testid=trueup-delta]'), '-3,969.14');
    assert.equal(await sidebar.textContent('[data-testid=trueup-to-pay]'), '0.00');
    assert.equal(await sidebar.textContent('[data-testid=trueup-to-recover]'), '3,969.14');
    await sidebar.click('[data-testid=fill]');
    assert.match(await resultAfterClick(sidebar), /Done: the settlement is in sheet “Settlement 2025-11-11 #2”/);
    const state = await spreadsheet(preview.url);
    const trueUp = state.sheets.find((s) => s.name === 'Settlement 2025-11-11 #2 true-up');
    assert.ok(trueUp, `the true-up sheet, among ${state.sheets.map((s) => s.name).join(', ')}`);
    const value = (label: string) => trueUp!.values.find((row) => row[0] === label)![1];
    assert.deepEqual([value('Previous cash total'), value('Cash total now'), value('Cash delta'), value('To pay'), value('To recover')], [23345.68, 19376.54, -3969.14, 0, 3969.14]);
    const header = trueUp!.values.findIndex((row) => row.includes('Change'));
    assert.equal(trueUp!.values[header + 1][trueUp!.values[header].indexOf('Change')], SPEC7.trueUpLine.change);
    // The register lists it; the sidebar's run list offers it for statements and the payout list.
    await sidebar.waitForFunction(() => Array.from(document.querySelectorAll('[data-testid=run-select] option')).some((o) => /run 2/.test(o.textContent || '')));
  });

  test('statements and the payout list of run 2 from the run panel: the true-up figures of SPEC §7', async () => {
    await sidebar.click('[data-testid=run-panel] > summary');
    await sidebar.waitForFunction(() => /run 2/.test((document.querySelector('[data-testid=run-select]') as HTMLSelectElement).selectedOptions[0]?.textContent || ''));
    await sidebar.fill('[data-testid=statement-merchant]', SPEC7.merchantId);
    await sidebar.click('[data-testid=write-statements]');
    await sidebar.waitForSelector('[data-testid=run-sheet-result].ok');
    const written = await spreadsheet(preview.url);
    const statements = written.sheets.find((s) => /statement/i.test(s.name) && s.values.some((row) => String(row[0]).startsWith('Paid before')));
    assert.ok(statements, `a statements sheet, among ${written.sheets.map((s) => s.name).join(', ')}`);
    const figure = (label: RegExp) => statements!.values.find((row) => label.test(String(row[0])))![1];
    // §7: paid before 23,345.68 (run 1), now 19,376.54, difference −3,969.14, nothing to pay, 3,969.14 to recover.
    assert.deepEqual([figure(/^Paid before/), figure(/^Cash total$/), figure(/^Difference$/), figure(/^To pay now$/), figure(/^To recover$/)], [23345.68, 19376.54, -3969.14, 0, 3969.14]);
    // Run 2 pays nothing now (to pay 0.00, traffic −55,000 cannot be taken back): nobody is listed.
    const payoutOf = async (run: number) => {
      const label = await sidebar.$$eval('[data-testid=run-select] option', (options, n) => options.find((o) => new RegExp(`run ${n} `).test(o.textContent || ''))?.textContent || '', run);
      await sidebar.selectOption('[data-testid=run-select]', { label });
      const before = await sidebar.textContent('[data-testid=run-sheet-result]');
      await sidebar.click('[data-testid=write-payout]');
      await sidebar.waitForFunction((text) => {
        const result = document.querySelector('[data-testid=run-sheet-result].ok');
        return !!result && result.textContent !== text && /^Payout list/.test(result.textContent || '');
      }, before);
      const sheetName = /sheet "(.+)"/.exec((await sidebar.textContent('[data-testid=run-sheet-result]')) || '')![1];
      return (await spreadsheet(preview.url)).sheets.find((s) => s.name === sheetName)!.values;
    };
    assert.deepEqual((await payoutOf(2)).slice(1), []);
    // Run 1 paid in full: 23,345.68 and 75,000 exposures (SPEC §6).
    assert.deepEqual((await payoutOf(1)).slice(1), [[SPEC7.merchantId, '', 23345.68, 75000, CAMPAIGN, 1]]);
  });

  test('editing an approved cell in the grid (after Sheets\' warning), then Verify from the menu names it', async () => {
    await page.click('[data-testid=sheet-tabs] button:text-is("Settlement 2025-11-11 #1")');
    await page.waitForSelector('table.grid[data-sheet="Settlement 2025-11-11 #1"]');
    await page.dblclick('table.grid td[data-cell="2,13"]'); // M2: M001's cash total
    await page.fill('[data-testid=cell-editor]', '99999');
    await page.press('[data-testid=cell-editor]', 'Enter');
    await page.waitForSelector('table.grid td[data-cell="2,13"]:text-is("99,999.00")');
    await menu('verifyApprovedSettlements');
    await page.waitForSelector('[data-testid=dialog]:not([hidden])');
    const dialog = page.frameLocator('[data-testid=dialog-frame]');
    assert.match((await dialog.locator('body').textContent()) || '', /1 approved run\(s\) changed since approval.*M2: 23345\.68 → 99999/s);
  });
});

describe('the preview menu without a Google account: Policy sheet, a Policy cell typed into, help', () => {
  const opened = previewPage();
  let preview: RunningPreview;
  let page: Page;
  before(() => ({ preview, page } = opened()));

  test('Insert Policy sheet, then B2 (tier 1 cashback rate) typed into; Help shows in a dialog', async () => {
    await page.click('[data-testid=addon-menu]');
    await page.click('[data-testid=menu-insertPolicySheet]');
    await page.waitForSelector('[data-testid=toast]:has-text("Policy")');
    await page.waitForSelector('table.grid[data-sheet="Policy"]');
    await page.dblclick('table.grid td[data-cell="2,2"]');
    await page.fill('[data-testid=cell-editor]', '0.35');
    await page.press('[data-testid=cell-editor]', 'Enter');
    await page.waitForSelector('table.grid td[data-cell="2,2"]:text-is("35.0%")');
    const policy = (await spreadsheet(preview.url)).sheets.find((s) => s.name === 'Policy')!;
    assert.equal(policy.values[1][1], 0.35);
    await page.click('[data-testid=addon-menu]');
    await page.click('[data-testid=menu-showHelp]');
    await page.waitForSelector('[data-testid=dialog]:not([hidden])');
    assert.match((await page.frameLocator('[data-testid=dialog-frame]').locator('body').textContent()) || '', /TIER_REWARD/);
  });
});
