/**
 * Words the SQL needs that the default engine has no counterpart for yet: a warehouse table
 * without row numbers (the default engine always knows a row), and the rules of SPEC §7 that
 * issues 9 and 11 bring to it. Written like input/issueText, in English and Chinese; when those
 * issues land, their texts replace these.
 */
import type { IssueText } from '../input/issueText';

export const SQL_TEXT = {
  duplicateDayUnnumbered: (merchantId: string, date: string): IssueText => ({
    en: `duplicate: merchant ${merchantId} has more than one row for ${date}`,
    zh: `重复：商家 ${merchantId} 的 ${date} 有多行`,
  }),
  duplicateListingUnnumbered: (merchantId: string): IssueText => ({
    en: `duplicate: merchant ${merchantId} is listed more than once`,
    zh: `重复：商家 ${merchantId} 被列出多次`,
  }),
  likelyMismatchUnnumbered: (merchantId: string, targetId: string, why: 'zeros' | 'name'): IssueText => ({
    en:
      `merchant ${merchantId} is not on the targets list, but target ${targetId} ` +
      (why === 'zeros' ? 'is the same id apart from leading zeros' : 'has the same name') +
      ': a likely mismatch; check the ids',
    zh: `商家 ${merchantId} 不在目标名单中，但目标名单中的 ${targetId} ` + (why === 'zeros' ? '与其仅相差前导零' : '与其商家名称相同') + '：很可能是同一商家，请核对ID',
  }),
  /** SPEC §7 holds: the line pays what the last approved run paid, and says what it would pay now. */
  held: (reason: string, wouldPay: string, wouldTraffic: string): IssueText => ({
    en: `held: ${reason}; would pay ${wouldPay} and traffic ${wouldTraffic} now`,
    zh: `暂缓：${reason}；按本次结算应发 ${wouldPay}，流量 ${wouldTraffic}`,
  }),
  /** What the SQL engines do not read (SPEC §4): a row whose merchant is not known for sure. `row` is "source: id". */
  uncertainId: (row: string): IssueText => ({
    en: `${row}: a merchant id converted to a number, holding invisible characters, or a total row. The SQL engines do not guess which merchant such a row belongs to: fix the table, or settle the export with the default engine (gmv-settle without --engine), which blocks every merchant the row could belong to`,
    zh: `${row}：商家ID已被转换成数字、含不可见字符或是合计行。SQL 引擎不猜测这一行属于哪个商家：请修正表格，或用默认引擎结算该导出文件（gmv-settle 不加 --engine），它会冻结这一行可能属于的每个商家`,
  }),
};
