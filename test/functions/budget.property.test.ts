/**
 * COEFFICIENT_FOR_BUDGET's promise, for any merchants, budget, decimals and field: the answer
 * pays at most the budget, and one more step (10^-decimals) would pay more — both measured by
 * SETTLEMENT, the function that shows the settlement line by line, not by the search itself.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Dec } from '../../src/core/money';
import { customFunctions } from '../../src/functions';

const { COEFFICIENT_FOR_BUDGET, SETTLEMENT } = customFunctions();

/** What SETTLEMENT pays in `field` at `coefficient`: the sum of its column, in fen. */
function paysFen(history: (string | number)[][], campaign: (string | number)[][], coefficient: string, field: 'red_packet' | 'total'): number {
  const table = SETTLEMENT(history, campaign, coefficient) as (string | number)[][];
  const column = table[0].indexOf(field === 'total' ? 'Cash total' : 'Red packet');
  return table.slice(1).reduce((sum: number, row) => sum + Math.round(Number(row[column]) * 100), 0);
}

const merchant = fc.record({
  baselineFen: fc.integer({ min: 0, max: 80_000_000 }),
  gmvFen: fc.integer({ min: 15_000_000, max: 150_000_000 }),
  adSpendFen: fc.integer({ min: 0, max: 2_000_000 }),
});

test('the answer pays at most the budget and one more step pays more', () => {
  fc.assert(
    fc.property(
      fc.array(merchant, { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 0, max: 5_000_000 }),
      fc.integer({ min: 0, max: 5 }),
      fc.constantFrom('red_packet' as const, 'total' as const),
      (merchants, budgetFen, decimals, field) => {
        const history = [['merchant_id', 'avg_gmv'], ...merchants.map((m, i) => [`M${i}`, m.baselineFen / 100])];
        const campaign = [['merchant_id', 'date', 'gmv', 'ad_spend'], ...merchants.map((m, i) => [`M${i}`, '2025-11-11', m.gmvFen / 100, m.adSpendFen / 100])];
        let coefficient: number;
        try {
          coefficient = COEFFICIENT_FOR_BUDGET(history, campaign, budgetFen / 100, decimals, field) as number;
        } catch (error) {
          // Only for the two reasons it gives: and then they must be true.
          const message = (error as Error).message;
          if (/even at coefficient 0/.test(message)) assert.ok(paysFen(history, campaign, '0', field) > budgetFen, message);
          else {
            assert.match(message, /no line could ever pay/);
            assert.equal(paysFen(history, campaign, '0.5', 'red_packet'), 0, message);
          }
          return;
        }
        const step = new Dec(10).pow(-decimals);
        const answer = new Dec(String(coefficient));
        assert.ok(answer.mod(step).isZero(), `${coefficient} is a multiple of ${step}`);
        assert.ok(paysFen(history, campaign, answer.toString(), field) <= budgetFen, `${coefficient} pays within ${budgetFen}`);
        const next = answer.plus(step);
        // Below 1 is the plausible range (SPEC §2): at its top there is no next step.
        if (next.lt(1)) assert.ok(paysFen(history, campaign, next.toString(), field) > budgetFen, `${next} pays more than ${budgetFen}`);
      },
    ),
    { numRuns: 120 },
  );
});
