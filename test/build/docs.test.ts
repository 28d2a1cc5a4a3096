/** README.md's generated sections (scripts/docs.ts): the README as committed is what the declarations give. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { README, README_SECTIONS, staleSections, withSections } from '../../scripts/docs';
import { functionTable } from '../../scripts/functionTable';
import { FUNCTION_DECLARATIONS, signature } from '../../src/functions/declarations';
import { formulaText } from '../../src/functions/examples';

const readme = readFileSync(README, 'utf8');

test('README.md holds exactly what the declarations give between its markers (run npm run docs)', () => {
  assert.deepEqual(staleSections(readme), []);
  assert.equal(withSections(readme), readme);
});

test('a README whose function table was edited by hand is found out, and rewriting restores it', () => {
  const edited = readme.replace('→ 343,456.78 (523,456.78', '→ 343,456.79 (523,456.78');
  assert.notEqual(edited, readme);
  assert.deepEqual(staleSections(edited), ['function-table']);
  assert.equal(withSections(edited), readme);
  const rowDropped = readme.replace(/^\| `GMV_TIER\(.*\n/m, '');
  assert.deepEqual(staleSections(rowDropped), ['function-table']);
});

test('npm run docs -- --check passes on the README as committed', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/docs.ts', '--check'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
});

test('the function table has one row per declared function, with its signature and every example', () => {
  const table = functionTable();
  const rows = table.split('\n').filter((line) => line.startsWith('| `'));
  assert.deepEqual(rows.map((row) => row.slice(3, row.indexOf('`', 3))), FUNCTION_DECLARATIONS.map(signature));
  FUNCTION_DECLARATIONS.forEach((d, i) => d.examples.forEach((e) => assert.ok(rows[i].includes(`\`${formulaText(d.name, e)}\` → `), formulaText(d.name, e))));
  // SPEC §6 as the README has always shown it.
  assert.ok(table.includes('`=INCREMENTAL_GMV(523456.78, {150000,180000,210000})` → 343,456.78'));
  assert.ok(table.includes('`=TIER_REWARD(B2, C2:E2, F2, 0.05)` → 23,345.68 (6,172.84 + 17,172.84)'));
  assert.ok(table.includes('`=GMV_TO_NEXT_TIER(B2, C2:E2)` → 476,543.23 (1,000,000.01 − 523,456.78)'));
  assert.ok(table.includes('- `field` (TIER_REWARD): Optional. "total" (合计, the default)'));
});

test('each section needs its pair of markers; another section is one more entry', () => {
  const sections = [...README_SECTIONS, { name: 'other-table', render: () => '| key | default |\n|---|---|' }];
  assert.throws(() => withSections(readme, sections), { message: 'docs: README.md needs one "<!-- other-table:start -->" followed by one "<!-- other-table:end -->"' });
  const withOther = readme + '\n<!-- other-table:start -->\nold\n<!-- other-table:end -->\n';
  assert.deepEqual(staleSections(withOther, sections), ['other-table']);
  assert.ok(withSections(withOther, sections).endsWith('<!-- other-table:start -->\n| key | default |\n|---|---|\n<!-- other-table:end -->\n'));
});
