/**
 * The sidebar: inputs on top, the live preview under them, and the fill button pinned to the
 * bottom of the 300 px panel so it is always in reach however long the preview grows.
 */
import type { InputSource, SettlementRequest, SidebarContext } from '../protocol/messages';
import type { InputTables } from '../input/readInputs';
import { groupedCount } from '../output/counts';
import { blockGrid, cellBudget, linesGrid, runCellsAdded, SHEETS_MAX_CELLS } from '../output/sheetSize';
import { linesBlock, summaryBlock } from '../output/sheetTables';
import { trueUpSheetBlock } from '../output/trueUpSheet';
import { campaignPicker } from './campaignPicker';
import { runPanel } from './runPanel';
import type { SettlementRun } from '../run/runSettlement';
import { byId, debounce, el, replaceChildren } from './dom';
import { fillControl } from './fill';
import { chooseLanguage, language, setLanguage, t } from './i18n';
import { policyForm, type PolicyChoice } from './policyForm';
import { computePreview, renderPreview, type PreviewState } from './preview';
import { failureText, hasServer, server } from './server';
import { sourcePicker } from './sourcePicker';
import { baselineComparePanel } from './baselineCompare';
import { whatIfPanel } from './whatIfPanel';

/** A context call that never answers must not leave the sidebar blank. */
const CONTEXT_TIMEOUT_MS = 8000;
/** Long enough to let a paste or a burst of typing settle, short enough to feel live. */
const PREVIEW_DEBOUNCE_MS = 100;

/** The context, or the sidebar without sheets and Policy sheet plus the reason, shown to the user. */
async function loadContext(): Promise<{ context: SidebarContext; problem?: string }> {
  const standalone: SidebarContext = { language: chooseLanguage(undefined, navigator.language), sheets: [] };
  if (!hasServer()) return { context: standalone };
  const timeout = new Promise<{ context: SidebarContext; problem?: string }>((resolve) =>
    setTimeout(() => resolve({ context: standalone, problem: 'timeout' }), CONTEXT_TIMEOUT_MS),
  );
  const answer = server.getSidebarContext().then(
    (context) => ({ context }),
    (error: unknown) => ({ context: standalone, problem: failureText(error) }),
  );
  return Promise.race([answer, timeout]);
}

