/**
 * SPEC §8 "coefficient for a budget": the largest c = k × 10^-d (k a whole number ≥ 0) such that
 * the settlement with programme coefficient c pays at most the budget, in total red packet or in
 * cash total (cashback + red packet). Tiers with their own coefficient keep it.
 *
 * Exact by construction, not by dividing totals: each line's red packet is rounded to the fen on
 * its own (SPEC §2), so two lines of 100.01 at 0.5 pay 50.01 each (5,000.5 fen rounds up), 100.02
 * in all, more than 100.01 × 2 × 0.5. The tiers and traffic do not depend on the coefficient, so
 * the settlement is run once, and the search evaluates each k with the settlement's own rounding
 * (mulRate, the function every line uses) over the increments that the coefficient multiplies.
 * A larger coefficient never pays less, so the largest k that fits is found by bisection, over
 * the few steps the rounding leaves open (bracket below).
 */
import { addFen, Dec, mulRate, sumFen, type Fen, type FenSum } from './money';
import { Policy } from './policy';
import { settle } from './settle';
import type { Settlement, SettlementInput } from './model';

/** What the budget is spent on: the red packets alone, or the whole cash total. */
export type BudgetField = 'red_packet' | 'total';

/** More decimals than this and the step is below any coefficient a programme publishes. */
export const MAX_DECIMALS = 10;
export const DEFAULT_DECIMALS = 4;

/** Why no coefficient can answer: nothing it multiplies, or a total above budget even at 0. */
export type BudgetProblem =
  /** `qualified`: how many merchant-days qualify; `ownCoefficient`: how many of those pay with their tier's own coefficient. */
  | { code: 'no_paying_line'; qualified: number; ownCoefficient: number }
  | { code: 'over_budget_at_zero'; paysFen: FenSum; budgetFen: Fen };

/** The settlement's total for `field` as a function of the programme coefficient. */
export interface BudgetModel {
  field: BudgetField;
  /** Paid whatever the coefficient: cashback (for the cash total) and tiers' own red packets. */
  fixedFen: FenSum;
  /** The incremental GMV of each line the programme coefficient pays on. */
  incrementsFen: Fen[];
  qualifiedLines: number;
  ownCoefficientLines: number;
  pays(coefficient: Dec): FenSum;
}

export interface BudgetAnswer {
  coefficient: Dec;
  decimals: number;
  /** The field's total at the coefficient: what the settlement at it totals (each line rounded on its own). */
  paysFen: FenSum;
  /** One step more (k + 1) and what it would pay: more than the budget, which is why the search stopped. */
  nextStep?: { coefficient: Dec; paysFen: FenSum };
  /** The budget is not binding: even the largest plausible coefficient (1 − 10^-d, SPEC §2: below 1) fits. */
  atLargest: boolean;
  /** The settlement at the coefficient, made when asked for: a column of budgets needs only the coefficients. */
  settlement(): Settlement;
}

export type BudgetResult = { ok: true; answer: BudgetAnswer } | { ok: false; problem: BudgetProblem };

const ZERO = new Dec(0);

/** The settlement once, with the programme coefficient at 0, read as a function of the coefficient. */
export function budgetModel(input: SettlementInput, policy: Policy, field: BudgetField): BudgetModel {
  const base = settle(input, { ...policy, redPacketCoefficient: ZERO });
  const incrementsFen: Fen[] = [];
  let qualifiedLines = 0;
  let ownCoefficientLines = 0;
  base.lines.forEach((line) => {
    if (line.tier === 0) return;
    qualifiedLines += 1;
    if (policy.tiers[line.tier - 1].redPacketCoefficient) ownCoefficientLines += 1;
    else if (line.incrementalFen > 0) incrementsFen.push(line.incrementalFen);
  });
  const t = base.totals;
  const fixedFen = field === 'total' ? t.cashTotalFen : t.redPacketFen;
  return {
    field,
    fixedFen,
    incrementsFen,
    qualifiedLines,
    ownCoefficientLines,
    pays: (coefficient) => addFen(fixedFen, sumFen(incrementsFen, (fen) => mulRate(fen, coefficient))),
  };
}

function atMost(a: FenSum, b: FenSum): boolean {
  return typeof a === 'number' && typeof b === 'number' ? a <= b : BigInt(a) <= BigInt(b);
}

/** k × 10^-d, exactly. */
export function coefficientAt(steps: number, decimals: number): Dec {
  return new Dec(steps).div(new Dec(10).pow(decimals));
}

/**
 * Where the answer must lie, before any line is evaluated. Each line rounds to the nearest fen,
 * so with n lines whose increments sum to S, pays(k) is within n/2 fen of F + S × k × 10^-d.
 * Every k with F + S·k·10^-d + n/2 ≤ budget therefore fits, and none with F + S·k·10^-d − n/2 >
 * budget does: the bisection then runs over a handful of steps instead of all 10^d, each still
 * evaluated line by line (measured by npm run bench:whatif).
 */
function bracket(model: BudgetModel, budgetFen: Fen, decimals: number): [number, number] {
  const largest = 10 ** decimals - 1;
  const scale = new Dec(10).pow(decimals);
  const total = new Dec(sumFen(model.incrementsFen, (fen) => fen).toString());
  const room = new Dec(budgetFen).minus(new Dec(model.fixedFen.toString()));
  const half = new Dec(model.incrementsFen.length).div(2);
  const steps = (fen: Dec) => fen.mul(scale).div(total).floor();
  const low = Dec.max(0, steps(room.minus(half))).toNumber();
  const high = Dec.min(largest, steps(room.plus(half))).toNumber();
  return [Math.min(low, largest), high];
}

/** The largest coefficient with `decimals` decimals whose settlement pays at most `budgetFen` in `field`. */
export function coefficientForBudget(input: SettlementInput, policy: Policy, budgetFen: Fen, decimals = DEFAULT_DECIMALS, field: BudgetField = 'red_packet'): BudgetResult {
  return searchBudget(budgetModel(input, policy, field), input, policy, budgetFen, decimals);
}

/** The search on a model already made: a column of budgets shares one settlement. */
export function searchBudget(model: BudgetModel, input: SettlementInput, policy: Policy, budgetFen: Fen, decimals: number): BudgetResult {
  if (model.incrementsFen.length === 0)
    return { ok: false, problem: { code: 'no_paying_line', qualified: model.qualifiedLines, ownCoefficient: model.ownCoefficientLines } };
  if (!atMost(model.fixedFen, budgetFen)) return { ok: false, problem: { code: 'over_budget_at_zero', paysFen: model.fixedFen, budgetFen } };
  // Invariant: k = low fits; k = high + 1 does not, or is past the largest plausible step.
  let [low, high] = bracket(model, budgetFen, decimals);
  while (low < high) {
    const middle = low + Math.ceil((high - low) / 2);
    if (atMost(model.pays(coefficientAt(middle, decimals)), budgetFen)) low = middle;
    else high = middle - 1;
  }
  const coefficient = coefficientAt(low, decimals);
  const atLargest = low === 10 ** decimals - 1;
  const next = coefficientAt(low + 1, decimals);
  let settlement: Settlement | undefined;
  return {
    ok: true,
    answer: {
      coefficient,
      decimals,
      paysFen: model.pays(coefficient),
      nextStep: atLargest ? undefined : { coefficient: next, paysFen: model.pays(next) },
      atLargest,
      settlement: () => settlement || (settlement = settle(input, { ...policy, redPacketCoefficient: coefficient })),
    },
  };
}
