/**
 * google.script.run as promises. The names called here are the server functions of
 * src/addon/server.ts; what crosses is the JSON-safe shapes of src/addon/protocol.ts.
 */
import type { JsonCell, RowsBlock, SettlementRequest, SidebarContext, WriteProgress, WriteResult } from '../addon/protocol';
import { t } from './i18n';
import type { WriteCalls } from './writeDriver';

type Handler = (value: unknown) => void;
interface ScriptRun {
  withSuccessHandler(handler: Handler): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
  [functionName: string]: unknown;
}

function scriptRun(): ScriptRun | undefined {
  const g = (window as unknown as { google?: { script?: { run?: ScriptRun } } }).google;
  return g && g.script && g.script.run;
}

/** False when the page is opened outside Sheets (and outside the local preview). */
export function hasServer(): boolean {
  return scriptRun() !== undefined;
}

/**
 * Google's answer when several accounts are signed in to the browser and google.script.run picks
 * the wrong one: "… a server error occurred while reading from storage. Error code PERMISSION_DENIED."
 */
const SEVERAL_ACCOUNTS = /PERMISSION_DENIED/;

/** What a failure says to a person: the message only, never a stack; Google's riddles explained. */
export function failureText(error: unknown): string {
  const message = error && typeof error === 'object' && 'message' in error ? String((error as { message: unknown }).message) : String(error);
  return SEVERAL_ACCOUNTS.test(message) ? t('permissionDenied') : message;
}

function call<T>(functionName: string, ...args: unknown[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const run = scriptRun();
    if (!run) return reject(new Error('google.script.run is not available'));
    const runner = run.withSuccessHandler((value) => resolve(value as T)).withFailureHandler((error) => reject(new Error(failureText(error))));
    (runner[functionName] as (...a: unknown[]) => void)(...args);
  });
}

export const server: WriteCalls & {
  getSidebarContext(): Promise<SidebarContext>;
  readRangeCells(a1: string): Promise<JsonCell[][]>;
} = {
  getSidebarContext: () => call<SidebarContext>('getSidebarContext'),
  readRangeCells: (a1: string) => call<JsonCell[][]>('readRangeCells', a1),
  writeSettlement: (request: SettlementRequest) => call<WriteResult>('writeSettlement', request),
  writeSettlementRows: (block: RowsBlock) => call<WriteProgress>('writeSettlementRows', block),
  finishSettlementWrite: (writeId: string) => call<WriteResult>('finishSettlementWrite', writeId),
  abandonSettlementWrite: (writeId: string) => call<void>('abandonSettlementWrite', writeId),
};
