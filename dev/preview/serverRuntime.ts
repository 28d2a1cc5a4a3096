/**
 * The add-on's server side for the local preview: every .js of dist/ loaded into ONE node:vm
 * context, as Apps Script concatenates a project's files into one global scope, with the
 * in-memory Google fakes as its only services. Each call is its own execution (its own lock
 * holder), and its locks are released when it returns, as Apps Script does.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { createGoogleFakes, GLOBAL_NAMES, type GoogleFakes } from '../../test/fakes/google';
import { messageOf, type PreviewBackend } from './server';
import type { ExampleFile } from './serverPage';

export interface SpreadsheetJson {
  sheets: { name: string; values: unknown[][]; formulas: string[][]; [more: string]: unknown }[];
  [more: string]: unknown;
}

export interface AddonRuntime extends PreviewBackend {
  fakes: GoogleFakes;
}

/** The add-on menu as onOpen built it: its items (caption, the server function it calls) and separators. */
export type MenuEntry = { caption: string; functionName: string } | { separator: true };

/** What the add-on showed a person: toasts, alerts and dialogs, in order. */
export interface UiJson {
  toasts: { title: string; message: string }[];
  alerts: string[];
  dialogs: { title: string; html: string }[];
  /** How often the add-on opened its sidebar (the menu's first item): the page reloads it. */
  sidebarsShown: number;
}

export interface RuntimeOptions {
  distDir: string;
  /** Session.getActiveUserLocale(): "zh_CN" shows the Chinese sidebar and headings. */
  locale?: string;
  email?: string;
}

export function loadAddon(options: RuntimeOptions): AddonRuntime {
  const { distDir } = options;
  const htmlFile = (name: string) => {
    const path = join(distDir, `${name}.html`);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  };
  const fakes = createGoogleFakes({ locale: options.locale, email: options.email, htmlFiles: htmlFile });
  // Apps Script has console and Logger, and no Node: no process, require, Buffer or setTimeout.
  const context = vm.createContext({ console, Logger: { log: (...args: unknown[]) => console.log(...args) }, ...fakes.globals('load') });
  const files = readdirSync(distDir).filter((f) => f.endsWith('.js')).sort((a, b) => (a === 'app.js' ? -1 : b === 'app.js' ? 1 : a < b ? -1 : 1));
  if (files.length === 0) throw new Error(`no .js files in ${distDir}: run the build first`);
  files.forEach((file) => vm.runInContext(readFileSync(join(distDir, file), 'utf8'), context, { filename: join(distDir, file) }));

  const app = context.App as { SERVER_FUNCTIONS?: unknown } | undefined;
  const listed = app && Array.isArray(app.SERVER_FUNCTIONS) ? Array.from(app.SERVER_FUNCTIONS as unknown[], String) : [];
  const serverFunctions = listed.filter((name) => typeof context[name] === 'function');
  // Arguments are rebuilt inside the context, so the add-on sees its own realm's arrays and objects.
  const parseInContext = vm.runInContext('JSON.parse', context) as (text: string) => unknown[];
  let executions = 0;
  /** One execution on the fakes, its locks released at the end as Apps Script does. */
  const execution = <T>(work: () => T): T => {
    const id = `preview-${++executions}`;
    const globals = fakes.globals(id);
    GLOBAL_NAMES.forEach((g) => (context[g] = globals[g]));
    try {
      return work();
    } finally {
      fakes.endExecution(id);
    }
  };
  // The spreadsheet opened: Apps Script runs the add-on's onOpen, which builds its menu.
  if (serverFunctions.indexOf('onOpen') >= 0) execution(() => (context.onOpen as () => void)());

  return {
    fakes,
    serverFunctions,
    menu(): MenuEntry[] {
      const menu = fakes.ui._menus[fakes.ui._menus.length - 1];
      if (!menu) return [];
      return menu._items.map((item) => (item === 'separator' ? { separator: true as const } : 'caption' in item ? { caption: item.caption, functionName: item.functionName } : { separator: true as const }));
    },
    ui(): UiJson {
      return {
        toasts: fakes.spreadsheet._toasts.map((t) => ({ title: t.title, message: t.message })),
        alerts: fakes.ui._alerts.slice(),
        dialogs: fakes.ui._dialogs.map((d) => ({ title: d.title, html: d.output.getContent() })),
        sidebarsShown: fakes.calls.byMethod['Ui.showSidebar'] || 0,
      };
    },
    /** A tab clicked: the sheet a menu item then acts on (Approve this settlement). */
    activate(sheetName: string): void {
      execution(() => {
        const sheet = fakes.spreadsheet._sheetNamed(sheetName);
        if (!sheet) throw new Error(`no sheet "${sheetName}"`);
        sheet.activate();
      });
    },
    /** A person typing into a cell: Sheets reads it as typed (numbers, dates, formulas), protections apply. */
    editCell(sheetName: string, row: number, column: number, value: string): void {
      execution(() => {
        const sheet = fakes.spreadsheet._sheetNamed(sheetName);
        if (!sheet) throw new Error(`no sheet "${sheetName}"`);
        if (row > sheet._maxRows || column > sheet._maxColumns) throw new Error(`${sheetName} has no cell at row ${row}, column ${column}`);
        sheet.getRange(row, column).setValue(value);
      });
    },
    call(name, args) {
      if (serverFunctions.indexOf(name) < 0) throw new Error(`${name} is not a server function of the add-on`);
      return execution(() => {
        try {
          const result = (context[name] as (...a: unknown[]) => unknown)(...parseInContext(JSON.stringify(args)));
          return result === undefined ? null : JSON.parse(JSON.stringify(result));
        } catch (error) {
          throw new Error(messageOf(error));
        }
      });
    },
    spreadsheet: () => JSON.parse(JSON.stringify(fakes.spreadsheet.toJSON())) as SpreadsheetJson,
  };
}

