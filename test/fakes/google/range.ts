/** A fake Range: a rectangle of a FakeSheet. Every public method is counted (see CallLog). */
import { a1Text } from './a1';
import { Cell, displayValue, enterValue, readValue, StoredValue } from './cellValues';
import type { Checked } from './checked';
import type { FakeProtection } from './protection';
import type { FakeSheet } from './sheet';

export type RangeMethods =
  | 'getValues' | 'getValue' | 'getDisplayValues' | 'getFormulas' | 'getFormula' | 'getNumberFormats' | 'getNumberFormat'
  | 'setValues' | 'setValue' | 'setNumberFormats' | 'setNumberFormat' | 'clearContent' | 'createFilter' | 'getFilter'
  | 'activate' | 'getSheet' | 'getA1Notation' | 'getRow' | 'getColumn' | 'getNumRows' | 'getNumColumns' | 'getLastRow' | 'getLastColumn'
  | 'protect';

export class FakeRange implements Checked<GoogleAppsScript.Spreadsheet.Range, RangeMethods> {
  constructor(
    readonly _sheet: FakeSheet,
    readonly _row: number,
    readonly _column: number,
    readonly _rows: number,
    readonly _columns: number,
  ) {}

  private _count(method: string): void {
    this._sheet._calls().count('Range.' + method);
  }

  /** A call that changes the document: refused inside a custom function, as in Sheets. */
  private _change(method: string): void {
    this._count(method);
    this._sheet._parent._refuseInCustomFunction(method);
    this._sheet._parent._refuseProtected(this._sheet, this._row, this._column, this._rows, this._columns);
  }

  private _map<T>(read: (cell: Cell | undefined) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this._rows; r++) {
      const row: T[] = [];
      for (let c = 0; c < this._columns; c++) row.push(read(this._sheet._cell(this._row + r, this._column + c)));
      out.push(row);
    }
    return out;
  }

  private _checkShape(data: unknown, what: string): unknown[][] {
    if (!Array.isArray(data) || data.some((row) => !Array.isArray(row)))
      throw new Error(`The parameters (${what}) don't match the method signature: a two-dimensional array is expected.`);
    const rows = data as unknown[][];
    if (rows.length !== this._rows)
      throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${this._rows}.`);
    rows.forEach((row) => {
      if (row.length !== this._columns)
        throw new Error(`The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this._columns}.`);
    });
    return rows;
  }

  getValues(): (StoredValue | Date)[][] {
    this._count('getValues');
    const zone = this._sheet._timeZone();
    return this._map((cell) => readValue(cell, zone));
  }

  getValue(): StoredValue | Date {
    this._count('getValue');
    return readValue(this._sheet._cell(this._row, this._column), this._sheet._timeZone());
  }

  getDisplayValues(): string[][] {
    this._count('getDisplayValues');
    return this._map(displayValue);
  }

  getFormulas(): string[][] {
    this._count('getFormulas');
    return this._map((cell) => (cell && cell.formula) || '');
  }

  getFormula(): string {
    this._count('getFormula');
    const cell = this._sheet._cell(this._row, this._column);
    return (cell && cell.formula) || '';
  }

  getNumberFormats(): string[][] {
    this._count('getNumberFormats');
    return this._map((cell) => (cell && cell.format) || 'General');
  }

  getNumberFormat(): string {
    this._count('getNumberFormat');
    const cell = this._sheet._cell(this._row, this._column);
    return (cell && cell.format) || 'General';
  }

  setValues(values: unknown[][]): FakeRange {
    this._change('setValues');
    const rows = this._checkShape(values, 'Object[][]');
    const zone = this._sheet._timeZone();
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        const current = this._sheet._cell(this._row + r, this._column + c);
        this._sheet._put(this._row + r, this._column + c, enterValue(value, current && current.format, zone));
      }),
    );
    return this;
  }

  setValue(value: unknown): FakeRange {
    this._change('setValue');
    const current = this._sheet._cell(this._row, this._column);
    this._sheet._put(this._row, this._column, enterValue(value, current && current.format, this._sheet._timeZone()));
    return this;
  }

  setNumberFormats(formats: string[][]): FakeRange {
    this._change('setNumberFormats');
    const rows = this._checkShape(formats, 'String[][]');
    rows.forEach((row, r) => row.forEach((format, c) => this._setFormat(this._row + r, this._column + c, String(format))));
    return this;
  }

  setNumberFormat(format: string): FakeRange {
    this._change('setNumberFormat');
    for (let r = 0; r < this._rows; r++)
      for (let c = 0; c < this._columns; c++) this._setFormat(this._row + r, this._column + c, format);
    return this;
  }

  private _setFormat(row: number, column: number, format: string): void {
    // In place: every cell object belongs to one sheet (setValues and template copies make new ones).
    const cell = this._sheet._cell(row, column);
    if (cell) cell.format = format;
    else this._sheet._put(row, column, { value: '', format });
  }

  clearContent(): FakeRange {
    this._change('clearContent');
    for (let r = 0; r < this._rows; r++)
      for (let c = 0; c < this._columns; c++) {
        const cell = this._sheet._cell(this._row + r, this._column + c);
        if (cell) this._sheet._put(this._row + r, this._column + c, { value: '', format: cell.format });
      }
    return this;
  }

  createFilter(): FakeFilter {
    this._change('createFilter');
    if (this._sheet._filter) throw new Error("You can't create a filter in a sheet that already has a filter.");
    this._sheet._filter = new FakeFilter(this);
    return this._sheet._filter;
  }

  getFilter(): FakeFilter | null {
    this._count('getFilter');
    return this._sheet._filter;
  }

  activate(): FakeRange {
    this._count('activate');
    this._sheet._parent._activate(this._sheet, this);
    return this;
  }

  /** A new protection over these cells (overlapping any there is), unrestricted until its editors change. */
  protect(): FakeProtection {
    this._count('protect');
    this._sheet._parent._refuseInCustomFunction('protect');
    return this._sheet._parent._protect('RANGE', this._sheet, this);
  }

  getSheet(): FakeSheet {
    this._count('getSheet');
    return this._sheet;
  }

  getA1Notation(): string {
    this._count('getA1Notation');
    return a1Text(this._row, this._column, this._rows, this._columns);
  }

  getRow(): number {
    this._count('getRow');
    return this._row;
  }

  getColumn(): number {
    this._count('getColumn');
    return this._column;
  }

  getNumRows(): number {
    this._count('getNumRows');
    return this._rows;
  }

  getNumColumns(): number {
    this._count('getNumColumns');
    return this._columns;
  }

  getLastRow(): number {
    this._count('getLastRow');
    return this._row + this._rows - 1;
  }

  getLastColumn(): number {
    this._count('getLastColumn');
    return this._column + this._columns - 1;
  }
}

/** A sheet's basic filter: Sheets allows one per sheet, over the range it was created on. */
export class FakeFilter implements Checked<GoogleAppsScript.Spreadsheet.Filter, 'getRange' | 'remove'> {
  constructor(readonly _range: FakeRange) {}

  getRange(): FakeRange {
    this._range._sheet._calls().count('Filter.getRange');
    return this._range;
  }

  remove(): void {
    this._range._sheet._calls().count('Filter.remove');
    this._range._sheet._parent._refuseInCustomFunction('remove');
    this._range._sheet._filter = null;
  }
}
