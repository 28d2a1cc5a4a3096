/**
 * One input table (history, campaign, targets or holds) from any of the three places SPEC §3 allows:
 * pasted text, a CSV/XLSX file read in the browser, or a sheet/range of this spreadsheet.
 * The preview reads what is here now; the write request sends a range as a reference, so the
 * server reads the range itself and never trusts cells the browser claims it holds.
 */
import type { InputSource, JsonCell, SidebarContext } from '../protocol/messages';
import type { SourceName, Table } from '../input/table';
import { tableFromCells, tableFromText } from '../input/table';
import { el, replaceChildren } from './dom';
import { FileTooLarge, readInputFile } from './files';
import { pasteBox } from './pasteBox';
import { language, t } from './i18n';
import { TableError } from '../input/tableError';
import { failureText, hasServer, server } from './server';
import { quoteSheetName } from '../output/a1';

type Mode = 'paste' | 'file' | 'sheet';

export interface SourcePicker {
  element: HTMLElement;
  /** What the write request carries; undefined when nothing was given. */
  request(): InputSource | undefined;
  /** What the preview settles; 'pending' while a file or range is still being read. */
  table(): Table | undefined | 'pending';
  /** Why what was given cannot be sent (a paste or file too large for a server call), or undefined. */
  refused(): string | undefined;
}

export function sourcePicker(source: SourceName, label: string, context: SidebarContext, onChange: () => void): SourcePicker {
  let mode: Mode = 'paste';
  let file: InputSource | undefined;
  let fileRefused: string | undefined;
  let fileBusy = false;
  interface RangeRead { a1: string; cells?: JsonCell[][]; busy: boolean }
  let range: RangeRead | undefined;

  const paste = pasteBox(source, label, onChange);

  const fileStatus = el('div', { class: 'status' });
  const fileInput = el('input', { type: 'file', accept: '.csv,.tsv,.txt,.xlsx', 'data-testid': `${source}-file`, 'aria-label': t('chooseFile') });
  fileInput.addEventListener('change', () => {
    const chosen = fileInput.files && fileInput.files[0];
    if (!chosen) return;
    file = undefined;
    fileRefused = undefined;
    fileBusy = true;
    fileStatus.textContent = t('fileReading', { name: chosen.name });
    onChange();
    readInputFile(chosen).then(
      (read) => {
        file = read.source;
        fileStatus.textContent = t('fileRead', { name: chosen.name, rows: read.rows });
      },
      (error) => {
        if (error instanceof FileTooLarge) fileRefused = error.message;
        // A file that is not text says so in the user's language (TableError has both).
        const why = error instanceof TableError ? error.text(language()) : failureText(error);
        fileStatus.textContent = fileRefused || t('fileFailed', { name: chosen.name, why });
      },
    ).then(() => {
      fileBusy = false;
      onChange();
    });
  });

  const sheetStatus = el('div', { class: 'status' });
  const sheetSelect = el('select', { 'data-testid': `${source}-sheet`, 'aria-label': t('modeSheet') }, [
    el('option', { value: '', text: t('sheetPick') }),
    ...context.sheets.map((s) => el('option', { value: s.name, text: `${s.name} (${s.rows})` })),
  ]);
  const rangeInput = el('input', { type: 'text', placeholder: t('rangeOptional'), 'data-testid': `${source}-range`, 'aria-label': t('rangeOptional') });
  const loadRange = () => {
    const sheet = context.sheets.find((s) => s.name === sheetSelect.value);
    if (!sheet) {
      range = undefined;
      sheetStatus.textContent = '';
      return onChange();
    }
    const a1 = qualifiedA1(sheet.name, rangeInput.value.trim() || sheet.a1);
    const current: RangeRead = { a1, busy: true };
    range = current;
    sheetStatus.textContent = t('rangeLoading', { a1 });
    onChange();
    server.readRangeCells(a1).then(
      (cells) => {
        if (range !== current) return; // a newer choice replaced this one
        current.cells = cells;
        sheetStatus.textContent = t('rangeRead', { a1, rows: cells.length });
      },
      (error) => {
        if (range === current) sheetStatus.textContent = t('rangeFailed', { a1, why: failureText(error) });
      },
    ).then(() => {
      current.busy = false;
      if (range === current) onChange();
    });
  };
  sheetSelect.addEventListener('change', loadRange);
  rangeInput.addEventListener('change', loadRange);

  const panels: Record<Mode, HTMLElement> = {
    paste: el('div', { class: 'panel' }, [paste.element]),
    file: el('div', { class: 'panel' }, [fileInput, fileStatus]),
    sheet: el('div', { class: 'panel' },
      context.sheets.length > 0 && hasServer() ? [sheetSelect, rangeInput, sheetStatus] : [el('div', { class: 'status', text: t('noSheets') })]),
  };
  const tabs = el('div', { class: 'tabs', role: 'tablist' });
  const body = el('div');
  const show = (next: Mode) => {
    mode = next;
    replaceChildren(tabs, (['paste', 'file', 'sheet'] as Mode[]).map((m) =>
      el('button', {
        type: 'button',
        role: 'tab',
        class: m === mode ? 'tab on' : 'tab',
        'aria-selected': m === mode ? 'true' : 'false',
        'data-testid': `${source}-mode-${m}`,
        text: t(m === 'paste' ? 'modePaste' : m === 'file' ? 'modeFile' : 'modeSheet'),
        onclick: () => show(m),
      })));
    replaceChildren(body, [panels[mode]]);
    onChange();
  };
  show('paste');

  return {
    element: el('fieldset', { class: 'source' }, [el('legend', { text: label }), tabs, body]),
    request() {
      if (mode === 'paste') return /\S/.test(paste.text()) ? { kind: 'text', text: paste.text() } : undefined;
      if (mode === 'file') return file;
      return range ? { kind: 'range', a1: range.a1 } : undefined;
    },
    table() {
      if (mode === 'paste') return /\S/.test(paste.text()) ? tableFromText(source, paste.text()) : undefined;
      if (mode === 'file') {
        if (fileBusy) return 'pending';
        if (!file) return undefined;
        return file.kind === 'cells' ? tableFromCells(source, file.cells) : file.kind === 'text' ? tableFromText(source, file.text) : undefined;
      }
      if (!range) return undefined;
      if (range.busy) return 'pending';
      return range.cells ? tableFromCells(source, range.cells) : undefined;
    },
    refused() {
      return mode === 'paste' ? paste.refused() : mode === 'file' ? fileRefused : undefined;
    },
  };
}

/** "Sheet 1" + "A1:D9" → "'Sheet 1'!A1:D9"; a range that already names its sheet is kept. */
export function qualifiedA1(sheetName: string, range: string): string {
  if (range.indexOf('!') >= 0) return range;
  return `${quoteSheetName(sheetName)}!${range}`;
}
