/**
 * What the whole-settlement functions share (SETTLEMENT and the what-ifs): the history and
 * campaign ranges read by the same input code as pasted text, a table that cannot be read named
 * by the function, and the programme coefficient argument checked as every entry point checks it.
 */
import type { Policy } from '../core/policy';
import { baselineChoiceOf } from '../input/baselineChoice';
import type { Cell } from '../input/number';
import { policyMessages } from '../input/policyText';
import { readInputs, type InputsRead, type InputTables } from '../input/readInputs';
import { tableFromCells } from '../input/table';
import { TableError } from '../input/tableError';
import { coefficientAt, oneCell, toGrid, type SheetArg } from './args';

function rowsOf(arg: SheetArg): Cell[][] {
  return Array.isArray(arg) ? arg : [[arg]];
}

export function rangeTables(history: SheetArg, campaign: SheetArg): InputTables {
  return { history: tableFromCells('history', rowsOf(history)), campaign: tableFromCells('campaign', rowsOf(campaign)) };
}

/** `work`, with a table that cannot be read at all (no GMV column, say) said as the function's error. */
export function namingTableErrors<T>(fn: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof TableError) throw new Error(`${fn}: ${error.message}`);
    throw error;
  }
}

/** The ranges as the rules take them, under the policy's thresholds and baseline choices. */
export function readRanges(fn: string, history: SheetArg, campaign: SheetArg, policy: Policy): InputsRead {
  return namingTableErrors(fn, () => readInputs(rangeTables(history, campaign), policy.tiers.map((tier) => tier.minGmvFen), { baseline: baselineChoiceOf(policy), gmvBasis: policy.gmvBasis }));
}

/**
 * The policy with the programme coefficient of a one-cell argument (0.05 or 5%), checked: a
 * paying tier without any coefficient is an error, never a guess. `required: false` lets a blank
 * through for functions that can answer without one.
 */
export function withCoefficient(fn: string, rules: Policy, coefficient: SheetArg | undefined, required = true): Policy {
  const grid = toGrid('coefficient', coefficient === undefined ? '' : coefficient);
  oneCell(fn, grid);
  const programmeCoefficient = coefficientAt(fn, grid, 0, 0);
  const settled = programmeCoefficient ? { ...rules, redPacketCoefficient: programmeCoefficient } : rules;
  const problems = policyMessages(settled).filter((p) => required || p.code !== 'no_coefficient');
  if (problems.length > 0) throw new Error(`${fn}: ${problems.map((p) => p.en).join('; ')}`);
  return settled;
}
