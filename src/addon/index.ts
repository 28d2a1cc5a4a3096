/**
 * Everything Apps Script calls by name: the triggers, the menu items and the server functions
 * the sidebar calls. The build turns SERVER_FUNCTIONS into top-level stubs
 * (`function writeSettlement(a) { return App.writeSettlement(a); }`), because Apps Script only
 * sees top-level function declarations, not a bundle's exports.
 */
export { onOpen, onInstall } from './menu';
export { showSidebar, showHelp } from './sidebar';
export { insertPolicySheet } from './policySheet';
export {
  getSidebarContext,
  readRangeCells,
  writeSettlement,
  writeSettlementRows,
  finishSettlementWrite,
  abandonSettlementWrite,
  removeInterruptedWrites,
} from './server';
export type { InputSource, RowsBlock, PolicyOptions, PolicySheetResult, SettlementRequest, SidebarContext, WriteProgress, WriteResult } from './protocol';

export const SERVER_FUNCTIONS = [
  'onOpen',
  'onInstall',
  'showSidebar',
  'showHelp',
  'insertPolicySheet',
  'getSidebarContext',
  'readRangeCells',
  'writeSettlement',
  'writeSettlementRows',
  'finishSettlementWrite',
  'abandonSettlementWrite',
  'removeInterruptedWrites',
] as const;
