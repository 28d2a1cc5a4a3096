/**
 * Statements and the payout list of a written run (SPEC §7, issue 9): choose a run of the
 * register, optionally one merchant, and have the server write the statements sheet (one block
 * per merchant, or that merchant's alone, ready for File › Download › PDF) or the payout list.
 */
import type { RunSummary, SidebarContext } from '../protocol/messages';
import { el, replaceChildren } from './dom';
import { language, t } from './i18n';
import { failureText, hasServer, server } from './server';

export interface RunPanel {
  element: HTMLElement;
  /** The register changed (a run was written): list its runs again. */
  refresh(): void;
}

const STATUS_KEYS = { draft: 'runStatusDraft', approved: 'runStatusApproved', superseded: 'runStatusSuperseded' } as const;

export function runPanel(context: SidebarContext): RunPanel {
  let runs: RunSummary[] = context.runs || [];
  const select = el('select', { 'data-testid': 'run-select', 'aria-label': t('runPick') });
  const merchant = el('input', { type: 'text', placeholder: t('merchantOptional'), 'data-testid': 'statement-merchant', 'aria-label': t('merchantOptional') });
  const statements = el('button', { type: 'button', class: 'secondary', 'data-testid': 'write-statements', text: t('writeStatements') });
  const payout = el('button', { type: 'button', class: 'secondary', 'data-testid': 'write-payout', text: t('writePayout') });
  const result = el('div', { class: 'result', 'data-testid': 'run-sheet-result', role: 'status', 'aria-live': 'polite' });

  const draw = () => {
    replaceChildren(select, [
      el('option', { value: '', text: runs.length > 0 ? t('runPick') : t('noRuns') }),
      ...runs.map((run, i) => el('option', { value: String(i), text: t('runOption', { campaign: run.campaign, run: run.run, status: t(STATUS_KEYS[run.status]) }) })),
    ]);
    // The newest run is the one a person most likely wants.
    if (runs.length > 0) select.value = '0';
    statements.disabled = payout.disabled = runs.length === 0 || !hasServer();
  };

  const run = (write: 'statements' | 'payout') => {
    const chosen = runs[Number(select.value)];
    if (!chosen || select.value === '') return;
    statements.disabled = payout.disabled = true;
    result.className = 'result';
    result.textContent = t('runSheetWorking');
    const request = { campaign: chosen.campaign, run: chosen.run, language: language(), ...(write === 'statements' && merchant.value.trim() ? { merchantId: merchant.value.trim() } : {}) };
    (write === 'statements' ? server.writeStatementsSheet(request) : server.writePayoutSheet(request))
      .then(
        (written) => {
          result.textContent = written.message;
          result.className = 'result ok';
        },
        (error) => {
          result.textContent = t('runSheetFailed', { why: failureText(error) });
          result.className = 'result error';
        },
      )
      .then(draw);
  };
  statements.addEventListener('click', () => run('statements'));
  payout.addEventListener('click', () => run('payout'));
  draw();

  return {
    element: el('details', { class: 'run-panel', 'data-testid': 'run-panel' }, [el('summary', { text: t('runPanel') }), select, merchant, el('div', { class: 'buttons' }, [statements, payout]), result]),
    refresh() {
      if (!hasServer()) return;
      server.getSidebarContext().then((fresh) => {
        runs = fresh.runs || [];
        draw();
      }, () => undefined);
    },
  };
}
