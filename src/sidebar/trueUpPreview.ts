/**
 * The preview's account of the run as a run of its campaign (SPEC §7): its number, and for a
 * true-up what was paid before, the total now, the difference, what to pay and what to recover
 * (or waive); and the holds. Figures from the same true-up the server writes.
 */
import { fenToDisplay, type FenSum } from '../core/money';
import type { SettlementRun } from '../run/runSettlement';
import { el } from './dom';
import { t } from './i18n';

function pair(label: string, value: string, testId: string, cls = ''): HTMLElement[] {
  return [el('dt', { text: label }), el('dd', { class: cls, 'data-testid': `trueup-${testId}`, text: value })];
}

export function runSection(run: SettlementRun): HTMLElement | null {
  const record = run.record;
  const totals = run.settlement.totals;
  const trueUp = run.trueUp;
  const held = totals.heldMerchants > 0;
  if (!trueUp && !held && record.runNumber === undefined) return null;
  const money = (fen: FenSum) => fenToDisplay(fen);
  const rows: HTMLElement[] = [];
  if (trueUp) {
    const t2 = trueUp.totals;
    rows.push(
      ...pair(t('previousCash'), money(t2.previousCashFen), 'previous'),
      ...pair(t('cashNow'), money(t2.cashFen), 'now'),
      ...pair(t('delta'), money(t2.deltaCashFen), 'delta', 'strong'),
      ...pair(t('toPay'), money(t2.toPayFen), 'to-pay'),
      ...(trueUp.clawback ? pair(t('toRecover'), money(t2.toRecoverFen), 'to-recover') : pair(t('waived'), money(t2.waivedFen), 'waived')),
    );
  }
  if (held) rows.push(...pair(t('heldMerchants'), String(totals.heldMerchants), 'held', 'warn'), ...pair(t('heldDeferred'), money(totals.heldDeferredFen), 'deferred'));
  const title = trueUp && run.previous && run.previous.run !== undefined ? t('trueUp', { run: run.previous.run }) : t('runOf', { run: record.runNumber || 1, campaign: record.campaign || '' });
  return el('section', { 'data-testid': 'trueup' }, [el('h3', { text: title }), rows.length > 0 ? el('dl', { class: 'totals' }, rows) : null]);
}
