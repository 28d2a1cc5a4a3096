/**
 * The Policy sheet: the SPEC §1 tiers as a table the user can edit, behind the named range
 * GMV_POLICY. The sidebar can settle with it, and custom functions take it as their `policy`
 * argument, so changing a rate recalculates every what-if formula. It is inserted once; a
 * second request selects the existing range rather than adding a rival copy.
 */
import { fenToNumber } from '../core/money';
import { double11Policy } from '../core/policy';
import type { Language } from '../output/language';
import { sheetText } from '../output/sheetText';
import { SHEET_FORMATS } from '../output/sheetTables';
import { userLanguage } from './messages';
import { POLICY_RANGE_NAME } from './policySource';
import type { PolicySheetResult } from '../protocol/messages';
import { quoteSheetName } from '../output/a1';
import { requireAllScopes } from './consent';

const HEADINGS: Record<Language, string[]> = {
  en: ['GMV threshold (must exceed)', 'Cashback rate', 'Daily traffic cap', 'Red-packet coefficient (optional)'],
  zh: ['GMV门槛（需超过）', '磁力金牛返还比例', '每日流量封顶', '奖励系数（可选）'],
};

function note(language: Language): string {
  return language === 'zh'
    ? `命名区域 ${POLICY_RANGE_NAME} = A1:D4。可直接修改门槛和比例；奖励系数留空则使用侧边栏填写的系数。自定义函数用法：=TIER_REWARD(B2, C2:AF2, D2, 0.05, "total", ${POLICY_RANGE_NAME})`
    : `Named range ${POLICY_RANGE_NAME} = A1:D4. Edit thresholds and rates here; leave the coefficient blank to use the one set in the sidebar. In formulas: =TIER_REWARD(B2, C2:AF2, D2, 0.05, "total", ${POLICY_RANGE_NAME})`;
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
  const tiers = double11Policy().tiers;
  const blank = ['', '', '', ''];
  const values: (string | number)[][] = [
    HEADINGS[language].map(sheetText),
    ...tiers.map((t) => [fenToNumber(t.minGmvFen), Number(t.cashbackRate.toString()), t.trafficCapPerDay, '']),
    blank,
    [sheetText(note(language)), '', '', ''],
  ];
  const tierFormats = [SHEET_FORMATS.money, SHEET_FORMATS.percent, SHEET_FORMATS.count, SHEET_FORMATS.coefficient];
  const formats = [blank.map(() => SHEET_FORMATS.text), ...tiers.map(() => tierFormats), tierFormats, blank.map(() => SHEET_FORMATS.text)];
  const block = sheet.getRange(1, 1, values.length, 4);
  block.setValues(values);
  block.setNumberFormats(formats);
  sheet.setFrozenRows(1);
  const tierRange = sheet.getRange(1, 1, tiers.length + 1, 4);
  spreadsheet.setNamedRange(POLICY_RANGE_NAME, tierRange);
  tierRange.activate();

  const a1 = `${quoteSheetName(sheetName)}!${tierRange.getA1Notation()}`;
  const message = zh
    ? `已插入政策表“${sheetName}”，命名区域 ${POLICY_RANGE_NAME} = ${a1}。修改后，在侧边栏勾选“使用政策表”即可按新政策结算。`
    : `Inserted the Policy sheet "${sheetName}" with the named range ${POLICY_RANGE_NAME} = ${a1}. Tick "use the Policy sheet" in the sidebar to settle with it.`;
  spreadsheet.toast(message, 'Policy', 8);
  return { outcome: 'inserted', sheetName, rangeName: POLICY_RANGE_NAME, a1, message };
}
