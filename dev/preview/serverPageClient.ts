/**
 * Script of the preview page (runs in the browser, bundled by serverPage.ts): draws the fake
 * spreadsheet from GET /api/spreadsheet, redraws it whenever the sidebar's google.script.run
 * shim reports a finished server call, and offers the example files. Cell contents come from
 * pasted data, so they are set with textContent only, exactly like the sidebar does. A cell can
 * be typed into (double-click), as a person does in Sheets; the menu and what the add-on shows
 * are pageUi.ts.
 */
import { drawMenu, node, post, say, showToast, showUi } from './pageUi';

interface SheetJson {
  name: string;
  values: (string | number | boolean | null)[][];
  formulas: string[][];
  formats?: string[][];
  /** What Sheets would show in each cell (the fake formats numbers and dates). */
  display?: string[][];
  frozenRows?: number;
  hidden?: boolean;
}
interface ProtectionJson {
  sheet: string;
  description: string;
  warningOnly: boolean;
  range: { row: number; column: number; rows: number; columns: number } | null;
}
interface SpreadsheetJson {
  sheets: SheetJson[];
  activeSheet?: string;
  protections?: ProtectionJson[];
}
interface Example {
  source: string;
  fileName: string;
  text: string;
}

/** Enough rows to check a settlement by eye without making the browser draw 50k rows. */
const ROWS_DRAWN = 300;

interface PageGlobals {
  PREVIEW_EXAMPLES: Example[];
  /** The sidebar options examples/policy.json sets, by policy key (invited_only: true …). */
  PREVIEW_POLICY_OPTIONS: Record<string, string | number | boolean>;
}
const PAGE = window as unknown as PageGlobals;

let activeSheet: string | undefined;
let sheetCount = 0;
let protections: ProtectionJson[] = [];

function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A cell as Sheets would show it under its number format. */
function display(value: string | number | boolean | null, format: string | undefined): string {
  if (value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value !== 'number') return String(value);
  if (format && format.indexOf('%') >= 0) return (value * 100).toFixed(format.indexOf('.') >= 0 ? 2 : 0) + '%';
  const decimals = format && /0\.(0+)/.exec(format);
  const text = decimals ? value.toFixed(decimals[1].length) : String(value);
  if (!format || format.indexOf(',') < 0) return text;
  const [whole, fraction] = text.split('.');
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction !== undefined ? '.' + fraction : '');
}

function drawGrid(sheet: SheetJson | undefined): void {
  const host = document.getElementById('grid') as HTMLElement;
  host.textContent = '';
  if (!sheet || sheet.values.length === 0) {
    host.appendChild(node('div', 'empty', say(sheet ? 'emptySheet' : 'noSheets')));
    return;
  }
  const width = sheet.values.reduce((w, row) => Math.max(w, row.length), 0);
  const table = node('table', 'grid');
  table.setAttribute('data-sheet', sheet.name);
  const head = node('tr');
  head.appendChild(node('th'));
  for (let c = 1; c <= width; c++) head.appendChild(node('th', '', columnLetters(c)));
  table.appendChild(node('thead')).appendChild(head);
  const body = table.appendChild(node('tbody'));
  sheet.values.slice(0, ROWS_DRAWN).forEach((row, r) => {
    const tr = body.appendChild(node('tr', r < (sheet.frozenRows || 0) ? 'frozen' : ''));
    tr.appendChild(node('th', '', String(r + 1)));
    for (let c = 0; c < width; c++) {
      const formula = sheet.formulas[r] && sheet.formulas[r][c];
      const format = sheet.formats && sheet.formats[r] ? sheet.formats[r][c] : undefined;
      const value = row[c] === undefined ? null : row[c];
      const shown = sheet.display && sheet.display[r] ? sheet.display[r][c] : display(value, format);
      const td = node('td', formula ? 'formula' : typeof value === 'number' ? 'num' : '', formula || shown);
      td.title = formula ? `formula: ${formula}` : String(value === null ? '' : value);
      td.setAttribute('data-cell', `${r + 1},${c + 1}`);
      td.addEventListener('dblclick', () => startEdit(td, sheet.name, r + 1, c + 1, formula || String(value === null ? '' : value)));
      tr.appendChild(td);
    }
  });
  if (sheet.values.length > ROWS_DRAWN) {
    const tr = body.appendChild(node('tr', 'more'));
    tr.appendChild(node('th'));
    const td = tr.appendChild(node('td', '', say('moreRows', { rows: sheet.values.length - ROWS_DRAWN })));
    td.colSpan = width;
  }
  host.appendChild(table);
}

async function refresh(): Promise<void> {
  const state = (await (await fetch('/api/spreadsheet')).json()) as SpreadsheetJson;
  protections = state.protections || [];
  // A new sheet (a settlement just written) comes to the front, as Sheets activates it.
  if (state.sheets.length > sheetCount && sheetCount > 0) activeSheet = state.activeSheet || state.sheets[state.sheets.length - 1].name;
  sheetCount = state.sheets.length;
  if (!activeSheet || !state.sheets.some((s) => s.name === activeSheet)) activeSheet = state.activeSheet || (state.sheets[0] && state.sheets[0].name);
  const tabs = document.getElementById('tabs') as HTMLElement;
  tabs.textContent = '';
  // Hidden sheets (an approved run's copies) have no tab, as in Sheets.
  state.sheets.filter((sheet) => !sheet.hidden).forEach((sheet) => {
    const tab = tabs.appendChild(node('button', sheet.name === activeSheet ? 'on' : '', sheet.name));
    tab.type = 'button';
    tab.addEventListener('click', () => {
      activeSheet = sheet.name;
      // The active sheet is what a menu item acts on (Approve this settlement).
      post('/api/activate', { sheet: sheet.name }).then(refresh);
    });
  });
  drawGrid(state.sheets.find((s) => s.name === activeSheet));
}

