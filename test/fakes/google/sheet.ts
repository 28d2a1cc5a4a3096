/**
 * A fake Sheet: a grid of cells with Sheets' limits. A new sheet has 1000 rows and 26 columns,
 * a range outside the grid is an error, and growing the grid counts against the spreadsheet's
 * 10 million cells, as in Sheets — so a writer that forgets to size the sheet fails here too.
 */
import { NEW_SHEET_COLUMNS, NEW_SHEET_ROWS } from './limits';
import { parseA1, quoteSheetName, a1Text } from './a1';
import type { CallLog } from './calls';
import { Cell, displayValue, enterValue, isDateFormat } from './cellValues';
import { FakeChartBuilder, FakeEmbeddedChart } from './charts';
import type { Checked } from './checked';
import { FakeProtection, PROTECTED_MESSAGE, ProtectionType } from './protection';
import { FakeFilter, FakeRange } from './range';
import type { FakeSpreadsheet } from './spreadsheet';

export { NEW_SHEET_COLUMNS, NEW_SHEET_ROWS };

export type SheetMethods =
  | 'getName' | 'setName' | 'getSheetId' | 'getIndex' | 'getParent' | 'getRange' | 'getDataRange' | 'getLastRow' | 'getLastColumn'
  | 'getMaxRows' | 'getMaxColumns' | 'insertRowsAfter' | 'deleteRows' | 'insertColumnsAfter' | 'deleteColumns'
  | 'setFrozenRows' | 'getFrozenRows' | 'setFrozenColumns' | 'getFrozenColumns' | 'getFilter' | 'appendRow' | 'activate'
  | 'newChart' | 'insertChart' | 'getCharts'
  | 'protect' | 'getProtections' | 'copyTo' | 'hideSheet' | 'showSheet' | 'isSheetHidden';

export class FakeSheet implements Checked<GoogleAppsScript.Spreadsheet.Sheet, SheetMethods> {
  _rows: (Cell | undefined)[][] = [];
  _maxRows = NEW_SHEET_ROWS;
  _maxColumns = NEW_SHEET_COLUMNS;
  _frozenRows = 0;
  _frozenColumns = 0;
  _filter: FakeFilter | null = null;
  _charts: FakeEmbeddedChart[] = [];
  _hidden = false;

  constructor(
    readonly _parent: FakeSpreadsheet,
    public _name: string,
    readonly _id: number,
  ) {}

  _calls(): CallLog {
    return this._parent._calls;
  }

  _timeZone(): string {
    return this._parent._timeZone;
  }

  _cell(row: number, column: number): Cell | undefined {
    const cells = this._rows[row - 1];
    return cells ? cells[column - 1] : undefined;
  }

  _put(row: number, column: number, cell: Cell): void {
    while (this._rows.length < row) this._rows.push([]);
    this._rows[row - 1][column - 1] = cell;
  }

