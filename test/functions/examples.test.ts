/** The examples' formulas and cells (src/functions/examples.ts); vm.test.ts runs each through the built function. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exampleArgs, formulaText, ref, type FunctionExample } from '../../src/functions/examples';
import { exampleMismatch } from './exampleCheck';

const example = (args: FunctionExample['args'], result: FunctionExample['result'] = 0): FunctionExample => ({ args, result });

test('an example is written as the formula a user types', () => {
  assert.equal(formulaText('TIER_REWARD', example([ref('B2'), ref('C2:E2'), ref('F2'), 0.05, 'cashback'])), '=TIER_REWARD(B2, C2:E2, F2, 0.05, "cashback")');
  assert.equal(formulaText('INCREMENTAL_GMV', example([523456.78, [[150000, 180000, 210000]]])), '=INCREMENTAL_GMV(523456.78, {150000,180000,210000})');
  assert.equal(formulaText('F', example([[[1, 'a'], [2, 'say "hi"']]])), '=F({1,"a";2,"say ""hi"""})');
});

test("references hand over what Sheets would: a cell's value, a range's rows, blanks as \"\"", () => {
  const [day, history, adSpend] = exampleArgs(example([ref('B2'), ref('C2:E2'), ref('F2')]));
  assert.equal(day, 523456.78);
  assert.deepEqual(history, [[150000, 180000, 210000]]);
  assert.equal(adSpend, 12345.67);
  const [campaign] = exampleArgs(example([ref('Campaign!A1:E3')]));
  assert.deepEqual(campaign, [
    ['merchant_id', 'date', 'gmv', 'ad_spend', ''],
    ['M001', '2025-11-11', 523456.78, 12345.67, ''],
    ['', '', '', '', ''],
  ]);
  const [history500] = exampleArgs(example([ref('History!A1:D500')])) as unknown[][][];
  assert.equal(history500.length, 500);
  assert.deepEqual(history500[3], ['M001', '2025-11-10', 210000, '']);
  assert.throws(() => exampleArgs(example([ref('Targets!A1:B2')])), /no sheet "Targets"/);
  assert.throws(() => exampleArgs(example([ref('B2:')])), /is not a reference/);
});

test('the check of a declared result fails when the answer differs', () => {
  assert.equal(exampleMismatch(example([], 2), 2), undefined);
  assert.equal(exampleMismatch(example([], 6172.84), 6172.83), 'returned 6172.83, the docs say 6172.84');
  const table = { rows: 2, firstRow: { Tier: 2, 'Cash total': 23345.68 } };
  const answer = [['Merchant ID', 'Tier', 'Cash total'], ['M001', 2, 23345.68]];
  assert.equal(exampleMismatch(example([], table), answer), undefined);
  assert.equal(exampleMismatch(example([], table), answer.concat([['M002', 0, 0]])), 'returned 3 rows, the docs say 2');
  assert.equal(exampleMismatch(example([], table), [answer[0], ['M001', 2, 23345.69]]), '"Cash total" is 23345.69, the docs say 23345.68');
  assert.equal(exampleMismatch(example([], table), [['Merchant ID', 'Tier'], ['M001', 2]]), 'has no column "Cash total"');
  assert.equal(exampleMismatch(example([], table), 23345.68), 'returned 23345.68, not a table');
});
