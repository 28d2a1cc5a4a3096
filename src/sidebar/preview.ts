/**
 * The live preview: the same runSettlement the server and the CLI use, run in the browser on
 * what is in the sidebar now, so what a person checks here is what will be written.
 */
import { fenToDisplay } from '../core/money';
import { describeReason } from '../output/reasonText';
import { sourceName } from '../output/language';
import type { InputIssue, LineStatus } from '../core/model';
import { describeMapping } from '../input/mappingText';
import type { Table } from '../input/table';
import { TableError } from '../input/tableError';
import { coefficientLines } from '../output/coefficientText';
import { runSettlement, type SettlementRun } from '../run/runSettlement';
import { el, replaceChildren, type Child } from './dom';
import { language, t } from './i18n';
import type { PolicyChoice } from './policyForm';
import type { CampaignState } from './campaignPicker';
import { runSection } from './trueUpPreview';

export const ISSUES_SHOWN = 200;
const LINES_SHOWN = 5;

type Input = Table | undefined | 'pending';

export type PreviewState =
  | { kind: 'empty' }
  | { kind: 'pending' }
  | { kind: 'error'; messages: string[] }
  | { kind: 'ready'; run: SettlementRun; coefficientSet: boolean };

/** SPEC §7: the holds table, and the run's campaign with what it trues up against. */
export interface RunInputs {
  holds?: Input;
  campaign?: CampaignState;
}

export function computePreview(history: Input, campaign: Input, targets: Input, choice: PolicyChoice, inputs: RunInputs = {}): PreviewState {
  const basis = inputs.campaign && inputs.campaign.basis;
  if (history === 'pending' || campaign === 'pending' || targets === 'pending' || inputs.holds === 'pending' || basis === 'pending') return { kind: 'pending' };
  if (!history || !campaign) return { kind: 'empty' };
  if (!choice.policy) return { kind: 'error', messages: choice.problems };
  const policyErrors = choice.problems;
  const holdsTable = inputs.holds || undefined;
  try {
    // The input hash belongs to the run record the server writes; the preview skips it.
    const previous = inputs.campaign && inputs.campaign.previous;
    const numbered = basis ? { name: basis.campaign, run: basis.nextRun } : undefined;
    const run = runSettlement({ history, campaign, targets, holds: holdsTable }, choice.policy, { sha256: () => '', previous, campaign: numbered });
    if (policyErrors.length > 0) return { kind: 'error', messages: policyErrors };
    return { kind: 'ready', run, coefficientSet: choice.coefficientState === 'ok' };
  } catch (error) {
    // A table that cannot be read at all says why in words; anything else is shown by its message only.
    const message = error instanceof TableError ? error.text(language()) : error instanceof Error ? error.message : String(error);
    return { kind: 'error', messages: [message].concat(policyErrors) };
  }
}

export function renderPreview(container: HTMLElement, state: PreviewState): void {
  const body: Child[] = [el('h2', { text: t('preview') })];
  if (state.kind === 'empty') body.push(el('p', { class: 'muted', text: t('previewEmpty') }));
  else if (state.kind === 'pending') body.push(el('p', { class: 'muted', text: t('computing') }));
  else if (state.kind === 'error') body.push(el('div', { class: 'error', role: 'alert', 'data-testid': 'preview-error' }, state.messages.map((m) => el('p', { text: m }))));
  else body.push(...readyParts(state.run, state.coefficientSet));
  container.setAttribute('data-state', state.kind);
  replaceChildren(container, body);
}

