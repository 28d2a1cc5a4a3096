/**
 * The campaign a run belongs to (SPEC §7), and what that makes the run: the next number of the
 * campaign, and — once the campaign has an approved run — a true-up against it. The approved
 * run's lines come from the server (checked unchanged since approval there) and are read with the
 * same checked reader the server uses, so the preview trues up against exactly what the write
 * will; the write sends which approved run that was, and the server refuses if it changed since.
 */
import { readCampaignName } from '../input/campaignName';
import { previousLines, type PreviousRun } from '../input/previousRun';
import type { CampaignBasis, SidebarContext } from '../protocol/messages';
import { debounce, el } from './dom';
import { language, t } from './i18n';
import { failureText, hasServer, server } from './server';

/** Long enough for a name to be typed, short enough to feel live. */
const BASIS_DEBOUNCE_MS = 300;
/**
 * Coming back to the sidebar (after approving a run from the menu, say) reads the campaign again,
 * at most this often: reading checks the approved run's sheets, which takes a moment when large.
 */
const REFOCUS_MS = 5000;

export interface CampaignState {
  name: string;
  /** 'pending' while the server answers; undefined outside Sheets. */
  basis?: CampaignBasis | 'pending';
  /** The approved run as the true-up reads it. */
  previous?: PreviousRun;
  /** Why nothing can be written for this campaign now (no name, an edited approved run …). */
  problem?: string;
}

export interface CampaignPicker {
  element: HTMLElement;
  state(): CampaignState;
  /** Reads the campaign again (after a write: the next run has the next number). */
  reload(): void;
}

/** The most recent campaign of the register, else this year's Double 11. */
function initialName(context: SidebarContext): string {
  return context.runs && context.runs.length > 0 ? context.runs[0].campaign : `双11登峰激励 ${new Date().getFullYear()}`;
}

export function campaignPicker(context: SidebarContext, onChange: () => void): CampaignPicker {
  const names = Array.from(new Set((context.runs || []).map((run) => run.campaign)));
  const list = el('datalist', { id: 'campaigns' }, names.map((name) => el('option', { value: name })));
  const input = el('input', { type: 'text', list: 'campaigns', value: initialName(context), placeholder: t('campaignPlaceholder'), 'data-testid': 'campaign-name', id: 'campaign-name', autocomplete: 'off' });
  const status = el('div', { class: 'status', 'data-testid': 'campaign-status', 'aria-live': 'polite' });
  let state: CampaignState = { name: '' };

  const load = () => {
    const read = readCampaignName(input.value);
    if (!read.ok) {
      state = { name: '', problem: input.value.trim() === '' ? t('whyNoCampaignName') : read.problem[language()] };
      status.textContent = state.problem || '';
      return onChange();
    }
    if (!hasServer()) {
      state = { name: read.name };
      status.textContent = '';
      return onChange();
    }
    const asked: CampaignState = { name: read.name, basis: 'pending' };
    state = asked;
    status.textContent = t('campaignLoading');
    onChange();
    server.getCampaignBasis(read.name).then(
      (basis) => {
        if (state !== asked) return; // a newer name replaced this one
        const against = basis.against;
        const previous: PreviousRun | undefined = against && {
          lines: previousLines(against.lines, `run ${against.run}`, `第${against.run}次结算`),
          policy: against.policy,
          inputSha256: against.inputSha256,
          generatedAt: against.generatedAt,
          campaign: basis.campaign,
          run: against.run,
        };
        state = { name: read.name, basis, previous };
        status.textContent = against ? t('campaignTrueUp', { run: basis.nextRun, against: against.run }) : t('campaignFirstRun', { run: basis.nextRun });
      },
      (error) => {
        if (state !== asked) return;
        state = { name: read.name, problem: t('campaignFailed', { why: failureText(error) }) };
        status.textContent = state.problem || '';
      },
    ).then(onChange);
  };
  let loadedAt = 0;
  const timed = () => {
    loadedAt = Date.now();
    load();
  };
  const later = debounce(timed, BASIS_DEBOUNCE_MS);
  window.addEventListener('focus', () => {
    if (Date.now() - loadedAt > REFOCUS_MS) timed();
  });
  input.addEventListener('input', () => {
    state = { ...state, basis: 'pending' };
    onChange();
    later();
  });
  timed();

  return {
    element: el('fieldset', { class: 'campaign' }, [
      el('legend', { text: t('campaignName') }),
      input,
      list,
      el('div', { class: 'hint', text: t('campaignHint') }),
      status,
    ]),
    state: () => state,
    reload: timed,
  };
}
