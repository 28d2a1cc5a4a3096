/**
 * The custom functions as the Apps Script bundle exposes them (`App.CUSTOM_FUNCTIONS`, one
 * top-level stub per key): each pure function of functions/ with its Date cells first read in
 * the spreadsheet's time zone (sheetDates.ts), the one thing a custom function needs from Apps
 * Script.
 */
import { customFunctions } from '../functions';
import { sheetDatesAsText } from './sheetDates';

export const CUSTOM_FUNCTIONS = customFunctions(sheetDatesAsText);
