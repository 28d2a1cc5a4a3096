/**
 * The built dist/ as Apps Script runs it: every .js file evaluated, in one shared global scope,
 * in a fresh vm context with no Node globals. Built into a temporary folder so the test never
 * races another test (or the developer) over dist/ itself.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { build } from '../../scripts/build';

export interface LoadedDist {
  outDir: string;
  context: vm.Context;
  /** Calls a top-level function the way Sheets does, with arguments made in the script's realm. */
  call(name: string, ...args: unknown[]): unknown;
  /** Evaluates an expression inside the script's realm (for Dates made there). */
  inside(expression: string): unknown;
  read(file: string): string;
  remove(): void;
}

export async function loadDist(): Promise<LoadedDist> {
  const outDir = mkdtempSync(join(tmpdir(), 'gmv-dist-'));
  await build({ outDir });
  // Apps Script has console and Logger, and nothing of Node.
  const log = (..._args: unknown[]) => undefined;
  const context = vm.createContext({ console: { log, info: log, warn: log, error: log }, Logger: { log } });
  readdirSync(outDir)
    .filter((file) => file.endsWith('.js'))
    .sort()
    .forEach((file) => vm.runInContext(readFileSync(join(outDir, file), 'utf8'), context, { filename: file }));

  const ContextArray = vm.runInContext('Array', context) as ArrayConstructor;
  const toContext = (value: unknown): unknown => (Array.isArray(value) ? ContextArray.from(value, toContext) : value);
  return {
    outDir,
    context,
    call(name, ...args) {
      const fn = context[name] as (...a: unknown[]) => unknown;
      const result = fn(...args.map(toContext));
      // Out of the script's realm, so deepStrictEqual compares plain values.
      return result === undefined ? result : JSON.parse(JSON.stringify(result));
    },
    inside: (expression) => vm.runInContext(expression, context),
    read: (file) => readFileSync(join(outDir, file), 'utf8'),
    remove: () => rmSync(outDir, { recursive: true, force: true }),
  };
}
