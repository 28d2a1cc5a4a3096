/**
 * A fake Spreadsheet: its sheets, named ranges, active sheet and time zone, within Sheets'
 * 10 million cells (every sheet's max rows × max columns), and read-only while a custom function
 * runs, as Sheets allows custom functions only to read.
 */
import { SHEETS_MAX_CELLS } from './limits';
import { splitSheetName } from './a1';
import { CallLog } from './calls';
import type { Checked } from './checked';
import { FakeProtection, PROTECTED_MESSAGE, ProtectionType } from './protection';
import { FakeRange } from './range';
import { FakeSheet, NEW_SHEET_COLUMNS, NEW_SHEET_ROWS } from './sheet';

/** What Sheets answers when a change would pass the workbook's cell limit. */
export const CELL_LIMIT_MESSAGE = `This action would increase the number of cells in the workbook above the limit of ${SHEETS_MAX_CELLS} cells.`;

export class FakeNamedRange implements Checked<GoogleAppsScript.Spreadsheet.NamedRange, 'getName' | 'getRange' | 'setRange' | 'remove'> {
  constructor(
    readonly _parent: FakeSpreadsheet,
    readonly _name: string,
    public _range: FakeRange,
  ) {}

  getName(): string {
    this._parent._calls.count('NamedRange.getName');
    return this._name;
  }

  getRange(): FakeRange {
    this._parent._calls.count('NamedRange.getRange');
    return this._range;
  }

  setRange(range: FakeRange): FakeNamedRange {
    this._parent._calls.count('NamedRange.setRange');
    this._parent._refuseInCustomFunction('setRange');
    this._range = range;
    return this;
  }

  remove(): void {
    this._parent._calls.count('NamedRange.remove');
    this._parent._refuseInCustomFunction('remove');
    this._parent._namedRanges.delete(this._name);
  }
}

export interface Toast {
  message: string;
  title: string;
}

export type SpreadsheetMethods =
  | 'getId' | 'getName' | 'getUrl' | 'getSpreadsheetTimeZone' | 'setSpreadsheetTimeZone' | 'getSpreadsheetLocale' | 'getSheets'
  | 'getNumSheets' | 'getSheetByName' | 'getSheetById' | 'getActiveSheet' | 'setActiveSheet' | 'setActiveRange' | 'insertSheet'
  | 'deleteSheet' | 'getRange' | 'getRangeByName' | 'getNamedRanges' | 'setNamedRange' | 'removeNamedRange' | 'toast' | 'getProtections';

export class FakeSpreadsheet implements Checked<GoogleAppsScript.Spreadsheet.Spreadsheet, SpreadsheetMethods> {
  _sheets: FakeSheet[] = [];
  /** True while a custom function runs: Sheets lets it read, never change (set*, insert*, delete*). */
  _inCustomFunction = false;
  _namedRanges = new Map<string, FakeNamedRange>();
  _active: FakeSheet;
  _activeRange: FakeRange | null = null;
  _nextSheetId = 0;
  private _chartIds = 0;

  /** Charts are numbered across the spreadsheet, as Sheets numbers them. */
  _nextChartId(): number {
    this._chartIds += 1;
    return 1000000 + this._chartIds;
  }
  readonly _toasts: Toast[] = [];
  _protections: FakeProtection[] = [];
  /** Who owns the file, who else may edit it, and who runs the script now (Session's user). */
  _owner = 'finance@example.com';
  _editorEmails: string[] = [];
  _activeUser: () => string = () => this._owner;

  constructor(
    readonly _calls: CallLog,
    public _timeZone = 'Asia/Shanghai',
    readonly _locale = 'zh_CN',
    readonly _id = 'fake-spreadsheet',
    readonly _title = 'Double 11 settlement (preview)',
  ) {
    this._active = this._addSheet('Sheet1', 0);
  }

  _addSheet(name: string, index: number): FakeSheet {
    const sheet = new FakeSheet(this, name, this._nextSheetId === 0 ? 0 : 100000 + this._nextSheetId * 7919);
    this._nextSheetId += 1;
    this._sheets.splice(index, 0, sheet);
    return sheet;
  }

