/**
 * The custom functions as Apps Script calls them: each declaration's implementation behind an
 * argument-count check, so a formula with a missing or extra argument says so instead of
 * quietly computing something else. src/addon/entry.ts re-exports these by name.
 */
import type { SheetArg } from './args';
import { FUNCTION_DECLARATIONS, signature, type FunctionDeclaration } from './declarations';

function checked(declaration: FunctionDeclaration) {
  const required = declaration.params.filter((p) => !p.optional).length;
  const allowed = declaration.params.length;
  return function (...args: SheetArg[]) {
    if (args.length < required || args.length > allowed) {
      const expected = required === allowed ? `${required}` : `${required} to ${allowed}`;
      throw new Error(`${declaration.name}: expects ${expected} arguments, ${signature(declaration)}; got ${args.length}`);
    }
    return declaration.implementation(...args);
  };
}

export const CUSTOM_FUNCTIONS: Record<string, (...args: SheetArg[]) => unknown> = {};
FUNCTION_DECLARATIONS.forEach((declaration) => (CUSTOM_FUNCTIONS[declaration.name] = checked(declaration)));

// Named exports, because the bundle's global `App` exposes exactly the entry's exports; the
// build fails if a declared function is missing here.
export const INCREMENTAL_GMV = CUSTOM_FUNCTIONS.INCREMENTAL_GMV;
export const GMV_TIER = CUSTOM_FUNCTIONS.GMV_TIER;
export const TIER_REWARD = CUSTOM_FUNCTIONS.TIER_REWARD;
export const GMV_TO_NEXT_TIER = CUSTOM_FUNCTIONS.GMV_TO_NEXT_TIER;
export const SETTLEMENT = CUSTOM_FUNCTIONS.SETTLEMENT;
