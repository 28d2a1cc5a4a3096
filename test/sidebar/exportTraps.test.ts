/**
 * Issue 6 in the sidebar's live preview (Chromium): real-export traps give the right figures or
 * a blocked merchant, a coefficient that cannot be meant says what was probably meant, the
 * coefficient in force is shown worked once, and the preview page's "load all" brings the
 * examples' policy options so the sidebar shows what `npm start` printed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Frame, Page } from 'playwright-core';
import type { RunningPreview } from '../../dev/preview/serverStart';
import { EXPORT_TRAPS } from '../fixtures/exportTraps';
import { afterPreview, enterInputs, launchBrowser, sidebarForSuite, startTestPreview } from './harness';
import { cliJson } from './settlement';

const display = (decimal: string) => Number(decimal).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

describe('sidebar preview on real-export traps', () => {
  const suite = sidebarForSuite();

  for (const trap of EXPORT_TRAPS) {
    test(trap.name, async () => {
      const sidebar = suite.sidebar();
      const state = await enterInputs(sidebar, { history: trap.history, campaign: trap.campaign, coefficient: '0.05' });
      assert.equal(state, 'ready');
      assert.equal(await sidebar.textContent('[data-testid=total-cash-total]'), display(trap.cashTotal));
      assert.equal(await sidebar.textContent('[data-testid=total-blocked]'), String(trap.blockedMerchants));
      if (trap.issue) assert.match((await sidebar.textContent('[data-testid=issues]')) || '', trap.issue);
    });
  }

  test('the coefficient in force is shown with one worked line; a 5 typed for 5% keeps fill disabled and says so', async () => {
    const sidebar = suite.sidebar();
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

describe('files chosen in the sidebar, decoded as the CLI decodes them', () => {
  const suite = sidebarForSuite();
  const history = EXPORT_TRAPS[2].history; // M001 of SPEC §6 and M002
  const choose = (name: string, buffer: Buffer) =>
    afterPreview(suite.sidebar(), () => suite.sidebar().setInputFiles('[data-testid=campaign-file]', { name, mimeType: 'text/csv', buffer }));

  test('a UTF-8 file with one row of GBK bytes: that row is reported with its bytes, the rest stays UTF-8', async () => {
    const sidebar = suite.sidebar();
    await enterInputs(sidebar, { history, campaign: 'x', coefficient: '0.05' });
    await sidebar.click('[data-testid=campaign-mode-file]');
    const body = Buffer.concat([
      Buffer.from('商家ID,商家名称,日期,成交金额,磁力金牛消耗\nM001,星河小店,2025-11-11,523456.78,12345.67\nM002,', 'utf8'),
      Buffer.from('b3bfb9e2', 'hex'), // 晨光 in GBK
      Buffer.from(',2025-11-11,150000,1000\n', 'utf8'),
    ]);
    assert.equal(await choose('mixed.csv', body), 'ready');
    assert.match((await sidebar.textContent('[data-testid=lines]')) || '', /星河小店/);
    assert.match((await sidebar.textContent('[data-testid=issues]')) || '', /0xB3 0xBF 0xB9 0xE2/);
    assert.equal(await sidebar.textContent('[data-testid=total-blocked]'), '1');
    assert.equal(await sidebar.textContent('[data-testid=total-cash-total]'), '23,345.68');
  });

  test('UTF-16 without a byte-order mark is read; a file of zero bytes that is not text is refused by name', async () => {
    const sidebar = suite.sidebar();
    const text = 'merchant_id,date,gmv,ad_spend\nM001,2025-11-11,523456.78,12345.67\n';
    const le = Buffer.from(Array.from(text).flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8]));
    assert.equal(await choose('utf16.csv', le), 'ready');
    assert.equal(await sidebar.textContent('[data-testid=total-cash-total]'), '23,345.68');
    await choose('binary.csv', Buffer.from([0x4d, 0x31, 0x00, 0x00, 0x00, 0x2c, 0x31, 0x00, 0x0a, 0x00, 0x00, 0x07]));
    assert.match((await sidebar.textContent('[data-testid=campaign-file] ~ .status')) || '', /binary\.csv could not be read: the file contains zero bytes/);
  });
});
