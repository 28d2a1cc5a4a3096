/**
 * Issue 6 in the sidebar's live preview (Chromium): real-export traps give the right figures or
 * a blocked merchant, a coefficient that cannot be meant says what was probably meant, the
 * coefficient in force is shown worked once, and the preview page's "load all" brings the
 * examples' policy options so the sidebar shows what `npm start` printed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Frame, Page } from 'playwright-core';
import type { RunningPreview } from '../../src/preview/serverStart';
import { EXPORT_TRAPS } from '../fixtures/exportTraps';
import { afterPreview, enterInputs, launchBrowser, openSidebar, startTestPreview } from './harness';
import { cliJson } from './settlement';

const display = (decimal: string) => Number(decimal).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

describe('sidebar preview on real-export traps', () => {
  let preview: RunningPreview;
  let browser: Browser;
  let sidebar: Frame;

  before(async () => {
    [preview, browser] = await Promise.all([startTestPreview({ seedExamples: false }), launchBrowser()]);
    sidebar = (await openSidebar(browser, preview.url)).sidebar;
  });
  after(async () => {
    await browser?.close();
    await preview?.close();
  });

  for (const trap of EXPORT_TRAPS) {
    test(trap.name, async () => {
      const state = await enterInputs(sidebar, { history: trap.history, campaign: trap.campaign, coefficient: '0.05' });
      assert.equal(state, 'ready');
      assert.equal(await sidebar.textContent('[data-testid=total-cash-total]'), display(trap.cashTotal));
      assert.equal(await sidebar.textContent('[data-testid=total-blocked]'), String(trap.blockedMerchants));
      if (trap.issue) assert.match((await sidebar.textContent('[data-testid=issues]')) || '', trap.issue);
    });
  }

  test('the coefficient in force is shown with one worked line; a 5 typed for 5% keeps fill disabled and says so', async () => {
    await enterInputs(sidebar, { history: EXPORT_TRAPS[0].history, campaign: EXPORT_TRAPS[0].campaign, coefficient: '5%' });
    assert.equal(await sidebar.textContent('[data-testid=coefficient-in-force]'), 'red-packet coefficient 0.05 (5%): 5% of an incremental GMV of 100,000.00 = 5,000.00');
    await afterPreview(sidebar, () => sidebar.fill('[data-testid=coefficient]', '5'));
    assert.equal(await sidebar.isDisabled('[data-testid=fill]'), true);
    assert.equal(await sidebar.textContent('[data-testid=fill-why]'), 'coefficient 5 would pay 500% of the incremental GMV — did you mean 5%?');
    const placeholder = await sidebar.getAttribute('[data-testid=coefficient]', 'placeholder');
    assert.doesNotMatch(placeholder || '', /^\d/, 'a placeholder that reads like a value looks filled in');
  });
});

describe('the preview page in Chinese, and "load all" with the examples policy options', () => {
  let preview: RunningPreview;
  let browser: Browser;
  let page: Page;

  before(async () => {
    [preview, browser] = await Promise.all([startTestPreview({ seedExamples: false, locale: 'zh_CN' }), launchBrowser()]);
    page = await browser.newPage();
    page.setDefaultTimeout(15000);
    await page.goto(preview.url);
  });
  after(async () => {
    await browser?.close();
    await preview?.close();
  });

  test('load all brings invited_only too, so the sidebar shows the totals the CLI gives with examples/policy.json', async () => {
    assert.equal(await page.textContent('[data-testid=load-all]'), '全部载入侧边栏');
    assert.match((await page.textContent('[data-testid=load-all-hint]')) || '', /invited_only: true/);
    const frame = page.frame({ url: /\/sidebar$/ }) as Frame;
    await frame.waitForSelector('[data-testid=preview]');
    await afterPreview(frame, () => page.click('[data-testid=load-all]'));
    assert.equal(await frame.isChecked('[data-testid=invited-only]'), true);
    assert.equal(await frame.inputValue('[data-testid=coefficient]'), '', 'the coefficient is left for the user to type');
    await afterPreview(frame, () => frame.fill('[data-testid=coefficient]', '0.05'));
    const cli = cliJson({ history: 'examples/history.csv', campaign: 'examples/campaign.csv', targets: 'examples/targets.csv', policy: 'examples/policy.json' });
    assert.equal(await frame.textContent('[data-testid=total-cash-total]'), display(String(cli.totals.cash_total)));
    assert.equal(await frame.textContent('[data-testid=total-merchants]'), String(cli.totals.merchants));
    assert.match((await frame.textContent('[data-testid=coefficient-in-force]')) || '', /^奖励系数 0\.05（5%）：增量GMV 100,000\.00 × 5% = 5,000\.00$/);
  });
});
