/**
 * The policy a settlement runs with: the Double 11 tiers (or the Policy sheet's, when the user
 * ticks it), the SPEC §2 options from the sidebar, and the coefficient the user typed, built by
 * the same buildPolicy as the sidebar's preview and read by the same reader as the CLI's policy
 * file, so the checks and messages are the same.
 */
import { double11Policy, type Policy } from '../core/policy';
import type { Language } from '../output/language';
import { buildPolicy } from '../input/buildPolicy';
import { policyFromCells, policyToJson, type PolicyRead } from '../input/policyReader';
import type { PolicyMessage } from '../input/policyText';
import type { Cell } from '../input/number';
import type { SettlementRequest } from '../protocol/messages';
import { RequestError } from './validate';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The named range custom functions take as `policy` and the sidebar reads tiers from. */
export const POLICY_RANGE_NAME = 'GMV_POLICY';

export interface PolicySheetRead {
  rangeName: string;
  sheetName: string;
  read: PolicyRead;
}

/** Undefined when the spreadsheet has no GMV_POLICY named range. */
export function readPolicySheet(spreadsheet: Spreadsheet): PolicySheetRead | undefined {
  const range = spreadsheet.getRangeByName(POLICY_RANGE_NAME);
  if (!range) return undefined;
  return {
    rangeName: POLICY_RANGE_NAME,
    sheetName: range.getSheet().getName(),
    read: policyFromCells(range.getValues() as Cell[][]),
  };
}

/** Problems in the reader's language, one sentence each. */
export function inLanguage(problems: PolicyMessage[], language: Language): string[] {
  return problems.map((p) => (language === 'zh' ? p.zh : p.en));
}

/** The Policy sheet as the sidebar shows it: tiers in policy-JSON form, or what is wrong. */
export function policySheetSummary(spreadsheet: Spreadsheet, language: Language) {
  const sheet = readPolicySheet(spreadsheet);
  if (!sheet) return undefined;
  return {
    rangeName: sheet.rangeName,
    tiers: sheet.read.ok ? (policyToJson(sheet.read.policy).tiers as unknown[]) : [],
    problems: sheet.read.ok ? [] : inLanguage(sheet.read.problems, language),
  };
}

/**
 * The policy a write runs with: the request's base (the Policy sheet's tiers, when ticked, unchanged
 * since the preview) and the pure buildPolicy the sidebar's preview used, or a RequestError.
 */
export function requestPolicy(request: SettlementRequest, spreadsheet: () => Spreadsheet): Policy {
  const zh = request.language === 'zh';
  let base = double11Policy();
  if (request.usePolicySheet) {
    const sheet = readPolicySheet(spreadsheet());
    if (!sheet)
      throw new RequestError(
        zh
          ? `找不到政策表（命名区域 ${POLICY_RANGE_NAME}）：请从菜单插入政策表，或取消“使用政策表”。`
          : `There is no Policy sheet (named range ${POLICY_RANGE_NAME}): insert one from the add-on menu, or untick "use the Policy sheet".`,
      );
    if (!sheet.read.ok)
      throw new RequestError(zh ? `政策表“${sheet.sheetName}”有误：${inLanguage(sheet.read.problems, 'zh').join('；')}` : `Policy sheet "${sheet.sheetName}": ${inLanguage(sheet.read.problems, 'en').join('; ')}`);
    const tiersNow = policyToJson(sheet.read.policy).tiers;
    if (request.previewedPolicyTiers !== undefined && JSON.stringify(tiersNow) !== JSON.stringify(request.previewedPolicyTiers))
      throw new RequestError(
        zh
          ? `政策表“${sheet.sheetName}”在预览之后被修改过：请重新打开侧边栏以按新档位预览，核对后再写入。`
          : `The Policy sheet "${sheet.sheetName}" has changed since the preview: reopen the sidebar to preview with its new tiers, check them, then write again.`,
      );
    base = sheet.read.policy;
  }
  const built = buildPolicy(base, request.options, request.coefficient);
  if (!built.policy || built.problems.length > 0)
    throw new RequestError((zh ? '政策或系数设置有误，未写入：' : '') + inLanguage(built.problems, request.language).join(zh ? '；' : '; '));
  return built.policy;
}
