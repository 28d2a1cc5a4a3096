/**
 * The sidebar's server client: what it does at run time (each call one google.script.run call,
 * answered as a promise), and that its types hold the sidebar to the server's signatures — the
 * type-level test in serverClient.types.ts, compiled here with and without its
 * `@ts-expect-error` marks.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { server, serverClient } from '../../src/sidebar/server';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const TYPES_TEST = join(ROOT, 'test/sidebar/serverClient.types.ts');

type Handler = (value: unknown) => void;

/** google.script.run as Apps Script has it: chained handlers, one method per server function, asynchronous answers. */
function fakeScriptRun(answer: (name: string, args: unknown[]) => { value: unknown } | { error: unknown }) {
  const calls: { name: string; args: unknown[] }[] = [];
  const runner = (onSuccess?: Handler, onFailure?: Handler): Record<string, unknown> => {
    const run: Record<string, unknown> = {
      withSuccessHandler: (f: Handler) => runner(f, onFailure),
      withFailureHandler: (f: Handler) => runner(onSuccess, f),
    };
    for (const name of ['getSidebarContext', 'readRangeCells', 'writeSettlement']) {
      run[name] = (...args: unknown[]) => {
        calls.push({ name, args });
        const result = answer(name, args);
        setTimeout(() => ('value' in result ? onSuccess?.(result.value) : onFailure?.(result.error)), 0);
      };
    }
    return run;
  };
  return { run: runner(), calls };
}

describe('serverClient at run time', () => {
  const g = globalThis as { window?: unknown };
  const before = g.window;
  after(() => (g.window = before));
  const useRun = (run: unknown) => (g.window = { google: { script: { run } } });

  test('a call is one google.script.run call with its arguments, resolved with the server value', async () => {
    const fake = fakeScriptRun((name, args) => ({ value: name === 'readRangeCells' ? [['M001', 523456.78, true, null]] : args }));
    useRun(fake.run);
    assert.deepEqual(await server.readRangeCells("'History'!A1:D2"), [['M001', 523456.78, true, null]]);
    assert.deepEqual(fake.calls, [{ name: 'readRangeCells', args: ["'History'!A1:D2"] }]);
  });

  test('a server error rejects with its message, and the several-accounts riddle explained', async () => {
    useRun(fakeScriptRun(() => ({ error: new Error('The campaign data has no lines to settle.') })).run);
    await assert.rejects(server.getSidebarContext(), { message: 'The campaign data has no lines to settle.' });
    useRun(fakeScriptRun(() => ({ error: { message: 'We are sorry, a server error occurred while reading from storage. Error code PERMISSION_DENIED.' } })).run);
    await assert.rejects(server.getSidebarContext(), { message: /several Google accounts are signed in/ });
  });

  test('outside Sheets, or for a name google.script.run lacks, the promise is rejected, nothing thrown', async () => {
    g.window = {};
    await assert.rejects(server.getSidebarContext(), { message: 'google.script.run is not available' });
    useRun(fakeScriptRun(() => ({ value: null })).run);
    const untyped = serverClient<{ notOnTheServer(): void }>();
    await assert.rejects(untyped.notOnTheServer(), { message: 'google.script.run has no server function notOnTheServer' });
  });

  test('the client is not a promise: awaiting it gives the client back', async () => {
    assert.equal(await server, server);
  });
});

const MARK = /^\s*\/\/ @ts-expect-error (TS\d+) (.+)$/;

function compile(text: string): readonly ts.Diagnostic[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  assert.ok(config, 'tsconfig.json parses');
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (fileName, language, onError) =>
    fileName === TYPES_TEST ? ts.createSourceFile(fileName, text, language) : getSourceFile.call(host, fileName, language, onError);
  return ts.getPreEmitDiagnostics(ts.createProgram([TYPES_TEST], config.options, host));
}

const lineOf = (d: ts.Diagnostic) => (d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : -1);

describe('serverClient types: the sidebar cannot call the server wrongly', () => {
  const text = readFileSync(TYPES_TEST, 'utf8');
  const lines = text.split('\n');
  const marks = lines.flatMap((line, index) => {
    const match = MARK.exec(line);
    return match ? [{ line: index + 1, code: Number(match[1].slice(2)), why: match[2] }] : [];
  });

  test('right calls compile, and so does every wrong one that is marked as expected to fail', () => {
    const diagnostics = compile(text);
    assert.deepEqual(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')), []);
  });

  test('without the marks each wrong call fails, for the reason written beside it', () => {
    assert.ok(marks.length >= 8, `${marks.length} marked lines`);
    const unmarked = lines.map((line) => (MARK.test(line) ? '' : line)).join('\n');
    const errors = compile(unmarked).filter((d) => d.file?.fileName === TYPES_TEST);
    for (const mark of marks) {
      const found = errors.filter((d) => lineOf(d) === mark.line).map((d) => d.code);
      assert.ok(found.includes(mark.code), `line ${mark.line + 1} (${mark.why}): expected TS${mark.code}, got ${found.map((c) => `TS${c}`).join(', ') || 'no error'}`);
    }
    const elsewhere = errors.filter((d) => !marks.some((m) => m.line === lineOf(d)));
    assert.deepEqual(elsewhere.map((d) => `line ${lineOf(d) + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`), []);
  });
});
