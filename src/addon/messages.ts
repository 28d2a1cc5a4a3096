/** What the server says to the person at the sidebar or menu, in their language. */
import { fenToDisplay, type FenSum } from '../core/money';
import { languageOfLocale, type Language } from '../core/reasons';

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
    ? '另一个结算正在写入此表格(已等待 30 秒)。请稍后再试,不会重复写入。'
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
    ? `已写入结算明细"${names.lines}"(${lines} 行)和汇总"${names.summary}"。现金合计 ${total};冻结商家 ${blockedMerchants} 个;输入问题 ${issues} 条。`
    : `Settlement written: lines on sheet "${names.lines}" (${lines} lines), summary on "${names.summary}". Cash total ${total}; ${blockedMerchants} merchant(s) blocked; ${issues} input issue(s).`;
}

export function existsMessage(language: Language, sheetName: string, generatedAt: string): string {
  return language === 'zh'
    ? `相同的输入数据和政策已于 ${generatedAt} 结算,见工作表"${sheetName}"。未重复写入;如需重新结算,请先删除该工作表。`
    : `These inputs and this policy were already settled at ${generatedAt}, on sheet "${sheetName}". Nothing new was written; delete that sheet to settle again.`;
}

export function tooLargeMessage(language: Language, cells: number, limit: number): string {
  return language === 'zh'
    ? `结算需要约 ${cells} 个单元格,超出本表格可用的 ${limit} 个。请分批结算,或使用命令行工具 gmv-settle。`
    : `The settlement needs about ${cells} cells, more than the ${limit} this spreadsheet can take. Settle in parts, or use the gmv-settle command line.`;
}

export function sheetNames(language: Language, day: string, sequence: number): { lines: string; summary: string } {
  const lines = language === 'zh' ? `结算 ${day} #${sequence}` : `Settlement ${day} #${sequence}`;
  return { lines, summary: lines + (language === 'zh' ? ' 汇总' : ' summary') };
}
