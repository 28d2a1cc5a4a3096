/**
 * The Apps Script bundle's entry: everything exported here becomes `App.<name>` (esbuild's
 * global), and scripts/build.ts writes a top-level stub for each key of CUSTOM_FUNCTIONS and for
 * each name in SERVER_FUNCTIONS, because Apps Script only calls top-level function declarations.
 * Nothing else is global: google.script.run can reach only these stubs — the SERVER_FUNCTIONS and
 * the custom functions, which are pure and touch no document.
 */
export { CUSTOM_FUNCTIONS } from './customFunctions';
export * from './index';
