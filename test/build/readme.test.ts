/** The README's generated parts (scripts/docs.ts) are what their declarations say, today. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { README, README_SECTIONS, withSections } from '../../scripts/docs';
import { POLICY_KEYS, TIER_KEYS } from '../../src/core/policyKeys';

const readme = readFileSync(README, 'utf8');
const policySection = README_SECTIONS.filter((s) => s.name === 'policy-table');
const renderReadme = (text: string) => withSections(text, policySection);

test('README.md is what `npx tsx scripts/docs.ts` would write', () => {
  assert.equal(renderReadme(readme), readme, 'README.md differs from its declarations: run npx tsx scripts/docs.ts');
});

test('the Policy file table has a row for every key of the policy, and a README that differs is caught', () => {
  const table = readme.slice(readme.indexOf('<!-- policy-table:start -->'), readme.indexOf('<!-- policy-table:end -->'));
  const keys = [...TIER_KEYS.map((spec) => `tiers[].${spec.key}`), ...POLICY_KEYS.filter((spec) => spec.kind !== 'tiers').map((spec) => spec.key)];
  keys.forEach((key) => assert.ok(table.includes(`| \`${key}\` |`), key));
  const edited = readme.replace('| `traffic_max_days` | 5 |', '| `traffic_max_days` | 7 |');
  assert.notEqual(edited, readme);
  assert.notEqual(renderReadme(edited), edited);
  assert.throws(() => renderReadme(readme.replace('<!-- policy-table:end -->', '')), /needs one "<!-- policy-table:start -->" followed by one "<!-- policy-table:end -->"/);
});