function readyParts(run: SettlementRun, coefficientSet: boolean): Child[] {
  const zh = language() === 'zh';
  const totals = run.settlement.totals;
  const counts = run.read.totalCounts;
  // Without a coefficient the cash total lacks its red packet: a dash, not a misleading figure.
  const cash = (fen: number) => (coefficientSet ? fenToDisplay(fen) : '—');
  return [
    section(t('mapping'), el('ul', { class: 'mapping', 'data-testid': 'mapping' }, run.read.mappings.map((m) => el('li', { text: describeMapping(m, language()) })))),
    section(t('rows'), el('div', { 'data-testid': 'row-counts' }, [
      ...run.read.counts.map((c) => el('div', { text: t('rowsLine', { source: sourceName(c.source, zh), read: c.read, used: c.used, rejected: c.rejected }) })),
      el('div', { class: 'strong', text: t('rowsTotal', { read: counts.read, used: counts.used, rejected: counts.rejected }) }),
    ])),
    section(t('totals'), el('dl', { class: 'totals', 'data-testid': 'totals' }, [
      ...pair(t('merchants'), `${totals.merchants}`, 'merchants'),
      ...pair(t('qualifiedMerchants'), `${totals.qualifiedMerchants}`, 'qualified'),
      ...pair(t('blockedMerchants'), `${totals.blockedMerchants}`, 'blocked', totals.blockedMerchants > 0 ? 'warn' : ''),
      ...pair(t('cashback'), fenToDisplay(totals.cashbackFen), 'cashback'),
      ...pair(t('redPacket'), coefficientSet ? fenToDisplay(totals.redPacketFen) : t('needsCoefficient'), 'red-packet'),
      ...pair(t('cashTotal'), coefficientSet ? fenToDisplay(totals.cashTotalFen) : t('needsCoefficient'), 'cash-total', 'strong'),
      ...pair(t('traffic'), grouped(totals.trafficGranted), 'traffic'),
    ])),
    // The coefficient in force, worked once, so a 5 typed for 5% is seen before anything is paid.
    coefficientSet ? el('div', { class: 'coefficient-line', 'data-testid': 'coefficient-in-force' }, coefficientLines(run.settlement.policy, language()).map((line) => el('div', { text: line }))) : null,
    coefficientSet ? runSection(run) : null,
    section(t('lines', { shown: Math.min(LINES_SHOWN, run.settlement.lines.length), total: run.settlement.lines.length }),
      el('table', { class: 'lines', 'data-testid': 'lines' }, [
        el('thead', {}, [el('tr', {}, [t('colMerchant'), t('colDate'), t('colTier'), t('colCash')].map((h) => el('th', { text: h })))]),
        el('tbody', {}, run.settlement.lines.slice(0, LINES_SHOWN).map((line) =>
          el('tr', { title: describeReason(line.reason, language()) }, [
            el('td', {}, [el('div', { class: 'id', text: line.merchantId }), el('div', { class: 'name', text: line.merchantName })]),
            el('td', { text: line.date.slice(5) }),
            el('td', { class: 'num' }, [el('span', { class: `status ${line.status}`, title: statusText(line.status), text: line.tier > 0 ? `T${line.tier}` : shortStatus(line.status) })]),
            el('td', { class: 'num', text: cash(line.cashTotalFen) }),
          ]))),
      ])),
    issuesSection(run.read.issues, zh),
  ];
}

function issuesSection(issues: InputIssue[], zh: boolean): HTMLElement {
  const list = el('ol', { class: 'issues' }, issues.slice(0, ISSUES_SHOWN).map((issue) =>
    // A note (a history day inside the campaign, say) blocks nobody: shown, but not in red.
    el('li', { class: issue.blocksMerchant ? 'blocking' : 'note' }, [
      el('span', { class: 'where', text: `${sourceName(issue.source, zh)} · ${t('issueRow', { row: issue.row })}${issue.merchantId ? ' · ' + issue.merchantId : ''}` }),
      issue.value ? el('code', { text: issue.value }) : null,
      el('span', { class: 'msg', text: zh ? issue.messageZh : issue.message }),
    ])));
  return el('section', { 'data-testid': 'issues', 'data-count': issues.length }, [
    el('h3', { text: t('issues', { count: issues.length }) }),
    issues.length === 0 ? el('p', { class: 'muted', text: t('noIssues') }) : list,
    issues.length > ISSUES_SHOWN ? el('p', { class: 'muted', 'data-testid': 'issues-more', text: t('moreIssues', { count: issues.length - ISSUES_SHOWN }) }) : null,
  ]);
}

function section(title: string, content: HTMLElement): HTMLElement {
  return el('section', {}, [el('h3', { text: title }), content]);
}

function pair(label: string, value: string, testId: string, cls = ''): HTMLElement[] {
  return [el('dt', { text: label }), el('dd', { class: cls, 'data-testid': `total-${testId}`, text: value })];
}

export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** For the narrow tier column: a tier reached shows as T1–T3, anything else as a short word. */
function shortStatus(status: LineStatus): string {
  const keys = { qualified: 'statusQualified', not_qualified: 'shortNotQualified', no_baseline: 'shortNoBaseline', not_invited: 'shortNotInvited', blocked: 'statusBlocked', held: 'statusHeld' } as const;
  return t(keys[status]);
}

export function statusText(status: LineStatus): string {
  const keys = { qualified: 'statusQualified', not_qualified: 'statusNotQualified', no_baseline: 'statusNoBaseline', not_invited: 'statusNotInvited', blocked: 'statusBlocked', held: 'statusHeld' } as const;
  return t(keys[status]);
}
