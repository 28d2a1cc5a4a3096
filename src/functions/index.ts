/**
 * The custom functions as one object, name → function, made from the declaration table: each
 * declaration's implementation behind an argument-count check, so a formula with a missing or
 * extra argument says so instead of quietly computing something else. The add-on makes the
 * object Apps Script calls with `prepare` reading Date cells in the spreadsheet's time zone
 * (src/addon/customFunctions.ts); the build writes a top-level stub for each of its keys.
 */
import type { SheetArg } from './args';
import { FUNCTION_DECLARATIONS, signature, type CustomFunctionName, type FunctionDeclaration } from './declarations';

export type CustomFunction = (...args: SheetArg[]) => unknown;
export type CustomFunctions = Record<CustomFunctionName, CustomFunction>;

/** What a function's arguments go through before it sees them; by default nothing. */
export type PrepareArgs = (args: SheetArg[]) => SheetArg[];

function checked(declaration: FunctionDeclaration, prepare: PrepareArgs): CustomFunction {
  const required = declaration.params.filter((p) => !p.optional).length;
  const allowed = declaration.params.length;
  return function (...args: SheetArg[]) {
    if (args.length < required || args.length > allowed) {
      const expected = required === allowed ? `${required}` : `${required} to ${allowed}`;
      throw new Error(`${declaration.name}: expects ${expected} arguments, ${signature(declaration)}; got ${args.length}`);
    }
    return declaration.implementation(...prepare(args));
  };
}

export function customFunctions(prepare: PrepareArgs = (args) => args): CustomFunctions {
  const functions = {} as CustomFunctions;
  FUNCTION_DECLARATIONS.forEach((declaration) => (functions[declaration.name] = checked(declaration, prepare)));
  return functions;
}