/**
 * The example files as sheets of the emulated spreadsheet, so "from a sheet/range" works out of
 * the box. Written as plain text ("@"), as a CSV imported without conversion: ids keep their zeros.
 */
export function seedExampleSheets(fakes: GoogleFakes, examples: ExampleFile[]): void {
  const globals = fakes.globals('seed') as { SpreadsheetApp: { getActiveSpreadsheet(): SeedSpreadsheet } };
  const spreadsheet = globals.SpreadsheetApp.getActiveSpreadsheet();
  const first = spreadsheet.getActiveSheet();
  examples.forEach((example) => {
    const rows = example.text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.length > 0).map(splitCsvLine);
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    const cells = rows.map((r) => r.concat(Array(width - r.length).fill('')));
    const sheet = spreadsheet.insertSheet(example.fileName);
    if (cells.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), cells.length - sheet.getMaxRows());
    if (width > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    sheet.getRange(1, 1, cells.length, width).setNumberFormat('@').setValues(cells);
    sheet.setFrozenRows(1);
  });
  spreadsheet.setActiveSheet(first);
  fakes.calls.reset();
}

interface SeedSheet {
  getMaxRows(): number;
  getMaxColumns(): number;
  insertRowsAfter(after: number, count: number): unknown;
  insertColumnsAfter(after: number, count: number): unknown;
  getRange(row: number, column: number, rows: number, columns: number): { setNumberFormat(f: string): { setValues(v: string[][]): unknown } };
  setFrozenRows(rows: number): void;
}
interface SeedSpreadsheet {
  getActiveSheet(): SeedSheet;
  insertSheet(name: string): SeedSheet;
  setActiveSheet(sheet: SeedSheet): unknown;
}

/** One CSV line (the examples have no line breaks inside quotes). */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  const re = /("((?:[^"]|"")*)"|[^,]*)(,|$)/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(line)) !== null) {
    fields.push(match[2] !== undefined ? match[2].replace(/""/g, '"') : match[1]);
    if (match[3] === '') break;
  }
  return fields;
}
