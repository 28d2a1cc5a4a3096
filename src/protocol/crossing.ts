/**
 * What crosses google.script.run, as types. Google fails a call whose arguments or result hold
 * a Date, a function or a DOM element, even deep inside an object or array (Apps Script's
 * google.script.run reference); the local preview's JSON shim would quietly turn a Date into
 * text, so these types are where such a mistake is caught.
 */

declare const notChecked: unique symbol;

/** No value has this property: it only stands in the type for "not checked yet". */
export interface NotChecked {
  readonly [notChecked]: true;
}

/**
 * What a server function receives from the sidebar: in its signature as the type the sidebar
 * must send (the sidebar's client is typed from these signatures, src/sidebar/server.ts), yet
 * not usable before it is checked, because the sidebar is not trusted — any script in the page
 * can call google.script.run with anything. `request.history` on an Unchecked<SettlementRequest>
 * does not compile; validate.ts's checks take it as `unknown` and return the checked value.
 */
export type Unchecked<T> = T | NotChecked;

type Primitive = string | number | boolean | null | undefined | void;

/** T with whatever google.script.run cannot carry replaced by never; `unknown` stays unknown (it is checked on arrival). */
export type Crossable<T> = unknown extends T
  ? T
  : T extends Primitive
    ? T
    : T extends Date | ((...args: never[]) => unknown)
      ? never
      : T extends readonly (infer Item)[]
        ? Crossable<Item>[]
        : { [K in keyof T]: Crossable<T[K]> };

/**
 * T itself, and a compile error where T holds something google.script.run cannot carry. (The
 * second parameter only names T again: a constraint may not mention its own parameter.)
 */
export type CrossesScriptRun<T extends Crossable<Same>, Same = T> = T;

/** A server function as the sidebar calls it: its Unchecked<T> arguments sent as plain T, nothing google.script.run cannot carry. */
export type AsSent<F> = F extends (...args: infer Params) => infer Result
  ? (...args: { [I in keyof Params]: Crossable<Exclude<Params[I], NotChecked>> }) => Result
  : never;

/** true when A and B are the same type, each assignable to the other; for compile-time checks. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
