/**
 * The coefficient and the SPEC §2 options. The coefficient has no default anywhere: an empty
 * field keeps the fill button disabled, because the article gives no value and a guessed one
 * would pay merchants money nobody decided on.
 */
import type { SidebarContext } from '../addon/protocol';
import { el } from './dom';
import { language, t } from './i18n';
import { policyChoice, type PolicyChoice } from './policyChoice';

export type { CoefficientState, PolicyChoice } from './policyChoice';

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
      const options = {
        threshold_inclusive: inclusive.checked,
        incremental_basis: basis.value,
        traffic_max_days: maxDays.value.trim(),
        traffic_day_selection: selection.value,
        new_merchant_baseline: newBaseline.value,
        invited_only: invited.checked,
      };
      return policyChoice(context, { coefficient: coefficient.value, options, usePolicySheet: usePolicySheet.checked }, language());
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
