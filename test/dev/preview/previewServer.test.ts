/**
 * The preview server answers only to localhost (a page on another host name that resolves to
 * 127.0.0.1 must not read the emulated spreadsheet), and answers a body larger than a server
 * function takes with 413, at the same limit.
 */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { MAX_CALL_CHARS } from '../../../src/protocol/limits';
import type { RunningPreview } from '../../../dev/preview/serverStart';
import { startTestPreview } from '../../sidebar/harness';

function call(port: number, options: { path: string; method?: string; host?: string; body?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path: options.path, method: options.method || 'GET', headers: { host: options.host || `localhost:${port}`, 'content-type': 'application/json' } },
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
