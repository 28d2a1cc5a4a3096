/**
 * The local preview server (`npm start`): the real dist/Sidebar.html behind a google.script.run
 * shim, the real dist/ server bundle running on in-memory Google fakes, and a page that shows
 * both side by side. Only functions the bundle lists in SERVER_FUNCTIONS can be called, as
 * only those are top-level (callable) in Apps Script.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { MAX_CALL_CHARS } from '../../src/protocol/limits';
import { MAX_CELL_CHARS } from '../../src/output/sheetText';
import { bundlePageClient, previewPageHtml, type ExampleFile, type ExamplePolicy, type PageLanguage } from './serverPage';
import { injectShim } from './serverShim';
import type { MenuEntry, SpreadsheetJson, UiJson } from './serverRuntime';

/** What the HTTP layer needs from the add-on: serverRuntime.ts gives the real one. */
export interface PreviewBackend {
  serverFunctions: string[];
  call(name: string, args: unknown[]): unknown;
  spreadsheet(): SpreadsheetJson;
  /** The add-on menu onOpen built, and what the add-on showed (toasts, alerts, dialogs). */
  menu(): MenuEntry[];
  ui(): UiJson;
  /** A person's own actions in the emulated Sheets: choosing a tab, typing into a cell. */
  activate(sheetName: string): void;
  editCell(sheetName: string, row: number, column: number, value: string): void;
}

export interface PreviewServerOptions {
  backend: PreviewBackend;
  distDir: string;
  examples: ExampleFile[];
  /** What examples/policy.json sets that "load all" puts into the sidebar's form. */
  examplePolicy: ExamplePolicy;
  language: PageLanguage;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** Added before each server call: Apps Script takes ~1 s a call, the fakes take ~0. */
  latencyMs?: number;
}

export interface PreviewServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * A call's body is the JSON array of its arguments: the server functions take at most
 * MAX_CALL_CHARS characters of them, so a body longer than that (plus its brackets) is answered
 * with 413 at the same limit. UTF-8 takes at most 3 bytes a character: past that many bytes the
 * body is too long whatever it says, and is not even kept.
 */
const MAX_BODY_CHARS = MAX_CALL_CHARS + 2;
const MAX_BODY_BYTES = 3 * MAX_BODY_CHARS;

/**
 * The preview answers only to its own names. A page on another host name that resolves to
 * 127.0.0.1 (DNS rebinding) sends that name as Host, and would otherwise read the spreadsheet.
 */
