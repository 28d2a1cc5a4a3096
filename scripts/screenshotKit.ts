/**
 * What the README's screenshot scripts share: the built add-on in the local preview on fresh
 * fakes, Debian's Chromium on it, and the picture written. Chinese glyphs need a CJK font
 * installed (Debian: fonts-wqy-microhei), or the example names render as boxes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type FrameLocator, type Page } from 'playwright-core';
import { startPreview, type PreviewOptions } from '../dev/preview/serverStart';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface ScreenshotSession {
  page: Page;
  sidebar: FrameLocator;
  /** The page as it is now, into `out` (folders made as needed). */
  shot(out: string): Promise<void>;
}

/** Builds dist/ (unless PREVIEW_DIST_DIR names one), opens the preview in `locale`, runs `work`, closes everything. */
export async function withPreview(locale: string, work: (session: ScreenshotSession) => Promise<void>, options: Partial<PreviewOptions> = {}): Promise<void> {
  const distDir = process.env.PREVIEW_DIST_DIR || join(ROOT, 'dist');
  if (!process.env.PREVIEW_DIST_DIR) {
    const built = spawnSync('npx', ['tsx', 'scripts/build.ts'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('the build failed');
  }
  const preview = await startPreview({ root: ROOT, distDir, port: 0, locale, ...options });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--hide-scrollbars'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(30000);
    await page.goto(preview.url);
    const sidebar = page.frameLocator('#sidebar');
    await sidebar.locator('[data-testid=history-input]').waitFor();
    const shot = async (out: string) => {
      await page.waitForTimeout(300);
      mkdirSync(dirname(out), { recursive: true });
      await page.screenshot({ path: out });
      console.log(`${out} written`);
    };
    await work({ page, sidebar, shot });
  } finally {
    await browser.close();
    await preview.close();
  }
}
