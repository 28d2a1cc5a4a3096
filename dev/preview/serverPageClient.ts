/**
 * Script of the preview page (runs in the browser, bundled by serverPage.ts): draws the fake
 * spreadsheet from GET /api/spreadsheet, redraws it whenever the sidebar's google.script.run
 * shim reports a finished server call, and offers the example files. Cell contents come from
 * pasted data, so they are set with textContent only, exactly like the sidebar does.
 */
interface SheetJson {
  name: string;
  values: (string | number | boolean | null)[][];
  formulas: string[][];
  formats?: string[][];
  /** What Sheets would show in each cell (the fake formats numbers and dates). */
  display?: string[][];
  frozenRows?: number;
}
interface SpreadsheetJson {
  sheets: SheetJson[];
  activeSheet?: string;
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
  /** The page's words in the preview's language (serverPage.ts PAGE_TEXT). */
  PREVIEW_TEXT: Record<string, string>;
}
const PAGE = window as unknown as PageGlobals;
const say = (key: string, vars: Record<string, string | number> = {}) =>
  (PAGE.PREVIEW_TEXT[key] || key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));

let activeSheet: string | undefined;
let sheetCount = 0;

function node<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (cls) element.className = cls;
  if (text !== undefined) element.textContent = text;
  return element;
}

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
  // A new sheet (a settlement just written) comes to the front, as Sheets activates it.
  if (state.sheets.length > sheetCount && sheetCount > 0) activeSheet = state.activeSheet || state.sheets[state.sheets.length - 1].name;
  sheetCount = state.sheets.length;
  if (!activeSheet || !state.sheets.some((s) => s.name === activeSheet)) activeSheet = state.activeSheet || (state.sheets[0] && state.sheets[0].name);
  const tabs = document.getElementById('tabs') as HTMLElement;
  tabs.textContent = '';
  state.sheets.forEach((sheet) => {
    const tab = tabs.appendChild(node('button', sheet.name === activeSheet ? 'on' : '', sheet.name));
    tab.type = 'button';
    tab.addEventListener('click', () => {
      activeSheet = sheet.name;
      refresh();
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

window.addEventListener('message', (event) => {
  if (event.origin === location.origin && event.data && event.data.type === 'gmv-server-call') refresh();
});
drawExamples(PAGE.PREVIEW_EXAMPLES);
refresh();

// A module, not a global script: its names stay out of every other file's scope in tsc.
export {};