  _sheetNamed(name: string): FakeSheet | null {
    return this._sheets.find((s) => s._name.toLowerCase() === name.toLowerCase()) || null;
  }

  _rename(sheet: FakeSheet, name: string): void {
    const other = this._sheetNamed(name);
    if (other && other !== sheet) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    sheet._name = name;
  }

  _activate(sheet: FakeSheet, range: FakeRange | null = null): void {
    this._active = sheet;
    this._activeRange = range;
  }

  private _count(method: string): void {
    this._calls.count('Spreadsheet.' + method);
  }

  private _change(method: string): void {
    this._count(method);
    this._refuseInCustomFunction(method);
  }

  _refuseInCustomFunction(method: string): void {
    if (this._inCustomFunction) throw new Error(`You do not have permission to call ${method}`);
  }

  /** The document's editors: the owner and those it is shared with. */
  _documentEditors(): string[] {
    return [this._owner].concat(this._editorEmails.filter((email) => email !== this._owner));
  }

  /** Sheets refuses a change to a protected cell by a user the protection does not allow. */
  _refuseProtected(sheet: FakeSheet, row: number, column: number, rows: number, columns: number): void {
    const user = this._activeUser();
    for (const protection of this._protections)
      if (protection._covers(sheet, row, column, rows, columns) && !protection._allows(user)) throw new Error(PROTECTED_MESSAGE);
  }

  _protect(kind: 'RANGE' | 'SHEET', sheet: FakeSheet, range: FakeRange | null): FakeProtection {
    const protection = new FakeProtection(this, kind, sheet, range);
    this._protections.push(protection);
    return protection;
  }

  getProtections(type: unknown): FakeProtection[] {
    this._count('getProtections');
    const kind = String(type) === ProtectionType.SHEET ? 'SHEET' : 'RANGE';
    return this._protections.filter((p) => p._kind === kind);
  }

  /** Cells of every sheet's grid, empty ones included: what Sheets counts against its limit. */
  _gridCells(): number {
    return this._sheets.reduce((cells, sheet) => cells + sheet._maxRows * sheet._maxColumns, 0);
  }

  /** Refuses a change that would add `cells` beyond Sheets' limit, before anything changes. */
  _roomFor(cells: number): void {
    if (this._gridCells() + cells > SHEETS_MAX_CELLS) throw new Error(CELL_LIMIT_MESSAGE);
  }

  getId(): string {
    this._count('getId');
    return this._id;
  }

  getName(): string {
    this._count('getName');
    return this._title;
  }

  getUrl(): string {
    this._count('getUrl');
    return `https://docs.google.com/spreadsheets/d/${this._id}/edit`;
  }

  getSpreadsheetTimeZone(): string {
    this._count('getSpreadsheetTimeZone');
    return this._timeZone;
  }

  setSpreadsheetTimeZone(timeZone: string): void {
    this._change('setSpreadsheetTimeZone');
    this._timeZone = timeZone;
  }

  getSpreadsheetLocale(): string {
    this._count('getSpreadsheetLocale');
    return this._locale;
  }

  getSheets(): FakeSheet[] {
    this._count('getSheets');
    return this._sheets.slice();
  }

  getNumSheets(): number {
    this._count('getNumSheets');
    return this._sheets.length;
  }

  getSheetByName(name: string): FakeSheet | null {
    this._count('getSheetByName');
    return this._sheetNamed(String(name));
  }

  getSheetById(id: number): FakeSheet | null {
    this._count('getSheetById');
    return this._sheets.find((s) => s._id === id) || null;
  }

