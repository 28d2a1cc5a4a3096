/**
 * The layer rule is a check that can fail (issue 8): on a copy of src/ with files that break it —
 * a Node import in core/, an Apps Script global in input/, the DOM in output/, Utilities in
 * functions/, a layer importing one to its right, the sidebar calling the server's code — the
 * same checks `npm test` runs (scripts/checkLayers.ts) fail, naming each file; the untouched copy
 * passes, and so does a CLI file using Node, which is allowed there.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, runChecks, typecheck } from '../../scripts/checkLayers';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const BREAKING: Record<string, string> = {
  'src/core/probeNode.ts': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
  'src/core/probeRight.ts': "import { writeSettlement } from '../addon/server';\nexport const write = writeSettlement;\n",
  'src/input/probeAppsScript.ts': 'export const sheet = () => SpreadsheetApp.getActiveSpreadsheet();\n',
  'src/output/probeDom.ts': 'export const title = () => document.title;\n',
  'src/functions/probeUtilities.ts': "export const day = () => Utilities.formatDate(new Date(), 'UTC', 'yyyy-MM-dd');\n",
  'src/run/probeProcess.ts': 'export const argv = () => process.argv;\n',
  'src/sidebar/probeServerCode.ts': "import { writeSettlement } from '../addon/server';\nexport const write = writeSettlement;\n",
  'src/input/probeCycleA.ts': "import { b } from './probeCycleB';\nexport const a = (): unknown => b;\n",
  'src/input/probeCycleB.ts': "import { a } from './probeCycleA';\nexport const b = (): unknown => a;\n",
};
const ALLOWED = { 'src/cli/probeNode.ts': "import { readFileSync } from 'node:fs';\nexport const read = () => readFileSync(process.argv[1]);\n" };

function copyOfProject(name: string, files: Record<string, string>): { dir: string; remove: () => void } {
  // Inside the repository, so node_modules (the type packages) resolve from the copy too.
  const dir = join(ROOT, `.layer-probe-${process.pid}-${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  for (const path of ['src', 'tsconfig', 'tsconfig.json', '.dependency-cruiser.cjs']) cpSync(join(ROOT, path), join(dir, path), { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const LAYER_CONFIGS = ['tsconfig/pure.json', 'tsconfig/sidebar.json', 'tsconfig/cli.json'];

test('a file that breaks the layer rule makes the checks fail, naming it; the clean copy passes', async () => {
  const broken = copyOfProject('broken', { ...BREAKING, ...ALLOWED });
  const clean = copyOfProject('clean', ALLOWED);
  try {
    const [brokenImports, cleanImports, ...types] = await runChecks([
      () => cruise(broken.dir),
      () => cruise(clean.dir),
      ...LAYER_CONFIGS.map((config) => () => typecheck(config, broken.dir)),
      ...LAYER_CONFIGS.map((config) => () => typecheck(config, clean.dir)),
    ]);
    assert.equal(cleanImports.ok, true, cleanImports.output);
    assert.equal(brokenImports.ok, false);
    assert.match(brokenImports.output, /core-not-to-node: src\/core\/probeNode\.ts → (node:)?fs/);
    assert.match(brokenImports.output, /core-only-left: src\/core\/probeRight\.ts → src\/addon\/server\.ts/);
    assert.match(brokenImports.output, /no-circular: src\/input\/probeCycle[AB]\.ts/);
    assert.match(brokenImports.output, /sidebar-not-to-addon: src\/sidebar\/probeServerCode\.ts → src\/addon\/server\.ts/);
    assert.doesNotMatch(brokenImports.output, /src\/cli\/probeNode/, "Node is allowed in cli/");

    const [pureBroken, sidebarBroken, cliBroken, ...cleanTypes] = types;
    cleanTypes.forEach((result) => assert.equal(result.ok, true, result.output));
    assert.equal(pureBroken.ok, false);
    for (const [file, global] of [['input/probeAppsScript.ts', 'SpreadsheetApp'], ['output/probeDom.ts', 'document'], ['functions/probeUtilities.ts', 'Utilities'], ['run/probeProcess.ts', 'process']])
      assert.match(pureBroken.output, new RegExp(`src/${file.replace('.', '\\.')}\\(\\d+,\\d+\\): error TS\\d+: Cannot find name '${global}'`), pureBroken.output);
    // The sidebar file pulls Apps Script code into the browser's check, whose types have no Apps Script.
    assert.equal(sidebarBroken.ok, false);
    assert.match(sidebarBroken.output, /Cannot find name '(SpreadsheetApp|LockService|PropertiesService|Session|Utilities|ScriptApp|GoogleAppsScript)'/);
    assert.equal(cliBroken.ok, true, cliBroken.output);
  } finally {
    broken.remove();
    clean.remove();
  }
});
