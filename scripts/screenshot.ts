/**
 * docs/preview.png for the README: the local preview with the example data pasted, the preview
 * computed, and the settlement written into the emulated sheet. Run by hand after UI changes
 * (`npx tsx scripts/screenshot.ts`), not by the tests. Chinese glyphs need a CJK font
 * installed (Debian: fonts-wqy-microhei), or the example names render as boxes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startPreview } from '../dev/preview/serverStart';
import { runMain } from './runMain';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// SCREENSHOT_OUT lets a Chinese screenshot (PREVIEW_LOCALE=zh_CN) go elsewhere than the README's.
const out = process.env.SCREENSHOT_OUT || join(root, 'docs', 'preview.png');

async function main(): Promise<void> {
  const distDir = process.env.PREVIEW_DIST_DIR || join(root, 'dist');
  if (!process.env.PREVIEW_DIST_DIR) {
    const built = spawnSync('npx', ['tsx', 'scripts/build.ts'], { cwd: root, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('the build failed');
  }
  const preview = await startPreview({ root, distDir, port: 0, locale: process.env.PREVIEW_LOCALE || 'en_US' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--hide-scrollbars'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(preview.url);
    const sidebar = page.frameLocator('#sidebar');
    await sidebar.locator('[data-testid=history-input]').waitFor();
    await page.click('#load-all');
    await sidebar.locator('[data-testid=coefficient]').fill('0.05');
    await sidebar.locator('details > summary').click();
    await sidebar.locator('[data-testid=invited-only]').check();
    await sidebar.locator('details > summary').click();
    await sidebar.locator('[data-testid=preview][aria-busy=false][data-state=ready]').waitFor();
    await sidebar.locator('[data-testid=fill]').click();
    await sidebar.locator('[data-testid=fill-result]:not(:empty)').waitFor();
    // The lines sheet is what finance filters and checks; show it rather than the summary.
    const linesSheet = (process.env.PREVIEW_LOCALE || '').startsWith('zh') ? '结算 2025-11-11 #1' : 'Settlement 2025-11-11 #1';
    await page.click(`[data-testid=sheet-tabs] button:text-is("${linesSheet}")`);
    await page.waitForSelector(`table.grid[data-sheet="${linesSheet}"]`);
    // Fold the example boxes and show the preview's figures rather than the inputs above them.
    await page.evaluate(() => ((document.querySelector('details.examples') as HTMLDetailsElement).open = false));
    await sidebar.locator('[data-testid=preview]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(300);
    mkdirSync(dirname(out), { recursive: true });
    await page.screenshot({ path: out });
    console.log(`${out} written`);
  } finally {
    await browser.close();
    await preview.close();
  }
}

runMain(main);
