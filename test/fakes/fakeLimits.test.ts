/**
 * The fakes enforce what Google enforces where the add-on could cross it, so a test that
 * passes on them would not fail in Sheets for a limit the fake forgot: the 10 million cells of a
 * spreadsheet, the 500 KB property store, read-only custom functions, Session without the
 * user's address, the temporary key that rotates, granular consent, and a run killed at its
 * time limit.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AUTHORIZATION_REQUIRED,
  CELL_LIMIT_MESSAGE,
  createGoogleFakes,
  EMAIL_SCOPE,
  KILLED_MESSAGE,
  MANIFEST_SCOPES,
  MAX_PROPERTY_STORE_BYTES,
  STORE_FULL_MESSAGE,
} from './google';

type Globals = { Session: GoogleAppsScript.Base.Session; ScriptApp: GoogleAppsScript.Script.ScriptApp; PropertiesService: GoogleAppsScript.Properties.PropertiesService };

describe('the fakes enforce Google\'s limits', () => {
  test('10,000,000 cells a spreadsheet, counting every sheet\'s whole grid, empty cells too', () => {
    const google = createGoogleFakes();
    const sheet = google.spreadsheet._active; // 1000 × 26 = 26,000 cells, all empty
    assert.equal(google.spreadsheet._gridCells(), 26000);
    // 384,000 rows × 26 columns = 9,984,000 cells: just under the limit.
    sheet.insertRowsAfter(1000, 383000);
    assert.equal(google.spreadsheet._gridCells(), 9984000);
    assert.throws(() => sheet.insertRowsAfter(1000, 1000), { message: CELL_LIMIT_MESSAGE }); // +26,000
    assert.throws(() => google.spreadsheet.insertSheet('More'), { message: CELL_LIMIT_MESSAGE }); // +26,000
    assert.equal(google.spreadsheet._sheets.length, 1, 'the refused sheet was not inserted');
    sheet.deleteColumns(20, 7); // 384,000 × 19: room again
    google.spreadsheet.insertSheet('More');
    assert.equal(google.spreadsheet._gridCells(), 384000 * 19 + 26000);
  });

  test('document properties: 9 KB a value, 500 KB a store counting keys and values', () => {
    const google = createGoogleFakes();
    const properties = (google.globals() as unknown as Globals).PropertiesService.getDocumentProperties()!;
    assert.throws(() => properties.setProperty('big', 'x'.repeat(9 * 1024 + 1)), /Argument too large/);
    const value = 'v'.repeat(8000);
    let stored = 0;
    assert.throws(() => {
      for (let i = 0; i < 100; i++) {
        properties.setProperty(`key-${String(i).padStart(3, '0')}`, value);
        stored = i + 1;
      }
    }, { message: STORE_FULL_MESSAGE });
    assert.equal(stored, Math.floor(MAX_PROPERTY_STORE_BYTES / (7 + 8000)), 'the keys count too: 63 entries of 8,007 bytes fit in 512,000');
    assert.equal(properties.getProperty(`key-${String(stored).padStart(3, '0')}`), null, 'the refused value was not stored');
    properties.deleteProperty('key-000');
    properties.setProperty('key-000', value); // room again
  });

  test('a custom function may read the spreadsheet but not change it', () => {
    const google = createGoogleFakes();
    const sheet = google.spreadsheet._active;
    sheet.getRange('A1').setValue(5);
    google.asCustomFunction(() => {
      assert.equal(sheet.getRange('A1').getValue(), 5);
      assert.throws(() => sheet.getRange('A1').setValue(6), { message: 'You do not have permission to call setValue' });
      assert.throws(() => sheet.getRange('A1:B1').setValues([[1, 2]]), /permission to call setValues/);
      assert.throws(() => sheet.getRange('A1').setNumberFormat('0'), /permission to call setNumberFormat/);
      assert.throws(() => google.spreadsheet.insertSheet('X'), /permission to call insertSheet/);
      assert.throws(() => sheet.setFrozenRows(1), /permission to call setFrozenRows/);
    });
    assert.equal(sheet.getRange('A1').getValue(), 5);
    sheet.getRange('A1').setValue(6); // outside the custom function, as before
  });

  test('Session gives no e-mail address without the userinfo.email scope, which the manifest does not ask for', () => {
    assert.ok(!MANIFEST_SCOPES.includes(EMAIL_SCOPE));
    const plain = createGoogleFakes().globals() as unknown as Globals;
    assert.throws(() => plain.Session.getActiveUser().getEmail(), /permission to call Session\.getActiveUser.*userinfo\.email/);
    const withScope = createGoogleFakes({ grantedScopes: [...MANIFEST_SCOPES, EMAIL_SCOPE], email: 'ops@example.com' }).globals() as unknown as Globals;
    assert.equal(withScope.Session.getActiveUser().getEmail(), 'ops@example.com');
  });

  test('the temporary user key is the same within a period and changes when Google rotates it', () => {
    const google = createGoogleFakes();
    const session = () => (google.globals() as unknown as Globals).Session;
    const first = session().getTemporaryActiveUserKey();
    assert.equal(session().getTemporaryActiveUserKey(), first);
    google.rotateUserKey();
    assert.notEqual(session().getTemporaryActiveUserKey(), first);
    assert.notEqual(createGoogleFakes().session.userKey, first, 'another user has another key');
  });

  test('granular consent: requireAllScopes stops the execution when a scope was not granted', () => {
    const partial = createGoogleFakes({ grantedScopes: ['https://www.googleapis.com/auth/script.container.ui'] });
    const scriptApp = (partial.globals() as unknown as Globals).ScriptApp;
    assert.throws(() => scriptApp.requireAllScopes(scriptApp.AuthMode.FULL), { message: AUTHORIZATION_REQUIRED });
    assert.equal(partial.consent.prompts, 1);
    const full = createGoogleFakes();
    const granted = (full.globals() as unknown as Globals).ScriptApp;
    granted.requireAllScopes(granted.AuthMode.FULL);
    assert.equal(full.consent.prompts, 0);
  });

  test('a killed execution reaches Google no more: every later call fails, until the next execution', () => {
    const google = createGoogleFakes();
    const sheet = google.spreadsheet._active;
    google.calls.killWhen((method, n) => method === 'Range.setValues' && n === 2);
    sheet.getRange('A1:A1').setValues([[1]]);
    assert.throws(() => sheet.getRange('A2:A2').setValues([[2]]), { message: KILLED_MESSAGE });
    // What a catch or finally block would try: it changes nothing.
    assert.throws(() => google.spreadsheet.deleteSheet(sheet), { message: KILLED_MESSAGE });
    assert.throws(() => google.properties.document.setProperty('k', 'v'), { message: KILLED_MESSAGE });
    google.endExecution('execution-1');
    assert.deepEqual(sheet.getRange('A1:A2').getValues(), [[1], ['']]);
  });
});

test("the add-on's own figures for Google's limits are Google's, as the fakes declare them", async () => {
  const product = await import('../../src/output/sheetSize');
  const google = await import('./google/limits');
  assert.deepEqual(
    [product.SHEETS_MAX_CELLS, product.NEW_SHEET_ROWS, product.NEW_SHEET_COLUMNS],
    [google.SHEETS_MAX_CELLS, google.NEW_SHEET_ROWS, google.NEW_SHEET_COLUMNS],
  );
});