  _range(row: number, column: number, rows: number, columns: number): FakeRange {
    if (![row, column, rows, columns].every((n) => Number.isInteger(n)))
      throw new Error('The parameters (number,number,number,number) don\'t match the method signature: whole numbers are expected.');
    if (rows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (columns < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (row < 1 || column < 1 || row + rows - 1 > this._maxRows || column + columns - 1 > this._maxColumns)
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    return new FakeRange(this, row, column, rows, columns);
  }

  /** Resolves A1 notation on this sheet; open ends run to the grid's edge. */
  _rangeA1(a1: string): FakeRange {
    const ref = parseA1(a1);
    if (!ref) throw new Error(`Range not found: ${a1}`);
    const lastRow = ref.lastRow === undefined ? this._maxRows : ref.lastRow;
    const lastColumn = ref.lastColumn === undefined ? this._maxColumns : ref.lastColumn;
    return this._range(Math.min(ref.row, lastRow), Math.min(ref.column, lastColumn), Math.abs(lastRow - ref.row) + 1, Math.abs(lastColumn - ref.column) + 1);
  }

  _lastRow(): number {
    for (let r = this._rows.length; r > 0; r--) if (this._rows[r - 1].some(hasContent)) return r;
    return 0;
  }

  _lastColumn(): number {
    let last = 0;
    this._rows.forEach((cells) => cells.forEach((cell, c) => hasContent(cell) && (last = Math.max(last, c + 1))));
    return last;
  }

  private _count(method: string): void {
    this._parent._calls.count('Sheet.' + method);
  }

  /** A call that changes the document: refused inside a custom function, and on a protected sheet to those it does not allow. */
  private _change(method: string): void {
    this._count(method);
    this._parent._refuseInCustomFunction(method);
    this._parent._protections.forEach((p) => {
      if (p._kind === 'SHEET' && p._sheet === this && !p._allows(this._parent._activeUser())) throw new Error(PROTECTED_MESSAGE);
    });
  }

  getName(): string {
    this._count('getName');
    return this._name;
  }

  setName(name: string): FakeSheet {
    this._change('setName');
    this._parent._rename(this, name);
    return this;
  }

  getSheetId(): number {
    this._count('getSheetId');
    return this._id;
  }

  getIndex(): number {
    this._count('getIndex');
    return this._parent._sheets.indexOf(this) + 1;
  }

  getParent(): FakeSpreadsheet {
    this._count('getParent');
    return this._parent;
  }

  getRange(a: string | number, column?: number, rows?: number, columns?: number): FakeRange {
    this._count('getRange');
    if (typeof a === 'string') return this._rangeA1(a);
    return this._range(a, column as number, rows === undefined ? 1 : rows, columns === undefined ? 1 : columns);
  }

  getDataRange(): FakeRange {
    this._count('getDataRange');
    return this._range(1, 1, Math.max(1, this._lastRow()), Math.max(1, this._lastColumn()));
  }

  getLastRow(): number {
    this._count('getLastRow');
    return this._lastRow();
  }

  getLastColumn(): number {
    this._count('getLastColumn');
    return this._lastColumn();
  }

  getMaxRows(): number {
    this._count('getMaxRows');
    return this._maxRows;
  }

  getMaxColumns(): number {
    this._count('getMaxColumns');
    return this._maxColumns;
  }

  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    this._change('insertRowsAfter');
    if (afterPosition < 1 || afterPosition > this._maxRows || howMany < 1) throw new Error('Those rows are out of bounds.');
    this._parent._roomFor(howMany * this._maxColumns);
    if (this._rows.length > afterPosition) this._rows.splice(afterPosition, 0, ...Array.from({ length: howMany }, () => []));
    this._maxRows += howMany;
    return this;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this._change('deleteRows');
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this._maxRows) throw new Error('Those rows are out of bounds.');
    if (this._maxRows - howMany <= this._frozenRows) throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    this._rows.splice(rowPosition - 1, howMany);
    this._maxRows -= howMany;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    this._change('insertColumnsAfter');
    if (afterPosition < 1 || afterPosition > this._maxColumns || howMany < 1) throw new Error('Those columns are out of bounds.');
    this._parent._roomFor(howMany * this._maxRows);
    this._rows.forEach((cells) => cells.length > afterPosition && cells.splice(afterPosition, 0, ...new Array(howMany)));
    this._maxColumns += howMany;
    return this;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this._change('deleteColumns');
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this._maxColumns) throw new Error('Those columns are out of bounds.');
    if (this._maxColumns - howMany < 1) throw new Error('Sorry, it is not possible to delete all columns.');
    this._rows.forEach((cells) => cells.splice(columnPosition - 1, howMany));
    this._maxColumns -= howMany;
  }

  setFrozenRows(rows: number): void {
    this._change('setFrozenRows');
    if (rows >= this._maxRows) throw new Error("You can't freeze all visible rows on the sheet.");
    this._frozenRows = rows;
  }

  getFrozenRows(): number {
    this._count('getFrozenRows');
    return this._frozenRows;
  }

  setFrozenColumns(columns: number): void {
    this._change('setFrozenColumns');
    this._frozenColumns = columns;
  }

  getFrozenColumns(): number {
    this._count('getFrozenColumns');
    return this._frozenColumns;
  }

  getFilter(): FakeFilter | null {
    this._count('getFilter');
    return this._filter;
  }

  appendRow(values: unknown[]): FakeSheet {
    this._change('appendRow');
    const row = this._lastRow() + 1;
    if (row > this._maxRows) {
      this._parent._roomFor(this._maxColumns);
      this._maxRows = row;
    }
    values.forEach((value, c) => {
      const current = this._cell(row, c + 1);
      this._put(row, c + 1, enterValue(value, current && current.format, this._timeZone()));
    });
    return this;
  }

  activate(): FakeSheet {
    this._count('activate');
    this._parent._activate(this);
    return this;
  }

  newChart(): FakeChartBuilder {
    this._count('newChart');
    return new FakeChartBuilder(this);
  }

  /** The chart goes on the sheet at its anchor cell, which must be inside the sheet's grid. */
  insertChart(chart: FakeEmbeddedChart): void {
    this._change('insertChart');
    if (chart._sheet !== this) throw new Error('The chart was built for another sheet.');
    const { row, column } = chart._state.position;
    if (row > this._maxRows || column > this._maxColumns) throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    this._charts.push(new FakeEmbeddedChart(this, { ...chart._state, id: this._parent._nextChartId() }));
  }

  getCharts(): FakeEmbeddedChart[] {
    this._count('getCharts');
    return this._charts.slice();
  }

  /** The sheet's protection: the existing one if the sheet is protected already (Sheet.protect). */
  protect(): FakeProtection {
    this._count('protect');
    this._parent._refuseInCustomFunction('protect');
    return this._parent._protections.find((p) => p._kind === 'SHEET' && p._sheet === this) || this._parent._protect('SHEET', this, null);
  }

  getProtections(type: unknown): FakeProtection[] {
    this._count('getProtections');
    const kind = String(type) === ProtectionType.SHEET ? 'SHEET' : 'RANGE';
    return this._parent._protections.filter((p) => p._kind === kind && p._sheet === this);
  }

  /**
   * A copy of this sheet at the end of `spreadsheet`, named "Copy of …", with its cells, formats
   * and frozen rows; not its protections (Sheets copies none). Counts against the 10M cells.
   */
  copyTo(spreadsheet: FakeSpreadsheet): FakeSheet {
    this._count('copyTo');
    spreadsheet._refuseInCustomFunction('copyTo');
    spreadsheet._roomFor(this._maxRows * this._maxColumns);
    let name = `Copy of ${this._name}`;
    for (let n = 2; spreadsheet._sheetNamed(name); n++) name = `Copy of ${this._name} ${n}`;
    const copy = spreadsheet._addSheet(name, spreadsheet._sheets.length);
    copy._rows = this._rows.map((cells) => cells.map((cell) => (cell ? { ...cell } : cell)));
    copy._maxRows = this._maxRows;
    copy._maxColumns = this._maxColumns;
    copy._frozenRows = this._frozenRows;
    return copy;
  }

  /** Sheets refuses to hide the only visible sheet. */
  hideSheet(): FakeSheet {
    this._change('hideSheet');
    if (!this._hidden && this._parent._sheets.filter((s) => !s._hidden).length <= 1) throw new Error("You can't hide all the sheets in a document.");
    this._hidden = true;
    if (this._parent._active === this) this._parent._activate(this._parent._sheets.find((s) => !s._hidden)!);
    return this;
  }

  showSheet(): FakeSheet {
    this._change('showSheet');
    this._hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    this._count('isSheetHidden');
    return this._hidden;
  }

  /** The sheet as GET /api/spreadsheet shows it: values (dates as their displayed day), formulas, formats. */
  _snapshot() {
    const rows = this._lastRow();
    const columns = this._lastColumn();
    const grid = <T>(read: (cell: Cell | undefined) => T): T[][] =>
      Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => read(this._cell(r + 1, c + 1))));
    return {
      name: this._name,
      sheetId: this._id,
      values: grid((cell) => (!cell ? '' : cell.formula ? displayValue(cell) : typeof cell.value === 'number' && isDateFormat(cell.format) ? displayValue(cell) : cell.value)),
      formulas: grid((cell) => (cell && cell.formula) || ''),
      formats: grid((cell) => (cell && cell.format) || ''),
      display: grid(displayValue),
      frozenRows: this._frozenRows,
      filter: this._filter ? `${quoteSheetName(this._name)}!${a1Text(this._filter._range._row, this._filter._range._column, this._filter._range._rows, this._filter._range._columns)}` : null,
      maxRows: this._maxRows,
      maxColumns: this._maxColumns,
      charts: this._charts.map((chart) => chart._describe()),
      hidden: this._hidden,
    };
  }
}

function hasContent(cell: Cell | undefined): boolean {
  return !!cell && (cell.value !== '' || !!cell.formula);
}
