/**
 * The one button that writes. It stays disabled, with the reason beside it, until the inputs
 * can settle; it is disabled again while a write runs, so a double click cannot start two; and
 * a write that takes longer than a blink shows what is happening and for how long.
 */
import type { SettlementRequest, WriteResult } from '../addon/protocol';
import { el } from './dom';
import { t } from './i18n';
import { failureText, server } from './server';

/** Below this a write feels instant and a flashing progress bar would only distract. */
const PROGRESS_AFTER_MS = 300;

export interface FillControl {
  element: HTMLElement;
  /** `why` is the reason the button is disabled, or undefined when a write may start. */
  update(why: string | undefined): void;
}

export function fillControl(buildRequest: () => { request: SettlementRequest; lines: number } | undefined): FillControl {
  let running = false;
  let blockedBecause: string | undefined = t('loading');
  const button = el('button', { type: 'button', class: 'primary', 'data-testid': 'fill', text: t('fill') });
  const why = el('div', { class: 'why', 'data-testid': 'fill-why', 'aria-live': 'polite' });
  const bar = el('div', { class: 'bar' }, [el('div', { class: 'bar-fill' })]);
  const progressText = el('div', { class: 'progress-text' });
  const progress = el('div', { class: 'progress', 'data-testid': 'progress', hidden: true, role: 'progressbar', 'aria-busy': 'true' }, [bar, progressText]);
  const result = el('div', { class: 'result', 'data-testid': 'fill-result', role: 'status', 'aria-live': 'polite' });

  const refresh = () => {
    button.disabled = running || blockedBecause !== undefined;
    why.textContent = running ? t('whyBusy') : blockedBecause || '';
    why.hidden = why.textContent === '';
  };

  button.addEventListener('click', () => {
    if (running || blockedBecause !== undefined) return;
    const built = buildRequest();
    if (!built) return;
    running = true;
    refresh();
    result.textContent = '';
    result.className = 'result';
    const started = Date.now();
    const step = t('writingStep', { lines: built.lines });
    const tick = () => {
      const elapsed = Date.now() - started;
      if (elapsed < PROGRESS_AFTER_MS) return;
      progress.hidden = false;
      progressText.textContent = `${t('writing')} · ${t('seconds', { s: (elapsed / 1000).toFixed(1) })}\n${step}`;
    };
    const timer = setInterval(tick, 100);
    server.writeSettlement(built.request).then(
      (written: WriteResult) => {
        result.textContent = written.outcome === 'exists'
          ? t('exists', { sheet: written.sheetName })
          : t('written', { sheet: written.sheetName, lines: written.lines });
        result.className = written.outcome === 'exists' ? 'result notice' : 'result ok';
      },
      (error) => {
        result.textContent = t('failed', { why: failureText(error) });
        result.className = 'result error';
      },
    ).then(() => {
      clearInterval(timer);
      progress.hidden = true;
      running = false;
      refresh();
    });
  });

  refresh();
  return {
    element: el('div', { class: 'fill' }, [button, why, progress, result]),
    update(reason) {
      blockedBecause = reason;
      refresh();
    },
  };
}
