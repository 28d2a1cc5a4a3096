/**
 * "Compare baselines": the inputs above settled under the baseline choices as set and under one
 * or two others (SPEC §8: window, dates left out, days required), side by side — the totals, and
 * the merchants whose best tier the choice changes — so finance sees what the choice costs before
 * it is made. Each choice is read by the policy reader, over the policy the form has built.
 */
import { tierChanges } from '../core/baselineCompare';
import { fenToDisplay, type FenSum } from '../core/money';
import type { Settlement } from '../core/model';
import { POLICY_KEYS, type PolicyKeySpec } from '../core/policyKeys';
import { policyFromJson } from '../input/policyReader';
import { runSettlement } from '../run/runSettlement';
import { el, replaceChildren, type Child } from './dom';
import { language, t } from './i18n';
import { grouped } from './preview';
import { errorLine, miniTable, type WhatIfData } from './whatIfParts';

const BASELINE_KEYS = ['baseline_window_days', 'baseline_exclude_dates', 'baseline_min_days'];
const SPECS = BASELINE_KEYS.map((key) => POLICY_KEYS.find((spec: PolicyKeySpec) => spec.key === key) as PolicyKeySpec);

/** The controls of one alternative choice; `start` is what they open with. */
function choiceControls(n: number, start: Record<string, string>) {
  const inputs = SPECS.map((spec) =>
    el('input', { type: 'text', autocomplete: 'off', value: start[spec.key] || '', placeholder: spec.key === 'baseline_exclude_dates' ? t('datesPlaceholder') : '', 'data-testid': `compare-${n}-${spec.key.replace(/_/g, '-')}` }),
  );
  const element = el('fieldset', { class: 'compare-choice' }, [
    el('legend', { text: t('compareChoice', { n }) }),
    ...inputs.map((input, i) => el('label', { class: 'field', title: SPECS[i].help[language()].replace(/`/g, '') }, [el('span', { text: SPECS[i].label[language()] }), input])),
  ]);
  return { element, inputs, blank: () => inputs.every((input) => input.value.trim() === '') };
}

function withBaseline(s: Settlement): number {
  return s.merchants.filter((m) => m.status !== 'no_baseline' && m.status !== 'blocked').length;
}

export interface BaselineComparePanel {
  element: HTMLElement;
  update(data: WhatIfData | undefined): void;
}

export function baselineComparePanel(): BaselineComparePanel {
  // Choice 2 opens on the last 30 days, a window people ask about; choice 3 is compared once filled in.
  const choices = [choiceControls(2, { baseline_window_days: '30' }), choiceControls(3, {})];
  const result = el('div', { 'data-testid': 'compare-result' });
  const details = el('details', { class: 'what-if', 'data-testid': 'compare-baselines' }, [
    el('summary', { text: t('compare') }),
    el('p', { class: 'hint', text: t('compareHint') }),
    ...choices.map((c) => c.element),
    result,
  ]);
  let current: WhatIfData | undefined;
  let generation = 0;

  const compute = () => {
    if (!details.open) return;
    if (!current || !current.choice.policy) return replaceChildren(result, [el('p', { class: 'muted', text: t('whatIfWaiting') })]);
    const base = current.choice.policy;
    const settlements: Settlement[] = [current.run.settlement];
    const headers = [t('compareAsSet')];
    const problems: Child[] = [];
    choices.forEach((choice, i) => {
      if (i > 0 && choice.blank()) return;
      const json: Record<string, unknown> = {};
      // A blank field keeps the choice as set above; "" is not a value of a count.
      choice.inputs.forEach((input, k) => input.value.trim() !== '' && (json[SPECS[k].key] = input.value.trim()));
      const read = policyFromJson(json, base);
      if (!read.ok) return problems.push(errorLine(t('compareBad', { n: i + 2, problem: read.problems.map((p) => p[language()]).join('; ') }), `compare-error-${i + 2}`));
      settlements.push(runSettlement(current!.tables, read.policy, { sha256: () => '' }).settlement);
      headers.push(t('compareChoice', { n: i + 2 }));
    });
    const priced = current.choice.coefficientState === 'ok';
    const money = (fen: FenSum) => (priced ? fenToDisplay(fen) : t('needsCoefficient'));
    const rows: [string, (s: Settlement) => string][] = [
      [t('compareWithBaseline'), (s) => grouped(withBaseline(s))],
      [t('qualifiedMerchants'), (s) => grouped(s.totals.qualifiedMerchants)],
      [t('cashback'), (s) => fenToDisplay(s.totals.cashbackFen)],
      [t('redPacket'), (s) => money(s.totals.redPacketFen)],
      [t('cashTotal'), (s) => money(s.totals.cashTotalFen)],
      [t('traffic'), (s) => grouped(s.totals.trafficGranted)],
    ];
    const changes = tierChanges(settlements);
    replaceChildren(result, [
      ...problems,
      miniTable('compare-totals', [''].concat(headers), rows.map(([label, value]) => [label as Child].concat(settlements.map(value)))),
      el('h3', { text: t('tierChanges', { count: changes.length }) }),
      changes.length === 0
        ? el('p', { class: 'muted', 'data-testid': 'compare-no-changes', text: t('noTierChanges') })
        : miniTable(
            'compare-changes',
            [t('colMerchant')].concat(headers),
            changes.map((c) => [el('div', {}, [el('div', { class: 'id', text: c.merchantId }), el('div', { class: 'name', text: c.merchantName })]) as Child].concat(c.bestTiers.map((tier, k) => `T${tier} · ${money(c.cashTotalsFen[k])}`))),
          ),
    ]);
    details.setAttribute('data-generation', String(++generation));
  };

  details.addEventListener('toggle', compute);
  choices.forEach((c) => c.inputs.forEach((input) => input.addEventListener('input', compute)));
  return {
    element: details,
    update(data) {
      current = data;
      compute();
    },
  };
}
