/**
 * The fakes are typed against @types/google-apps-script: each fake class `implements` a checked
 * subset of Google's interface (test/fakes/google/checked.ts). What this file asserts is checked
 * by `npm run typecheck`: every public method of a fake exists in Google's interface and is in
 * the checked list, and a method with a wrong signature does not compile. The test at the end
 * only keeps node's runner from calling the file empty.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Checked } from './google/checked';
import type { ChartBuilderMethods, ChartMethods, ContainerMethods, FakeChartBuilder, FakeContainerInfo, FakeEmbeddedChart } from './google/charts';
import type { FakeRange, RangeMethods } from './google/range';
import type { FakeSheet, SheetMethods } from './google/sheet';
import type { FakeSpreadsheet, SpreadsheetMethods } from './google/spreadsheet';
import type { FakeProtection } from './google/protection';

/** Methods a script could call: not the fake's own `_helpers`, nor toJSON (what JSON.stringify calls). */
type PublicMethods<T> = { [K in keyof T]: K extends `_${string}` | 'toJSON' ? never : T[K] extends (...args: never[]) => unknown ? K : never }[keyof T];
type Nothing<T> = [T] extends [never] ? true : false;

// No fake method that Google does not have (a typo would be one) …
export const rangeInGoogle: Nothing<Exclude<PublicMethods<FakeRange>, keyof GoogleAppsScript.Spreadsheet.Range>> = true;
export const sheetInGoogle: Nothing<Exclude<PublicMethods<FakeSheet>, keyof GoogleAppsScript.Spreadsheet.Sheet>> = true;
export const spreadsheetInGoogle: Nothing<Exclude<PublicMethods<FakeSpreadsheet>, keyof GoogleAppsScript.Spreadsheet.Spreadsheet>> = true;
export const chartBuilderInGoogle: Nothing<Exclude<PublicMethods<FakeChartBuilder>, keyof GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder>> = true;
export const chartInGoogle: Nothing<Exclude<PublicMethods<FakeEmbeddedChart>, keyof GoogleAppsScript.Spreadsheet.EmbeddedChart>> = true;
export const containerInGoogle: Nothing<Exclude<PublicMethods<FakeContainerInfo>, keyof GoogleAppsScript.Spreadsheet.ContainerInfo>> = true;
export const protectionInGoogle: Nothing<Exclude<PublicMethods<FakeProtection>, keyof GoogleAppsScript.Spreadsheet.Protection>> = true;
// … and none left out of the signature check.
export const rangeChecked: Nothing<Exclude<PublicMethods<FakeRange>, RangeMethods>> = true;
export const sheetChecked: Nothing<Exclude<PublicMethods<FakeSheet>, SheetMethods>> = true;
export const spreadsheetChecked: Nothing<Exclude<PublicMethods<FakeSpreadsheet>, SpreadsheetMethods>> = true;
export const chartBuilderChecked: Nothing<Exclude<PublicMethods<FakeChartBuilder>, ChartBuilderMethods>> = true;
export const chartChecked: Nothing<Exclude<PublicMethods<FakeEmbeddedChart>, ChartMethods>> = true;
export const containerChecked: Nothing<Exclude<PublicMethods<FakeContainerInfo>, ContainerMethods>> = true;

type Range = GoogleAppsScript.Spreadsheet.Range;
// A wrong parameter type, a wrong result type, a parameter Google never passes: each is an error.
// @ts-expect-error setValues takes a 2-D array, not a string
export const wrongParameter: Checked<Range, 'setValues'> = { setValues: (_values: string) => undefined };
// @ts-expect-error getNumRows returns a number
export const wrongResult: Checked<Range, 'getNumRows'> = { getNumRows: () => '3' };
// @ts-expect-error setNumberFormat takes one argument; the fake may not require a second
export const extraParameter: Checked<Range, 'setNumberFormat'> = { setNumberFormat: (_format: string, _rows: number) => undefined };
// A fake may return a fake where Google returns a Range.
export const fakeResult: Checked<Range, 'getSheet'> = { getSheet: () => ({ fake: true }) };

test('the fake types are checked by npm run typecheck (see this file)', () => {
  const checks = [rangeInGoogle, sheetInGoogle, spreadsheetInGoogle, protectionInGoogle, rangeChecked, sheetChecked, spreadsheetChecked];
  const chartChecks = [chartBuilderInGoogle, chartInGoogle, containerInGoogle, chartBuilderChecked, chartChecked, containerChecked];
  assert.deepEqual(checks.concat(chartChecks), new Array(13).fill(true));
});
