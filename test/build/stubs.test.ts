import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBundleExports, writeFunctionStubs } from '../../scripts/build';
import { FUNCTION_DECLARATIONS } from '../../src/functions/declarations';

const CUSTOM: string[] = FUNCTION_DECLARATIONS.map((d) => d.name);

function stubsFor(serverFunctions: string[], customFunctions = CUSTOM): string {
  const outDir = mkdtempSync(join(tmpdir(), 'gmv-stubs-'));
  try {
    writeFunctionStubs(outDir, { serverFunctions, customFunctions });
    return readFileSync(join(outDir, 'functions.js'), 'utf8');
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

test('the keys of SERVER get plain top-level stubs, the custom functions documented ones', () => {
  const stubs = stubsFor(['onOpen', 'showSidebar']);
  assert.match(
    stubs,
    /\*\/\nfunction TIER_REWARD\(day_gmv, history, ad_spend, coefficient, field, policy, targets\) \{\n {2}return App\.CUSTOM_FUNCTIONS\.TIER_REWARD\.apply\(null, arguments\);\n\}/,
  );
  assert.match(stubs, /\nfunction onOpen\(\) \{\n {2}return App\.SERVER\.onOpen\.apply\(null, arguments\);\n\}/);
  assert.match(stubs, /\nfunction showSidebar\(\) \{/);
  // Only the custom functions appear in Sheets' formula list.
  assert.equal(stubs.match(/@customfunction/g)?.length, CUSTOM.length);
});

test('the build fails, naming it, when the bundle and the declarations disagree', () => {
  assert.throws(() => stubsFor([], CUSTOM.slice(1)), { message: 'build: CUSTOM_FUNCTIONS has no INCREMENTAL_GMV, yet its stub would call it' });
  assert.throws(() => stubsFor([], CUSTOM.concat('EXTRA')), { message: 'build: CUSTOM_FUNCTIONS.EXTRA has no declaration in src/functions/declarations.ts' });
  assert.throws(() => stubsFor(['onOpen', 'GMV_TIER']), { message: 'build: SERVER.GMV_TIER has the name of a custom function' });
});

test('the bundle is inspected without Node: touching a Node global while loading fails the build', () => {
  assert.deepEqual(readBundleExports('var App = { SERVER: { X: function () {}, n: 1 }, CUSTOM_FUNCTIONS: { F: function () {} } };'), {
    serverFunctions: ['X'],
    customFunctions: ['F'],
  });
  assert.throws(() => readBundleExports('var App = { X: require("fs") };'), /require is not defined/);
});
