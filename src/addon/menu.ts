/**
 * The add-on menu. onOpen may run with AuthMode.NONE (an add-on installed but not yet used in
 * this document), where reading the spreadsheet or its properties is refused, so it only builds
 * the menu; the language falls back to English if even the locale is refused.
 */
import type { ServerFunctionName } from './entry';
import { userLanguage } from './messages';

/** A menu item calls a server function by name: typed, so a misspelt one does not compile. */
const call = (name: ServerFunctionName): string => name;

const MENU_LABELS = {
  en: { sidebar: 'Open settlement sidebar', policy: 'Insert Policy sheet', cleanUp: 'Remove interrupted writes', help: 'Help', approve: 'Approve this settlement', verify: 'Verify approved settlements' },
  zh: { sidebar: '打开结算侧边栏', policy: '插入政策表 (Policy)', cleanUp: '清理中断的写入', help: '帮助', approve: '审批当前结算', verify: '核对已审批的结算' },
};

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const labels = MENU_LABELS[userLanguage()];
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(labels.sidebar, call('showSidebar'))
    .addItem(labels.policy, call('insertPolicySheet'))
    .addItem(labels.cleanUp, call('removeInterruptedWrites'))
    .addSeparator()
    .addItem(labels.approve, call('approveActiveSettlement'))
    .addItem(labels.verify, call('verifyApprovedSettlements'))
    .addSeparator()
    .addItem(labels.help, call('showHelp'))
    .addToUi();
}

/** An add-on installed from the Marketplace gets onInstall instead of the first onOpen. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}