/** Puts text into one of the sidebar's inputs the way a paste would (an input event follows). */
function pasteIntoSidebar(source: string, text: string): void {
  const frame = document.getElementById('sidebar') as HTMLIFrameElement;
  const doc = frame.contentDocument;
  const tab = doc && (doc.querySelector(`[data-testid="${source}-mode-paste"]`) as HTMLButtonElement | null);
  if (tab) tab.click();
  const input = doc && (doc.querySelector(`[data-testid="${source}-input"]`) as HTMLTextAreaElement | null);
  if (!input) return;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function copy(text: string, area: HTMLTextAreaElement, button: HTMLButtonElement): void {
  const done = () => {
    button.textContent = say('copied');
    setTimeout(() => (button.textContent = say('copy')), 1200);
  };
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, () => fallbackCopy(area, done));
  else fallbackCopy(area, done);
}

function fallbackCopy(area: HTMLTextAreaElement, done: () => void): void {
  area.select();
  if (document.execCommand('copy')) done();
}

function drawExamples(examples: Example[]): void {
  const host = document.getElementById('example-boxes') as HTMLElement;
  examples.forEach((example) => {
    const box = host.appendChild(node('div', 'box'));
    box.setAttribute('data-testid', `example-${example.source}`);
    const header = box.appendChild(node('header'));
    header.appendChild(node('span', '', example.fileName));
    header.appendChild(node('span', 'rows', say('lines', { lines: example.text.split('\n').filter((l) => l.trim()).length, source: example.source })));
    const copyButton = header.appendChild(node('button', '', say('copy')));
    const pasteButton = header.appendChild(node('button', '', say('paste')));
    const area = box.appendChild(node('textarea'));
    area.readOnly = true;
    area.spellcheck = false;
    area.value = example.text;
    copyButton.type = pasteButton.type = 'button';
    copyButton.addEventListener('click', () => copy(example.text, area, copyButton));
    pasteButton.addEventListener('click', () => pasteIntoSidebar(example.source, example.text));
  });
  (document.getElementById('load-all') as HTMLButtonElement).addEventListener('click', (event) => {
    event.preventDefault(); // the button sits in <summary>: do not fold the panel
    examples.forEach((example) => pasteIntoSidebar(example.source, example.text));
    // The examples settle under their policy file's options: without invited_only the sidebar
    // would not show the totals `npm start` printed. The coefficient is left for the user.
    setSidebarOptions(PAGE.PREVIEW_POLICY_OPTIONS);
  });
}

/** The sidebar's option controls, by policy key (their data-testid is the key with dashes). */
function setSidebarOptions(options: Record<string, string | number | boolean>): void {
  const doc = (document.getElementById('sidebar') as HTMLIFrameElement).contentDocument;
  if (!doc) return;
  Object.keys(options).forEach((key) => {
    const control = doc.querySelector(`[data-testid="${key.replace(/_/g, '-')}"]`) as HTMLInputElement | HTMLSelectElement | null;
    if (!control) return;
    const value = options[key];
    // No instanceof: the control belongs to the iframe's window, whose HTMLInputElement is another.
    if (control.tagName === 'INPUT' && (control as HTMLInputElement).type === 'checkbox') (control as HTMLInputElement).checked = value === true;
    else control.value = String(value);
    control.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** The protection a cell lies in that warns before an edit, as Sheets does for the owner. */
function warningFor(sheetName: string, row: number, column: number): ProtectionJson | undefined {
  return protections.find((p) => {
    if (p.sheet !== sheetName || !p.warningOnly) return false;
    const r = p.range;
    return !r || (row >= r.row && row < r.row + r.rows && column >= r.column && column < r.column + r.columns);
  });
}

/** A cell typed into, as a person does in Sheets: the text goes in as typed; a protected cell warns first. */
function startEdit(td: HTMLTableCellElement, sheetName: string, row: number, column: number, current: string): void {
  if (td.classList.contains('editing')) return;
  td.classList.add('editing');
  td.textContent = '';
  const input = td.appendChild(node('input'));
  input.value = current;
  input.setAttribute('data-testid', 'cell-editor');
  input.focus();
  const done = (save: boolean) => {
    if (!save) return refresh();
    const warning = warningFor(sheetName, row, column);
    if (warning && !window.confirm(say('protectedWarning', { description: warning.description }))) return refresh();
    post('/api/cell', { sheet: sheetName, row, column, value: input.value }).then((answer) => {
      if (!answer.ok) showToast(say('editFailed', { why: answer.error || '' }), true);
      refresh();
    });
  };
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') done(true);
    if (event.key === 'Escape') done(false);
  });
}

window.addEventListener('message', (event) => {
  if (event.origin === location.origin && event.data && event.data.type === 'gmv-server-call') Promise.all([refresh(), showUi()]);
});
drawExamples(PAGE.PREVIEW_EXAMPLES);
drawMenu(refresh);
showUi();
refresh();
