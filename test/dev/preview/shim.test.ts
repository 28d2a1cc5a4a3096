/**
 * The preview's google.script.run: the same contract as Apps Script's, so a sidebar that works
 * here works in Sheets. Only the bundle's SERVER_FUNCTIONS are callable; a server error reaches
 * the failure handler as its message, never a stack; handlers and user objects chain.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { RunningPreview } from '../../../dev/preview/serverStart';
import { sidebarForSuite } from '../../sidebar/harness';

describe('google.script.run in the local preview', () => {
  const suite = sidebarForSuite();
  let preview: RunningPreview;
  let page: Page;
  before(() => {
    preview = suite.preview();
    page = suite.page();
  });

  test('only server functions can be called: custom functions and unknown names are 404', async () => {
    assert.ok(preview.runtime.serverFunctions.indexOf('writeSettlement') >= 0);
    for (const name of ['SETTLEMENT', 'App', 'eval', 'constructor', 'nothingHere']) {
      const response = await fetch(`${preview.url}/api/run/${name}`, { method: 'POST', body: '[]' });
      assert.equal(response.status, 404, name);
    }
  });

  test('a server error reaches the failure handler as its message, with the user object', async () => {
    const outcome = await page.evaluate(
      () =>
        new Promise<{ message: string; user: unknown; stack: boolean }>((resolve) => {
          const run = (window as unknown as { google: { script: { run: Record<string, (...a: unknown[]) => unknown> } } }).google.script.run;
          const chained = run.withSuccessHandler(() => resolve({ message: 'succeeded', user: null, stack: false })) as typeof run;
          const failing = chained.withFailureHandler((error: unknown, user: unknown) => {
            const e = error as Error;
            resolve({ message: e.message, user, stack: /\.js:\d+|at \w/.test(e.message) });
          }) as typeof run;
          (failing.withUserObject({ row: 7 }) as typeof run).writeSettlement({ history: 'not a source' });
        }),
    );
    assert.notEqual(outcome.message, 'succeeded');
    assert.ok(outcome.message.length > 0);
    assert.equal(outcome.stack, false, `no stack in "${outcome.message}"`);
    assert.deepEqual(outcome.user, { row: 7 });
  });

  test('calls answer asynchronously, like Apps Script: the caller runs on first', async () => {
    const order = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const seen: string[] = [];
          const run = (window as unknown as { google: { script: { run: Record<string, (...a: unknown[]) => unknown> } } }).google.script.run;
          (run.withSuccessHandler((context: unknown) => {
            seen.push(Array.isArray((context as { sheets: unknown }).sheets) ? 'context' : 'bad context');
            resolve(seen);
          }) as typeof run).getSidebarContext();
          seen.push('after call');
        }),
    );
    assert.deepEqual(order, ['after call', 'context']);
  });
});
