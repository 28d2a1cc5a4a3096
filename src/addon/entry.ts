/**
 * The Apps Script surface, declared once: everything Apps Script calls by name. The bundle
 * exposes these objects as `App.SERVER` and `App.CUSTOM_FUNCTIONS` (esbuild's global), and
 * scripts/build.ts writes a top-level stub for each of their keys, because Apps Script only calls
 * top-level function declarations. Nothing else is global: google.script.run can reach only
 * these stubs. The sidebar's client is typed from the contract in src/protocol/server.ts, and
 * this file does not compile unless SERVER implements that contract's signatures exactly.
 *
 * A new server function is one entry in SERVER (and, if the sidebar calls it, one in the
 * contract); a new custom function one declaration in src/functions/declarations.ts.
 */
import type { AsSent, CrossesScriptRun, Same } from '../protocol/crossing';
import type { SidebarServer } from '../protocol/server';
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
import { approveActiveSettlement, getCampaignBasis, verifyApprovedSettlements, writePayoutSheet, writeStatementsSheet } from './runMenu';

export const SERVER = {
  // Triggers.
  onOpen,
  onInstall,
  // Menu items (menu.ts names them).
  showSidebar,
  showHelp,
  insertPolicySheet,
  removeInterruptedWrites,
  approveActiveSettlement,
  verifyApprovedSettlements,
  // The sidebar's calls through google.script.run.
  getSidebarContext,
  readRangeCells,
  writeSettlement,
  writeSettlementRows,
  finishSettlementWrite,
  abandonSettlementWrite,
  getCampaignBasis,
  writeStatementsSheet,
  writePayoutSheet,
};

export type ServerFunctionName = keyof typeof SERVER;

/** SERVER's sidebar calls are exactly the contract the sidebar is compiled against: `true` does not type-check otherwise. */
const IMPLEMENTS_SIDEBAR_CONTRACT: Same<{ [Name in keyof SidebarServer]: AsSent<(typeof SERVER)[Name]> }, SidebarServer> = true;
void IMPLEMENTS_SIDEBAR_CONTRACT;

/** Every server function's result; does not compile while one holds a Date or a function, which Google would fail to send back. */
export type ServerResults = CrossesScriptRun<{ [Name in ServerFunctionName]: ReturnType<(typeof SERVER)[Name]> }>;

/** SERVER's names: the stubs the build writes, and what the local preview lets a page call. */
export const SERVER_FUNCTIONS = Object.keys(SERVER) as ServerFunctionName[];

export { CUSTOM_FUNCTIONS } from './customFunctions';
