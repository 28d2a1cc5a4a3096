import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeSettlement } from '../../src/addon/server';
import { sha256Hex } from '../../src/core/sha256';
import { inputFingerprint } from '../../src/run/runSettlement';
import { tableFromText } from '../../src/input/table';
import { LINE_COLUMNS } from '../../src/output/tables';
import { SPEC6 } from '../fixtures/spec6';
import { CAMPAIGN, HISTORY, largeRequest, request, sheetValues, googleForEachTest } from './support';
import { EMAIL_SCOPE, MANIFEST_SCOPES, type GoogleFakes } from '../fakes/google';

const setUp = googleForEachTest();

const MONEY = '#,##0.00';

/** Column index (0-based) of a heading in the lines sheet. */
function col(header: unknown[], heading: string): number {
  const index = header.indexOf(heading);
  assert.ok(index >= 0, `no column "${heading}" in ${header.join(', ')}`);
  return index;
}

/** The summary's (label → value) rows of the Totals section. */
function totalsOf(google: GoogleFakes, summaryName: string): Map<string, unknown> {
  const rows = sheetValues(google, summaryName).values;
  const start = rows.findIndex((row) => row[0] === 'Totals');
  const totals = new Map<string, unknown>();
  for (let r = start + 1; r < rows.length && rows[r][0] !== ''; r++) totals.set(String(rows[r][0]), rows[r][1]);
  return totals;
}

