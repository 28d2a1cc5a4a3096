/**
 * An in-memory Google Sheets for running the add-on's server code outside Google: in tests
 * (installed as globals) and in `npm start`'s preview (handed to a node:vm context running
 * the built bundle). One `createGoogleFakes()` is one spreadsheet with its document lock and
 * document properties; `globals(execution)` gives the Apps Script globals as one execution
 * sees them — two executions share the spreadsheet but hold the lock separately.
 *
 *   const google = createGoogleFakes();
 *   const context = vm.createContext({ ...google.globals('request-1') });
 *   const restore = installGoogleGlobals(google);   // or straight into globalThis for a test
 */
import { CallLog } from './calls';
import { createHtmlService } from './html';
import { createLockService, DocumentLockState, LockStates } from './lock';
import { createPropertiesService, createSession, FakeProperties, Utilities } from './services';
import { FakeSpreadsheet } from './spreadsheet';
import { createSpreadsheetApp, FakeUi } from './ui';

export interface GoogleFakeOptions {
  /** The spreadsheet's time zone (dates read from cells are days in this zone). */
  timeZone?: string;
  /** Session.getActiveUserLocale(): "zh_CN" gives the Chinese UI. */
  locale?: string;
  /** Session.getActiveUser().getEmail(); Apps Script gives "" when the user's domain hides it. */
  email?: string;
  /** HTML project files by name (without ".html"), or a loader: what createHtmlOutputFromFile serves. */
  htmlFiles?: Record<string, string> | ((name: string) => string | undefined);
}

export const GLOBAL_NAMES = ['SpreadsheetApp', 'LockService', 'Session', 'Utilities', 'PropertiesService', 'HtmlService'] as const;
export type GlobalName = (typeof GLOBAL_NAMES)[number];

export function createGoogleFakes(options: GoogleFakeOptions = {}) {
  const timeZone = options.timeZone || 'Asia/Shanghai';
  const locale = options.locale || 'en_US';
  const calls = new CallLog();
  const spreadsheet = new FakeSpreadsheet(calls, timeZone, locale);
  const ui = new FakeUi(calls);
  const locks: LockStates = { document: new DocumentLockState(), script: new DocumentLockState() };
  const properties = { document: new FakeProperties(), script: new FakeProperties(), user: new FakeProperties() };
  const session = { email: options.email === undefined ? 'finance@example.com' : options.email, locale, timeZone };
  const spreadsheetApp = createSpreadsheetApp(spreadsheet, ui, calls);
  const htmlService = createHtmlService(options.htmlFiles || {});
  const propertiesService = createPropertiesService(properties.document, properties.script, properties.user);

  return {
    calls,
    spreadsheet,
    ui,
    /** The document lock's state: who holds it, how long callers waited, a hook on contention. */
    lock: locks.document,
    properties,
    /** Change the user, locale or e-mail between calls (the object is read on every call). */
    session,

    /** The Apps Script globals as execution `execution` sees them. */
    globals(execution = 'execution-1'): Record<GlobalName, unknown> {
      return {
        SpreadsheetApp: spreadsheetApp,
        LockService: createLockService(locks, execution),
        Session: createSession(session),
        Utilities,
        PropertiesService: propertiesService,
        HtmlService: htmlService,
      };
    },

    /** Apps Script releases an execution's locks when it ends; the preview calls this after each request. */
    endExecution(execution: string): void {
      if (locks.document.holder === execution) locks.document.holder = null;
      if (locks.script.holder === execution) locks.script.holder = null;
    },
  };
}

export type GoogleFakes = ReturnType<typeof createGoogleFakes>;

/** Puts one execution's globals on `target` (globalThis by default); returns a function that puts back what was there. */
export function installGoogleGlobals(fakes: GoogleFakes, execution = 'execution-1', target: object = globalThis): () => void {
  const host = target as Record<string, unknown>;
  const saved = GLOBAL_NAMES.map((name) => ({ name, had: name in host, value: host[name] }));
  const globals = fakes.globals(execution);
  GLOBAL_NAMES.forEach((name) => (host[name] = globals[name]));
  return () =>
    saved.forEach(({ name, had, value }) => {
      if (had) host[name] = value;
      else delete host[name];
    });
}

export { CallLog } from './calls';
export { FakeSpreadsheet } from './spreadsheet';
export { FakeSheet, NEW_SHEET_ROWS, NEW_SHEET_COLUMNS } from './sheet';
export { FakeRange } from './range';
export { LOCK_TIMEOUT_MESSAGE } from './lock';
export { FORMULA_PLACEHOLDER, dateToSerial, serialToDate } from './cellValues';
