/**
 * google.script.run as promises, typed from the server's signatures: `server` is a
 * ServerClient<SidebarServer> (src/protocol/server.ts, the contract src/addon/entry.ts's SERVER
 * is compiled against), as enuchi/React-Google-Apps-Script's GASClient<typeof server> is, so a
 * misspelt name, a missing argument or an argument of the wrong type does not compile, and each
 * call's result has the server function's own return type. Only types cross: the sidebar bundle
 * holds none of the server's code.
 */
import type { Crossable } from '../protocol/crossing';
import type { SidebarServer } from '../protocol/server';
import { t } from './i18n';

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

/** Parameters as the sidebar must send them: nothing google.script.run cannot carry (a Date inside a request would fail in Sheets). */
type Sent<Params extends unknown[]> = { [I in keyof Params]: Crossable<Params[I]> };

/** One promise-returning method per server function, with its parameters and its result. */
export type ServerClient<Server> = {
  [Name in keyof Server]: Server[Name] extends (...args: infer Params) => infer Result ? (...args: Sent<Params>) => Promise<Result> : never;
};

function call(functionName: string, args: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const run = scriptRun();
    if (!run) return reject(new Error('google.script.run is not available'));
    const runner = run.withSuccessHandler(resolve).withFailureHandler((error) => reject(new Error(failureText(error))));
    const method = runner[functionName];
    if (typeof method !== 'function') return reject(new Error(`google.script.run has no server function ${functionName}`));
    method.apply(runner, args);
  });
}

/**
 * The client of a server object. Each method is looked up when called, so a page opened outside
 * Sheets gets a rejected promise, not a missing method; `then` is not a method, so the client
 * itself is never mistaken for a promise.
 */
export function serverClient<Server>(): ServerClient<Server> {
  return new Proxy({} as ServerClient<Server>, {
    get: (_client, name) => (typeof name === 'string' && name !== 'then' ? (...args: unknown[]) => call(name, args) : undefined),
  });
}

export const server = serverClient<SidebarServer>();
