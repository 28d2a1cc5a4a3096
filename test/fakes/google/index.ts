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
import { readFileSync } from 'node:fs';
import { CallLog } from './calls';
import { createHtmlService } from './html';
import { createLockService, DocumentLockState, LockStates } from './lock';
import { createPropertiesService, createScriptApp, createSession, EMAIL_SCOPE, FakeProperties, temporaryUserKey, Utilities, type ConsentState, type SessionState } from './services';
import { FakeSpreadsheet } from './spreadsheet';
import { createSpreadsheetApp, FakeUi } from './ui';

/** The scopes the add-on's manifest asks for: what a user who accepted everything has granted. */
export const MANIFEST_SCOPES: string[] = JSON.parse(readFileSync(new URL('../../../appsscript.json', import.meta.url), 'utf8')).oauthScopes;

export interface GoogleFakeOptions {
  /** The spreadsheet's time zone (dates read from cells are days in this zone). */
  timeZone?: string;
  /** Session.getActiveUserLocale(): "zh_CN" gives the Chinese UI. */
  locale?: string;
  /**
   * The scopes the user granted. Default: the manifest's, which do not include userinfo.email,
   * so Session refuses the user's address; with granular consent a user may grant fewer.
   */
  grantedScopes?: string[];
  /** The address Session gives when `grantedScopes` includes userinfo.email. */
  email?: string;
  /** The spreadsheet's owner (default: the user); protections never keep the owner out. */
  owner?: string;
  /** Others the spreadsheet is shared with as editors. */
  editors?: string[];
  /** HTML project files by name (without ".html"), or a loader: what createHtmlOutputFromFile serves. */
  htmlFiles?: Record<string, string> | ((name: string) => string | undefined);
}

export const GLOBAL_NAMES = ['SpreadsheetApp', 'LockService', 'Session', 'Utilities', 'PropertiesService', 'HtmlService', 'ScriptApp'] as const;
export type GlobalName = (typeof GLOBAL_NAMES)[number];

export { EMAIL_SCOPE };

export function createGoogleFakes(options: GoogleFakeOptions = {}) {
  const timeZone = options.timeZone || 'Asia/Shanghai';
  const locale = options.locale || 'en_US';
  const calls = new CallLog();
  const spreadsheet = new FakeSpreadsheet(calls, timeZone, locale);
  const ui = new FakeUi(calls);
  const locks: LockStates = { document: new DocumentLockState(), script: new DocumentLockState() };
  const properties = { document: new FakeProperties(calls), script: new FakeProperties(calls), user: new FakeProperties(calls) };
  const session: SessionState = { locale, timeZone, userKey: temporaryUserKey(), email: options.email || 'finance@example.com' };
  // Protections decide by who runs the script now: the session's user, read on every change.
  spreadsheet._owner = options.owner || session.email;
  spreadsheet._editorEmails = (options.editors || []).concat(session.email);
  spreadsheet._activeUser = () => session.email;
  const consent: ConsentState = { required: MANIFEST_SCOPES.slice(), granted: (options.grantedScopes || MANIFEST_SCOPES).slice(), prompts: 0 };
  const spreadsheetApp = createSpreadsheetApp(spreadsheet, ui, calls);
  const htmlService = createHtmlService(options.htmlFiles || {});
  const propertiesService = createPropertiesService(properties.document, properties.script, properties.user);
  const scriptApp = createScriptApp(consent);

  return {
    calls,
    spreadsheet,
    ui,
    /** The document lock's state: who holds it, how long callers waited, a hook on contention. */
    lock: locks.document,
    properties,
    /** Change the user, locale or key between calls (the object is read on every call). */
    session,
    /** Which scopes the user granted, and how often an execution stopped for the consent screen. */
    consent,

    /** The Apps Script globals as execution `execution` sees them. */
    globals(execution = 'execution-1'): Record<GlobalName, unknown> {
      return {
        SpreadsheetApp: spreadsheetApp,
        LockService: createLockService(locks, execution, calls),
        Session: createSession(session, consent),
        Utilities,
        PropertiesService: propertiesService,
        HtmlService: htmlService,
        ScriptApp: scriptApp,
      };
    },

    /** Apps Script's temporary user key changes every 30 days: the next call sees a new one. */
    rotateUserKey(): void {
      session.userKey = temporaryUserKey();
    },

    /** Runs `work` as a custom function: Sheets lets it read the spreadsheet but not change it. */
    asCustomFunction<T>(work: () => T): T {
      spreadsheet._inCustomFunction = true;
      try {
        return work();
      } finally {
        spreadsheet._inCustomFunction = false;
      }
    },

    /** Apps Script releases an execution's locks when it ends (killed or not); the preview calls this after each request. */
    endExecution(execution: string): void {
      if (locks.document.holder === execution) locks.document.holder = null;
      if (locks.script.holder === execution) locks.script.holder = null;
      calls.revive();
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

export { CallLog, KILLED_MESSAGE } from './calls';
export { FakeSpreadsheet, CELL_LIMIT_MESSAGE } from './spreadsheet';
export { AUTHORIZATION_REQUIRED, MAX_PROPERTY_STORE_BYTES, MAX_PROPERTY_VALUE_BYTES, STORE_FULL_MESSAGE } from './services';
export { FakeSheet, NEW_SHEET_ROWS, NEW_SHEET_COLUMNS } from './sheet';
export { FakeRange } from './range';
export { FakeProtection, PROTECTED_MESSAGE } from './protection';
export { LOCK_TIMEOUT_MESSAGE } from './lock';
export { FORMULA_PLACEHOLDER, dateToSerial, serialToDate } from './cellValues';
