/**
 * The watchlist of the what-if panel: merchant-days short of their next tier by at most an
 * amount or a share of its threshold (SPEC §8), least short first, with what reaching it would
 * add. Names come from the pasted data: they are text nodes only (dom.ts).
 */
import { fenToDisplay } from '../core/money';
import { nearNextTier } from '../core/nearNextTier';
import { readWithin } from '../input/whatIfArgs';
import { el, replaceChildren } from './dom';
import { t } from './i18n';
import { field } from './policyForm';
import { errorLine, miniTable, readInput, type Section } from './whatIfParts';

/** Rows shown; the CLI and NEAR_NEXT_TIER list them all. */
const SHOWN = 30;

export function watchlistSection(): Section {
  const within = el('input', { type: 'text', autocomplete: 'off', value: '10%', placeholder: t('withinPlaceholder'), 'data-testid': 'watch-within' });
  const result = el('div', { 'data-testid': 'watch-result' });
  return {
    element: el('section', {}, [field(t('watchlist'), within), result]),
    compute(data, priced) {
      const read = readInput(readWithin(within.value));
      if (read.problem) return replaceChildren(result, [errorLine(read.problem, 'watch-error')]);
      const policy = priced || data.choice.policy;
      if (!read.value || !policy) return replaceChildren(result, []);
      const misses = nearNextTier(data.run.read.input, policy, read.value);
      const unpriced = misses.some((m) => m.extraRewardFen === null);
      replaceChildren(result, [
        el('p', { class: 'muted', 'data-testid': 'watch-count', text: t('watchCount', { count: misses.length }) }),
        misses.length === 0
          ? null
          : miniTable(
              'watch-table',
              [t('colMerchant'), t('colTier'), t('colShort'), t('colExtra')],
              misses.slice(0, SHOWN).map((m) => [
                el('div', {}, [el('div', { class: 'id', text: m.merchantId }), el('div', { class: 'name', text: m.merchantName }), el('div', { class: 'name', text: m.date })]),
                `T${m.tierNow}→T${m.nextTier}`,
                fenToDisplay(m.extraGmvFen),
                m.extraRewardFen === null ? '—' : fenToDisplay(m.extraRewardFen),
              ]),
            ),
        misses.length > SHOWN ? el('p', { class: 'muted', text: t('watchMore', { count: misses.length - SHOWN }) }) : null,
        unpriced ? el('p', { class: 'muted', text: t('watchUnpriced') }) : null,
      ]);
    },
  };
}