describe('writeSettlement: the settlement sheets', () => {
  test('SPEC §6: M001 earns cashback 6,172.84, red packet 17,172.84, cash total 23,345.68, tier 2, traffic 75,000', () => {
    const google = setUp();
    const result = writeSettlement(request());
    assert.equal(result.outcome, 'written');
    assert.equal(result.sheetName, 'Settlement 2025-11-11 #1');
    assert.equal(result.summarySheetName, 'Settlement 2025-11-11 #1 summary');
    assert.equal(result.lines, 4);

    const lines = sheetValues(google, result.sheetName).values;
    const header = lines[0];
    const m001 = lines.find((row) => row[0] === SPEC6.merchantId)!;
    // Every column of SPEC §6's line, found by its key's heading, as the sheet stores it.
    for (const column of LINE_COLUMNS.filter((c) => c.key !== 'merchant_name' && c.key !== 'date')) {
      const expected = SPEC6.line[column.key as keyof typeof SPEC6.line];
      const stored = m001[col(header, column.en)];
      if (column.kind === 'text' || column.kind === 'label' || column.kind === 'count') assert.equal(stored, expected, column.key);
      else assert.equal(stored, Number(expected), column.key);
    }
  });

  test('the lines are a table: one frozen header row, a filter over exactly the table, money as numbers formatted #,##0.00', () => {
    const google = setUp();
    const result = writeSettlement(request());
    const sheet = sheetValues(google, result.sheetName);
    assert.equal(sheet.frozenRows, 1);
    assert.equal(sheet.filter, `'Settlement 2025-11-11 #1'!A1:Q5`);
    const header = sheet.values[0];
    for (const heading of ['Day GMV', 'Baseline average', 'Incremental GMV', 'Ad spend', 'Cashback', 'Red packet', 'Cash total']) {
      const c = col(header, heading);
      assert.equal(sheet.formats[1][c], MONEY, heading);
      assert.equal(typeof sheet.values[1][c], 'number', heading);
    }
    assert.equal(sheet.display[1][col(header, 'Day GMV')], '523,456.78');
    assert.equal(sheet.display[1][col(header, 'Cashback rate')], '50.0%');
    assert.equal(sheet.display[1][col(header, 'Traffic granted')], '75,000');
  });

  test('dates are stored as dates: a serial day number with a date format, read back as a Date of that day', () => {
    const google = setUp({ timeZone: 'America/Los_Angeles' });
    const result = writeSettlement(request());
    const sheet = google.spreadsheet._sheetNamed(result.sheetName)!;
    const cell = sheet._cell(2, 3)!;
    assert.equal(cell.value, 45972); // 2025-11-11 is day 45972 counted from 1899-12-30
    assert.equal(cell.format, 'yyyy-mm-dd');
    const date = sheet.getRange(2, 3).getValue() as Date;
    assert.equal(Object.prototype.toString.call(date), '[object Date]');
    assert.equal(Utilities.formatDate(date, 'America/Los_Angeles', 'yyyy-MM-dd'), '2025-11-11');
  });

  test('the totals equal SUM of their columns in the lines sheet, to the cent', () => {
    for (const req of [request(), largeRequest(300, 5)]) {
      const google = setUp();
      const result = writeSettlement(req);
      const lines = sheetValues(google, result.sheetName).values;
      const totals = totalsOf(google, result.summarySheetName!);
      for (const heading of ['Cashback', 'Red packet', 'Cash total', 'Traffic granted']) {
        const c = col(lines[0], heading);
        const sum = lines.slice(1).reduce((acc, row) => acc + (row[c] as number), 0); // what =SUM() adds up
        assert.ok(Math.abs(sum - (totals.get(heading) as number)) < 0.005, `${heading}: SUM ${sum} vs total ${totals.get(heading)}`);
      }
    }
  });

  test('the totals of the worked example, from SPEC arithmetic', () => {
    const google = setUp();
    const result = writeSettlement(request());
    const totals = totalsOf(google, result.summarySheetName!);
    assert.equal(totals.get('Cashback'), 6172.84);
    assert.equal(totals.get('Red packet'), 17172.84);
    assert.equal(totals.get('Cash total'), 23345.68);
    assert.equal(totals.get('Traffic granted'), 75000);
    assert.equal(totals.get('Merchants'), 4);
    assert.equal(totals.get('Blocked merchants'), 1);
    assert.equal(totals.get('Rows read'), 11);
    assert.equal(totals.get('Rows used'), 10);
    assert.equal(totals.get('Rows rejected'), 1);
  });

  test('issues are listed with source, spreadsheet row number, merchant and value; the blocked merchant gets 0', () => {
    const google = setUp();
    const result = writeSettlement(request());
    const summary = sheetValues(google, result.summarySheetName!).values;
    const issue = summary.find((row) => row[0] === 'history' && row[2] === 'M003')!;
    assert.ok(issue, 'the bad history row is listed');
    assert.equal(issue[1], 7); // header is row 1, the bad value is on the 7th line of the paste
    assert.equal(issue[3], '12,3x');
    assert.match(String(issue[4]), /not valid/);

    const lines = sheetValues(google, result.sheetName).values;
    const m003 = lines.find((row) => row[0] === 'M003')!;
    assert.equal(m003[col(lines[0], 'Status')], 'blocked');
    assert.equal(m003[col(lines[0], 'Cash total')], 0);
    assert.equal(m003[col(lines[0], 'Traffic granted')], 0);
    assert.equal(m003[col(lines[0], 'Baseline average')], '', 'no baseline is shown for a blocked merchant');
    assert.match(String(m003[col(lines[0], 'Reason')]), /row 7 of history/);
  });

  test('the run record: policy, row counts per source, SHA-256 of the inputs (same as the pure hash), user', () => {
    const google = setUp();
    const result = writeSettlement(request());
    const summary = sheetValues(google, result.summarySheetName!).values;
    const value = (label: string) => summary.find((row) => row[0] === label)![1];
    const expected = sha256Hex(inputFingerprint({ history: tableFromText('history', HISTORY), campaign: tableFromText('campaign', CAMPAIGN) }));
    assert.equal(value('Input SHA-256'), expected);
    assert.equal(value('User'), `temporary user key ${google.session.userKey}`);
    // The policy as labelled rows (issue 9), not a JSON text.
    assert.equal(value('red-packet coefficient'), 0.05);
    assert.equal(value('GMV basis'), 'GMV as given (paid)');
    assert.equal(value('Recover a negative true-up (clawback)'), 'yes');
    // Under the policy's title: the By tier table above it names the tiers too.
    const policyRows = summary.slice(summary.findIndex((row) => row[0] === 'Policy'));
    assert.deepEqual(policyRows.find((row) => row[0] === 'Tier 2')!.slice(0, 4), ['Tier 2', 500000, 0.5, 75000]);
    // Times in the spreadsheet's time zone (the fake's Asia/Shanghai), not UTC.
    assert.match(String(value('Generated at (Asia/Shanghai)')), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const history = summary.find((row) => row[0] === 'history' && row[1] === 7)!;
    assert.deepEqual(history.slice(0, 4), ['history', 7, 6, 1]);
  });

  test('the run record names the temporary user key, never an address, even where Google would share one', () => {
    const google = setUp({ email: 'ops@example.com', grantedScopes: [...MANIFEST_SCOPES, EMAIL_SCOPE] });
    const result = writeSettlement(request({ language: 'zh' }));
    const summary = sheetValues(google, result.summarySheetName!).values;
    assert.equal(summary.find((row) => row[0] === '操作人')![1], `临时用户密钥 ${google.session.userKey}`);
    assert.ok(!summary.some((row) => row.some((cell) => String(cell).includes('ops@example.com'))));
  });

  test('Chinese headings and sheet names for language zh', () => {
    const google = setUp();
    const result = writeSettlement(request({ language: 'zh' }));
    assert.equal(result.sheetName, '结算 2025-11-11 #1');
    assert.equal(result.summarySheetName, '结算 2025-11-11 #1 汇总');
    const header = sheetValues(google, result.sheetName).values[0];
    assert.equal(header[0], '商家ID');
    assert.equal(header[col(header, '现金合计')], '现金合计');
    assert.match(result.message, /现金合计 23,345.68/);
  });
});

describe('writeSettlement: never a second copy, never over anything', () => {
  test('the same request twice: "exists" with the sheet name, and no second sheet', () => {
    const google = setUp();
    const first = writeSettlement(request());
    const sheetsAfterFirst = google.spreadsheet._sheets.length;
    const second = writeSettlement(request());
    assert.equal(second.outcome, 'exists');
    assert.equal(second.sheetName, first.sheetName);
    assert.match(second.message, /already settled/);
    assert.equal(google.spreadsheet._sheets.length, sheetsAfterFirst);
    assert.equal(google.spreadsheet._active._name, first.sheetName, 'the existing settlement is shown');
  });

  test('a renamed settlement is still found; a deleted one is written again under a new number', () => {
    const google = setUp();
    const first = writeSettlement(request());
    assert.equal(writeSettlement(request()).outcome, 'exists'); // the record learns the sheet's id here
    google.spreadsheet._sheetNamed(first.sheetName)!.setName('Nov 11 final');
    const renamed = writeSettlement(request());
    assert.deepEqual([renamed.outcome, renamed.sheetName], ['exists', 'Nov 11 final']);

    google.spreadsheet.deleteSheet(google.spreadsheet._sheetNamed('Nov 11 final')!);
    const again = writeSettlement(request());
    assert.equal(again.outcome, 'written');
    assert.equal(again.sheetName, 'Settlement 2025-11-11 #2');
  });

  test('a different coefficient is a different settlement; earlier sheets and user sheets stay as they were', () => {
    const google = setUp();
    const mine = google.spreadsheet.insertSheet('Settlement 2025-11-11 #1');
    mine.getRange('A1').setValue('my notes');
    const first = writeSettlement(request());
    assert.equal(first.sheetName, 'Settlement 2025-11-11 #2', 'a name the user already took is skipped');
    const second = writeSettlement(request({ coefficient: '6%' }));
    assert.equal(second.outcome, 'written');
    assert.equal(second.sheetName, 'Settlement 2025-11-11 #3');
    assert.equal(mine.getRange('A1').getValue(), 'my notes');
    assert.equal(sheetValues(google, first.sheetName).values[1][11], 17172.84, 'the first settlement is unchanged');
  });
});
