/**
 * Shared set-up of the browser tests: the built add-on served by the local preview on a free
 * port, Debian's Chromium driven by playwright-core, and small steps a person would take in
 * the sidebar (paste, type the coefficient, press fill). One browser per test file: 2 cores.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { buildSidebar } from '../../scripts/buildSidebar';
import { startPreview, type PreviewOptions, type RunningPreview } from '../../dev/preview/serverStart';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** `npm test` builds dist/ first; a test file run on its own builds what is missing. */
export async function ensureBuilt(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist', 'app.js'))) {
    const built = spawnSync('npx', ['tsx', 'scripts/build.ts'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('the build failed');
  }
  if (!existsSync(join(ROOT, 'dist', 'Sidebar.html'))) await buildSidebar(join(ROOT, 'dist'));
}

export async function startTestPreview(options: Partial<PreviewOptions> = {}): Promise<RunningPreview> {
  // E2E_DIST_DIR tests a build made elsewhere (a release candidate, say) instead of dist/.
  const distDir = process.env.E2E_DIST_DIR;
  if (!distDir) await ensureBuilt();
  return startPreview({ root: ROOT, port: 0, locale: 'en_US', distDir, ...options });
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** Opens the sidebar on its own (as /sidebar), and records dialogs and page errors. */
export async function openSidebar(browser: Browser, url: string): Promise<{ page: Page; sidebar: Frame; dialogs: string[]; errors: string[] }> {
  const page = await browser.newPage();
  page.setDefaultTimeout(15000);
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => undefined);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${url}/sidebar`);
  await page.waitForSelector('[data-testid=preview]');
  return { page, sidebar: page.mainFrame(), dialogs, errors };
}

function generation(sidebar: Frame): Promise<number> {
  return sidebar.$eval('[data-testid=preview]', (el) => Number(el.getAttribute('data-generation') || 0));
}

/** Runs `action`, then waits for the preview computed after it (not a stale one). */
export async function afterPreview(sidebar: Frame, action: () => Promise<void>): Promise<string> {
  const before = await generation(sidebar);
  await action();
  await sidebar.waitForFunction(
    (n) => {
      const el = document.querySelector('[data-testid=preview]');
      return !!el && Number(el.getAttribute('data-generation')) > n && el.getAttribute('aria-busy') !== 'true' && el.getAttribute('data-state') !== 'pending';
    },
    before,
  );
  return (await sidebar.getAttribute('[data-testid=preview]', 'data-state')) || '';
}

/** Puts text into a sidebar textarea as a paste does: the value, then one input event. */
export async function paste(sidebar: Frame, testId: string, text: string): Promise<void> {
  await sidebar.$eval(
    `[data-testid=${testId}]`,
    (el, value) => {
      (el as HTMLTextAreaElement).value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    text,
  );
}

export interface Inputs {
  history: string;
  campaign: string;
  targets?: string;
  coefficient?: string;
  invitedOnly?: boolean;
}

/** Fills the sidebar and waits for its preview; returns the preview's state. */
export function enterInputs(sidebar: Frame, inputs: Inputs): Promise<string> {
  return afterPreview(sidebar, async () => {
    await paste(sidebar, 'history-input', inputs.history);
    await paste(sidebar, 'campaign-input', inputs.campaign);
    if (inputs.targets !== undefined) await paste(sidebar, 'targets-input', inputs.targets);
    if (inputs.invitedOnly) {
      // The option sits in the folded "Policy options": unfold it as a person would.
      if (!(await sidebar.isVisible('[data-testid=invited-only]'))) await sidebar.click('details > summary');
      await sidebar.check('[data-testid=invited-only]');
    }
    if (inputs.coefficient !== undefined) await sidebar.fill('[data-testid=coefficient]', inputs.coefficient);
  });
}

/** Presses fill and waits for the result message (written, exists or failed). */
export async function fill(sidebar: Frame): Promise<string> {
  await sidebar.click('[data-testid=fill]');
  return resultAfterClick(sidebar);
}

export async function resultAfterClick(sidebar: Frame): Promise<string> {
  await sidebar.waitForFunction(() => {
    const result = document.querySelector('[data-testid=fill-result]');
    const button = document.querySelector('[data-testid=fill]') as HTMLButtonElement | null;
    return !!result && result.textContent !== '' && !!button && !button.disabled;
  });
  return (await sidebar.textContent('[data-testid=fill-result]')) || '';
}

export interface SheetState {
  name: string;
  values: (string | number | boolean)[][];
  formulas: string[][];
  frozenRows?: number;
}

export async function spreadsheet(url: string): Promise<{ sheets: SheetState[] }> {
  const response = await fetch(`${url}/api/spreadsheet`);
  return (await response.json()) as { sheets: SheetState[] };
}

/** The examples of examples/ with the policy of examples/policy.json, as the sidebar takes them. */
export function exampleInputs(preview: RunningPreview): Inputs {
  const text = (source: string) => {
    const example = preview.examples.find((e) => e.source === source);
    if (!example) throw new Error(`examples/${source}.csv is missing`);
    return example.text;
  };
  return { history: text('history'), campaign: text('campaign'), targets: text('targets'), coefficient: '0.05', invitedOnly: true };
}

/** A test suite's own preview and browser with the sidebar open: started before its tests, closed after. */
export function sidebarForSuite(options: Partial<PreviewOptions> = {}): { preview: () => RunningPreview; browser: () => Browser; page: () => Page; sidebar: () => Frame } {
  let preview: RunningPreview | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  let sidebar: Frame | undefined;
  before(async () => {
    [preview, browser] = await Promise.all([startTestPreview({ seedExamples: false, ...options }), launchBrowser()]);
    ({ page, sidebar } = await openSidebar(browser, preview.url));
  });
  after(async () => {
    await browser?.close();
    await preview?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('sidebarForSuite: used outside the suite');
    return value;
  };
  return { preview: () => started(preview), browser: () => started(browser), page: () => started(page), sidebar: () => started(sidebar) };
}
