/**
 * The Apps Script bundle's entry: everything exported here becomes `App.<name>` (esbuild's
 * global), and scripts/build.ts writes a top-level stub for each custom function and for each
 * name in SERVER_FUNCTIONS, because Apps Script only calls top-level function declarations.
 */
export { INCREMENTAL_GMV, GMV_TIER, TIER_REWARD, GMV_TO_NEXT_TIER, SETTLEMENT } from '../functions';

/**
 * Triggers and the server functions the sidebar calls (onOpen, onInstall, showSidebar, …):
 * list each one here, exported from this file, and the build gives it a top-level stub.
 */
export const SERVER_FUNCTIONS: string[] = [];
