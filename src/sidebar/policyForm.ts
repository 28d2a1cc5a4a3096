/**
 * The coefficient and the SPEC §2 options. The coefficient has no default anywhere: an empty
 * field keeps the fill button disabled, because the article gives no value and a guessed one
 * would pay merchants money nobody decided on. The options' controls are made from the table
 * of policy keys (core/policyKeys): a box for a yes/no, a list for a choice, a number field for a
 * count, a line of text for a list of dates, each labelled and explained from there and found by
 * its key with dashes as data-testid.
 */
import type { SidebarContext } from '../protocol/messages';
import { POLICY_OPTIONS, type OptionSpec } from '../core/policyKeys';
import { el } from './dom';
import { language, t } from './i18n';
import { policyChoice, type PolicyChoice } from './policyChoice';

export type { CoefficientState, PolicyChoice } from './policyChoice';

export interface PolicyForm {
  element: HTMLElement;
  read(): PolicyChoice;
}

interface OptionControl {
  spec: OptionSpec;
  input: HTMLInputElement | HTMLSelectElement;
  /** The control with its label. */
  row: HTMLElement;
  value(): unknown;
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
  const options = POLICY_OPTIONS.map(optionControl);
  const sheet = context.policySheet;
  // Unticked until the user says so, as the Policy sheet's own note asks them to tick it.
  const usePolicySheet = el('input', { type: 'checkbox', 'data-testid': 'use-policy-sheet' });

  [coefficient, ...options.map((option) => option.input), usePolicySheet].forEach((input) => {
    input.addEventListener('input', onChange);
    input.addEventListener('change', onChange);
  });

  const element = el('fieldset', { class: 'policy' }, [
    el('legend', { text: t('policy') }),
    el('label', { for: 'coefficient', class: 'strong', text: t('coefficient') }),
    coefficient,
    el('div', { class: 'hint', text: t('coefficientHint') }),
    sheet ? checkRow(usePolicySheet, t('usePolicySheet', { name: sheet.rangeName })) : null,
    el('details', {}, [el('summary', { text: t('options') }), ...options.map((option) => option.row)]),
  ]);

  return {
    element,
    read() {
      const values: Record<string, unknown> = {};
      options.forEach((option) => (values[option.spec.key] = option.value()));
      return policyChoice(context, { coefficient: coefficient.value, options: values, usePolicySheet: usePolicySheet.checked }, language());
    },
  };
}

/** An option's control, at its default, by the kind of value it holds. */
function optionControl(spec: OptionSpec): OptionControl {
  const words = language();
  const testId = spec.key.replace(/_/g, '-');
  const label = spec.label[words];
  // The help is the README's markdown; a tooltip shows it without the code marks.
  const help = spec.help[words].replace(/`/g, '');
  switch (spec.kind) {
    case 'boolean': {
      const box = el('input', { type: 'checkbox', checked: spec.default, 'data-testid': testId });
      return { spec, input: box, row: checkRow(box, label, help), value: () => box.checked };
    }
    case 'choice': {
      const choices = spec.choices.map((choice) => el('option', { value: choice.value, selected: choice.value === spec.default, text: choice.label[words] }));
      const list = el('select', { 'data-testid': testId }, choices);
      return { spec, input: list, row: field(label, list, help), value: () => list.value };
    }
    case 'count': {
      // An optional count without a default (none yet) opens blank: not set.
      const { max, default: value } = spec as { max?: number; default?: number };
      const number = el('input', { type: 'number', min: spec.min, max, step: 1, value, 'data-testid': testId });
      return { spec, input: number, row: field(label, number, help), value: () => number.value.trim() };
    }
    case 'dates': {
      // One line of days as typed ("2025-09-09, 2025-09-10" or "2025-09-09..2025-09-11"): the policy reader reads it.
      const days = el('input', { type: 'text', autocomplete: 'off', placeholder: t('datesPlaceholder'), value: spec.default.join(', '), 'data-testid': testId });
      return { spec, input: days, row: field(label, days, help), value: () => days.value };
    }
  }
}

export function field(label: string, control: HTMLElement, help?: string): HTMLElement {
  return el('label', { class: 'field', title: help }, [el('span', { text: label }), control]);
}

function checkRow(box: HTMLInputElement, label: string, help?: string): HTMLElement {
  return el('label', { class: 'check', title: help }, [box, el('span', { text: label })]);
}
