/** SpreadsheetApp itself and its Ui: menus, sidebars and dialogs are recorded for tests to read. */
import type { CallLog } from './calls';
import type { Checked } from './checked';
import type { FakeHtmlOutput } from './html';
import { ProtectionType } from './protection';
import type { FakeSpreadsheet } from './spreadsheet';

export interface MenuItem {
  caption: string;
  functionName: string;
}

export class FakeMenu implements Checked<GoogleAppsScript.Base.Menu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  readonly _items: (MenuItem | 'separator' | { subMenu: FakeMenu })[] = [];

  constructor(
    readonly _ui: FakeUi,
    readonly _title: string,
  ) {}

  addItem(caption: string, functionName: string): FakeMenu {
    this._ui._calls.count('Menu.addItem');
    this._items.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }

  addSeparator(): FakeMenu {
    this._ui._calls.count('Menu.addSeparator');
    this._items.push('separator');
    return this;
  }

  addSubMenu(menu: FakeMenu): FakeMenu {
    this._ui._calls.count('Menu.addSubMenu');
    this._items.push({ subMenu: menu });
    return this;
  }

  addToUi(): void {
    this._ui._calls.count('Menu.addToUi');
    this._ui._menus.push(this);
  }
}

export const Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;
export const ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;

/** alert is left out of the check: Google's Button is a numeric enum, the fake answers its names. */
export class FakeUi implements Checked<GoogleAppsScript.Base.Ui, 'createAddonMenu' | 'createMenu' | 'showSidebar' | 'showModalDialog' | 'showModelessDialog'> {
  readonly _menus: FakeMenu[] = [];
  _sidebar: FakeHtmlOutput | null = null;
  readonly _dialogs: { output: FakeHtmlOutput; title: string; modal: boolean }[] = [];
  readonly _alerts: string[] = [];
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(readonly _calls: CallLog) {}

  createAddonMenu(): FakeMenu {
    this._calls.count('Ui.createAddonMenu');
    return new FakeMenu(this, '(add-on)');
  }

  createMenu(title: string): FakeMenu {
    this._calls.count('Ui.createMenu');
    return new FakeMenu(this, String(title));
  }

  showSidebar(output: FakeHtmlOutput): void {
    this._calls.count('Ui.showSidebar');
    this._sidebar = output;
  }

  showModalDialog(output: FakeHtmlOutput, title: string): void {
    this._calls.count('Ui.showModalDialog');
    this._dialogs.push({ output, title: String(title), modal: true });
  }

  showModelessDialog(output: FakeHtmlOutput, title: string): void {
    this._calls.count('Ui.showModelessDialog');
    this._dialogs.push({ output, title: String(title), modal: false });
  }

  alert(a: string, b?: string): string {
    this._calls.count('Ui.alert');
    this._alerts.push(b === undefined || typeof b !== 'string' ? String(a) : `${a}: ${b}`);
    return Button.OK;
  }
}

/** The SpreadsheetApp global: one active spreadsheet, one Ui. */
export function createSpreadsheetApp(spreadsheet: FakeSpreadsheet, ui: FakeUi, calls: CallLog) {
  const app: Checked<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'getActiveSpreadsheet' | 'getActive' | 'getActiveSheet' | 'getUi' | 'flush'> & {
    ProtectionType: typeof ProtectionType;
  } = {
    ProtectionType,
    getActiveSpreadsheet() {
      calls.count('SpreadsheetApp.getActiveSpreadsheet');
      return spreadsheet;
    },
    getActive() {
      calls.count('SpreadsheetApp.getActive');
      return spreadsheet;
    },
    getActiveSheet() {
      calls.count('SpreadsheetApp.getActiveSheet');
      return spreadsheet._active;
    },
    getUi() {
      calls.count('SpreadsheetApp.getUi');
      return ui;
    },
    /** Writes in the fake are immediate; flush only counts. */
    flush() {
      calls.count('SpreadsheetApp.flush');
    },
  };
  return app;
}
