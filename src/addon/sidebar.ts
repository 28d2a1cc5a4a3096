/** The sidebar and the help dialog. Sidebar.html is built into dist/ as one self-contained file. */
import { requireAllScopes } from './consent';
import { helpHtml, helpTitle } from './help';
import { userLanguage } from './messages';

const SIDEBAR_TITLES = { en: 'Double 11 settlement', zh: '双11激励结算' };

export function showSidebar(): void {
  requireAllScopes();
  const output = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(SIDEBAR_TITLES[userLanguage()]);
  SpreadsheetApp.getUi().showSidebar(output);
}

export function showHelp(): void {
  const language = userLanguage();
  const output = HtmlService.createHtmlOutput(helpHtml(language)).setWidth(560).setHeight(520);
  SpreadsheetApp.getUi().showModalDialog(output, helpTitle(language));
}
