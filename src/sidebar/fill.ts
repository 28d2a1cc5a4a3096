/**
 * The one button that writes. It stays disabled, with the reason beside it, until the inputs
 * can settle; it is disabled again while a write runs, so a double click cannot start two, and
 * the inputs are frozen meanwhile, so what the sidebar shows is what was written. A write that
 * takes longer than a blink shows what is happening: the lines written so far, and for how long.
 */
import { callChars, MAX_CALL_CHARS } from '../protocol/limits';
import type { SettlementRequest, WriteProgress, WriteResult } from '../protocol/messages';
import { groupedCount } from '../output/counts';
import { el } from './dom';
import { t } from './i18n';
import { failureText, server } from './server';
import { writeInCalls, type SheetLayout } from './writeDriver';

/** Below this a write feels instant and a flashing progress bar would only distract. */
const PROGRESS_AFTER_MS = 300;

export interface FillControl {
  element: HTMLElement;
  /** `why` is the reason the button is disabled, or undefined when a write may start. */
  update(why: string | undefined): void;
}

export interface FillRequest {
  request: SettlementRequest;
  lines: number;
  /** The settlement as the sheet writer lays it out, for one written in several calls. */
  layout: () => SheetLayout;
}

/** "Writing 10,000 of 21,000 lines", then the summary's rows: what is being written, in the user's words. */
function progressStep(progress: WriteProgress): string {
  const { lines, summary } = progress;
  return lines.written < lines.total
    ? t('writingLines', { written: groupedCount(lines.written), total: groupedCount(lines.total) })
    : t('writingSummary', { written: groupedCount(summary.written), total: groupedCount(summary.total) });
}

export function fillControl(buildRequest: () => FillRequest | undefined, onRunning: (running: boolean) => void): FillControl {
  let running = false;
  let blockedBecause: string | undefined = t('loading');
  const button = el('button', { type: 'button', class: 'primary', 'data-testid': 'fill', text: t('fill') });
  const why = el('div', { class: 'why', 'data-testid': 'fill-why', 'aria-live': 'polite' });
  const barFill = el('div', { class: 'bar-fill' });
  const bar = el('div', { class: 'bar' }, [barFill]);
  const progressText = el('div', { class: 'progress-text', 'data-testid': 'progress-text' });
  const progress = el('div', { class: 'progress', 'data-testid': 'progress', hidden: true, role: 'progressbar', 'aria-busy': 'true' }, [bar, progressText]);
  const result = el('div', { class: 'result', 'data-testid': 'fill-result', role: 'status', 'aria-live': 'polite' });

  const refresh = () => {
    button.disabled = running || blockedBecause !== undefined;
    why.textContent = running ? t('whyBusy') : blockedBecause || '';
    why.hidden = why.textContent === '';
  };
  const fail = (text: string) => {
    result.textContent = t('failed', { why: text });
    result.className = 'result error';
  };

  button.addEventListener('click', () => {
    if (running || blockedBecause !== undefined) return;
    const built = buildRequest();
    if (!built) return;
    result.textContent = '';
    result.className = 'result';
    // Refused here rather than after minutes of uploading something the server would refuse.
    const chars = callChars(built.request);
    if (chars > MAX_CALL_CHARS) return fail(t('requestTooLarge', { chars: groupedCount(chars), limit: groupedCount(MAX_CALL_CHARS) }));
    running = true;
    onRunning(true);
    refresh();
    const started = Date.now();
    let known: WriteProgress | undefined;
    const tick = () => {
      const elapsed = Date.now() - started;
      if (elapsed < PROGRESS_AFTER_MS) return;
      progress.hidden = false;
      const step = known ? progressStep(known) : t('writingStep', { lines: groupedCount(built.lines) });
      progressText.textContent = `${t('writing')} · ${t('seconds', { s: (elapsed / 1000).toFixed(1) })}\n${step}`;
      if (known) {
        const rows = known.lines.total + known.summary.total;
        const done = known.lines.written + known.summary.written;
        barFill.className = 'bar-fill known';
        barFill.style.width = `${Math.round((100 * done) / rows)}%`;
        progress.setAttribute('aria-valuenow', String(done));
        progress.setAttribute('aria-valuemax', String(rows));
      }
    };
    const timer = setInterval(tick, 100);
    writeInCalls(server, built.request, built.layout, (now) => {
      known = now;
      tick();
    }).then(
      (written: WriteResult) => {
        result.textContent = written.outcome === 'exists'
          ? t('exists', { sheet: written.sheetName })
          : t('written', { sheet: written.sheetName, lines: groupedCount(written.lines) });
        result.className = written.outcome === 'exists' ? 'result notice' : 'result ok';
      },
      (error) => fail(failureText(error)),
    ).then(() => {
      clearInterval(timer);
      progress.hidden = true;
      barFill.className = 'bar-fill';
      barFill.style.width = '';
      running = false;
      onRunning(false);
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