async function start(): Promise<void> {
  const app = byId('app');
  setLanguage(chooseLanguage(undefined, navigator.language));
  replaceChildren(app, [el('p', { class: 'muted', text: t('loading') })]);
  const { context, problem } = await loadContext();
  setLanguage(chooseLanguage(context.language, navigator.language));
  document.documentElement.lang = language() === 'zh' ? 'zh-CN' : 'en';
  document.title = t('title');

  const preview = el('div', { class: 'preview', 'data-testid': 'preview', 'aria-live': 'polite' });
  const recompute = debounce(() => update(), PREVIEW_DEBOUNCE_MS);
  // aria-busy from the first keystroke to the new preview: screen readers, and tests, know to wait.
  const refresh = () => {
    preview.setAttribute('aria-busy', 'true');
    recompute();
  };
  const history = sourcePicker('history', t('history'), context, refresh);
  const campaign = sourcePicker('campaign', t('campaign'), context, refresh);
  const targets = sourcePicker('targets', t('targets'), context, refresh);
  const holds = sourcePicker('holds', t('holds'), context, refresh);
  const runCampaign = campaignPicker(context, refresh);
  const runs = runPanel(context);
  const policy = policyForm(context, refresh);
  // SPEC §8, folded under the preview and computed on its settlement only while open.
  const whatIf = whatIfPanel();
  const compare = baselineComparePanel();
  let lines = 0;
  let run: SettlementRun | undefined;
  let notReady: string | undefined;
  /** Counts renders, so a test or benchmark can wait for the preview of what it just typed. */
  let generation = 0;
  // Frozen while a write runs: what the sidebar shows is what is being written.
  const inputs = el('fieldset', { class: 'inputs', 'data-testid': 'inputs' }, [runCampaign.element, history.element, campaign.element, targets.element, holds.element, policy.element]);

  const fill = fillControl(() => {
    // The preview of exactly what is here now (a keystroke may still be waiting for the debounce).
    update();
    if (notReady !== undefined || !run) return undefined;
    const settled = run;
    const h = history.request();
    const c = campaign.request();
    if (!h || !c) return undefined;
    const choice = policy.read();
    const request: SettlementRequest = {
      history: h,
      campaign: c,
      coefficient: choice.coefficient,
      options: choice.options,
      usePolicySheet: choice.usePolicySheet,
      language: language(),
    };
    if (choice.previewedPolicyTiers) request.previewedPolicyTiers = choice.previewedPolicyTiers;
    const tg: InputSource | undefined = targets.request();
    if (tg) request.targets = tg;
    // SPEC §7: the campaign, the holds, and the approved run the preview trued up against.
    const held = holds.request();
    if (held) request.holds = held;
    const campaignState = runCampaign.state();
    request.campaignName = campaignState.name;
    const basis = campaignState.basis;
    if (basis && basis !== 'pending') request.against = basis.against ? { run: basis.against.run, checksum: basis.against.checksum } : null;
    return {
      request,
      lines,
      layout: () => ({
        lines: linesBlock(settled, language()).values.slice(1) as (string | number)[][],
        summary: summaryBlock(settled, language(), '-'),
        ...(settled.trueUp ? { trueUp: trueUpSheetBlock(settled, language()) } : {}),
      }),
    };
  }, (running) => {
    inputs.disabled = running;
    // A run written: the register lists it, and the campaign's next run has the next number.
    if (!running) {
      runs.refresh();
      runCampaign.reload();
    }
  });

  function update(): void {
    const started = performance.now();
    const choice = policy.read();
    const tables = { history: history.table(), campaign: campaign.table(), targets: targets.table() };
    const state = computePreview(tables.history, tables.campaign, tables.targets, choice, { holds: holds.table(), campaign: runCampaign.state() });
    run = state.kind === 'ready' ? state.run : undefined;
    lines = run ? run.settlement.lines.length : 0;
    renderPreview(preview, state);
    preview.setAttribute('data-ms', String(Math.round(performance.now() - started)));
    preview.setAttribute('data-generation', String(++generation));
    preview.setAttribute('data-lines', String(lines));
    preview.setAttribute('aria-busy', 'false');
    notReady = whyNotReady(state, choice);
    fill.update(notReady);
    // A ready preview means every table was read (none pending, history and campaign given).
    const data = run ? { run, tables: tables as InputTables, choice } : undefined;
    whatIf.update(data);
    compare.update(data);
  }

  function whyNotReady(state: PreviewState, choice: PolicyChoice): string | undefined {
    if ([history, campaign, targets, holds].some((source) => source.refused() !== undefined)) return t('whyInputTooLarge');
    const campaignState = runCampaign.state();
    if (campaignState.problem) return campaignState.problem;
    if (campaignState.basis === 'pending') return t('whyCampaignPending');
    if (!history.request()) return t('whyNoHistory');
    if (!campaign.request()) return t('whyNoCampaign');
    if (state.kind === 'pending') return t('whyWaitRange');
    if (choice.coefficientState === 'missing') return t('whyNoCoefficient');
    if (choice.coefficientState === 'invalid') return choice.coefficientProblem || t('whyBadCoefficient', { value: choice.coefficient });
    if (state.kind !== 'ready') return t('whyTableError');
    if (!hasServer()) return t('whyNoServer');
    return tooManyCells(state.run);
  }

  /** The server's own check, predicted: the spreadsheet's cells now plus what this write adds. */
  function tooManyCells(settled: SettlementRun): string | undefined {
    if (context.cells === undefined) return undefined;
    const trueUp = settled.trueUp ? blockGrid(trueUpSheetBlock(settled, language())) : undefined;
    const registerExists = (context.runs || []).length > 0;
    const added = runCellsAdded(linesGrid(settled.settlement.lines.length), blockGrid(summaryBlock(settled, language(), '-')), trueUp, registerExists);
    const budget = cellBudget(context.cells, added);
    if (budget.fits) return undefined;
    return t('whyTooManyCells', { added: groupedCount(added), existing: groupedCount(context.cells), limit: groupedCount(SHEETS_MAX_CELLS) });
  }

  replaceChildren(app, [
    el('header', {}, [
      el('h1', { text: t('title') }),
      // Without the context the sidebar still settles pasted data; say why sheets are missing.
      problem ? el('p', { class: 'error', role: 'status', 'data-testid': 'context-problem', text: t('contextProblem', { problem }) }) : null,
    ]),
    el('main', {}, [inputs, preview, whatIf.element, compare.element, runs.element]),
    el('footer', {}, [fill.element]),
  ]);
  update();
}

start().catch((error) => {
  // Only the message: a stack trace helps nobody in a 300 px panel.
  replaceChildren(byId('app'), [el('p', { class: 'error', text: error instanceof Error ? error.message : String(error) })]);
});
