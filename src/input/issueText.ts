/**
 * Every input issue's message in English and Chinese. Merchant-ops read the sidebar and the
 * settlement in Chinese, so "GMV "12,3x" is not valid" has to reach them as 成交金额「12,3x」无法识别.
 * The English text is the JSON/CLI contract and stays as it was; the Chinese follows the same
 * facts (column, value, row) so either can be checked against the input.
 */
import { fenToDisplay, MAX_FEN, type FenSum } from '../core/money';
import { EXPECT_AMBIGUOUS, EXPECT_DATE, EXPECT_NO_YEAR, EXPECT_REAL } from './date';
import { codePointName, EXPECT_CONVERTED, EXPECT_ID } from './merchantId';
import { EXPECT_MONEY_RANGE, EXPECT_NO_PERCENT, EXPECT_NUMBER, EXPECT_PLAIN_IN_UNIT, EXPECT_RATE } from './number';

export interface IssueText {
  en: string;
  zh: string;
}

/** A column as issues name it. */
export interface ColumnLabel {
  en: string;
  zh: string;
}

export const COLUMN_LABELS = {
  merchantId: { en: 'merchant id', zh: '商家ID' },
  date: { en: 'date', zh: '日期' },
  gmv: { en: 'GMV', zh: '成交金额' },
  adSpend: { en: 'ad spend', zh: '磁力金牛消耗' },
  baseline: { en: 'baseline average', zh: '过往日均' },
  refund: { en: 'refunds', zh: '退款金额' },
  gmvOn: (date: string): ColumnLabel => ({ en: `GMV on ${date}`, zh: `${date}成交金额` }),
  tierTarget: (tier: number): ColumnLabel => ({ en: `tier ${tier} target`, zh: `第${tier}档目标` }),
};

/** What the readers say is expected, in Chinese; keyed by their English phrase. */
const EXPECTED_ZH: Record<string, string> = {
  [EXPECT_NUMBER]: '数字，如 1,234.50 或 12.3万',
  [EXPECT_NO_PERCENT]: '数字，如 1,234.50（百分比如 30% 只用于比例）',
  [EXPECT_RATE]: '不小于0的比例，如 30% 或 0.3',
  [EXPECT_MONEY_RANGE]: `不超过 ${fenToDisplay(MAX_FEN)} 的金额（单日或单个商家的金额超过此数不合常理，请检查单位）`,
  [EXPECT_PLAIN_IN_UNIT]: '不带单位的数字：列标题已给出单位，数值再带“万”“亿”“元”会产生歧义',
  [EXPECT_DATE]: '年份在前的日期，如 2025-11-11',
  [EXPECT_NO_YEAR]: '年份在前的日期，如 2025-11-11（此日期没有年份）',
  [EXPECT_AMBIGUOUS]: '年份在前的日期，如 2025-11-11（年份在后时无法确定日、月顺序）',
  [EXPECT_REAL]: '2000-01-01 至 2099-12-31 之间真实存在的日期，如 2025-11-11',
  [EXPECT_CONVERTED]: '文本格式的商家ID：该ID已被转换成数字（请把ID列设为纯文本后重新粘贴）',
  [EXPECT_ID]: '商家ID，如 00123',
};

