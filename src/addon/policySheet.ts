/**
 * The Policy sheet: the SPEC §1 tiers as a table the user can edit, behind the named range
 * GMV_POLICY. The sidebar can settle with it, and custom functions take it as their `policy`
 * argument, so changing a rate recalculates every what-if formula. It is inserted once; a
 * second request selects the existing range rather than adding a rival copy. Its columns are the
 * tier keys of core/policyKeys, in their order, headed and explained from there.
 */
import { fenToNumber, type Dec, type Fen } from '../core/money';
import { double11Policy, type Tier } from '../core/policy';
import { TIER_KEYS, type TierKeySpec } from '../core/policyKeys';
import type { Language } from '../output/language';
import { sheetText } from '../output/sheetText';
import { SHEET_FORMATS } from '../output/sheetTables';
import { userLanguage } from './messages';
import { POLICY_RANGE_NAME } from './policySource';
import type { PolicySheetResult } from '../protocol/messages';
import { quoteSheetName } from '../output/a1';
import { requireAllScopes } from './consent';

function note(language: Language, a1: string): string {
  return language === 'zh'
    ? `命名区域 ${POLICY_RANGE_NAME} = ${a1}。可直接修改门槛和比例；奖励系数留空则使用侧边栏填写的系数。自定义函数用法：=TIER_REWARD(B2, C2:AF2, D2, 0.05, "total", ${POLICY_RANGE_NAME})`
    : `Named range ${POLICY_RANGE_NAME} = ${a1}. Edit thresholds and rates here; leave the coefficient blank to use the one set in the sidebar. In formulas: =TIER_REWARD(B2, C2:AF2, D2, 0.05, "total", ${POLICY_RANGE_NAME})`;
}

/** A column's cells: as the policy reader reads them back (policyFromCells), formatted as finance reads them. */
function columnFormat(spec: TierKeySpec): string {
  if (spec.kind === 'money') return SHEET_FORMATS.money;
  if (spec.kind === 'count') return SHEET_FORMATS.count;
  return spec.use === 'cashback' ? SHEET_FORMATS.percent : SHEET_FORMATS.coefficient;
}

function cellValue(spec: TierKeySpec, value: Fen | Dec | number | undefined): string | number {
  if (value === undefined) return '';
  if (spec.kind === 'money') return fenToNumber(value as Fen);
  return spec.kind === 'rate' ? Number((value as Dec).toString()) : (value as number);
}

/**
 * The sheet's cells: a heading per tier key, the Double 11 tiers, and under them the note and
 * each column's help, in the user's language.
 */
function policySheetCells(language: Language, a1: string): { values: (string | number)[][]; formats: string[][] } {
  const columns: readonly TierKeySpec[] = TIER_KEYS;
  const tiers = double11Policy().tiers;
  const textRow = (text: string) => columns.map((_, i) => (i === 0 ? sheetText(text) : ''));
  const textFormats = columns.map(() => SHEET_FORMATS.text);
  const tierFormats = columns.map(columnFormat);
  const help = columns.map((spec) => `${spec.heading[language]}${language === 'zh' ? '：' : ': '}${spec.help[language].replace(/`/g, '')}`);
  const values = [
    columns.map((spec) => sheetText(spec.heading[language])),
    ...tiers.map((tier) => columns.map((spec) => cellValue(spec, tier[spec.field as keyof Tier]))),
    textRow(''),
    textRow(note(language, a1)),
    ...help.map(textRow),
  ];
  // The blank row under the tiers is formatted like them: a tier added there reads as one.
  const formats = [textFormats, ...tiers.map(() => tierFormats), tierFormats, textFormats, ...help.map(() => textFormats)];
  return { values, formats };
}

/** "Policy", or "Policy 2", "Policy 3", … when the user already has a sheet of that name. */
function freeSheetName(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? 'Policy' : `Policy ${n}`;
    if (!spreadsheet.getSheetByName(name)) return name;
  }
}

export function insertPolicySheet(): PolicySheetResult {
  requireAllScopes();
  const language = userLanguage();
  const zh = language === 'zh';
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();

  const existing = spreadsheet.getRangeByName(POLICY_RANGE_NAME);
  if (existing) {
    existing.activate();
    const sheetName = existing.getSheet().getName();
    const a1 = `${quoteSheetName(sheetName)}!${existing.getA1Notation()}`;
    const message = zh
      ? `政策表已存在：命名区域 ${POLICY_RANGE_NAME} 位于 ${a1}，已为您选中。`
      : `A Policy sheet already exists: the named range ${POLICY_RANGE_NAME} is ${a1}, now selected.`;
    spreadsheet.toast(message, 'Policy', 8);
    return { outcome: 'exists', sheetName, rangeName: POLICY_RANGE_NAME, a1, message };
  }

  const sheetName = freeSheetName(spreadsheet);
  const sheet = spreadsheet.insertSheet(sheetName);
  const tierRange = sheet.getRange(1, 1, double11Policy().tiers.length + 1, TIER_KEYS.length);
  const cells = policySheetCells(language, tierRange.getA1Notation());
  const block = sheet.getRange(1, 1, cells.values.length, TIER_KEYS.length);
  block.setValues(cells.values);
  block.setNumberFormats(cells.formats);
  sheet.setFrozenRows(1);
  spreadsheet.setNamedRange(POLICY_RANGE_NAME, tierRange);
  tierRange.activate();

  const a1 = `${quoteSheetName(sheetName)}!${tierRange.getA1Notation()}`;
  const message = zh
    ? `已插入政策表“${sheetName}”，命名区域 ${POLICY_RANGE_NAME} = ${a1}。修改后，在侧边栏勾选“使用政策表”即可按新政策结算。`
    : `Inserted the Policy sheet "${sheetName}" with the named range ${POLICY_RANGE_NAME} = ${a1}. Tick "use the Policy sheet" in the sidebar to settle with it.`;
  spreadsheet.toast(message, 'Policy', 8);
  return { outcome: 'inserted', sheetName, rangeName: POLICY_RANGE_NAME, a1, message };
}
