/**
 * SPEC §8 coefficient for a budget, on hand-worked cases. SPEC §6's M001 has an incremental GMV
 * of 343,456.78 = 34,345,678 fen; at coefficient c its red packet is round(34,345,678 × c) fen.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { coefficientForBudget, type BudgetField } from '../../src/core/budget';
import { Dec, type Fen } from '../../src/core/money';
import { double11Policy, type Policy } from '../../src/core/policy';
import type { SettlementInput } from '../../src/core/model';
import { inputOf } from '../fixtures/inputs';
import { SPEC6_CSV } from '../fixtures/spec6';

const SPEC6_INPUT = inputOf(SPEC6_CSV.history, SPEC6_CSV.campaign);
const yuan = (text: string): Fen => Math.round(Number(text) * 100); // test literals with at most two decimals

function answer(budget: string, options: { decimals?: number; field?: BudgetField; policy?: Policy; input?: SettlementInput } = {}) {
  const result = coefficientForBudget(options.input || SPEC6_INPUT, options.policy || double11Policy(), yuan(budget), options.decimals, options.field);
  if (!result.ok) throw new Error(`no answer: ${JSON.stringify(result.problem)}`);
  return result.answer;
}

describe('coefficient for a budget (SPEC §8)', () => {
  test('a budget exactly the red packet at 0.05 gives 0.05; one fen less gives 0.0499', () => {
    // 34,345,678 × 0.05 = 1,717,283.9 → 1,717,284 fen = 17,172.84 (SPEC §6).
    const exact = answer('17172.84');
    assert.equal(exact.coefficient.toString(), '0.05');
    assert.equal(exact.paysFen, 1717284);
    // One step more: 34,345,678 × 0.0501 = 1,720,718.4678 → 17,207.18, above the budget.
    assert.equal(exact.nextStep!.coefficient.toString(), '0.0501');
    assert.equal(exact.nextStep!.paysFen, 1720718);
    // 34,345,678 × 0.0499 = 1,713,849.3322 → 17,138.49 ≤ 17,172.83.
    const less = answer('17172.83');
    assert.deepEqual([less.coefficient.toString(), less.paysFen], ['0.0499', 1713849]);
  });

  test('a round budget: the largest step of 0.0001 that fits', () => {
    // k = 582: 34,345,678 × 0.0582 = 1,998,918.4596 → 19,989.18 ≤ 20,000;
    // k = 583: 34,345,678 × 0.0583 = 2,002,353.0274 → 20,023.53 > 20,000.
    const a = answer('20000');
    assert.deepEqual([a.coefficient.toString(), a.paysFen, a.nextStep!.paysFen], ['0.0582', 1998918, 2002353]);
    // With 2 decimals the step is 0.01: 0.06 would pay 2,060,740.68 fen → 20,607.41 > 20,000.
    assert.equal(answer('20000', { decimals: 2 }).coefficient.toString(), '0.05');
  });

  test('rounding per line: two lines of 100.01 at 0.5 pay 100.02, so a budget of 100.01 gets 0.4999, not 100.01 / 200.02 = 0.5', () => {
    // Ready baselines 299,899.99, GMV 300,000.00: tier 1, increment 100.01 = 10,001 fen each.
    const input = inputOf('merchant_id,avg_gmv\nM1,299899.99\nM2,299899.99\n', 'merchant_id,date,gmv\nM1,2025-11-11,300000.00\nM2,2025-11-11,300000.00\n');
    // 10,001 × 0.5 = 5,000.5 → 5,001 fen each (half away from zero): 100.02 in all, over 100.01.
    // 10,001 × 0.4999 = 4,999.4999 → 4,999 each: 99.98.
    const under = answer('100.01', { input });
    assert.deepEqual([under.coefficient.toString(), under.paysFen, under.nextStep!.paysFen], ['0.4999', 9998, 10002]);
    // A budget on the rounding edge itself: 100.02 is exactly what 0.5 pays; 0.5001 pays
    // 10,001 × 0.5001 = 5,001.5001 → 5,002 each, 100.04.
    const edge = answer('100.02', { input });
    assert.deepEqual([edge.coefficient.toString(), edge.paysFen, edge.nextStep!.paysFen], ['0.5', 10002, 10004]);
  });

  test('field "total" spends the budget on cashback + red packet', () => {
    // 6,172.84 cashback + 17,172.84 red packet = 23,345.68 at 0.05.
    assert.equal(answer('23345.68', { field: 'total' }).coefficient.toString(), '0.05');
    assert.equal(answer('23345.67', { field: 'total' }).coefficient.toString(), '0.0499');
  });

  test('0 when even the smallest step pays more than the budget', () => {
    // 0.0001 pays 34,345,678 × 0.0001 = 3,434.5678 → 3,435 fen = 34.35 > 0.01.
    const a = answer('0.01');
    assert.deepEqual([a.coefficient.toString(), a.paysFen, a.nextStep!.paysFen], ['0', 0, 3435]);
  });

  test('a budget that does not bind: the largest plausible coefficient, 0.9999, flagged', () => {
    // 34,345,678 × 0.9999 = 34,342,243.4322 → 343,422.43 ≤ 1,000,000.
    const a = answer('1000000');
    assert.deepEqual([a.coefficient.toString(), a.paysFen, a.atLargest, a.nextStep], ['0.9999', 34342243, true, undefined]);
  });

  test("a tier's own coefficient is not changed: its red packet is paid whatever the programme coefficient", () => {
    const policy = double11Policy();
    policy.tiers[2] = { ...policy.tiers[2], redPacketCoefficient: new Dec('0.08') };
    // M3: baseline 500,000.00, GMV 1,100,000.00 → tier 3, increment 600,000.00 × 0.08 = 48,000.00.
    const input = inputOf(SPEC6_CSV.history + 'M3,2025-11-10,500000\n', SPEC6_CSV.campaign + 'M3,2025-11-11,1100000,0\n');
    const a = answer('65172.84', { input, policy }); // 48,000.00 + 17,172.84
    assert.deepEqual([a.coefficient.toString(), a.paysFen, a.settlement().totals.redPacketFen], ['0.05', 6517284, 6517284]);
    const lines = a.settlement().lines.map((l) => [l.merchantId, l.coefficient.toString(), l.redPacketFen]);
    assert.deepEqual(lines, [['M001', '0.05', 1717284], ['M3', '0.08', 4800000]]);
  });

  test('no answer when no line could ever pay, saying why', () => {
    const policy = double11Policy();
    const below = coefficientForBudget(inputOf(SPEC6_CSV.history, 'merchant_id,date,gmv\nM001,2025-11-11,150000\n'), policy, yuan('1000'));
    assert.deepEqual(below, { ok: false, problem: { code: 'no_paying_line', qualified: 0, ownCoefficient: 0 } });
    policy.tiers[1] = { ...policy.tiers[1], redPacketCoefficient: new Dec('0.02') };
    const own = coefficientForBudget(SPEC6_INPUT, policy, yuan('1000'));
    assert.deepEqual(own, { ok: false, problem: { code: 'no_paying_line', qualified: 1, ownCoefficient: 1 } });
  });

  test('no answer when even coefficient 0 pays more than the budget (the cashback alone)', () => {
    const result = coefficientForBudget(SPEC6_INPUT, double11Policy(), yuan('100'), 4, 'total');
    assert.deepEqual(result, { ok: false, problem: { code: 'over_budget_at_zero', paysFen: 617284, budgetFen: 10000 } });
  });
});
