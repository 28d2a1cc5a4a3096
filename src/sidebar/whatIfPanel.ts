/**
 * The what-if panel (SPEC §8), folded under the preview and computed only while open: the
 * coefficient a budget allows, with a chart of what each coefficient pays; payout scenarios as a
 * small table and chart; and the watchlist of merchant-days near their next tier (during the
 * campaign, today's GMV so far is the campaign data pasted again). The same core as the custom
 * functions and `gmv-settle what-if`, on the settlement the preview shows.
 */
import { budgetModel, coefficientAt, searchBudget, type BudgetAnswer, type BudgetField } from '../core/budget';
import { Dec, fenToDisplay, fenToText, type FenSum } from '../core/money';
import type { Policy } from '../core/policy';
import { payoutScenarios } from '../core/scenarios';
import { readBudget, readChangeList, readDecimals } from '../input/whatIfArgs';
import { budgetProblemText } from '../output/whatIfText';
import { barChart, lineChart } from './charts';
import { el, replaceChildren } from './dom';
import { language, t } from './i18n';
import type { PolicyChoice } from './policyForm';
import { field } from './policyForm';
import { grouped } from './preview';

/** Points on the budget chart: enough for a smooth curve, few enough to compute while typing. */
const CHART_POINTS = 24;

const asNumber = (fen: FenSum) => Number(fenToText(fen));
import { watchlistSection } from './watchlist';
import { errorLine, miniTable, readInput, type Section, type WhatIfData } from './whatIfParts';

export type { WhatIfData };

/** The policy the scenarios and the watchlist price with: the coefficient set, else the budget's, else none. */
function pricedPolicy(choice: PolicyChoice, answer: BudgetAnswer | undefined): Policy | undefined {
  if (!choice.policy) return undefined;
  if (choice.coefficientState === 'ok') return choice.policy;
  return { ...choice.policy, redPacketCoefficient: answer ? answer.coefficient : undefined };
}

function budgetSection(): Section & { answer(): BudgetAnswer | undefined } {
  const budget = el('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', placeholder: t('budgetPlaceholder'), 'data-testid': 'budget' });
  const decimals = el('input', { type: 'number', min: 0, max: 10, step: 1, value: 4, 'data-testid': 'budget-decimals' });
  const spentOn = el('select', { 'data-testid': 'budget-field' }, [
    el('option', { value: 'red_packet', text: t('fieldRedPacket') }),
    el('option', { value: 'total', text: t('fieldTotal') }),
  ]);
  const result = el('div', { 'data-testid': 'budget-result' });
  let last: BudgetAnswer | undefined;
  return {
    element: el('section', {}, [field(t('budget'), budget), el('div', { class: 'pair' }, [field(t('budgetDecimals'), decimals), field(t('budgetField'), spentOn)]), result]),
    answer: () => last,
    compute(data) {
      last = undefined;
      const fen = readInput(readBudget(budget.value));
      const places = readInput(readDecimals(decimals.value));
      const fieldName = spentOn.value as BudgetField;
      if (fen.problem || places.problem) return replaceChildren(result, [errorLine((fen.problem || places.problem) as string, 'budget-error')]);
      if (fen.value === undefined || !data.choice.policy) return replaceChildren(result, []);
      const policy = data.choice.policy;
      const input = data.run.read.input;
      const model = budgetModel(input, policy, fieldName);
      const found = searchBudget(model, input, policy, fen.value, places.value as number);
      if (!found.ok) return replaceChildren(result, [errorLine(budgetProblemText(found.problem, fieldName)[language()], 'budget-error')]);
      const a = (last = found.answer);
      const next = a.nextStep ? t('budgetNext', { coefficient: a.nextStep.coefficient.toString(), pays: fenToDisplay(a.nextStep.paysFen) }) : t('budgetLargest', { coefficient: a.coefficient.toString() });
      // From 0 to twice the answer (or to the largest step): where the budget line crosses the curve.
      const steps = 10 ** a.decimals;
      const top = a.atLargest ? steps - 1 : Math.min(steps - 1, Math.max(2 * a.coefficient.mul(steps).toNumber(), CHART_POINTS));
      const points = Array.from({ length: CHART_POINTS + 1 }, (_, i) => {
        const c = coefficientAt(Math.round((top * i) / CHART_POINTS), a.decimals);
        return { x: c.toNumber(), y: asNumber(model.pays(c)) };
      });
      const fieldWord = fieldName === 'total' ? t('cashTotal') : t('redPacket');
      replaceChildren(result, [
        el('p', { class: 'strong', 'data-testid': 'budget-coefficient', text: t('budgetAnswer', { coefficient: a.coefficient.toString(), pays: fenToDisplay(a.paysFen) }) }),
        el('p', { class: 'muted', 'data-testid': 'budget-next', text: next }),
        lineChart({
          testId: 'budget-chart',
          title: t('budgetChart', { field: fieldWord }),
          points,
          level: { y: asNumber(fen.value), label: fenToDisplay(fen.value) },
          marker: { x: a.coefficient.toNumber(), y: asNumber(a.paysFen), label: a.coefficient.toString() },
          xLabel: (x) => new Dec(x).toDecimalPlaces(a.decimals).toString(),
        }),
        el('p', { class: 'muted chart-caption', text: t('budgetChart', { field: fieldWord }) }),
      ]);
    },
  };
}

