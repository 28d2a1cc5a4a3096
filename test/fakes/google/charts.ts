/**
 * Fake embedded charts: what the add-on uses of Sheet.newChart() → EmbeddedChartBuilder →
 * build() → Sheet.insertChart(), as Google documents it (Apps Script reference: EmbeddedChartBuilder,
 * EmbeddedChart, ContainerInfo, Sheet.insertChart). A builder is a copy until built; a chart is
 * on the sheet only once inserted; its position is an anchor cell (1-based, inside the sheet's
 * grid) and pixel offsets. Every call is counted, and inserting is a change a custom function
 * may not make.
 */
import { a1Text } from './a1';
import type { Checked } from './checked';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';

export type ChartBuilderMethods = 'addRange' | 'asColumnChart' | 'build' | 'getRanges' | 'getContainer' | 'setNumHeaders' | 'setOption' | 'setPosition';
export type ChartMethods = 'getRanges' | 'getContainerInfo' | 'getNumHeaders' | 'getChartId' | 'modify';
export type ContainerMethods = 'getAnchorRow' | 'getAnchorColumn' | 'getOffsetX' | 'getOffsetY';

interface ChartState {
  type: string;
  ranges: FakeRange[];
  options: Record<string, unknown>;
  numHeaders: number;
  position: { row: number; column: number; offsetX: number; offsetY: number };
  id: number | null;
}

function copy(state: ChartState): ChartState {
  return { ...state, ranges: state.ranges.slice(), options: { ...state.options }, position: { ...state.position } };
}

export class FakeContainerInfo implements Checked<GoogleAppsScript.Spreadsheet.ContainerInfo, ContainerMethods> {
  constructor(private readonly _position: ChartState['position']) {}
  getAnchorRow(): number {
    return this._position.row;
  }
  getAnchorColumn(): number {
    return this._position.column;
  }
  getOffsetX(): number {
    return this._position.offsetX;
  }
  getOffsetY(): number {
    return this._position.offsetY;
  }
}

export class FakeChartBuilder implements Checked<GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder, ChartBuilderMethods> {
  // Google's default: a chart at A1 with no offset, until setPosition says otherwise.
  constructor(
    readonly _sheet: FakeSheet,
    readonly _state: ChartState = { type: 'COMBO', ranges: [], options: {}, numHeaders: -1, position: { row: 1, column: 1, offsetX: 0, offsetY: 0 }, id: null },
  ) {}

  private _count(method: string): void {
    this._sheet._calls().count('EmbeddedChartBuilder.' + method);
  }

  addRange(range: FakeRange): FakeChartBuilder {
    this._count('addRange');
    if (range._sheet._parent !== this._sheet._parent) throw new Error('The range must be in the same spreadsheet as the chart.');
    this._state.ranges.push(range);
    return this;
  }

  asColumnChart(): FakeChartBuilder {
    this._count('asColumnChart');
    this._state.type = 'COLUMN';
    return this;
  }

  getRanges(): FakeRange[] {
    this._count('getRanges');
    return this._state.ranges.slice();
  }

  getContainer(): FakeContainerInfo {
    this._count('getContainer');
    return new FakeContainerInfo({ ...this._state.position });
  }

  setNumHeaders(headers: number): FakeChartBuilder {
    this._count('setNumHeaders');
    if (!Number.isInteger(headers) || headers < -1) throw new Error('Invalid argument: headers');
    this._state.numHeaders = headers;
    return this;
  }

  setOption(option: string, value: unknown): FakeChartBuilder {
    this._count('setOption');
    if (typeof option !== 'string' || option === '') throw new Error('Invalid argument: option');
    this._state.options[option] = value;
    return this;
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): FakeChartBuilder {
    this._count('setPosition');
    if (![anchorRowPos, anchorColPos, offsetX, offsetY].every(Number.isInteger))
      throw new Error("The parameters (number,number,number,number) don't match the method signature: whole numbers are expected.");
    if (anchorRowPos < 1 || anchorColPos < 1) throw new Error('The chart must be anchored to a cell of the sheet: rows and columns start at 1.');
    this._state.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }

  build(): FakeEmbeddedChart {
    this._count('build');
    if (this._state.ranges.length === 0) throw new Error('The chart has no data: add a range before building it.');
    return new FakeEmbeddedChart(this._sheet, copy(this._state));
  }
}

export class FakeEmbeddedChart implements Checked<GoogleAppsScript.Spreadsheet.EmbeddedChart, ChartMethods> {
  constructor(
    readonly _sheet: FakeSheet,
    readonly _state: ChartState,
  ) {}

  private _count(method: string): void {
    this._sheet._calls().count('EmbeddedChart.' + method);
  }

  getRanges(): FakeRange[] {
    this._count('getRanges');
    return this._state.ranges.slice();
  }

  getContainerInfo(): FakeContainerInfo {
    this._count('getContainerInfo');
    return new FakeContainerInfo({ ...this._state.position });
  }

  getNumHeaders(): number {
    this._count('getNumHeaders');
    return this._state.numHeaders;
  }

  /** null until the chart is on a sheet, as Google documents. */
  getChartId(): number | null {
    this._count('getChartId');
    return this._state.id;
  }

  modify(): FakeChartBuilder {
    this._count('modify');
    return new FakeChartBuilder(this._sheet, copy(this._state));
  }

  /** What a test or the preview reads: the chart as data. */
  _describe() {
    const a1 = (r: FakeRange) => `${r._sheet._name}!${a1Text(r._row, r._column, r._rows, r._columns)}`;
    return { type: this._state.type, title: this._state.options.title, options: { ...this._state.options }, ranges: this._state.ranges.map(a1), numHeaders: this._state.numHeaders, position: { ...this._state.position } };
  }
}
