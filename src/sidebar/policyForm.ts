/**
 * The coefficient and the SPEC §2 options. The coefficient has no default anywhere: an empty
 * field keeps the fill button disabled, because the article gives no value and a guessed one
 * would pay merchants money nobody decided on.
 */
import type { PolicyOptions, SidebarContext } from '../protocol/messages';
import type { Policy } from '../core/policy';
import { policyFromJson } from '../input/policyReader';
import { policyMessages, type PolicyMessage } from '../input/policyText';
import { readPlausibleRate } from '../input/rates';
import { el } from './dom';
import { language, t } from './i18n';

export type CoefficientState = 'missing' | 'invalid' | 'ok';

export interface PolicyChoice {
  coefficient: string;
  coefficientState: CoefficientState;
  /** Why the coefficient cannot be used ("coefficient 5 would pay 500% … did you mean 5%?"). */
  coefficientProblem?: string;
  options: PolicyOptions;
  usePolicySheet: boolean;
  /** The Policy sheet's tiers the preview used, sent with the write so the server can refuse a stale preview. */
  previewedPolicyTiers?: unknown[];
  /** The policy the preview settles with: with coefficient 0 while the coefficient is not set. */
  policy?: Policy;
  /** Problems a person must fix before anything is written (Policy sheet, traffic days…). */
  problems: string[];
}

export interface PolicyForm {
  element: HTMLElement;
  read(): PolicyChoice;
}

export function policyForm(context: SidebarContext, onChange: () => void): PolicyForm {
  const coefficient = el('input', {
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
    // A placeholder that reads like a value ("0.05") looks filled in: this one reads like a request.
    placeholder: t('coefficientPlaceholder'),
    required: true,
    'data-testid': 'coefficient',
    id: 'coefficient',
  });
  const inclusive = el('input', { type: 'checkbox', 'data-testid': 'threshold-inclusive' });
  const basis = select('incremental-basis', [['actual', t('basisActual')], ['tier_threshold', t('basisThreshold')]]);
  const maxDays = el('input', { type: 'number', min: 0, step: 1, value: 5, 'data-testid': 'traffic-max-days' });
  const selection = select('traffic-day-selection', [['first', t('selectionFirst')], ['best', t('selectionBest')]]);
  const newBaseline = select('new-merchant-baseline', [['none', t('newNone')], ['zero', t('newZero')]]);
  const invited = el('input', { type: 'checkbox', 'data-testid': 'invited-only' });
  const sheet = context.policySheet;
  // Unticked until the user says so, as the Policy sheet's own note asks them to tick it.
  const usePolicySheet = el('input', { type: 'checkbox', 'data-testid': 'use-policy-sheet' });

  [coefficient, inclusive, basis, maxDays, selection, newBaseline, invited, usePolicySheet].forEach((input) => {
    input.addEventListener('input', onChange);
    input.addEventListener('change', onChange);
  });

  const element = el('fieldset', { class: 'policy' }, [
    el('legend', { text: t('policy') }),
    el('label', { for: 'coefficient', class: 'strong', text: t('coefficient') }),
    coefficient,
    el('div', { class: 'hint', text: t('coefficientHint') }),
    sheet ? checkRow(usePolicySheet, t('usePolicySheet', { name: sheet.rangeName })) : null,
    el('details', {}, [
      el('summary', { text: t('options') }),
      checkRow(inclusive, t('thresholdInclusive')),
      field(t('incrementalBasis'), basis),
      field(t('trafficMaxDays'), maxDays),
      field(t('trafficSelection'), selection),
      field(t('newMerchantBaseline'), newBaseline),
      checkRow(invited, t('invitedOnly')),
    ]),
  ]);

  return {
    element,
    read() {
      const value = coefficient.value.trim();
      const rate = readPlausibleRate(value, 'coefficient');
      const coefficientState: CoefficientState = value === '' ? 'missing' : rate.kind === 'rate' ? 'ok' : 'invalid';
      const inLanguage = (problems: PolicyMessage[]) => problems.map((p) => (language() === 'zh' ? p.zh : p.en));
      const coefficientProblem = rate.kind === 'error' ? inLanguage([{ code: 'bad_coefficient', ...rate.text }])[0] : undefined;
      const days = maxDays.value.trim();
      const options: PolicyOptions = {
        threshold_inclusive: inclusive.checked,
        incremental_basis: basis.value as PolicyOptions['incremental_basis'],
        traffic_max_days: /^\d+$/.test(days) ? Number(days) : NaN,
        traffic_day_selection: selection.value as PolicyOptions['traffic_day_selection'],
        new_merchant_baseline: newBaseline.value as PolicyOptions['new_merchant_baseline'],
        invited_only: invited.checked,
      };
      const useSheet = sheet !== undefined && usePolicySheet.checked;
      const problems: string[] = useSheet && sheet ? sheet.problems.slice() : [];
      const json: Record<string, unknown> = {
        ...options,
        traffic_max_days: isNaN(options.traffic_max_days) ? days : options.traffic_max_days,
        // The preview still shows mappings, issues, cashback and traffic before the coefficient is set.
        red_packet_coefficient: coefficientState === 'ok' ? value : '0',
      };
      if (useSheet && sheet) json.tiers = sheet.tiers;
      const read = policyFromJson(json);
      const base = { coefficient: value, coefficientState, coefficientProblem, options, usePolicySheet: useSheet };
      if (!read.ok) return { ...base, problems: problems.concat(inLanguage(read.problems)) };
      problems.push(...inLanguage(policyMessages(read.policy)));
      const previewedPolicyTiers = useSheet && sheet ? sheet.tiers : undefined;
      return { ...base, previewedPolicyTiers, policy: read.policy, problems };
    },
  };
}

function select(testId: string, choices: [string, string][]): HTMLSelectElement {
  return el('select', { 'data-testid': testId }, choices.map(([value, label]) => el('option', { value, text: label })));
}

function field(label: string, control: HTMLElement): HTMLElement {
  return el('label', { class: 'field' }, [el('span', { text: label }), control]);
}

function checkRow(box: HTMLInputElement, label: string): HTMLElement {
  return el('label', { class: 'check' }, [box, el('span', { text: label })]);
}
