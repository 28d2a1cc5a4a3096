/**
 * What the policy part of the sidebar means, from what its controls hold: the policy the preview
 * settles with, the options and coefficient a write sends, and what must be fixed first. No DOM
 * here, so a test can give it the same form state it gives the server and compare the two.
 */
import type { PolicyOptions, SidebarContext } from '../protocol/messages';
import { double11Policy, type Policy } from '../core/policy';
import type { Language } from '../output/language';
import { buildPolicy } from '../input/buildPolicy';
import { policyFromJson, policyOptions } from '../input/policyReader';
import { readPlausibleRate } from '../input/rates';

export type CoefficientState = 'missing' | 'invalid' | 'ok';

/** The policy controls as a person left them. */
export interface PolicyFormState {
  /** As typed. */
  coefficient: string;
  /** Each option's control by policy key: a box's true/false, a list's choice, a number field's text. */
  options: Record<string, unknown>;
  usePolicySheet: boolean;
}

export interface PolicyChoice {
  coefficient: string;
  coefficientState: CoefficientState;
  /** Why the coefficient cannot be used ("coefficient 5 would pay 500% … did you mean 5%?"). */
  coefficientProblem?: string;
  /** What a write sends: the options of the previewed policy (the form's own values while it cannot be read). */
  options: PolicyOptions;
  usePolicySheet: boolean;
  /** The Policy sheet's tiers the preview used, sent with the write so the server can refuse a stale preview. */
  previewedPolicyTiers?: unknown[];
  /** The policy the preview settles with: with coefficient 0 while the coefficient is not set. */
  policy?: Policy;
  /** Problems a person must fix before anything is written (Policy sheet, traffic days…). */
  problems: string[];
}

export function policyChoice(context: SidebarContext, state: PolicyFormState, language: Language): PolicyChoice {
  const coefficient = state.coefficient.trim();
  const rate = readPlausibleRate(coefficient, 'coefficient');
  const coefficientState: CoefficientState = coefficient === '' ? 'missing' : rate.kind === 'rate' ? 'ok' : 'invalid';
  const sheet = context.policySheet;
  const usePolicySheet = sheet !== undefined && state.usePolicySheet;
  const choice = {
    coefficient,
    coefficientState,
    coefficientProblem: rate.kind === 'error' ? rate.text[language] : undefined,
    // Sent only once the policy reads (the write button waits for it); until then, what the form holds.
    options: state.options as unknown as PolicyOptions,
    usePolicySheet,
  };
  const problems = usePolicySheet && sheet ? sheet.problems.slice() : [];
  const base = usePolicySheet && sheet ? policyFromJson({ tiers: sheet.tiers }) : { ok: true as const, policy: double11Policy() };
  if (!base.ok) return { ...choice, problems: problems.concat(base.problems.map((p) => p[language])) };
  // The preview still shows mappings, issues, cashback and traffic before the coefficient is set.
  const built = buildPolicy(base.policy, state.options, coefficientState === 'ok' ? coefficient : '0');
  problems.push(...built.problems.map((p) => p[language]));
  if (!built.policy) return { ...choice, problems };
  const previewedPolicyTiers = usePolicySheet && sheet ? sheet.tiers : undefined;
  return { ...choice, options: policyOptions(built.policy), previewedPolicyTiers, policy: built.policy, problems };
}
