/**
 * google.script.run as promises. The names called here are the server functions of
 * src/addon/server.ts; what crosses is the JSON-safe shapes of src/addon/protocol.ts.
 */
import type { SettlementRequest, SidebarContext, WriteResult } from '../addon/protocol';

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

/** What a failure says to a person: the message only, never a stack. */
export function failureText(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}

function call<T>(functionName: string, ...args: unknown[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const run = scriptRun();
    if (!run) return reject(new Error('google.script.run is not available'));
    const runner = run.withSuccessHandler((value) => resolve(value as T)).withFailureHandler((error) => reject(new Error(failureText(error))));
    (runner[functionName] as (...a: unknown[]) => void)(...args);
  });
}

export const server = {
  getSidebarContext: () => call<SidebarContext>('getSidebarContext'),
  readRangeCells: (a1: string) => call<(string | number | boolean | null)[][]>('readRangeCells', a1),
  writeSettlement: (request: SettlementRequest) => call<WriteResult>('writeSettlement', request),
};
