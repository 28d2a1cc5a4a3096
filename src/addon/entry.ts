/**
 * The Apps Script surface, declared once: everything Apps Script calls by name. The bundle
 * exposes these objects as `App.SERVER` and `App.CUSTOM_FUNCTIONS` (esbuild's global), and
 * scripts/build.ts writes a top-level stub for each of their keys, because Apps Script only calls
 * top-level function declarations. Nothing else is global: google.script.run can reach only
 * these stubs. The sidebar's client is typed from `typeof SERVER` (src/sidebar/server.ts), so
 * what it calls is checked against these functions' own signatures.
 *
 * A new server function is one entry in SERVER; a new custom function one declaration in
 * src/functions/declarations.ts.
 */
import type { CrossesScriptRun } from './crossing';
import { onInstall, onOpen } from './menu';
import { insertPolicySheet } from './policySheet';
import {
  abandonSettlementWrite,
  finishSettlementWrite,
  getSidebarContext,
  readRangeCells,
  removeInterruptedWrites,
  writeSettlement,
  writeSettlementRows,
} from './server';
import { showHelp, showSidebar } from './sidebar';

export const SERVER = {
  // Triggers.
  onOpen,
  onInstall,
  // Menu items (menu.ts names them).
  showSidebar,
  showHelp,
  insertPolicySheet,
  removeInterruptedWrites,
  // The sidebar's calls through google.script.run.
  getSidebarContext,
  readRangeCells,
  writeSettlement,
  writeSettlementRows,
  finishSettlementWrite,
  abandonSettlementWrite,
};

export type ServerFunctionName = keyof typeof SERVER;

/** Every server function's result; does not compile while one holds a Date or a function, which Google would fail to send back. */
export type ServerResults = CrossesScriptRun<{ [Name in ServerFunctionName]: ReturnType<(typeof SERVER)[Name]> }>;

/** SERVER's names: the stubs the build writes, and what the local preview lets a page call. */
export const SERVER_FUNCTIONS = Object.keys(SERVER) as ServerFunctionName[];

export { CUSTOM_FUNCTIONS } from './customFunctions';
