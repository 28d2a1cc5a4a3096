import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeSettlement } from '../../src/addon/server';
import { installGoogleGlobals } from '../fakes/google';
import { request, useGoogle } from './support';

let restore = () => undefined as void;
afterEach(() => restore());

/** Execution "sidebar-2" is the one under test; "sidebar-1" is another user's sidebar. */
function twoSidebars() {
  const installed = useGoogle({}, 'sidebar-2');
  restore = installed.restore;
  const google = installed.google;
  const otherLock = (google.globals('sidebar-1').LockService as typeof LockService).getDocumentLock();
  return { google, otherLock };
}

function settlementSheets(google: ReturnType<typeof twoSidebars>['google']): string[] {
  return google.spreadsheet._sheets.map((s) => s._name).filter((name) => name.startsWith('Settlement'));
}

describe('writeSettlement: the document lock', () => {
  test('a second writer waits 30 s for the lock, then gets a clear message and writes nothing', () => {
    const { google, otherLock } = twoSidebars();
    otherLock.waitLock(1000);
    assert.throws(() => writeSettlement(request()), (e: Error) => /Another settlement is being written/.test(e.message) && /try again/i.test(e.message));
    assert.equal(google.lock.waitedMs, 30000);
    assert.deepEqual(settlementSheets(google), []);
    assert.equal(google.lock.holder, 'sidebar-1', 'the holder keeps its lock');
  });

  test('the message is in the request language', () => {
    const { otherLock } = twoSidebars();
    otherLock.waitLock(1000);
    assert.throws(() => writeSettlement(request({ language: 'zh' })), /另一个结算正在写入/);
  });

  test('when the holder finishes while the second waits, the second proceeds', () => {
    const { google, otherLock } = twoSidebars();
    otherLock.waitLock(1000);
    google.lock.onContention = () => otherLock.releaseLock();
    assert.equal(writeSettlement(request()).outcome, 'written');
  });

  test('two fills of the same data at once: one settlement, the second is told where it is', () => {
    const { google, otherLock } = twoSidebars();
    otherLock.waitLock(1000);
    let first: ReturnType<typeof writeSettlement> | undefined;
    google.lock.onContention = () => {
      // The other sidebar's write runs to its end while this one waits.
      const back = installGoogleGlobals(google, 'sidebar-1');
      try {
        first = writeSettlement(request());
      } finally {
        back();
        installGoogleGlobals(google, 'sidebar-2');
      }
    };
    const second = writeSettlement(request());
    assert.equal(first!.outcome, 'written');
    assert.equal(second.outcome, 'exists');
    assert.equal(second.sheetName, first!.sheetName);
    assert.deepEqual(settlementSheets(google), ['Settlement 2025-11-11 #1', 'Settlement 2025-11-11 #1 summary']);
    const lines = google.spreadsheet._sheetNamed(first!.sheetName)!;
    assert.equal(lines._lastRow(), 5, 'four lines and the header, none lost or doubled');
  });

  test('the lock is released after a write and after a failed one', () => {
    const { google } = twoSidebars();
    writeSettlement(request());
    assert.equal(google.lock.holder, null);
    google.spreadsheet.insertSheet = () => {
      throw new Error('Service Spreadsheets failed');
    };
    assert.throws(() => writeSettlement(request({ coefficient: '0.06' })), /Service Spreadsheets failed/);
    assert.equal(google.lock.holder, null);
  });

  test('a write that fails half-way leaves no half settlement behind, and the next try writes it whole', () => {
    const { google } = twoSidebars();
    const insert = google.spreadsheet.insertSheet.bind(google.spreadsheet);
    let inserts = 0;
    google.spreadsheet.insertSheet = (...args: unknown[]) => {
      if (++inserts === 2) throw new Error('Service Spreadsheets timed out');
      return insert(...args);
    };
    assert.throws(() => writeSettlement(request()), /timed out/);
    assert.deepEqual(settlementSheets(google), []);
    google.spreadsheet.insertSheet = insert;
    assert.equal(writeSettlement(request()).outcome, 'written');
    assert.equal(settlementSheets(google).length, 2);
  });
});
