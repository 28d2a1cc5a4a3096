/**
 * What Sheets hands a custom function, and the one loop the functions share. A single cell
 * arrives as a scalar and a range as a 2D array of numbers, strings ("" for a blank), booleans
 * and Dates from Apps Script's own realm. Every value is read with the same number reader as
 * pasted text, and every rejection names the argument, the cell and the value, because Sheets
 * shows the message as the only explanation of `#ERROR!`.
 */
import { MAX_FEN, type Dec, type Fen } from '../core/money';
import { EXPECT_RATE, readMoneyFen, readNumber, readRate, type Cell } from '../input/number';
import { readPlausibleRate } from '../input/rates';
import { cellText } from '../input/table';
import type { SheetValue } from '../output/sheetTables';

/** One argument as Sheets passes it. */
export type SheetArg = Cell | Cell[][];

/** One output cell: a number already exact to 0.01, text, or "" for blank (the sheet writer's cell type). */
export type { SheetValue };

export interface Grid {
  /** The argument's name as declared, for messages: "day_gmv". */
  name: string;
  cells: Cell[][];
  rows: number;
  columns: number;
  /** A scalar argument: messages name no row, and the result is a scalar too. */
  single: boolean;
}

export function toGrid(name: string, arg: SheetArg): Grid {
  if (!Array.isArray(arg)) return { name, cells: [[arg]], rows: 1, columns: 1, single: true };
  // Sheets always sends rows of cells; a flat list (from a script caller) is taken as one row.
  const cells = (arg.length > 0 && !Array.isArray(arg[0]) ? [arg] : arg) as Cell[][];
  const columns = cells.reduce((widest, row) => Math.max(widest, row.length), 0);
  return { name, cells, rows: cells.length, columns, single: false };
}

/** A fixed-choice argument (field, coefficient of SETTLEMENT) must be one cell. */
export function oneCell(fn: string, grid: Grid): Cell {
  if (grid.rows * grid.columns !== 1) {
    throw new Error(`${fn}: ${grid.name} must be one cell, not a ${grid.rows}×${grid.columns} range`);
  }
  return grid.cells[0][0];
}

/**
 * An argument that goes with each cell of day_gmv (ad spend, coefficient): one cell for all of
 * them, or a range of the same shape. Anything else is a mistake in the formula, not data.
 */
export function alongside(fn: string, grid: Grid, shape: Grid): Grid {
  const oneForAll = grid.rows * grid.columns === 1;
  if (oneForAll || (grid.rows === shape.rows && grid.columns === shape.columns)) return grid;
  throw new Error(
    `${fn}: ${grid.name} is a ${grid.rows}×${grid.columns} range but ${shape.name} is ${shape.rows}×${shape.columns}: ` +
      `give one cell, or a range the same shape as ${shape.name}`,
  );
}

/**
 * Reads an `alongside` argument cell by cell; one cell shared by every day is read once, not
 * once per day (a coefficient of 0.05 over 10k rows would otherwise be parsed 10k times).
 */
export function readerOf<T>(grid: Grid, read: (row: number, column: number) => T): (row: number, column: number) => T {
  if (grid.rows * grid.columns !== 1) return read;
  let shared: { value: T } | undefined;
  return (row, column) => (shared || (shared = { value: read(row, column) })).value;
}

/** The cell of `grid` that goes with (row, column) of the shape it was matched to. */
function indexFor(grid: Grid, row: number, column: number): [number, number] {
  return grid.rows * grid.columns === 1 ? [0, 0] : [row, column];
}

/** "row 5 of day_gmv", "row 5, column 2 of history", or just "day_gmv" for a scalar. */
export function position(grid: Grid, row: number, column: number): string {
  if (grid.single) return grid.name;
  const [r, c] = indexFor(grid, row, column);
  return grid.columns > 1 ? `row ${r + 1}, column ${c + 1} of ${grid.name}` : `row ${r + 1} of ${grid.name}`;
}

export function cellAt(grid: Grid, row: number, column: number): Cell {
  const [r, c] = indexFor(grid, row, column);
  const cells = grid.cells[r];
  return cells ? cells[c] : undefined;
}

/** The value as the person sees it in the cell, for quoting in a message. */
function shown(cell: Cell): string {
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return cellText(cell);
}

function reject(fn: string, grid: Grid, row: number, column: number, problem: string): never {
  throw new Error(`${fn}: ${position(grid, row, column)}: "${shown(cellAt(grid, row, column))}" ${problem}`);
}

/** "is not a number" unless the cell is a number of the wrong kind (30% as money, a rate of ¥5). */
function readProblem(cell: Cell, kind: string, expected: string): string {
  return readNumber(cell, { percent: true }).kind === 'number' ? `is not ${kind}: expected ${expected}` : 'is not a number';
}

// MAX_FEN (1e13) is well below the point where a double's neighbours are 0.01 CNY apart, so a
// number inside it whose ×100 rounds back to itself is exactly a two-decimal amount.

/** Money in a cell, in fen; null for a blank. */
export function moneyAt(fn: string, grid: Grid, row: number, column: number, allowNegative: boolean): Fen | null {
  const cell = cellAt(grid, row, column);
  if (typeof cell === 'number') {
    // Fast path for the common cell, a number with at most two decimals: the same fen as
    // readMoneyFen gives through the number's text, without building that text. A 30-day
    // history over 10k rows is 300k cells, and this halves TIER_REWARD's time on them.
    const fen = Math.round(cell * 100);
    if (fen / 100 === cell && fen <= MAX_FEN && fen >= -MAX_FEN && (fen >= 0 || allowNegative)) {
      return fen === 0 ? 0 : fen; // never -0
    }
  }
  const read = readMoneyFen(cell);
  if (read.kind === 'blank') return null;
  if (read.kind === 'error') reject(fn, grid, row, column, readProblem(cell, 'an amount of money', read.expected));
  if (read.fen < 0 && !allowNegative) reject(fn, grid, row, column, 'is negative: expected 0 or more');
  return read.fen;
}

/**
 * The red-packet coefficient in a cell (0.05 or 5%); null for a blank. A value that cannot be
 * meant — 5 for 5% — is refused with the guess (SPEC §2), in the words every entry point uses.
 */
export function coefficientAt(fn: string, grid: Grid, row: number, column: number): Dec | null {
  const cell = cellAt(grid, row, column);
  const read = readPlausibleRate(cell, 'coefficient');
  if (read.kind === 'blank') return null;
  if (read.kind === 'error') {
    if (readRate(cell).kind === 'error') reject(fn, grid, row, column, readProblem(cell, 'a rate', EXPECT_RATE));
    throw new Error(`${fn}: ${position(grid, row, column)}: ${read.text.en}`);
  }
  return read.rate;
}

/**
 * The loop every function shares: `each` is called for every cell of `grid` with its position,
 * and the results come back in the grid's shape (a scalar for a scalar argument).
 */
export function mapCells(grid: Grid, each: (cell: Cell, row: number, column: number) => SheetValue): SheetValue | SheetValue[][] {
  if (grid.single) return each(grid.cells[0][0], 0, 0);
  const out: SheetValue[][] = [];
  for (let r = 0; r < grid.rows; r++) {
    const row: SheetValue[] = [];
    for (let c = 0; c < grid.columns; c++) row.push(each(grid.cells[r][c], r, c));
    out.push(row);
  }
  return out;
}
