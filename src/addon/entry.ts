/**
 * The Apps Script bundle's entry: everything exported here becomes `App.<name>` (esbuild's
 * global), and scripts/build.ts writes a top-level stub for each custom function and for each
 * name in SERVER_FUNCTIONS, because Apps Script only calls top-level function declarations.
 * Nothing else is global: the sidebar can call only what SERVER_FUNCTIONS names.
 */
export { INCREMENTAL_GMV, GMV_TIER, TIER_REWARD, GMV_TO_NEXT_TIER, SETTLEMENT } from '../functions';
export {
  onOpen,
  onInstall,
  showSidebar,
  showHelp,
  insertPolicySheet,
  getSidebarContext,
  readRangeCells,
  writeSettlement,
  SERVER_FUNCTIONS,
} from './index';
