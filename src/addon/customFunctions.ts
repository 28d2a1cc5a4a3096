/**
 * The custom functions as the Apps Script bundle exposes them: each pure function of functions/
 * with its Date cells first read in the spreadsheet's time zone (sheetDates.ts), the one thing a
 * custom function needs from Apps Script.
 */
import { CUSTOM_FUNCTIONS } from '../functions';
import type { SheetArg } from '../functions/args';
import { sheetDatesAsText } from './sheetDates';

function inSpreadsheetZone(fn: (...args: SheetArg[]) => unknown) {
  return (...args: SheetArg[]) => fn(...sheetDatesAsText(args));
}

export const INCREMENTAL_GMV = inSpreadsheetZone(CUSTOM_FUNCTIONS.INCREMENTAL_GMV);
export const GMV_TIER = inSpreadsheetZone(CUSTOM_FUNCTIONS.GMV_TIER);
export const TIER_REWARD = inSpreadsheetZone(CUSTOM_FUNCTIONS.TIER_REWARD);
export const GMV_TO_NEXT_TIER = inSpreadsheetZone(CUSTOM_FUNCTIONS.GMV_TO_NEXT_TIER);
export const SETTLEMENT = inSpreadsheetZone(CUSTOM_FUNCTIONS.SETTLEMENT);
