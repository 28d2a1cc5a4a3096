/**
 * The optional `policy` argument: a range with one row per tier, read by the same reader as
 * the sidebar's Policy sheet, so a what-if formula and the settlement use the same tiers.
 */
import { Dec } from '../core/money';
import { double11Policy, type Policy } from '../core/policy';
import type { Cell } from '../input/number';
import { policyFromCells } from '../input/policyReader';
import { policyMessages } from '../input/policyText';
import type { SheetArg } from './args';

/** The policy to use; without one, the Double 11 2025 tiers of SPEC §1. */
export function policyArg(fn: string, arg: SheetArg | undefined): Policy {
  if (arg === undefined || arg === null || arg === '') return double11Policy();
  const cells: Cell[][] = Array.isArray(arg) ? arg : [[arg]];
  const read = policyFromCells(cells);
  if (!read.ok) throw new Error(`${fn}: policy: ${read.problems.map((p) => p.en).join('; ')}`);
  // The coefficient is checked where a reward needs it (it may come from another argument), so
  // here a stand-in silences only the "no coefficient" problem; negative ones are still caught.
  const problems = policyMessages({ ...read.policy, redPacketCoefficient: read.policy.redPacketCoefficient || new Dec(0) });
  if (problems.length > 0) throw new Error(`${fn}: policy: ${problems.map((p) => p.en).join('; ')}`);
  return read.policy;
}
