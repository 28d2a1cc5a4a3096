/**
 * The policy a settlement runs with, from what a person set: a base policy (the Double 11 tiers,
 * or the Policy sheet's), the options of the sidebar's form and the coefficient typed. The
 * sidebar's preview and the server's write both call this with the same form state, so the
 * preview is exactly what is written.
 */
import type { Policy } from '../core/policy';
import { POLICY_OPTIONS } from '../core/policyKeys';
import { policyFromJson } from './policyReader';
import { policyMessages, type PolicyMessage } from './policyText';

export interface BuiltPolicy {
  /** Undefined when a value could not be read; otherwise the policy, which may still break a rule. */
  policy?: Policy;
  /** What must be fixed before anything is written: values that cannot be read, else the rules' problems. */
  problems: PolicyMessage[];
}

/**
 * `options`: each option's value by its policy key, as the form holds it (a box's true/false, a
 * list's choice, a number field's text) or as the request carries it; keys that are not options
 * are not looked at, and an option not given keeps the base's value. `coefficient`: as typed.
 */
export function buildPolicy(base: Policy, options: Readonly<Record<string, unknown>>, coefficient: string): BuiltPolicy {
  const json: Record<string, unknown> = { red_packet_coefficient: coefficient };
  POLICY_OPTIONS.forEach((spec) => {
    if (options[spec.key] !== undefined) json[spec.key] = options[spec.key];
  });
  const read = policyFromJson(json, base);
  if (!read.ok) return { problems: read.problems };
  return { policy: read.policy, problems: policyMessages(read.policy) };
}
