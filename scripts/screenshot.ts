/**
 * docs/preview.png for the README: the local preview with the example data pasted, the preview
 * computed, and the settlement written into the emulated sheet. Run by hand after UI changes
 * (`npx tsx scripts/screenshot.ts`), not by the tests. The settlement process's pictures are
 * scripts/screenshotProcess.ts.
 */
import { join } from 'node:path';
import { ROOT, withPreview } from './screenshotKit';
import { runMain } from './runMain';

// SCREENSHOT_OUT lets a Chinese screenshot (PREVIEW_LOCALE=zh_CN) go elsewhere than the README's.
const out = process.env.SCREENSHOT_OUT || join(ROOT, 'docs', 'preview.png');
const locale = process.env.PREVIEW_LOCALE || 'en_US';

runMain(() =>
  withPreview(locale, async ({ page, sidebar, shot }) => {
    await page.click('#load-all');
    await sidebar.locator('[data-testid=coefficient]').fill('0.05');
    await sidebar.locator('fieldset.policy details > summary').click();
    await sidebar.locator('[data-testid=invited-only]').check();
    await sidebar.locator('fieldset.policy details > summary').click();
    await sidebar.locator('[data-testid=preview][aria-busy=false][data-state=ready]').waitFor();
    await sidebar.locator('[data-testid=fill]').click();
    await sidebar.locator('[data-testid=fill-result]:not(:empty)').waitFor();
    // The lines sheet is what finance filters and checks; show it rather than the summary.
    const linesSheet = locale.startsWith('zh') ? '结算 2025-11-11 #1' : 'Settlement 2025-11-11 #1';
    await page.click(`[data-testid=sheet-tabs] button:text-is("${linesSheet}")`);
    await page.waitForSelector(`table.grid[data-sheet="${linesSheet}"]`);
    // Fold the example boxes and show the preview's figures rather than the inputs above them.
    await page.evaluate(() => ((document.querySelector('details.examples') as HTMLDetailsElement).open = false));
    await sidebar.locator('[data-testid=preview]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(out);
  }),
);