function scenarioSection(): Section {
  const changes = el('input', { type: 'text', autocomplete: 'off', value: '-20%, -10%, 0, 10%', 'data-testid': 'scenario-changes' });
  const result = el('div', { 'data-testid': 'scenario-result' });
  return {
    element: el('section', {}, [field(t('scenarios'), changes), result]),
    compute(data, priced) {
      const read = readInput(readChangeList(changes.value));
      if (read.problem) return replaceChildren(result, [errorLine(read.problem, 'scenario-error')]);
      if (!read.value || !priced) return replaceChildren(result, []);
      if (!priced.redPacketCoefficient && priced.tiers.some((tier) => !tier.redPacketCoefficient))
        return replaceChildren(result, [el('p', { class: 'muted', 'data-testid': 'scenario-needs-coefficient', text: t('scenariosNeedCoefficient') })]);
      const rows = payoutScenarios(data.run.read.input, priced, read.value);
      const percent = (change: Dec) => `${change.gt(0) ? '+' : ''}${change.mul(100).toString()}%`;
      replaceChildren(result, [
        priced.redPacketCoefficient ? el('p', { class: 'muted', text: t('scenariosPriced', { coefficient: priced.redPacketCoefficient.toString() }) }) : null,
        miniTable(
          'scenario-table',
          [t('colChange'), t('redPacket'), t('cashTotal'), t('colQualified')],
          rows.map((s) => [percent(s.change), fenToDisplay(s.totals.redPacketFen), fenToDisplay(s.totals.cashTotalFen), grouped(s.totals.qualifiedMerchants)]),
        ),
        barChart({
          testId: 'scenario-chart',
          title: t('scenarioChart'),
          bars: rows.map((s) => ({ label: percent(s.change), value: asNumber(s.totals.cashTotalFen), valueLabel: fenToDisplay(s.totals.cashTotalFen) })),
        }),
        el('p', { class: 'muted chart-caption', text: t('scenarioChart') }),
      ]);
    },
  };
}

export interface WhatIfPanel {
  element: HTMLElement;
  update(data: WhatIfData | undefined): void;
}

export function whatIfPanel(): WhatIfPanel {
  const budget = budgetSection();
  const scenarios = scenarioSection();
  const watchlist = watchlistSection();
  const waiting = el('p', { class: 'muted', 'data-testid': 'what-if-waiting', text: t('whatIfWaiting') });
  const body = el('div', { class: 'what-if-body' }, [el('p', { class: 'hint', text: t('whatIfHint') }), budget.element, scenarios.element, watchlist.element]);
  const details = el('details', { class: 'what-if', 'data-testid': 'what-if' }, [el('summary', { text: t('whatIf') }), waiting, body]);
  let current: WhatIfData | undefined;
  let generation = 0;
  const compute = () => {
    waiting.hidden = current !== undefined;
    body.hidden = current === undefined;
    // Only while open: a closed panel costs the preview nothing.
    if (!current || !details.open) return;
    budget.compute(current, undefined);
    const priced = pricedPolicy(current.choice, budget.answer());
    scenarios.compute(current, priced);
    watchlist.compute(current, priced);
    details.setAttribute('data-generation', String(++generation));
  };
  details.addEventListener('toggle', compute);
  [budget, scenarios, watchlist].forEach((section) =>
    section.element.querySelectorAll('input, select').forEach((control) => {
      control.addEventListener('input', compute);
      control.addEventListener('change', compute);
    }),
  );
  return {
    element: details,
    update(data) {
      current = data;
      compute();
    },
  };
}
