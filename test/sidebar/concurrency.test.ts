/**
 * Two people pressing fill at the same moment. The server runs each write under the document
 * lock; whatever the order, no row is lost or written twice, and the one that comes second is
 * told what happened. The preview server adds Apps Script-like latency so the two requests
 * really are in flight together, and so the progress display has time to show.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Frame } from 'playwright-core';
import type { RunningPreview } from '../../dev/preview/serverStart';
import { enterInputs, exampleInputs, launchBrowser, openSidebar, resultAfterClick, spreadsheet, startTestPreview, type Inputs } from './harness';
import { lineRecords, settlementSheets } from './settlement';

const LATENCY_MS = 700;

async function clickBoth(a: Frame, b: Frame): Promise<[string, string]> {
  await Promise.all([a.click('[data-testid=fill]'), b.click('[data-testid=fill]')]);
  return Promise.all([resultAfterClick(a), resultAfterClick(b)]);
}

function uniqueLines(records: Record<string, unknown>[]): number {
  return new Set(records.map((r) => `${r.merchant_id}|${r.date}`)).size;
}

describe('two fills at the same time', () => {
  let preview: RunningPreview;
  let browser: Browser;
  let first: Frame;
  let second: Frame;
  let inputs: Inputs;
  let expectedLines: number;

  before(async () => {
    [preview, browser] = await Promise.all([startTestPreview({ seedExamples: false, latencyMs: LATENCY_MS }), launchBrowser()]);
    inputs = exampleInputs(preview);
    [first, second] = (await Promise.all([openSidebar(browser, preview.url), openSidebar(browser, preview.url)])).map((s) => s.sidebar);
    await Promise.all([enterInputs(first, inputs), enterInputs(second, inputs)]);
    expectedLines = Number(await first.getAttribute('[data-testid=preview]', 'data-lines'));
  });
  after(async () => {
    await browser?.close();
    await preview?.close();
  });

  test('same inputs: one settlement, and the second is told where it is', async () => {
    const clicks = Promise.all([first.click('[data-testid=fill]'), second.click('[data-testid=fill]')]);
    await clicks;
    // While the writes run, each button is disabled and the progress says what is happening.
    await first.waitForSelector('[data-testid=progress]:not([hidden])');
    assert.equal(await first.isDisabled('[data-testid=fill]'), true);
    assert.match((await first.textContent('[data-testid=progress]')) || '', /Writing the settlement · \d+\.\d s/);
    const messages = await Promise.all([resultAfterClick(first), resultAfterClick(second)]);

    const written = messages.filter((m) => /^Done/.test(m));
    const exists = messages.filter((m) => /already exists in sheet “Settlement 2025-11-11 #1”/.test(m));
    assert.equal(written.length, 1, messages.join(' | '));
    assert.equal(exists.length, 1, messages.join(' | '));
    const { lines } = settlementSheets((await spreadsheet(preview.url)).sheets);
    assert.equal(lines.length, 1);
    const records = lineRecords(lines[0]);
    assert.equal(records.length, expectedLines);
    assert.equal(uniqueLines(records), expectedLines, 'no line written twice');
  });

  test('different inputs: two complete settlements, neither loses nor doubles a row', async () => {
    await Promise.all([enterInputs(first, { ...inputs, coefficient: '0.06' }), enterInputs(second, { ...inputs, coefficient: '0.07' })]);
    const messages = await clickBoth(first, second);
    messages.forEach((m) => assert.match(m, /^Done: the settlement is in sheet “Settlement 2025-11-11 #[23]”/));
    const { lines } = settlementSheets((await spreadsheet(preview.url)).sheets);
    assert.deepEqual(lines.map((s) => s.name).sort(), ['Settlement 2025-11-11 #1', 'Settlement 2025-11-11 #2', 'Settlement 2025-11-11 #3']);
    lines.forEach((sheet) => {
      const records = lineRecords(sheet);
      assert.equal(records.length, expectedLines, `${sheet.name} has every line`);
      assert.equal(uniqueLines(records), expectedLines, `${sheet.name} has no line twice`);
    });
  });
});
