/**
 * A settlement write as it goes in real Sheets: within 10 million cells, in several calls when
 * it is large, atomic when a run is killed at the time limit, recorded by sheet id so a rename
 * never leads to a second copy, and never a second copy when the property store is full.
 */
import { describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { STALE_WRITE_MS } from '../../src/protocol/limits';
import { removeInterruptedWrites, writeSettlement, writeSettlementRows } from '../../src/addon/server';
import { KILLED_MESSAGE, MAX_PROPERTY_STORE_BYTES, STORE_FULL_MESSAGE } from '../fakes/google';
import { googleForEachTest, largeRequest, request, settlementSheetNames, sheetValues, sidebarLayout, writeAsSidebar } from './support';

const setUp = googleForEachTest();

/** Grows Sheet1 until the spreadsheet's grids hold `cells` (Sheet1 is 26 columns wide). */
function fillGrid(google: ReturnType<typeof setUp>, cells: number): void {
  google.spreadsheet._active.insertRowsAfter(1000, cells / 26 - 1000);
  assert.equal(google.spreadsheet._gridCells(), cells);
}

describe('the 10,000,000-cell limit', () => {
  test('a write that would pass it is refused before any sheet exists, with the figures and the way out', () => {
    const google = setUp();
    fillGrid(google, 9984000); // 384,000 rows × 26
    google.calls.reset();
    assert.throws(
      () => writeSettlement(request()),
      (e: Error) => {
        // 4 lines: 5 rows × 17 = 85 cells, plus the summary's room: a new sheet is 26,000 cells until
        // sized; and the register of runs the first write makes, 26,000 more.
        assert.match(e.message, /^Nothing was written: this settlement needs 52,085 cells and the spreadsheet already holds 9,984,000, more than Google Sheets' 10,000,000 cells/);
        assert.match(e.message, /gmv-settle command line, or settle fewer merchants per run/);
        return true;
      },
    );
    assert.equal(google.calls.byMethod['Spreadsheet.insertSheet'], undefined, 'no sheet was inserted');
    assert.deepEqual(google.spreadsheet._sheets.map((s) => s._name), ['Sheet1']);
    assert.throws(() => writeSettlement(request({ language: 'zh' })), /未写入：本结算需要 52,085 个单元格.*gmv-settle/);
  });

  test('with room for it, the same settlement is written, and each sheet has exactly its own table\'s grid', () => {
    const google = setUp();
    fillGrid(google, 9984000 - 52000);
    const result = writeSettlement(request());
    assert.equal(result.outcome, 'written');
    const lines = google.spreadsheet._sheetNamed(result.sheetName)!;
    const summary = google.spreadsheet._sheetNamed(result.summarySheetName!)!;
    assert.deepEqual([lines._maxRows, lines._maxColumns], [5, 17], 'header + 4 lines, 17 columns');
    const summaryRows = sheetValues(google, result.summarySheetName!).values;
    assert.equal(summary._maxRows, summaryRows.length, 'not a copy of the lines sheet: its own rows');
    assert.equal(summary._maxColumns, Math.max(...summaryRows.map((r) => r.length)), 'and its own columns');
    assert.ok(google.spreadsheet._gridCells() <= 10000000);
  });
});

describe('a write killed at the time limit', () => {
  test('leaves only "(writing)" sheets, never a settlement that looks whole; the next run removes them and writes it whole', () => {
    const google = setUp();
    // The second setValues is the lines (the first is the summary): Apps Script stops the run there.
    google.calls.killWhen((method, n) => method === 'Range.setValues' && n === 2);
    assert.throws(() => writeSettlement(request()), { message: KILLED_MESSAGE });
    assert.deepEqual(settlementSheetNames(google), ['Settlement 2025-11-11 #1 (writing)', 'Settlement 2025-11-11 #1 summary (writing)']);
    google.endExecution('sidebar-1');

    const again = writeSettlement(request());
    assert.equal(again.outcome, 'written');
    assert.deepEqual(settlementSheetNames(google), ['Settlement 2025-11-11 #2', 'Settlement 2025-11-11 #2 summary']);
    assert.equal(google.spreadsheet._sheetNamed(again.sheetName)!._lastRow(), 5, 'every line, once');
  });

  test('killed after recording the settlement but before the rename: the next run only finishes the rename', () => {
    const google = setUp();
    google.calls.killWhen((method) => method === 'Sheet.setName');
    assert.throws(() => writeSettlement(request()), { message: KILLED_MESSAGE });
    google.endExecution('sidebar-1');
    const again = writeSettlement(request());
    assert.deepEqual([again.outcome, again.sheetName], ['exists', 'Settlement 2025-11-11 #1']);
    assert.deepEqual(settlementSheetNames(google), ['Settlement 2025-11-11 #1', 'Settlement 2025-11-11 #1 summary']);
  });

  test('someone else\'s write in progress is left alone; once it is stale the menu item removes it', async () => {
    mock.timers.enable({ apis: ['Date'], now: Date.UTC(2025, 10, 12, 2) });
    try {
      const google = setUp();
      const req = largeRequest(3000, 7); // 21,000 lines: two more calls of lines
      const rows = sidebarLayout(req).lines;
      const started = writeSettlement(req);
      assert.equal(started.outcome, 'writing');
      google.endExecution('sidebar-1');
      // The sidebar is closed here. Another person writes another settlement meanwhile.
      google.rotateUserKey();
      assert.equal(writeSettlement(request()).outcome, 'written');
      assert.ok(settlementSheetNames(google).includes('Settlement 2025-11-11 #1 (writing)'), 'a write 0 minutes old is not touched');
      assert.match(removeInterruptedWrites(), /Removed 0 sheet\(s\).*1 settlement\(s\) being written now were left alone/);

      mock.timers.tick(STALE_WRITE_MS);
      assert.match(removeInterruptedWrites(), /^Removed 2 sheet\(s\) left by interrupted writes\.$/);
      assert.deepEqual(settlementSheetNames(google), ['Settlement 2025-11-11 #2', 'Settlement 2025-11-11 #2 summary']);
      // The abandoned write's next block has nowhere to go, and says so.
      assert.throws(
        () => writeSettlementRows({ writeId: started.write!.id, part: 'lines', from: 10000, values: rows.slice(10000, 20000) }),
        /This write was interrupted and cleaned up/,
      );
    } finally {
      mock.timers.reset();
    }
  });
});

describe('a large settlement in several calls', () => {
  test('150,000 lines: written in calls of at most 170,000 cells, within 10,000,000 cells, every line once', async () => {
    const google = setUp();
    const base = largeRequest(50000, 3);
    // One bad history value: an issue in the summary's tail, sent in a block like the merchant rows.
    const history = base.history.kind === 'text' ? base.history.text : '';
    const req = { ...base, history: { kind: 'text' as const, text: `${history}\nS00007\tShop 7\t2025-10-04\t12,3x` } };
    const { result, calls, progress } = await writeAsSidebar(google, req);
    assert.equal(result.outcome, 'written');
    assert.equal(result.lines, 150000);
    // start (the summary's head, the first 10,000 lines), 14 blocks of 10,000 lines,
    // 4 blocks of the summary's 50,000-odd merchant, row-count, policy and issue rows (15,454 rows
    // of 11 cells: the merchants' columns and their reason), finish.
    assert.equal(progress[0].summary.perCall, Math.floor(170000 / 11));
    assert.equal(calls, 1 + 14 + 4 + 1);
    assert.deepEqual(progress.map((p) => p.lines.written).slice(0, 15), Array.from({ length: 15 }, (_, i) => (i + 1) * 10000));
    const summaryRows = progress[0].summary.total;
    const head = progress[0].summary.written;
    assert.deepEqual(progress.slice(15).map((p) => p.summary.written), [head + 15454, head + 2 * 15454, head + 3 * 15454, summaryRows]);
    assert.ok(summaryRows > 50000, `${summaryRows} summary rows: one per merchant, and the head`);
    const lines = google.spreadsheet._sheetNamed(result.sheetName)!;
    assert.deepEqual([lines._lastRow(), lines._maxRows, lines._maxColumns], [150001, 150001, 17]);
    assert.equal(lines._cell(2, 1)!.value, 'S00000');
    assert.equal(lines._cell(150001, 1)!.value, 'S49999');
    assert.equal(lines._cell(150001, 3)!.value, 45974, 'its last day, 2025-11-13, as a serial day');
    assert.ok(google.spreadsheet._gridCells() <= 10000000, `${google.spreadsheet._gridCells()} cells`);
    const summary = google.spreadsheet._sheetNamed(result.summarySheetName!)!;
    assert.deepEqual([summary._lastRow(), summary._maxRows], [summaryRows, summaryRows]);
    const merchantRows = sheetValues(google, result.summarySheetName!).values.filter((row) => /^S\d{5}$/.test(String(row[0])));
    assert.equal(merchantRows.length, 50000, 'a row per merchant');
    assert.equal(merchantRows[49999][0], 'S49999', 'the last merchant\'s row');
    assert.equal(summary._cell(summaryRows, 1)!.value, 'history', 'the issues come last');
    const issue = sheetValues(google, result.summarySheetName!).values.find((row) => row[0] === 'history' && row[2] === 'S00007');
    assert.deepEqual(issue && issue.slice(0, 4), ['history', 150002, 'S00007', '12,3x'], 'the issue, with its row in the pasted history');
    assert.equal(lines._cell(2 + 7 * 3, 16)!.value, 'blocked', 'S00007\'s first line');
    assert.deepEqual(settlementSheetNames(google), ['Settlement 2025-11-11 #1', 'Settlement 2025-11-11 #1 summary']);
  });

  test('a block that is not what the server settled is refused, and the unfinished write removed', async () => {
    for (const tamper of [
      (layout: ReturnType<typeof sidebarLayout>) => (layout.lines[11999][12] = 999999.99), // the last line's cash total
      (layout: ReturnType<typeof sidebarLayout>) => (layout.summary.values[layout.summary.values.length - 1][8] = 1), // a merchant's cash total
      (layout: ReturnType<typeof sidebarLayout>) => (layout.summary.formats[layout.summary.formats.length - 1][8] = '0'), // its number format
    ]) {
      const google = setUp();
      const req = largeRequest(2000, 6); // 12,000 lines: one more call of lines, then the summary
      const tampered = () => {
        const layout = sidebarLayout(req);
        tamper(layout);
        return layout;
      };
      await assert.rejects(writeAsSidebar(google, req, tampered), /not the ones the server settled/);
      assert.deepEqual(settlementSheetNames(google), []);
    }
  });
});

describe('the register of settlements', () => {
  test('renamed straight after writing, the settlement is still found; a new sheet under its old name is not taken for it', () => {
    const google = setUp();
    const first = writeSettlement(request());
    google.spreadsheet._sheetNamed(first.sheetName)!.setName('Nov 11 final');
    const again = writeSettlement(request());
    assert.deepEqual([again.outcome, again.sheetName], ['exists', 'Nov 11 final']);

    google.spreadsheet.deleteSheet(google.spreadsheet._sheetNamed('Nov 11 final')!);
    google.spreadsheet.insertSheet('Settlement 2025-11-11 #1').getRange('A1').setValue('my own notes');
    const third = writeSettlement(request());
    assert.equal(third.outcome, 'written', 'the user\'s sheet of that name is not the settlement');
    assert.equal(third.sheetName, 'Settlement 2025-11-11 #2');
  });

  test('a full property store: nothing is written, and a retry never makes a second copy', () => {
    const google = setUp();
    const store = google.properties.document;
    for (let i = 0; store._bytes() + 9000 < MAX_PROPERTY_STORE_BYTES; i++) store.setProperty(`other-${i}`, 'x'.repeat(8000));
    store.setProperty('filler', 'x'.repeat(MAX_PROPERTY_STORE_BYTES - store._bytes() - 100));
    assert.throws(() => writeSettlement(request()), (e: Error) => e.message.includes('document properties') && e.message.includes(STORE_FULL_MESSAGE));
    assert.deepEqual(settlementSheetNames(google), [], 'refused before any sheet');
    store.deleteProperty('filler');
    assert.equal(writeSettlement(request()).outcome, 'written');
    assert.equal(writeSettlement(request()).outcome, 'exists');
    assert.equal(settlementSheetNames(google).length, 2);
  });

  test('when the record itself does not fit, the sheets go again, and the retry writes one settlement', () => {
    const google = setUp();
    const store = google.properties.document;
    const setProperty = store.setProperty.bind(store);
    store.setProperty = (key: string, value: string) => {
      if (key.startsWith('gmv-settlement:')) throw new Error(STORE_FULL_MESSAGE);
      return setProperty(key, value);
    };
    assert.throws(() => writeSettlement(request()), /could not be recorded.*sheets were removed/);
    assert.deepEqual(settlementSheetNames(google), []);
    store.setProperty = setProperty;
    writeSettlement(request());
    writeSettlement(request());
    assert.deepEqual(settlementSheetNames(google), ['Settlement 2025-11-11 #2', 'Settlement 2025-11-11 #2 summary']);
  });

  test('records of settlements whose sheets are gone are dropped: the register does not grow without bound', () => {
    const google = setUp();
    for (let i = 1; i <= 30; i++) {
      const result = writeSettlement(request({ coefficient: `${i}%` }));
      google.spreadsheet.deleteSheet(google.spreadsheet._sheetNamed(result.sheetName)!);
      google.spreadsheet.deleteSheet(google.spreadsheet._sheetNamed(result.summarySheetName!)!);
    }
    const records = google.properties.document.getKeys().filter((key) => key.startsWith('gmv-settlement:'));
    assert.equal(records.length, 1, 'only the last one, whose sheets were there when it was recorded');
    assert.equal(google.properties.document.getKeys().filter((key) => key.startsWith('gmv-writing:')).length, 0);
  });

  test('the run key ignores line ends and trailing blank lines: the same data pasted again is the same settlement', () => {
    setUp();
    const req = request();
    const text = (source: typeof req.history) => (source.kind === 'text' ? source.text : '');
    const crlf = (t: string) => t.replace(/\n/g, '\r\n') + '\r\n\t\t\t\r\n\r\n';
    assert.equal(writeSettlement(req).outcome, 'written');
    const again = writeSettlement(request({ history: { kind: 'text', text: crlf(text(req.history)) }, campaign: { kind: 'text', text: crlf(text(req.campaign)) } }));
    assert.equal(again.outcome, 'exists');
  });

  test('a changed temporary user key changes nothing about which settlements exist', () => {
    const google = setUp();
    writeSettlement(request());
    google.rotateUserKey();
    assert.equal(writeSettlement(request()).outcome, 'exists');
  });
});

describe('tab order and the document lock', () => {
  test('each summary sits right after its lines sheet, wherever the user was', () => {
    const google = setUp();
    google.spreadsheet.insertSheet('Data A');
    google.spreadsheet.insertSheet('Data B');
    google.spreadsheet.setActiveSheet(google.spreadsheet._sheetNamed('Sheet1')!);
    writeSettlement(request());
    google.spreadsheet.setActiveSheet(google.spreadsheet._sheetNamed('Data A')!);
    writeSettlement(request({ coefficient: '6%' }));
    assert.deepEqual(google.spreadsheet._sheets.map((s) => s._name), [
      'Sheet1', 'Data A', 'Data B',
      'Settlement 2025-11-11 #1', 'Settlement 2025-11-11 #1 summary',
      'Settlement 2025-11-11 #2', 'Settlement 2025-11-11 #2 summary',
      // SPEC §7: the register of runs, made by the first write, stays the last tab.
      'Run register',
    ]);
  });

  test('the spreadsheet is flushed after the last write and before the document lock is released', () => {
    const google = setUp();
    google.calls.reset();
    writeSettlement(request());
    const order = google.calls.order;
    const flush = order.lastIndexOf('SpreadsheetApp.flush');
    assert.ok(flush > order.lastIndexOf('Range.setValues') && flush > order.lastIndexOf('Sheet.setName'), order.slice(-6).join(', '));
    assert.equal(order.lastIndexOf('Lock.releaseLock'), flush + 1);
  });
});
