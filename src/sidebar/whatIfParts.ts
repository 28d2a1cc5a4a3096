/** What the what-if panel's sections share: the data they work on and a few small builders. */
import type { Policy } from '../core/policy';
import type { InputTables } from '../input/readInputs';
import type { Read } from '../input/whatIfArgs';
import type { SettlementRun } from '../run/runSettlement';
import { el, type Child } from './dom';
import { language } from './i18n';
import type { PolicyChoice } from './policyForm';

export interface WhatIfData {
  run: SettlementRun;
  tables: InputTables;
  choice: PolicyChoice;
}

export interface Section {
  element: HTMLElement;
  compute(data: WhatIfData, priced: Policy | undefined): void;
}

/** A value read, or the words of why not, for the section to show. */
export function readInput<T>(read: Read<T>): { value?: T; problem?: string } {
  if (read.kind === 'error') return { problem: read.text[language()] };
  return read.kind === 'value' ? { value: read.value } : {};
}

export function errorLine(text: string, testId: string): HTMLElement {
  return el('p', { class: 'error', role: 'alert', 'data-testid': testId, text });
}

export function miniTable(testId: string, headers: string[], rows: Child[][]): HTMLElement {
  return el('table', { class: 'lines what-if-table', 'data-testid': testId }, [
    el('thead', {}, [el('tr', {}, headers.map((h) => el('th', { text: h })))]),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((cell, i) => el('td', { class: i === 0 ? '' : 'num' }, [cell]))))),
  ]);
}

