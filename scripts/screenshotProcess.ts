/**
 * The README's pictures of the settlement process (SPEC §7), in the local preview with the
 * example data: run 1 written and the add-on menu open on it (Approve this settlement); run 2
 * after refunds, net of them, with the true-up sheet beside the sidebar's true-up figures; the
 * statements sheet in Chinese. Run by hand after UI changes (`npx tsx scripts/screenshotProcess.ts`),
 * not by the tests: it goes through the process twice, in English and in Chinese.
 */
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { ROOT, withPreview } from './screenshotKit';
import { runMain } from './runMain';

const CAMPAIGN = '双11登峰激励 2025';
/** The refund that arrives after run 1: 30,000.00 on 义乌示范旗舰店's 2025-11-11 (SPEC §7's example). */
const REFUNDED = { merchant: '000001', date: '2025/11/11', amount: '30000' };

/** The export again with a refunds column (退款金额): `amount` on the refunded day, 0 elsewhere. */
function withRefunds(csv: string, refunded?: (line: string) => boolean): string {
  const [header, ...rows] = csv.replace(/\r/g, '').split('\n');
  return [header + ',退款金额', ...rows.filter((row) => row !== '').map((row) => `${row},${refunded && refunded(row) ? REFUNDED.amount : 0}`)].join('\n') + '\n';
}

async function paste(sidebar: FrameLocator, testId: string, text: string): Promise<void> {
  await sidebar.locator(`[data-testid=${testId}]`).evaluate((el, value) => {
    (el as HTMLTextAreaElement).value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

async function ready(sidebar: FrameLocator): Promise<void> {
  await sidebar.locator('[data-testid=preview][aria-busy=false][data-state=ready]').waitFor();
}

async function showSheet(page: Page, name: string): Promise<void> {
  await page.click(`[data-testid=sheet-tabs] button:text-is("${name}")`);
  await page.waitForSelector(`table.grid[data-sheet="${name}"]`);
}

async function runProcess(locale: string, shots: { menu?: string; trueUp?: string; statements?: string }): Promise<void> {
  const zh = locale.startsWith('zh');
  const lines = (run: number) => `${zh ? '结算' : 'Settlement'} 2025-11-11 #${run}`;
  await withPreview(locale, async ({ page, sidebar, shot }) => {
    await page.evaluate(() => ((document.querySelector('details.examples') as HTMLDetailsElement).open = false));
    // Run 1: the examples as exported, under examples/policy.json's options.
    await sidebar.locator('[data-testid=campaign-name]').fill(CAMPAIGN);
    await page.click('#load-all');
    await sidebar.locator('[data-testid=coefficient]').fill('0.05');
    await ready(sidebar);
    await sidebar.locator('[data-testid=fill]').click();
    await sidebar.locator('[data-testid=fill-result]:not(:empty)').waitFor();
    await showSheet(page, lines(1));
    await page.click('[data-testid=addon-menu]');
    if (shots.menu) await shot(shots.menu);
    await page.click('[data-testid=menu-approveActiveSettlement]');
    await page.waitForSelector('[data-testid=toast]');

    // Run 2: the refund has arrived; settled net of refunds, a true-up against approved run 1.
    // (The sidebar reads the campaign again when it is next used; the name typed again does it now.)
    await sidebar.locator('[data-testid=campaign-name]').fill(CAMPAIGN);
    const examples = Object.fromEntries(['history', 'campaign'].map((source) => [source, page.evaluate((s) => (document.querySelector(`[data-testid=example-${s}] textarea`) as HTMLTextAreaElement).value, source)]));
    await paste(sidebar, 'history-input', withRefunds(await examples.history));
    await paste(sidebar, 'campaign-input', withRefunds(await examples.campaign, (row) => row.startsWith(`${REFUNDED.merchant},`) && row.includes(REFUNDED.date)));
    await sidebar.locator('fieldset.policy details > summary').click();
    await sidebar.locator('[data-testid=gmv-basis]').selectOption('net_of_refunds');
    await sidebar.locator('fieldset.policy details > summary').click();
    await sidebar.locator('[data-testid=trueup-delta]').waitFor();
    await ready(sidebar);
    await sidebar.locator('[data-testid=fill]').click();
    await sidebar.locator('[data-testid=fill-result]:not(:empty)').waitFor();
    await showSheet(page, `${lines(2)}${zh ? ' 差额' : ' true-up'}`);
    await sidebar.locator('[data-testid=trueup]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    if (shots.trueUp) await shot(shots.trueUp);

    if (!shots.statements) return;
    // The statements of run 2, for every merchant, from the sidebar's run panel.
    await sidebar.locator('[data-testid=run-panel] > summary').click();
    await sidebar.locator('[data-testid=write-statements]').click();
    await sidebar.locator('[data-testid=run-sheet-result].ok').waitFor();
    await sidebar.locator('[data-testid=run-panel]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(shots.statements);
  });
}

const docs = join(ROOT, 'docs');
const RUNS = {
  en: () => runProcess('en_US', { menu: join(docs, 'process-approve.png'), trueUp: join(docs, 'process-true-up.png') }),
  zh: () => runProcess('zh_CN', { statements: join(docs, 'process-statements-zh.png') }),
};
// `npx tsx scripts/screenshotProcess.ts zh` takes only the Chinese picture.
const only = process.argv[2] as keyof typeof RUNS | undefined;
runMain(async () => {
  for (const [name, run] of Object.entries(RUNS)) if (!only || only === name) await run();
});
