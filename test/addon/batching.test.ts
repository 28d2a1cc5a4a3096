import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeSettlement } from '../../src/addon/server';
import type { SettlementRequest } from '../../src/protocol/messages';
import { LINE_COLUMNS } from '../../src/output/tables';
import { FakeRange } from '../fakes/google';
import { largeRequest, useGoogle, writeAsSidebar } from './support';

const SPREADSHEET_SERVICE = /^(SpreadsheetApp|Spreadsheet|Sheet|Range|Filter|NamedRange|EmbeddedChartBuilder|EmbeddedChart)\./;

/** The calls on SpreadsheetApp, Spreadsheet, Sheet and Range objects since the log's last reset. */
function spreadsheetCalls(google: ReturnType<typeof useGoogle>['google']): { total: number; calls: string } {
  const methods = Object.keys(google.calls.byMethod).filter((m) => SPREADSHEET_SERVICE.test(m));
  const total = methods.reduce((n, m) => n + google.calls.byMethod[m], 0);
  return { total, calls: methods.map((m) => `${m}×${google.calls.byMethod[m]}`).join(', ') };
}

/** Every Spreadsheet-service call of a write done in one server call. */
function callsFor(req: SettlementRequest): { total: number; calls: string; lines: number; byMethod: Record<string, number> } {
  const { google, restore } = useGoogle();
  try {
    google.calls.reset();
    const result = writeSettlement(req);
    assert.equal(result.outcome, 'written');
    return { ...spreadsheetCalls(google), lines: result.lines, byMethod: { ...google.calls.byMethod } };
  } finally {
    restore();
  }
}

describe('writeSettlement: batched writes', () => {
  test('the same number of SpreadsheetApp calls for 10 lines as for 2,000, or for a summary over 1,000 rows', () => {
    const small = callsFor(largeRequest(2, 5));
    const large = callsFor(largeRequest(400, 5));
    const manyMerchants = callsFor(largeRequest(1200, 1));
    assert.equal(small.lines, 10);
    assert.equal(large.lines, 2000);
    assert.equal(large.total, small.total, `10 lines: ${small.calls}\n2000 lines: ${large.calls}`);
    assert.equal(manyMerchants.total, small.total, `1200 merchants: ${manyMerchants.calls}`);
  });

  test('values in one setValues per sheet; the lines formatted by column range, not cell by cell', () => {
    const { google, restore } = useGoogle();
    try {
      const formatArrays: number[] = [];
      const setNumberFormats = FakeRange.prototype.setNumberFormats;
      FakeRange.prototype.setNumberFormats = function (this: FakeRange, formats: string[][]) {
        formatArrays.push(formats.length);
        return setNumberFormats.call(this, formats);
      };
      try {
        writeSettlement(largeRequest(3, 1)); // the first write also makes the register of runs
        google.calls.reset();
        formatArrays.length = 0;
        const result = writeSettlement(largeRequest(400, 5));
        const summaryRows = google.spreadsheet._sheetNamed(result.summarySheetName!)!._maxRows;
        // The summary, the lines, and the run's one row in the register.
        assert.equal(google.calls.byMethod['Range.setValues'], 3);
        assert.deepEqual(formatArrays, [summaryRows], 'the only per-cell format array is the summary\'s');
        // The header, then one call per run of neighbouring columns with the same format; and the
        // register row's money columns.
        const runs = 11;
        assert.equal(google.calls.byMethod['Range.setNumberFormat'], 1 + runs + 1);
        const lines = google.spreadsheet._sheetNamed(result.sheetName)!;
        assert.equal(lines._cell(2001, 4)!.format, '#,##0.00', 'money');
        assert.equal(lines._cell(2001, 3)!.format, 'yyyy-mm-dd', 'date');
        assert.equal(lines._cell(2001, LINE_COLUMNS.length)!.format, '@', 'reason as text');
      } finally {
        FakeRange.prototype.setNumberFormats = setNumberFormats;
      }
    } finally {
      restore();
    }
  });

  test('every call of a large write makes the same number of SpreadsheetApp calls, whatever its lines', async () => {
    const { google, restore } = useGoogle();
    try {
      const perCall: number[] = [];
      const log = google.calls;
      const endExecution = google.endExecution.bind(google);
      google.endExecution = (execution: string) => {
        perCall.push(spreadsheetCalls(google).total);
        log.reset();
        endExecution(execution);
      };
      log.reset();
      const { calls } = await writeAsSidebar(google, largeRequest(5000, 7)); // 35,000 lines, 5,000 merchants
      // start, 3 blocks of lines (the last one 5,000 lines), 1 block of the summary's rows, finish
      assert.equal(calls, 6);
      const lineBlocks = perCall.slice(1, 4);
      assert.ok(lineBlocks.every((n) => n === lineBlocks[0]), `calls per block of lines: ${lineBlocks.join(', ')}`);
      assert.equal(perCall[4], lineBlocks[0] + 2, 'a summary block also sets its formats: one getRange and one setNumberFormats more');
    } finally {
      restore();
    }
  });

  test('if a new sheet is not the 1000 × 26 grid Sheets makes today, the writer still sizes it exactly', () => {
    const { google, restore } = useGoogle();
    try {
      const insert = google.spreadsheet.insertSheet.bind(google.spreadsheet);
      google.spreadsheet.insertSheet = (...args: unknown[]) => {
        const sheet = insert(...args);
        sheet._maxRows = 300;
        sheet._maxColumns = 12;
        return sheet;
      };
      const result = writeSettlement(largeRequest(400, 5));
      const lines = google.spreadsheet._sheetNamed(result.sheetName)!;
      assert.deepEqual([lines._lastRow(), lines._maxRows, lines._maxColumns], [2001, 2001, 17]);
      assert.ok(google.spreadsheet._sheetNamed(result.summarySheetName!)!._lastRow() > 400);
    } finally {
      restore();
    }
  });
});
