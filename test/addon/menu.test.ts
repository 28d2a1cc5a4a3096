import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SERVER, SERVER_FUNCTIONS } from '../../src/addon/entry';
import { AUTHORIZATION_REQUIRED } from '../fakes/google';
import { request, useGoogle } from './support';

const { insertPolicySheet, onInstall, onOpen, showHelp, showSidebar, writeSettlement } = SERVER;

let restore = () => undefined as void;
afterEach(() => restore());

function setUp(options = {}) {
  const installed = useGoogle({ htmlFiles: { Sidebar: '<!DOCTYPE html><title>sidebar</title>' }, ...options });
  restore = installed.restore;
  return installed.google;
}

describe('menu, sidebar and help', () => {
  test('onOpen adds the add-on menu in English; every item calls a server function', () => {
    const google = setUp({ locale: 'en_GB' });
    onOpen();
    const items = google.ui._menus[0]._items.filter((i): i is { caption: string; functionName: string } => typeof i === 'object' && 'caption' in i);
    assert.deepEqual(items.map((i) => i.caption), ['Open settlement sidebar', 'Insert Policy sheet', 'Remove interrupted writes', 'Approve this settlement', 'Verify approved settlements', 'Help']);
    for (const item of items) assert.ok((SERVER_FUNCTIONS as readonly string[]).includes(item.functionName), item.functionName);
  });

  test('the menu is in Chinese for zh locales, and onInstall builds it too', () => {
    const google = setUp({ locale: 'zh_TW' });
    onInstall();
    const first = google.ui._menus[0]._items[0] as { caption: string };
    assert.equal(first.caption, '打开结算侧边栏');
  });

  test('onOpen reads nothing from the document (AuthMode.NONE allows only the menu)', () => {
    const google = setUp();
    google.calls.reset();
    onOpen();
    assert.deepEqual(Object.keys(google.calls.byMethod).filter((m) => !m.startsWith('Menu.') && !m.startsWith('Ui.')), ['SpreadsheetApp.getUi']);
  });

  test('showSidebar serves the built Sidebar.html with a title', () => {
    const google = setUp({ locale: 'zh_CN' });
    showSidebar();
    assert.equal(google.ui._sidebar!.getContent(), '<!DOCTYPE html><title>sidebar</title>');
    assert.equal(google.ui._sidebar!.getTitle(), '双11激励结算');
  });

  test('showHelp shows a static, escaped dialog about workflow, coefficient, Policy sheet and custom functions', () => {
    const google = setUp();
    showHelp();
    const dialog = google.ui._dialogs[0];
    const html = dialog.output.getContent();
    assert.ok(dialog.modal);
    for (const topic of ['Workflow', 'Coefficient', 'Policy sheet', 'Custom functions', 'TIER_REWARD']) assert.ok(html.includes(topic), topic);
    assert.ok(
      html.includes('INCREMENTAL_GMV, GMV_TIER, TIER_REWARD, GMV_TO_NEXT_TIER, SETTLEMENT, COEFFICIENT_FOR_BUDGET, PAYOUT_SCENARIOS and NEAR_NEXT_TIER work in any cell'),
      'every custom function named',
    );
    assert.ok(html.includes('What-if') && html.includes('Compare baselines'), 'the what-if panel is explained');
    assert.ok(html.includes('&quot;total&quot;'), 'quotes are escaped');
    assert.ok(!/<script/i.test(html));
  });

  test('granted only one of the two scopes, the sidebar, the Policy sheet and the write stop for the consent screen before anything', () => {
    const google = setUp({ grantedScopes: ['https://www.googleapis.com/auth/script.container.ui'] });
    onOpen(); // the menu needs no consent: it must still appear
    assert.equal(google.ui._menus.length, 1);
    assert.throws(() => showSidebar(), { message: AUTHORIZATION_REQUIRED });
    assert.throws(() => insertPolicySheet(), { message: AUTHORIZATION_REQUIRED });
    assert.throws(() => writeSettlement(request()), { message: AUTHORIZATION_REQUIRED });
    assert.equal(google.consent.prompts, 3);
    assert.equal(google.ui._sidebar, null);
    assert.deepEqual(google.spreadsheet._sheets.map((s) => s._name), ['Sheet1']);
  });

  test('help says truthfully who the run record names, where custom functions work, and what to do about PERMISSION_DENIED', () => {
    for (const [locale, expected] of [
      ['en_US', ['temporary user key, not an e-mail address', 'does not ask for permission to see your address', 'only in spreadsheets where the add-on is enabled', 'PERMISSION_DENIED', 'only the account that installed the add-on', 'Remove interrupted writes']],
      ['zh_CN', ['INCREMENTAL_GMV、GMV_TIER、TIER_REWARD、GMV_TO_NEXT_TIER、SETTLEMENT、COEFFICIENT_FOR_BUDGET、PAYOUT_SCENARIOS、NEAR_NEXT_TIER 可在任意单元格使用', '比较过往日均口径', '临时用户密钥，而不是电子邮件地址', '不申请查看您邮箱地址的权限', '只在已启用本插件的表格中可用', 'PERMISSION_DENIED', '清理中断的写入']],
    ] as const) {
      const google = setUp({ locale });
      showHelp();
      const html = google.ui._dialogs[0].output.getContent();
      for (const text of expected) assert.ok(html.includes(text), `${locale}: ${text}`);
    }
  });

  test('SERVER_FUNCTIONS are the names of SERVER, each a function', () => {
    assert.deepEqual(SERVER_FUNCTIONS, Object.keys(SERVER));
    for (const name of SERVER_FUNCTIONS) assert.equal(typeof SERVER[name], 'function', name);
  });
});