export const ISSUE_TEXT = {
  missing: (label: ColumnLabel): IssueText => ({ en: `${label.en} is missing`, zh: `${label.zh}为空` }),
  badValue: (label: ColumnLabel, value: string, expected: string): IssueText => ({
    en: `${label.en} "${value}" is not valid: expected ${expected}`,
    zh: `${label.zh}「${value}」无法识别：应为${EXPECTED_ZH[expected] || expected}`,
  }),
  negative: (label: ColumnLabel, value: string): IssueText => ({
    en: `${label.en} "${value}" is negative: expected 0 or more`,
    zh: `${label.zh}「${value}」为负数：应为0或以上`,
  }),
  duplicateDay: (merchantId: string, date: string, row: number): IssueText => ({
    en: `duplicate: merchant ${merchantId} already has ${date} on row ${row}`,
    zh: `重复：商家 ${merchantId} 的 ${date} 已在第${row}行出现`,
  }),
  duplicateBaseline: (merchantId: string, row: number): IssueText => ({
    en: `duplicate: merchant ${merchantId} already has a baseline on row ${row}`,
    zh: `重复：商家 ${merchantId} 的过往日均已在第${row}行给出`,
  }),
  duplicateListing: (merchantId: string, row: number): IssueText => ({
    en: `duplicate: merchant ${merchantId} is already listed on row ${row}`,
    zh: `重复：商家 ${merchantId} 已在第${row}行列出`,
  }),
  leftOut: (date: string, firstCampaignDay: string): IssueText => ({
    en: `${date} is dated on or after the first campaign day (${firstCampaignDay}); left out of the baseline`,
    zh: `${date} 不早于首个活动日（${firstCampaignDay}），未计入过往日均`,
  }),
  targetsNotRising: (shown: string): IssueText => ({
    en: `tier targets must rise from tier 1 to tier 3, but are ${shown} (blank targets take the policy's)`,
    zh: `各档目标须逐档递增，实际为 ${shown}（空白的档位取政策门槛）`,
  }),
  unknownTargetsColumn: (label: string): IssueText => ({
    en: `column "${label}" is not a known targets column and is not used; tier targets are read from columns named 一档/二档/三档 or tier1/tier2/tier3`,
    zh: `「${label}」列无法识别，未使用；各档目标请使用列名 一档/二档/三档 或 tier1/tier2/tier3`,
  }),
  extraCells: (count: number): IssueText => ({
    en: `the row has ${count} value${count === 1 ? '' : 's'} beyond the last column heading; not used`,
    zh: `该行在最后一个列标题之后还有 ${count} 个值，未使用`,
  }),
  leftOutColumn: (date: string, firstCampaignDay: string): IssueText => ({
    en: `column ${date} is dated on or after the first campaign day (${firstCampaignDay}); left out of the baseline`,
    zh: `${date} 这一列不早于首个活动日（${firstCampaignDay}），未计入过往日均`,
  }),
  invisibleInId: (shown: string, codePoints: number[]): IssueText => {
    const names = codePoints.map(codePointName).join(', ');
    return {
      en: `merchant id "${shown}" contains invisible or control characters (${names}), which would make a second merchant that looks identical: retype the id`,
      zh: `商家ID「${shown}」含有不可见字符或控制字符（${names}），会被当作另一个看起来完全相同的商家：请重新输入该ID`,
    };
  },
  titleLine: (): IssueText => ({
    en: 'a title line above the column headings, not data: skipped',
    zh: '列标题上方的标题行，不是数据：已跳过',
  }),
  strayQuote: (): IssueText => ({
    en: 'a quote (") opens a field here but does not close where a field ends; the row was read to its line end and is not used: fix or remove the quote',
    zh: '此行有一个引号（"）开始了一个字段，但没有在字段结尾处闭合；本行按行尾读取，未使用：请修正或删除该引号',
  }),
  badBytes: (shown: string): IssueText => ({
    en: `the row has bytes that are not text in the file's encoding (${shown}): part of it was saved in another encoding; re-export the file as CSV UTF-8`,
    zh: `此行含有不符合文件编码的字节（${shown}）：其中一部分以其他编码保存；请重新导出为“CSV UTF-8”`,
  }),
  totalRow: (label: string): IssueText => ({
    en: `a total row ("${label}"), not a merchant: left out`,
    zh: `合计行（「${label}」），不是商家：未计入`,
  }),
  totalMismatch: (label: ColumnLabel, totalFen: FenSum, sumFen: FenSum): IssueText => ({
    en: `${label.en}: the export's total ${fenToDisplay(totalFen)} ≠ the rows' sum ${fenToDisplay(sumFen)}; a row may be missing or changed`,
    zh: `${label.zh}：导出文件的合计 ${fenToDisplay(totalFen)} ≠ 各行之和 ${fenToDisplay(sumFen)}；可能缺少或改动了某一行`,
  }),
  mayBelongTo: (row: number, source: SourceLabel, value: string, why: 'visible' | 'rounded' | 'name'): IssueText => {
    const because = {
      visible: { en: 'it is this id with invisible characters', zh: '它就是此ID加上不可见字符' },
      rounded: { en: 'this id, converted to a number, reads the same', zh: '此ID转换成数字后与之相同' },
      name: { en: 'that row has this merchant\'s name', zh: '该行的商家名称与此商家相同' },
    }[why];
    return {
      en: `row ${row} of ${source.en} (merchant id "${value}", rejected) may be this merchant's: ${because.en}; blocked until that row is fixed`,
      zh: `${source.zh}第${row}行（商家ID「${value}」，已拒绝）可能属于此商家：${because.zh}；该行修正前暂不结算`,
    };
  },
  targetWithoutCampaign: (merchantId: string): IssueText => ({
    en: `merchant ${merchantId} is on the targets list but has no campaign rows`,
    zh: `商家 ${merchantId} 在目标名单中，但没有活动日数据`,
  }),
  likelyMismatch: (merchantId: string, targetId: string, row: number, why: 'zeros' | 'name'): IssueText => ({
    en:
      `merchant ${merchantId} is not on the targets list, but target ${targetId} on row ${row} ` +
      (why === 'zeros' ? 'is the same id apart from leading zeros' : 'has the same name') +
      ': a likely mismatch; check the ids',
    zh: `商家 ${merchantId} 不在目标名单中，但目标名单第${row}行的 ${targetId} ` + (why === 'zeros' ? '与其仅相差前导零' : '与其商家名称相同') + '：很可能是同一商家，请核对ID',
  }),
};

/** Whole-table problems that stop a run (TableError), shared by the default engine and the SQL. */
export const TABLE_TEXT = {
  campaignBeforeHistory: (lastCampaignDay: string, firstHistoryDay: string): IssueText => ({
    en: `The campaign data ends on ${lastCampaignDay}, before the history starts (${firstHistoryDay}). Were the history and the campaign data given the wrong way round?`,
    zh: `活动日数据截止于 ${lastCampaignDay}，早于历史数据的开始日期（${firstHistoryDay}）。是否把历史数据和活动日数据放反了？`,
  }),
  /** `row`: the campaign row the first campaign day comes from, where a typo would have moved it. */
  historyInsideCampaign: (firstCampaignDay: string, row: number): IssueText => ({
    en:
      `Every history day is on or after the first campaign day (${firstCampaignDay}, campaign row ${row}), so no history is left for a baseline.` +
      ' Were the history and the campaign data given the wrong way round? Or is that campaign date a typo?',
    zh:
      `所有历史数据的日期都不早于首个活动日（${firstCampaignDay}，活动日数据第${row}行），没有可用于计算过往日均的历史数据。` +
      '是否把历史数据和活动日数据放反了？或者该活动日日期有误？',
  }),
};

export interface SourceLabel {
  en: string;
  zh: string;
}
