/**
 * COEFFICIENT_FOR_BUDGET, PAYOUT_SCENARIOS and NEAR_NEXT_TIER: SPEC §8's what-ifs as formulas,
 * thin adapters over core (budget.ts, scenarios.ts, nearNextTier.ts) reading their history and
 * campaign ranges like SETTLEMENT does, so a formula answers for the settlement the sidebar
 * would write from the same cells.
 */
import { budgetModel, searchBudget, type BudgetModel } from '../core/budget';
import type { Dec } from '../core/money';
import { nearNextTier } from '../core/nearNextTier';
import { payoutScenarios } from '../core/scenarios';
import { readBudget, readBudgetField, readChange, readDecimals, readWithin } from '../input/whatIfArgs';
import { groupedCount } from '../output/counts';
import { NEAR_MISS_COLUMNS, SCENARIO_COLUMNS } from '../output/whatIfTables';
import { budgetProblemText } from '../output/whatIfText';
import { mapCells, toGrid, type SheetArg, type SheetValue } from './args';
import { policyArg } from './policyArg';
import { readRanges, withCoefficient } from './settlementArgs';
import { SETTLEMENT_MAX_ROWS } from './settlementTable';
import { readAt, readOneCell, spilledTable } from './spill';

/** One coefficient per budget cell (a column of budgets draws the curve); blank in, blank out. */
export function coefficientForBudget(history: SheetArg, campaign: SheetArg, budget: SheetArg, decimals?: SheetArg, field?: SheetArg, policy?: SheetArg) {
  const FN = 'COEFFICIENT_FOR_BUDGET';
  const rules = policyArg(FN, policy);
  const places = readOneCell(FN, 'decimals', decimals, readDecimals) as number;
  const spentOn = readOneCell(FN, 'field', field, readBudgetField) || 'red_packet';
  const budgets = toGrid('budget', budget);
  const input = readRanges(FN, history, campaign, rules).input;
  // One settlement for every budget: the tiers and traffic do not depend on the coefficient.
  let model: BudgetModel | undefined;
  return mapCells(budgets, (_cell, row, column): SheetValue => {
    const budgetFen = readAt(FN, budgets, row, column, readBudget);
    if (budgetFen === undefined) return '';
    const result = searchBudget(model || (model = budgetModel(input, rules, spentOn)), input, rules, budgetFen, places);
    if (!result.ok) {
      const why = budgetProblemText(result.problem, spentOn);
      throw new Error(`${FN}: ${budgets.single ? 'budget' : `row ${row + 1} of budget`}: ${why.en} / ${why.zh}`);
    }
    return Number(result.answer.coefficient.toString());
  });
}

/** The totals under each GMV change, one row per change, after a header row. */
export function payoutScenariosTable(history: SheetArg, campaign: SheetArg, coefficient: SheetArg, changes: SheetArg, policy?: SheetArg): SheetValue[][] {
  const FN = 'PAYOUT_SCENARIOS';
  const rules = withCoefficient(FN, policyArg(FN, policy), coefficient);
  const grid = toGrid('changes', changes);
  const values: Dec[] = [];
  // In reading order, row by row; blank cells are skipped (a column with room for more changes).
  mapCells(grid, (_cell, row, column) => {
    const change = readAt(FN, grid, row, column, readChange);
    if (change) values.push(change);
    return '';
  });
  if (values.length === 0) throw new Error(`${FN}: changes: give at least one change such as -10% or 10% / 请至少给出一个变化比例，如 -10% 或 10%`);
  const input = readRanges(FN, history, campaign, rules).input;
  return spilledTable(SCENARIO_COLUMNS, payoutScenarios(input, rules, values));
}

/** The watchlist: merchant-days within `within` of their next tier, least short first, after a header row. */
export function nearNextTierTable(history: SheetArg, campaign: SheetArg, within: SheetArg, policy?: SheetArg, coefficient?: SheetArg): SheetValue[][] {
  const FN = 'NEAR_NEXT_TIER';
  // Without a coefficient the extra reward is left blank where a red packet would need one.
  const rules = withCoefficient(FN, policyArg(FN, policy), coefficient, false);
  const near = readOneCell(FN, 'within', within, readWithin);
  if (!near) throw new Error(`${FN}: within is required: an amount such as 20000 or a share of the next threshold such as 10% / within 必填：金额（如 20000）或下一档门槛的比例（如 10%）`);
  const misses = nearNextTier(readRanges(FN, history, campaign, rules).input, rules, near);
  if (misses.length > SETTLEMENT_MAX_ROWS)
    throw new Error(
      `${FN}: ${groupedCount(misses.length)} merchant-days are within reach, more than the ${groupedCount(SETTLEMENT_MAX_ROWS)} rows a formula can return: give a smaller within, or use the sidebar's watchlist or gmv-settle what-if / ` +
        `共有 ${groupedCount(misses.length)} 个商家日接近下一档，超过公式最多可返回的 ${groupedCount(SETTLEMENT_MAX_ROWS)} 行：请缩小 within，或使用侧边栏的观察名单或命令行 gmv-settle what-if`,
    );
  return spilledTable(NEAR_MISS_COLUMNS, misses);
}
