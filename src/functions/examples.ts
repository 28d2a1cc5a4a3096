/**
 * The examples the README and Sheets' autocomplete show, and the cells they refer to: SPEC §6's
 * merchant M001. Each example's result is written down from the SPEC's arithmetic, never from
 * running the code; test/build/vm.test.ts runs every example through the built function and
 * compares, so the docs cannot promise what the functions do not do.
 */
import type { SheetArg } from './args';

/** A cell of an example sheet, as typed in by hand. */
export type ExampleCell = string | number;

/** Cells of EXAMPLE_SHEETS as a formula names them: "B2", "C2:E2", "History!A1:D500". */
export interface CellRef {
  ref: string;
}

/**
 * An argument as typed in the formula: a number, a text in quotes, an array literal {…}, a
 * reference, or null for one left empty to reach a later one (`=GMV_TIER(B2, C2:E2, , G2:I2)`),
 * which the function receives as "" (a blank).
 */
export type ExampleArg = number | string | ExampleCell[][] | CellRef | null;

/** A spilled table: how many rows it has (its header included), and cells of its second row by their heading. */
export interface SpilledTable {
  rows: number;
  firstRow: Record<string, ExampleCell>;
}

export interface FunctionExample {
  args: ExampleArg[];
  result: number | SpilledTable;
  /** The arithmetic behind the result, for a reader to redo: "6,172.84 + 17,172.84". */
  why?: string;
}

export const ref = (a1: string): CellRef => ({ ref: a1 });

/** The sheet the formulas stand in. */
export const FORMULA_SHEET = 'Sheet1';

/** SPEC §6: M001's day in row 2 of the formulas' own sheet; its inputs as tables a settlement reads. */
export const EXAMPLE_SHEETS: Record<string, ExampleCell[][]> = {
  [FORMULA_SHEET]: [
    ['merchant_id', 'day_gmv', 'history', '', '', 'ad_spend', 'targets', '', ''],
    ['M001', 523456.78, 150000, 180000, 210000, 12345.67, 300000, 600000, 900000],
  ],
  History: [
    ['merchant_id', 'date', 'gmv'],
    ['M001', '2025-11-08', 150000],
    ['M001', '2025-11-09', 180000],
    ['M001', '2025-11-10', 210000],
  ],
  Campaign: [
    ['merchant_id', 'date', 'gmv', 'ad_spend'],
    ['M001', '2025-11-11', 523456.78, 12345.67],
  ],
};

function isRef(arg: ExampleArg): arg is CellRef {
  return typeof arg === 'object' && arg !== null && !Array.isArray(arg);
}

/** One argument as it is typed in the formula. */
function argText(arg: ExampleArg): string {
  if (arg === null) return '';
  if (isRef(arg)) return arg.ref;
  if (Array.isArray(arg)) return `{${arg.map((row) => row.map((cell) => argText(cell)).join(',')).join(';')}}`;
  return typeof arg === 'string' ? `"${arg.replace(/"/g, '""')}"` : String(arg);
}

/** '=TIER_REWARD(B2, C2:E2, F2, 0.05, "cashback")' */
export function formulaText(name: string, example: FunctionExample): string {
  return `=${name}(${example.args.map(argText).join(', ')})`;
}

const A1_RANGE = /^(?:([A-Za-z]\w*)!)?([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/;

function columnNumber(letters: string): number {
  return letters.split('').reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
}

/** What a reference hands the function, as Sheets does: one cell as its value, a range as rows of cells, blanks as "". */
function cellsAt(a1: string): SheetArg {
  const match = A1_RANGE.exec(a1);
  if (!match) throw new Error(`example: "${a1}" is not a reference such as B2, C2:E2 or History!A1:D500`);
  const [, sheetName = FORMULA_SHEET, firstColumn, firstRow, lastColumn = firstColumn, lastRow = firstRow] = match;
  const sheet = EXAMPLE_SHEETS[sheetName];
  if (!sheet) throw new Error(`example: no sheet "${sheetName}" among ${Object.keys(EXAMPLE_SHEETS).join(', ')}`);
  const rows: ExampleCell[][] = [];
  for (let r = Number(firstRow); r <= Number(lastRow); r++) {
    const row: ExampleCell[] = [];
    for (let c = columnNumber(firstColumn); c <= columnNumber(lastColumn); c++) {
      const cell = sheet[r - 1] ? sheet[r - 1][c - 1] : undefined;
      row.push(cell === undefined ? '' : cell);
    }
    rows.push(row);
  }
  return rows.length === 1 && rows[0].length === 1 ? rows[0][0] : rows;
}

/** The example's arguments as the function receives them. */
export function exampleArgs(example: FunctionExample): SheetArg[] {
  return example.args.map((arg) => (arg === null ? '' : isRef(arg) ? cellsAt(arg.ref) : arg));
}
