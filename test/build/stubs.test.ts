import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functionTable, readBundleExports, writeFunctionStubs } from '../../scripts/build';
import { FUNCTION_DECLARATIONS } from '../../src/functions/declarations';

const CUSTOM = FUNCTION_DECLARATIONS.map((d) => d.name);

function stubsFor(names: string[], serverFunctions: string[], customFunctions = CUSTOM): string {
  const outDir = mkdtempSync(join(tmpdir(), 'gmv-stubs-'));
  try {
    writeFunctionStubs(outDir, { names, customFunctions, serverFunctions });
    return readFileSync(join(outDir, 'functions.js'), 'utf8');
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

test('triggers and sidebar server functions listed in SERVER_FUNCTIONS get plain top-level stubs', () => {
  const stubs = stubsFor(['onOpen', 'showSidebar'], ['onOpen', 'showSidebar']);
  assert.match(
    stubs,
    /\*\/\nfunction TIER_REWARD\(day_gmv, history, ad_spend, coefficient, field, policy\) \{\n {2}return App\.CUSTOM_FUNCTIONS\.TIER_REWARD\.apply\(null, arguments\);\n\}/,
  );
  assert.match(stubs, /\nfunction onOpen\(\) \{\n {2}return App\.onOpen\.apply\(null, arguments\);\n\}/);
  assert.match(stubs, /\nfunction showSidebar\(\) \{/);
  // Only the custom functions appear in Sheets' formula list.
  assert.equal(stubs.match(/@customfunction/g)?.length, CUSTOM.length);
});

test('the build fails, naming it, when a stub would call something the entry does not export', () => {
  assert.throws(() => stubsFor([], ['onOpen']), { message: 'build: src/addon/entry.ts does not export onOpen, yet a stub would call it' });
  assert.throws(() => stubsFor([], [], CUSTOM.slice(1)), { message: /does not export CUSTOM_FUNCTIONS\.INCREMENTAL_GMV,/ });
});

test('the bundle is inspected without Node: touching a Node global while loading fails the build', () => {
  assert.deepEqual(readBundleExports('var App = { X: function () {}, SERVER_FUNCTIONS: ["X"], CUSTOM_FUNCTIONS: { F: function () {}, n: 1 } };'), {
    names: ['X'],
    customFunctions: ['F'],
    serverFunctions: ['X'],
  });
  assert.throws(() => readBundleExports('var App = { X: require("fs") };'), /require is not defined/);
});

test('the README function table comes from the declarations', () => {
  const table = functionTable();
  const lines = table.trim().split('\n');
  assert.equal(lines.length, 2 + FUNCTION_DECLARATIONS.length);
  assert.ok(lines[0].startsWith('| Function |'));
  assert.ok(table.includes('`TIER_REWARD(day_gmv, history, ad_spend, coefficient, [field], [policy])`'));
  assert.ok(table.includes('`=TIER_REWARD(B2, C2:E2, F2, 0.05, "cashback")`'));
  const printed = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--print-function-table'], { encoding: 'utf8' });
  assert.equal(printed.status, 0, printed.stderr);
  assert.equal(printed.stdout, table);
});