const OWN_HOST = /^(localhost|127\.0\.0\.1)(:\d+)?$/i;

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const clientJs = await bundlePageClient();
  const page = previewPageHtml(options.examples, clientJs, options.examplePolicy, options.language);
  const server = createServer((request, response) => {
    route(request, response, options, page).catch((error) => send(response, 500, { error: messageOf(error) }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host || '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return { url: `http://localhost:${port}`, port, close: () => closeServer(server) };
}

async function route(request: IncomingMessage, response: ServerResponse, options: PreviewServerOptions, page: string): Promise<void> {
  const path = (request.url || '/').split('?')[0];
  if (!OWN_HOST.test(request.headers.host || ''))
    return send(response, 403, { error: 'the preview answers only to http://localhost and http://127.0.0.1' });
  if (request.method === 'GET' && path === '/') return sendHtml(response, page);
  if (request.method === 'GET' && path === '/sidebar') {
    // Read on every request, so a rebuild shows on reload without restarting the server.
    const html = await readFile(join(options.distDir, 'Sidebar.html'), 'utf8');
    return sendHtml(response, injectShim(html, options.backend.serverFunctions));
  }
  if (request.method === 'GET' && path === '/api/spreadsheet') return send(response, 200, options.backend.spreadsheet());
  if (request.method === 'GET' && path === '/api/menu') return send(response, 200, options.backend.menu());
  if (request.method === 'GET' && path === '/api/ui') return send(response, 200, options.backend.ui());
  if (request.method === 'POST' && (path === '/api/activate' || path === '/api/cell')) return userAction(request, response, options.backend, path);
  const run = /^\/api\/run\/([^/]+)$/.exec(path);
  if (run && request.method === 'POST') {
    if (!fromPreviewPage(request)) return send(response, 403, { error: 'server functions can only be called from the preview page' });
    const name = decodeURIComponent(run[1]);
    if (options.backend.serverFunctions.indexOf(name) < 0) return send(response, 404, { error: `${name} is not a server function of the add-on` });
    let args: unknown;
    try {
      const body = await readBody(request);
      if (body === undefined || body.length > MAX_BODY_CHARS)
        return send(response, 413, { error: `the call is larger than the ${MAX_CALL_CHARS} characters a server function takes` });
      args = JSON.parse(body || '[]');
    } catch (error) {
      return send(response, 400, { error: `the body is not JSON: ${messageOf(error)}` });
    }
    if (!Array.isArray(args)) return send(response, 400, { error: 'the body must be a JSON array of arguments' });
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    try {
      // JSON round trip: the sidebar gets what google.script.run would hand it, plain data.
      const value = options.backend.call(name, args);
      return send(response, 200, { value: value === undefined ? null : value });
    } catch (error) {
      // As in Apps Script, the sidebar sees the message, not the stack.
      return send(response, 500, { error: messageOf(error) });
    }
  }
  send(response, 404, { error: `nothing at ${request.method} ${path}` });
}

/**
 * Only the preview's own pages may call the add-on or change the spreadsheet: another site open
 * in the same browser could otherwise post to localhost (a "simple" cross-site request needs no
 * preflight).
 */
function fromPreviewPage(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  return origin === undefined || origin === `http://${request.headers.host}`;
}

/** A person's action in the emulated spreadsheet, from the preview page only (as a server call is). */
async function userAction(request: IncomingMessage, response: ServerResponse, backend: PreviewBackend, path: string): Promise<void> {
  if (!fromPreviewPage(request)) return send(response, 403, { error: 'only the preview page may change the spreadsheet' });
  let body: Record<string, unknown>;
  try {
    const text = await readBody(request);
    if (text === undefined) return send(response, 413, { error: `a cell holds at most ${MAX_CELL_CHARS} characters` });
    body = JSON.parse(text || '{}') as Record<string, unknown>;
  } catch (error) {
    return send(response, 400, { error: `the body is not JSON: ${messageOf(error)}` });
  }
  const sheet = typeof body.sheet === 'string' ? body.sheet : '';
  try {
    if (path === '/api/activate') backend.activate(sheet);
    else {
      const row = Number(body.row);
      const column = Number(body.column);
      if (!Number.isInteger(row) || !Number.isInteger(column) || row < 1 || column < 1 || typeof body.value !== 'string' || body.value.length > MAX_CELL_CHARS)
        return send(response, 400, { error: `a cell edit is {sheet, row, column, value}: whole numbers from 1, and text of at most ${MAX_CELL_CHARS} characters (a Sheets cell)` });
      backend.editCell(sheet, row, column, body.value);
    }
    return send(response, 200, { ok: true });
  } catch (error) {
    // A protected cell refused, say: the page shows the message, as Sheets would.
    return send(response, 409, { error: messageOf(error) });
  }
}

/** The body as text; undefined when it is past MAX_BODY_BYTES (the rest is read and dropped, so the client gets its 413). */
function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else chunks.length = 0;
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Errors from the vm context are another realm's Error: `instanceof Error` is false there. */
export function messageOf(error: unknown): string {
  if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') return (error as { message: string }).message;
  return String(error);
}

function send(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return;
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

function sendHtml(response: ServerResponse, html: string): void {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(html);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Browsers keep connections alive; without this, close() would wait for them to time out.
    server.closeAllConnections();
  });
}
