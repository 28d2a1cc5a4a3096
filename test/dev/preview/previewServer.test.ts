/**
 * The preview server answers only to localhost (a page on another host name that resolves to
 * 127.0.0.1 must not read the emulated spreadsheet), and answers a body larger than a server
 * function takes with 413, at the same limit. It serves the add-on menu onOpen built, and lets
 * the preview page (only it) type into a cell, as a person would in Sheets.
 */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { MAX_CALL_CHARS } from '../../../src/protocol/limits';
import type { RunningPreview } from '../../../dev/preview/serverStart';
import { startTestPreview } from '../../sidebar/harness';

function call(port: number, options: { path: string; method?: string; host?: string; origin?: string; body?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path: options.path, method: options.method || 'GET', headers: { host: options.host || `localhost:${port}`, 'content-type': 'application/json', ...(options.origin ? { origin: options.origin } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode || 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the preview server', () => {
  let preview: RunningPreview;
  before(async () => {
    preview = await startTestPreview({ seedExamples: false });
  });
  after(() => preview?.close());

  test('serves only Host: localhost or 127.0.0.1 (DNS rebinding)', async () => {
    const port = preview.port;
    assert.equal((await call(port, { path: '/api/spreadsheet' })).status, 200);
    assert.equal((await call(port, { path: '/api/spreadsheet', host: `127.0.0.1:${port}` })).status, 200);
    for (const host of [`evil.example:${port}`, 'localhost.evil.example', `127.0.0.1.nip.io:${port}`]) {
      const answer = await call(port, { path: '/api/spreadsheet', host });
      assert.equal(answer.status, 403, host);
      assert.doesNotMatch(answer.body, /sheets/, 'nothing of the spreadsheet');
      assert.equal((await call(port, { path: '/', host })).status, 403);
    }
  });

  test('a body past what a server function takes is 413; one at the limit reaches the function', async () => {
    const port = preview.port;
    // The arguments' JSON: ["xxx…"] is the array's brackets around a string of the limit's length.
    const atLimit = JSON.stringify(['x'.repeat(MAX_CALL_CHARS - 2)]);
    const reached = await call(port, { path: '/api/run/writeSettlement', method: 'POST', body: atLimit });
    assert.equal(reached.status, 500);
    assert.match(JSON.parse(reached.body).error, /the settlement request must be an object/, 'the server function itself answered');
    const over = JSON.stringify(['x'.repeat(MAX_CALL_CHARS - 1)]);
    const refused = await call(port, { path: '/api/run/writeSettlement', method: 'POST', body: over });
    assert.equal(refused.status, 413);
    assert.match(JSON.parse(refused.body).error, /larger than the 20000000 characters a server function takes/);
  });
});

describe('the preview page: the add-on menu, what it shows, a cell typed into', () => {
  let preview: RunningPreview;
  before(async () => {
    preview = await startTestPreview({ seedExamples: false });
  });
  after(() => preview?.close());
  const json = async (answer: Promise<{ status: number; body: string }>) => JSON.parse((await answer).body);

  test('the menu is the one onOpen builds, each item a server function the page may run', async () => {
    const menu = (await json(call(preview.port, { path: '/api/menu' }))) as ({ caption: string; functionName: string } | { separator: true })[];
    const items = menu.filter((entry): entry is { caption: string; functionName: string } => 'functionName' in entry);
    // src/addon/menu.ts, in its order; two separators group them.
    assert.deepEqual(items.map((i) => i.functionName), ['showSidebar', 'insertPolicySheet', 'removeInterruptedWrites', 'approveActiveSettlement', 'verifyApprovedSettlements', 'showHelp']);
    assert.equal(menu.length - items.length, 2);
    assert.deepEqual(items.map((i) => i.caption).slice(-1), ['Help']);
    items.forEach((item) => assert.ok(preview.runtime.serverFunctions.includes(item.functionName), item.functionName));
  });

  test('Insert Policy sheet from the menu, its toast, then a Policy cell typed into reaches the add-on', async () => {
    const port = preview.port;
    assert.equal((await call(port, { path: '/api/run/insertPolicySheet', method: 'POST', body: '[]' })).status, 200);
    const ui = await json(call(port, { path: '/api/ui' }));
    assert.match(ui.toasts[ui.toasts.length - 1].message, /Policy/);
    // B2: tier 1's cashback rate (30%); typed as a person types it.
    const edited = await call(port, { path: '/api/cell', method: 'POST', body: JSON.stringify({ sheet: 'Policy', row: 2, column: 2, value: '0.35' }) });
    assert.equal(edited.status, 200, edited.body);
    const context = (await json(call(port, { path: '/api/run/getSidebarContext', method: 'POST', body: '[]' }))).value;
    assert.equal(context.policySheet.tiers[0].cashback_rate, '0.35');
  });

  test('a cell edit: only from the page, whole positions, text of a cell\'s length, an existing sheet', async () => {
    const port = preview.port;
    const edit = (body: unknown) => call(port, { path: '/api/cell', method: 'POST', body: JSON.stringify(body) });
    assert.equal((await edit({ sheet: 'Policy', row: 0, column: 1, value: 'x' })).status, 400);
    assert.equal((await edit({ sheet: 'Policy', row: 1.5, column: 1, value: 'x' })).status, 400);
    assert.equal((await edit({ sheet: 'Policy', row: 1, column: 1, value: 5 })).status, 400);
    assert.equal((await edit({ sheet: 'Policy', row: 1, column: 1, value: 'x'.repeat(50001) })).status, 400);
    const missing = await edit({ sheet: 'No such sheet', row: 1, column: 1, value: 'x' });
    assert.equal(missing.status, 409);
    assert.match(JSON.parse(missing.body).error, /no sheet "No such sheet"/);
    const foreign = await call(port, { path: '/api/cell', method: 'POST', origin: 'http://evil.example', body: JSON.stringify({ sheet: 'Policy', row: 1, column: 1, value: 'x' }) });
    assert.equal(foreign.status, 403);
    assert.equal((await call(port, { path: '/api/activate', method: 'POST', origin: 'http://evil.example', body: '{"sheet":"Policy"}' })).status, 403);
  });
});