  getActiveSheet(): FakeSheet {
    this._count('getActiveSheet');
    return this._active;
  }

  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this._count('setActiveSheet');
    this._activate(sheet);
    return sheet;
  }

  setActiveRange(range: FakeRange): FakeRange {
    this._count('setActiveRange');
    this._activate(range._sheet, range);
    return range;
  }

  /**
   * insertSheet(name?, index?, {template}?) in any of Apps Script's overloads. Without an index
   * the sheet goes after the active one; either way it becomes the active sheet.
   */
  insertSheet(a?: unknown, b?: unknown, c?: unknown): FakeSheet {
    this._change('insertSheet');
    const args = [a, b, c].filter((x) => x !== undefined);
    const name = typeof args[0] === 'string' ? (args.shift() as string) : undefined;
    const index = typeof args[0] === 'number' ? (args.shift() as number) : undefined;
    const options = (args[0] || {}) as { template?: FakeSheet };
    if (name !== undefined && this._sheetNamed(name))
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this._roomFor(options.template ? options.template._maxRows * options.template._maxColumns : NEW_SHEET_ROWS * NEW_SHEET_COLUMNS);
    let fallback = this._sheets.length + 1;
    while (this._sheetNamed('Sheet' + fallback)) fallback++;
    const position = index === undefined ? this._sheets.indexOf(this._active) + 1 : Math.max(0, Math.min(index, this._sheets.length));
    const sheet = this._addSheet(name === undefined ? 'Sheet' + fallback : name, position);
    const template = options.template;
    if (template) {
      sheet._rows = template._rows.map((cells) => cells.map((cell) => (cell ? { ...cell } : cell)));
      sheet._maxRows = template._maxRows;
      sheet._maxColumns = template._maxColumns;
      sheet._frozenRows = template._frozenRows;
    }
    this._activate(sheet);
    return sheet;
  }

  deleteSheet(sheet: FakeSheet): void {
    this._change('deleteSheet');
    if (this._sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this._refuseProtected(sheet, 1, 1, sheet._maxRows, sheet._maxColumns);
    this._protections = this._protections.filter((p) => p._sheet !== sheet);
    this._sheets = this._sheets.filter((s) => s !== sheet);
    this._namedRanges.forEach((named, key) => named._range._sheet === sheet && this._namedRanges.delete(key));
    if (this._active === sheet) this._activate(this._sheets[0]);
  }

  getRange(a1: string): FakeRange {
    this._count('getRange');
    const { sheetName } = splitSheetName(String(a1));
    const sheet = sheetName === undefined ? this._active : this._sheetNamed(sheetName);
    if (!sheet) throw new Error(`Range not found: ${a1}`);
    return sheet._rangeA1(a1);
  }

  getRangeByName(name: string): FakeRange | null {
    this._count('getRangeByName');
    const named = this._namedRanges.get(String(name).toUpperCase());
    return named ? named._range : null;
  }

  getNamedRanges(): FakeNamedRange[] {
    this._count('getNamedRanges');
    return Array.from(this._namedRanges.values());
  }

  setNamedRange(name: string, range: FakeRange): void {
    this._change('setNamedRange');
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
      throw new Error(`Named range names must start with a letter or underscore and cannot look like a cell: ${name}`);
    this._namedRanges.set(name.toUpperCase(), new FakeNamedRange(this, name, range));
  }

  removeNamedRange(name: string): void {
    this._change('removeNamedRange');
    this._namedRanges.delete(String(name).toUpperCase());
  }

  toast(message: string, title = '', _timeoutSeconds?: number | null): void {
    this._change('toast');
    this._toasts.push({ message: String(message), title: String(title) });
  }

  /** GET /api/spreadsheet: `{ sheets: [{ name, values, formulas, … }] }`, in tab order. Not counted. */
  toJSON() {
    return {
      name: this._title,
      timeZone: this._timeZone,
      activeSheet: this._active._name,
      namedRanges: Array.from(this._namedRanges.values()).map((n) => ({ name: n._name, sheet: n._range._sheet._name, row: n._range._row, column: n._range._column, rows: n._range._rows, columns: n._range._columns })),
      sheets: this._sheets.map((sheet) => sheet._snapshot()),
      protections: this._protections.map((p) => ({ sheet: p._sheet._name, ...p._snapshot() })),
    };
  }
}
