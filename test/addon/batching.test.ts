import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeSettlement } from '../../src/addon/server';
import type { SettlementRequest } from '../../src/addon/protocol';
import { largeRequest, request, useGoogle } from './support';

const SPREADSHEET_SERVICE = /^(SpreadsheetApp|Spreadsheet|Sheet|Range|Filter|NamedRange)\./;

/** Every call on SpreadsheetApp, Spreadsheet, Sheet and Range objects during one write. */
function callsFor(req: SettlementRequest): { total: number; calls: string; lines: number } {
  const { google, restore } = useGoogle();
  try {
    google.calls.reset();
    const result = writeSettlement(req);
    assert.equal(result.outcome, 'written');
    const methods = Object.keys(google.calls.byMethod).filter((m) => SPREADSHEET_SERVICE.test(m));
    const total = methods.reduce((n, m) => n + google.calls.byMethod[m], 0);
    return { total, calls: methods.map((m) => `${m}×${google.calls.byMethod[m]}`).join(', '), lines: result.lines };
  } finally {
    restore();
  }
}

describe('writeSettlement: batched writes', () => {
  test('at most 12 SpreadsheetApp calls, and the same number for 10 lines as for 2,000 or a summary over 1,000 rows', () => {
    const small = callsFor(largeRequest(2, 5));
    const large = callsFor(largeRequest(400, 5));
    const manyMerchants = callsFor(largeRequest(1200, 1));
    assert.equal(small.lines, 10);
    assert.equal(large.lines, 2000);
    assert.ok(small.total <= 12, `${small.total} calls: ${small.calls}`);
    assert.equal(large.total, small.total, `10 lines: ${small.calls}\n2000 lines: ${large.calls}`);
    assert.equal(manyMerchants.total, small.total, `1200 merchants: ${manyMerchants.calls}`);
  });

  test('one setValues and one setNumberFormats per sheet', () => {
    const { calls } = callsFor(request());
    assert.match(calls, /Range\.setValues×2\b/);
    assert.match(calls, /Range\.setNumberFormats×2\b/);
  });

  test('the sheets are sized to fit: no range outside the grid, no empty thousand rows under a short table', () => {
    const { google, restore } = useGoogle();
    try {
      const result = writeSettlement(largeRequest(400, 5));
      const lines = google.spreadsheet._sheetNamed(result.sheetName)!;
      assert.equal(lines._lastRow(), 2001);
      assert.ok(lines._maxRows >= 2001 && lines._maxRows <= 2003, `${lines._maxRows} rows`);
      const small = writeSettlement(request());
      assert.ok(google.spreadsheet._sheetNamed(small.sheetName)!._maxRows < 100);
    } finally {
      restore();
    }
  });

  test('if a new sheet is not the 1000 rows Sheets makes today, the writer asks for its size and still writes everything', () => {
    const { google, restore } = useGoogle();
    try {
      const insert = google.spreadsheet.insertSheet.bind(google.spreadsheet);
      google.spreadsheet.insertSheet = (...args: unknown[]) => {
        const sheet = insert(...args);
        sheet._maxRows = 300; // a smaller default grid, and a template copy that does not keep its size
        return sheet;
      };
      const result = writeSettlement(largeRequest(400, 5));
      assert.equal(google.spreadsheet._sheetNamed(result.sheetName)!._lastRow(), 2001);
      assert.ok(google.spreadsheet._sheetNamed(result.summarySheetName!)!._lastRow() > 400);
    } finally {
      restore();
    }
  });
});
