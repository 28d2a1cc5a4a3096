import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as entry from '../../src/addon/entry';
import { FUNCTION_DECLARATIONS, signature } from '../../src/functions/declarations';
import { formulaText } from '../../src/functions/examples';

test('the Apps Script entry exports one custom-functions object with exactly the declared names', () => {
  assert.deepEqual(Object.keys(entry.CUSTOM_FUNCTIONS), FUNCTION_DECLARATIONS.map((d) => d.name));
  Object.values(entry.CUSTOM_FUNCTIONS).forEach((fn) => assert.equal(typeof fn, 'function'));
  assert.deepEqual(
    FUNCTION_DECLARATIONS.map((d) => d.name),
    ['INCREMENTAL_GMV', 'GMV_TIER', 'TIER_REWARD', 'GMV_TO_NEXT_TIER', 'SETTLEMENT', 'COEFFICIENT_FOR_BUDGET', 'PAYOUT_SCENARIOS', 'NEAR_NEXT_TIER'],
  );
});

test('each declaration documents itself in English and Chinese, with examples that call it rightly', () => {
  FUNCTION_DECLARATIONS.forEach((d) => {
    assert.ok(d.summary && d.summaryZh && d.returns.description, d.name);
    assert.ok(d.examples.length > 0, `${d.name} has an example`);
    const required = d.params.filter((p) => !p.optional).length;
    d.examples.forEach((e) => assert.ok(e.args.length >= required && e.args.length <= d.params.length, formulaText(d.name, e)));
    d.params.forEach((p) => assert.match(p.name, /^[a-z_]+$/, `${d.name} parameter "${p.name}" must be a valid JS name`));
    // Optional parameters come last, or the argument-count check would be wrong.
    const firstOptional = d.params.findIndex((p) => p.optional);
    if (firstOptional >= 0) assert.ok(d.params.slice(firstOptional).every((p) => p.optional), d.name);
  });
  assert.equal(signature(FUNCTION_DECLARATIONS[2]), 'TIER_REWARD(day_gmv, history, ad_spend, coefficient, [field], [policy], [targets])');
});
