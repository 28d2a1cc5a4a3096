/** What the server says to the person at the sidebar or menu, in their language. */
import { fenToDisplay, type FenSum } from '../core/money';
import { groupedCount } from '../output/counts';
import { languageOfLocale, type Language } from '../output/language';

/** Chinese for zh locales (zh, zh_CN, zh_TW, …), English otherwise, as the sidebar decides. */

/**
 * The user's language. In onOpen under AuthMode.NONE even this may be refused, and a menu in
 * English is better than no menu.
 */
export function userLanguage(): Language {
  try {
    return languageOfLocale(Session.getActiveUserLocale());
  } catch (e) {
    return 'en';
  }
}

export function busyMessage(language: Language): string {
  return language === 'zh'
    ? '另一个结算正在写入此表格（已等待 30 秒）。请稍后再试，不会重复写入。'
    : 'Another settlement is being written to this spreadsheet (waited 30 seconds). Try again in a minute; nothing was written twice.';
}

export function noDocumentMessage(): string {
  return 'The settlement can only be written from a spreadsheet: open the sidebar from the add-on menu of a Google Sheet.';
}

export function writtenMessage(
  language: Language,
  names: { lines: string; summary: string },
  lines: number,
  cashTotalFen: FenSum,
  blockedMerchants: number,
  issues: number,
): string {
  const total = fenToDisplay(cashTotalFen);
  return language === 'zh'
    ? `已写入结算明细“${names.lines}”（${lines} 行）和汇总“${names.summary}”。现金合计 ${total}；冻结商家 ${blockedMerchants} 个；输入问题 ${issues} 条。`
    : `Settlement written: lines on sheet "${names.lines}" (${lines} lines), summary on "${names.summary}". Cash total ${total}; ${blockedMerchants} merchant(s) blocked; ${issues} input issue(s).`;
}

export function existsMessage(language: Language, sheetName: string, generatedAt: string): string {
  return language === 'zh'
    ? `相同的输入数据和政策已于 ${generatedAt} 结算，见工作表“${sheetName}”。未重复写入；如需重新结算，请先删除该工作表。`
    : `These inputs and this policy were already settled at ${generatedAt}, on sheet "${sheetName}". Nothing new was written; delete that sheet to settle again.`;
}

export function tooLargeMessage(language: Language, existing: number, added: number, limit: number): string {
  return language === 'zh'
    ? `未写入：本结算需要 ${groupedCount(added)} 个单元格，而本表格已有 ${groupedCount(existing)} 个，合计超过 Google 表格每个文件 ${groupedCount(limit)} 个单元格的上限。请使用命令行工具 gmv-settle，或每次结算较少的商家（也可删除不再需要的工作表）。`
    : `Nothing was written: this settlement needs ${groupedCount(added)} cells and the spreadsheet already holds ${groupedCount(existing)}, more than Google Sheets' ${groupedCount(limit)} cells per spreadsheet. Use the gmv-settle command line, or settle fewer merchants per run (or delete sheets you no longer need).`;
}

export function storeFullMessage(language: Language): string {
  return language === 'zh'
    ? '未写入：无法在本表格的文档属性（共 500 KB，很可能已满）中记录这次结算，已写入的工作表已移除。请删除旧的结算工作表（其记录会随之清除）后再试。'
    : "Nothing was written: the settlement could not be recorded in this spreadsheet's document properties (500 KB in all, most likely full), and its sheets were removed. Delete old settlement sheets (their records go with them) and try again.";
}

export function writeGoneMessage(language: Language): string {
  return language === 'zh'
    ? '这次写入已中断并被清理（未完成的工作表已移除）。请再次点击按钮写入结算。'
    : 'This write was interrupted and cleaned up (its unfinished sheets were removed). Press the button to write the settlement again.';
}

export function linesMismatchMessage(language: Language): string {
  return language === 'zh'
    ? '侧边栏发送的明细与服务器结算的结果不一致（预览之后数据或工作表区域是否被修改？）。未完成的工作表已移除，请重新预览后再写入。'
    : 'The lines the sidebar sent are not the ones the server settled (did the data or a sheet range change since the preview?). The unfinished sheets were removed; preview again, then write.';
}

export function writingElsewhereMessage(language: Language): string {
  return language === 'zh'
    ? '另一位用户正在写入同一份结算，几分钟内即可完成。未重复写入。'
    : 'Someone else is writing this same settlement right now; it will be ready in a few minutes. Nothing was written twice.';
}

export function interruptedRemovedMessage(language: Language, removed: number, inProgress: number): string {
  const zh = language === 'zh';
  const done = zh ? `已移除 ${removed} 个中断写入留下的工作表。` : `Removed ${removed} sheet(s) left by interrupted writes.`;
  const live = inProgress === 0 ? '' : zh ? `另有 ${inProgress} 个结算正在写入，未动。` : ` ${inProgress} settlement(s) being written now were left alone.`;
  return done + live;
}

export function sheetNames(language: Language, day: string, sequence: number): { lines: string; summary: string; trueUp: string } {
  const lines = language === 'zh' ? `结算 ${day} #${sequence}` : `Settlement ${day} #${sequence}`;
  return { lines, summary: lines + (language === 'zh' ? ' 汇总' : ' summary'), trueUp: lines + (language === 'zh' ? ' 差额' : ' true-up') };
}

/** A sheet being written carries this until every block is in: a half-written settlement never looks whole. */
export function writingName(name: string, language: Language): string {
  return name + (language === 'zh' ? '(写入中)' : ' (writing)');
}

/** A leftover of an interrupted write: one of our settlement names, still marked as being written. */
export const WRITING_SHEET = /^(Settlement|结算) \d{4}-\d{2}-\d{2} #\d+.*( \(writing\)|(写入中))$/;

/** Which run a write made, and for a true-up where its differences are (SPEC §7). */
export function runWrittenMessage(language: Language, campaign: string, run: number, trueUpSheet: string | undefined, against: number): string {
  const zh = language === 'zh';
  const which = zh ? `活动“${campaign}”第${run}次结算（草稿，待审批）。` : `Run ${run} of "${campaign}" (a draft until approved).`;
  if (!trueUpSheet) return which;
  return which + (zh ? `与已审批的第${against}次结算的差额见工作表“${trueUpSheet}”。` : ` Its differences against approved run ${against} are on sheet "${trueUpSheet}".`);
}

/** The campaign's latest approved run is not the one the preview trued up against. */
export function againstChangedMessage(language: Language, campaign: string, previewed: number, now: number): string {
  const zh = language === 'zh';
  const run = (n: number) => (n === 0 ? (zh ? '无' : 'none') : zh ? `第${n}次结算` : `run ${n}`);
  return zh
    ? `活动“${campaign}”的最新已审批结算在预览之后变了（预览对照：${run(previewed)}；现在：${run(now)}）。未写入；请重新打开侧边栏，按新的对照结算预览后再写入。`
    : `The latest approved run of "${campaign}" has changed since the preview (the preview was against ${run(previewed)}; now it is ${run(now)}). Nothing was written; reopen the sidebar to preview against it, then write.`;
}
