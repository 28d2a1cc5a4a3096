/**
 * What a server function receives from the sidebar: in its signature as the type the sidebar
 * must send (the sidebar's client is typed from these signatures, src/sidebar/server.ts), yet
 * not usable before it is checked, because the sidebar is not trusted — any script in the page
 * can call google.script.run with anything. `request.history` on an Unchecked<SettlementRequest>
 * does not compile; validate.ts's checks take it as `unknown` and return the checked value.
 */
declare const notChecked: unique symbol;

/** No value has this property: it only stands in the type for "not checked yet". */
export interface NotChecked {
  readonly [notChecked]: true;
}

export type Unchecked<T> = T | NotChecked;
