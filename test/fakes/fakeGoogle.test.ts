import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import vm from 'node:vm';
import { createGoogleFakes, FORMULA_PLACEHOLDER, LOCK_TIMEOUT_MESSAGE } from './google';
import { sha256Hex } from '../../src/core/sha256';

describe('the fake spreadsheet behaves like Sheets where the add-on depends on it', () => {
  test('setValues reads strings as typed: formulas, apostrophes, numbers, dates, booleans', () => {
    const google = createGoogleFakes();
    const range = google.spreadsheet._active.getRange('A1:F1');
    range.setValues([['=SUM(1,2)', "'=SUM(1,2)", '00123', '2025-11-11', 'true', 'plain']]);
    assert.deepEqual(range.getFormulas()[0], ['=SUM(1,2)', '', '', '', '', '']);
    const values = range.getValues()[0];
    assert.deepEqual([values[0], values[1], values[2], values[4], values[5]], [FORMULA_PLACEHOLDER, '=SUM(1,2)', 123, true, 'plain']);
    assert.equal(Object.prototype.toString.call(values[3]), '[object Date]');
  });

  test('a cell formatted as plain text keeps what is written as is', () => {
    const google = createGoogleFakes();
    const range = google.spreadsheet._active.getRange('A1:B1');
    range.setNumberFormat('@');
    range.setValues([['00123', '=1+1']]);
    assert.deepEqual(range.getValues()[0], ['00123', '=1+1']);
    assert.deepEqual(range.getFormulas()[0], ['', '']);
  });

  test('shape and grid errors, as Sheets raises them', () => {
    const google = createGoogleFakes();
    const sheet = google.spreadsheet._active;
    assert.throws(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]]), /The data has 1 but the range has 2/);
    assert.throws(() => sheet.getRange(1001, 1), /outside the dimensions of the sheet/);
    assert.throws(() => google.spreadsheet.insertSheet('sheet1'), /already exists/);
    sheet.insertRowsAfter(1000, 5);
    assert.equal(sheet.getRange(1005, 1).getRow(), 1005);
  });

  test('toJSON gives { sheets: [{ name, values, formulas }] } in tab order', () => {
    const google = createGoogleFakes();
    google.spreadsheet.insertSheet('Data').getRange('A1:B1').setValues([['x', '=A1']]);
    const json = JSON.parse(JSON.stringify(google.spreadsheet));
    assert.deepEqual(json.sheets.map((s: { name: string }) => s.name), ['Sheet1', 'Data']);
    assert.deepEqual(json.sheets[1].values, [['x', FORMULA_PLACEHOLDER]]);
    assert.deepEqual(json.sheets[1].formulas, [['', '=A1']]);
  });

  test('Utilities: digests are signed bytes; formatDate uses the given zone', () => {
    const { Utilities: utilities } = createGoogleFakes().globals() as unknown as { Utilities: GoogleAppsScript.Utilities.Utilities };
    const bytes = utilities.computeDigest(utilities.DigestAlgorithm.SHA_256, '商家 M001', utilities.Charset.UTF_8);
    assert.ok(bytes.some((b) => b < 0) && bytes.every((b) => b >= -128 && b <= 127));
    assert.equal(bytes.map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join(''), sha256Hex('商家 M001'));
    const instant = new Date('2025-11-10T16:30:00Z');
    assert.equal(utilities.formatDate(instant, 'Asia/Shanghai', 'yyyy-MM-dd HH:mm'), '2025-11-11 00:30');
    assert.equal(utilities.formatDate(instant, 'UTC', "yyyy-MM-dd'T'HH"), '2025-11-10T16');
  });

  test('the document lock excludes a second execution until the first releases it', () => {
    const google = createGoogleFakes();
    const lockOf = (execution: string) => (google.globals(execution).LockService as typeof LockService).getDocumentLock();
    const first = lockOf('a');
    const second = lockOf('b');
    assert.equal(first.tryLock(0), true);
    assert.equal(second.tryLock(500), false);
    assert.throws(() => second.waitLock(500), new RegExp(LOCK_TIMEOUT_MESSAGE));
    assert.equal(google.lock.waitedMs, 1000);
    first.releaseLock();
    assert.equal(second.tryLock(0), true);
    assert.equal(second.hasLock(), true);
    assert.equal(first.hasLock(), false);
    google.endExecution('b');
    assert.equal(google.lock.holder, null);
  });

  test('usable from a node:vm context, as the preview runs the built bundle', () => {
    const google = createGoogleFakes();
    const context = vm.createContext({ ...google.globals('request-1') });
    vm.runInContext(
      `var sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet('From vm');
       sheet.getRange(1, 1, 1, 3).setValues([['=1+1', "'=1+1", new Date(Date.UTC(2025, 10, 10, 16))]]);
       var lock = LockService.getDocumentLock(); lock.waitLock(10);
       PropertiesService.getDocumentProperties().setProperty('k', 'v');`,
      context,
    );
    const sheet = google.spreadsheet._sheetNamed('From vm')!._snapshot();
    assert.deepEqual(sheet.formulas[0], ['=1+1', '', '']);
    assert.deepEqual(sheet.values[0].slice(1), ['=1+1', '2025-11-11']); // midnight in Shanghai
    assert.equal(google.lock.holder, 'request-1');
    assert.equal(google.properties.document.getProperty('k'), 'v');
  });
});
