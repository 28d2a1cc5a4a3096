/**
 * The fake protections behave as Google documents Class Protection, Sheet.protect, Range.protect,
 * Sheet.copyTo and Sheet.hideSheet — no kinder: a test of the add-on that passes here would pass
 * in Sheets.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createGoogleFakes, PROTECTED_MESSAGE } from './google';

function fakes() {
  const google = createGoogleFakes({ email: 'owner@example.com', editors: ['colleague@example.com'] });
  const sheet = google.spreadsheet._active;
  sheet.getRange('A1').setValue('approved');
  return { google, sheet };
}

describe('fake protections', () => {
  test('a new sheet protection mirrors the spreadsheet (still editable) until its editors change', () => {
    const { google, sheet } = fakes();
    const protection = sheet.protect();
    google.session.email = 'colleague@example.com';
    sheet.getRange('A1').setValue('still editable'); // Google: "the sheet remains unprotected"
    google.session.email = 'owner@example.com';
    protection.removeEditors(protection.getEditors());
    google.session.email = 'colleague@example.com';
    assert.throws(() => sheet.getRange('A1').setValue('x'), { message: PROTECTED_MESSAGE });
    assert.throws(() => sheet.setName('renamed'), { message: PROTECTED_MESSAGE });
    assert.throws(() => protection.remove(), { message: PROTECTED_MESSAGE }, 'nor take the protection off');
  });

  test('neither the owner nor the current user can be removed from the editors', () => {
    const { google, sheet } = fakes();
    google.session.email = 'colleague@example.com';
    const protection = sheet.protect();
    protection.removeEditors(protection.getEditors());
    assert.deepEqual(protection.getEditors().map((u) => u.getEmail()).sort(), ['colleague@example.com', 'owner@example.com']);
  });

  test('warning-only: every user may edit (a script is not prompted), the editors are ignored', () => {
    const { google, sheet } = fakes();
    const protection = sheet.protect();
    protection.removeEditors(protection.getEditors());
    protection.setWarningOnly(true);
    google.session.email = 'colleague@example.com';
    sheet.getRange('A1').setValue('after a warning');
    assert.equal(sheet.getRange('A1').getValue(), 'after a warning');
    assert.ok(protection.canEdit());
  });

  test('Sheet.protect returns the existing protection; Range.protect adds an overlapping one', () => {
    const { sheet, google } = fakes();
    assert.equal(sheet.protect(), sheet.protect());
    const a = sheet.getRange('A1:B2').protect();
    const b = sheet.getRange('A1').protect();
    assert.notEqual(a, b);
    assert.equal(google.spreadsheet.getProtections('RANGE').length, 2);
    b.removeEditors(b.getEditors());
    google.session.email = 'colleague@example.com';
    sheet.getRange('B2').setValue('outside the restricted range');
    assert.throws(() => sheet.getRange('A1:A2').setValues([['x'], ['y']]), { message: PROTECTED_MESSAGE });
  });

  test('copyTo copies cells and size, not protections, under "Copy of …"; the only visible sheet cannot be hidden', () => {
    const { google, sheet } = fakes();
    sheet.protect().removeEditors(['colleague@example.com']);
    const copy = sheet.copyTo(google.spreadsheet);
    assert.equal(copy.getName(), 'Copy of Sheet1');
    assert.equal(copy.getRange('A1').getValue(), 'approved');
    assert.deepEqual(copy.getProtections('SHEET'), []);
    copy.hideSheet();
    assert.ok(copy.isSheetHidden());
    assert.throws(() => sheet.hideSheet(), /can't hide all the sheets/);
  });
});
