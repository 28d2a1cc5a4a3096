/**
 * SPEC §7 on the fakes: a campaign's run 1 written and approved (protected, recorded, copied),
 * run 2 net of refunds as a true-up against it with its own sheet, Verify finding an edited cell,
 * holds, the register, supersede.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { approveActiveSettlement, getCampaignBasis, verifyApprovedSettlements } from '../../src/addon/runMenu';
import { writeSettlement } from '../../src/addon/server';
import { PROTECTED_MESSAGE, type GoogleFakes } from '../fakes/google';
import { SPEC6, SPEC6_CSV } from '../fixtures/spec6';
import { SPEC7, SPEC7_CSV } from '../fixtures/spec7';
import { googleForEachTest, request, sheetValues, text } from './support';

const setUp = googleForEachTest();
const CAMPAIGN = '双11登峰激励 2025';

const run1Request = () => request({ history: text(SPEC6_CSV.history), campaign: text(SPEC6_CSV.campaign), campaignName: CAMPAIGN });
const run2Request = (options: Record<string, unknown> = {}) => {
  const base = request({ history: text(SPEC7_CSV.history), campaign: text(SPEC7_CSV.campaign), campaignName: CAMPAIGN });
  return { ...base, options: { ...base.options, gmv_basis: 'net_of_refunds' as const, ...options } };
};

/** Writes run 1 and approves it from its lines sheet, as a person would from the menu. */
function approvedRun1(google: GoogleFakes) {
  const written = writeSettlement(run1Request());
  google.spreadsheet._sheetNamed(written.sheetName)!.activate();
  const message = approveActiveSettlement();
  return { written, message };
}

/** The register's rows as records keyed by its English headings. */
function registerRows(google: GoogleFakes): Record<string, unknown>[] {
  const [header, ...rows] = sheetValues(google, 'Run register').values;
  return rows.filter((row) => row[0] !== '').map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i]])));
}

/** (label, value) of a block whose labels are in column A. */
function valueOf(rows: unknown[][], label: string): unknown {
  const row = rows.find((r) => r[0] === label);
  assert.ok(row, `no row "${label}"`);
  return row![1];
}

describe('runs of a campaign: the register', () => {
  test('each run is numbered in its campaign and recorded as a draft with its time, user, input hash, totals and sheets', () => {
    const google = setUp();
    const first = writeSettlement(run1Request());
    const again = writeSettlement({ ...run1Request(), coefficient: '0.06' });
    assert.deepEqual([first.campaign, first.run, again.run], [CAMPAIGN, 1, 2]);
    const rows = registerRows(google);
    assert.deepEqual(rows.map((r) => [r.Campaign, r.Run, r.Status, r['Lines sheet']]), [
      [CAMPAIGN, 1, 'draft', 'Settlement 2025-11-11 #1'],
      [CAMPAIGN, 2, 'draft', 'Settlement 2025-11-11 #2'],
    ]);
    assert.equal(rows[0]['Cash total'], 23345.68);
    assert.equal(rows[0]['To pay'], 23345.68, 'a first run pays its cash total');
    assert.match(String(rows[0]['Settled at']), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \(Asia\/Shanghai\)$/);
    assert.match(String(rows[0]['Input SHA-256']), /^[0-9a-f]{64}$/);
    assert.equal(JSON.parse(String(rows[0].Policy)).red_packet_coefficient, '0.05');
    const register = google.spreadsheet._sheetNamed('Run register')!;
    const protection = register.getProtections('SHEET')[0];
    assert.ok(protection && protection.isWarningOnly(), 'the register is protected, warning-only');
  });

  test('the register holds thousands of runs while the document properties stay small', () => {
    const google = setUp();
    writeSettlement(run1Request());
    const register = google.spreadsheet._sheetNamed('Run register')!;
    const row = register.getRange(2, 1, 1, register.getMaxColumns()).getValues()[0];
    // 3,000 more runs, as the register would hold them after years of campaigns.
    register.insertRowsAfter(register.getMaxRows(), 3000);
    const more = Array.from({ length: 3000 }, (_, i) => row.map((cell, c) => (c === 1 ? i + 2 : typeof cell === 'string' ? `'${cell}` : cell)));
    register.getRange(3, 1, 3000, row.length).setValues(more);
    const bytesBefore = google.properties.document._bytes();
    const next = writeSettlement({ ...run1Request(), coefficient: '0.07' });
    assert.equal(next.run, 3002);
    assert.ok(google.properties.document._bytes() - bytesBefore < 1024, 'a run adds no growing record to the 500 KB store');
    assert.ok(google.properties.document._bytes() < 10 * 1024);
  });
});

describe('approval', () => {
  test('records who, when and the checksum of both sheets, and protects them: others cannot edit, the owner is warned', () => {
    const google = setUp({ editors: ['colleague@example.com'] });
    const { written, message } = approvedRun1(google);
    assert.match(message, /^Approved run 1 of "双11登峰激励 2025", checksum [0-9a-f]{16}…; its sheets are protected/);
    const [row] = registerRows(google);
    assert.equal(row.Status, 'approved');
    assert.equal(row['Approved by'], `temporary user key ${google.session.userKey}`);
    assert.match(String(row['Approved at']), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \(Asia\/Shanghai\)$/);
    assert.match(String(row['Checksum (SHA-256 of its sheets)']), /^[0-9a-f]{64}$/);
    for (const name of [written.sheetName, written.summarySheetName!]) {
      const sheet = google.spreadsheet._sheetNamed(name)!;
      const [restricted] = sheet.getProtections('SHEET');
      assert.ok(restricted && !restricted.isWarningOnly(), `${name}: a sheet protection that restricts`);
      assert.deepEqual(restricted.getEditors().map((u) => u.getEmail()), ['finance@example.com'], 'the owner (who approved) only');
      const [warning] = sheet.getProtections('RANGE');
      assert.ok(warning && warning.isWarningOnly(), `${name}: every cell warning-only`);
    }
    // A colleague's script cannot change an approved figure; the owner's can (after Sheets' warning in the UI).
    google.session.email = 'colleague@example.com';
    const lines = google.spreadsheet._sheetNamed(written.sheetName)!;
    assert.throws(() => lines.getRange('M2').setValue(1), { message: PROTECTED_MESSAGE });
    assert.throws(() => google.spreadsheet.deleteSheet(lines), { message: PROTECTED_MESSAGE });
    google.session.email = 'finance@example.com';
    lines.getRange('M2').setValue(1);
    assert.equal(lines.getRange('M2').getValue(), 1);
  });

  test('Verify recomputes the checksum and lists every cell changed since approval', () => {
    const google = setUp();
    const { written } = approvedRun1(google);
    assert.deepEqual(verifyApprovedSettlements().runs.map((r) => [r.run, r.intact]), [[1, true]]);
    const lines = google.spreadsheet._sheetNamed(written.sheetName)!;
    lines.getRange('M2').setValue(99999); // the cash total, as an editor with the owner's rights might
    google.spreadsheet._sheetNamed(written.summarySheetName!)!.getRange('A1').setValue('=1+1');
    const report = verifyApprovedSettlements();
    const [run] = report.runs;
    assert.equal(run.intact, false);
    assert.notEqual(run.checksumNow, run.checksumApproved);
    assert.deepEqual(run.sheets[0].changes!.changes, [{ a1: 'M2', before: SPEC6.line.cash_total, after: '99999' }]);
    assert.equal(run.sheets[1].changes!.changes[0].a1, 'A1');
    assert.equal(run.sheets[1].changes!.changes[0].after, '=1+1');
    assert.match(report.message, /1 approved run\(s\) changed since approval: "双11登峰激励 2025" run 1/);
    const dialog = google.ui._dialogs[google.ui._dialogs.length - 1].output.getContent();
    assert.ok(dialog.includes('<code>M2</code>: 23345.68 → 99999'), 'the dialog names the cell, before and after');
    // An edited approved run is not trusted for a true-up.
    assert.throws(() => writeSettlement(run2Request()), /Approved run 1 of "双11登峰激励 2025" has been edited since it was approved/);
  });

  test('only a draft settled against the latest approved run can be approved', () => {
    const google = setUp();
    const stale = writeSettlement(run1Request()); // run 1: against nothing
    const other = writeSettlement({ ...run1Request(), coefficient: '0.06' }); // run 2: against nothing
    google.spreadsheet._sheetNamed(other.sheetName)!.activate();
    approveActiveSettlement();
    google.spreadsheet._sheetNamed(stale.sheetName)!.activate();
    assert.match(approveActiveSettlement(), /Run 1 of "双11登峰激励 2025" was settled against no approved run, but the campaign's latest approved run is run 2 now/);
    google.spreadsheet._sheetNamed(other.sheetName)!.activate();
    assert.match(approveActiveSettlement(), /is approved already: only a draft can be approved/);
    google.spreadsheet._sheetNamed('Sheet1')!.activate();
    assert.match(approveActiveSettlement(), /Open the lines, summary or true-up sheet of the settlement to approve/);
  });
});

describe('SPEC §7 worked example on the fakes: run 2 net of refunds against approved run 1', () => {
  test('the true-up sheet beside the run\'s lines and summary: delta −3,969.14 (gmv), to pay 0.00, to recover 3,969.14', () => {
    const google = setUp();
    approvedRun1(google);
    const run2 = writeSettlement(run2Request());
    assert.equal(run2.run, 2);
    assert.equal(run2.trueUpSheetName, 'Settlement 2025-11-11 #2 true-up');
    const names = google.spreadsheet._sheets.filter((s) => !s._hidden).map((s) => s._name);
    assert.deepEqual(names.slice(names.indexOf(run2.sheetName), names.indexOf(run2.sheetName) + 3), [run2.sheetName, run2.summarySheetName, run2.trueUpSheetName]);
    const lines = sheetValues(google, run2.sheetName).values;
    assert.equal(lines[1][lines[0].indexOf('Cash total')], Number(SPEC7.line.cash_total));
    assert.equal(lines[1][lines[0].indexOf('Tier')], 1);
    const trueUp = sheetValues(google, run2.trueUpSheetName!).values;
    assert.equal(valueOf(trueUp, 'Previous cash total'), 23345.68);
    assert.equal(valueOf(trueUp, 'Cash total now'), 19376.54);
    assert.equal(valueOf(trueUp, 'Cash delta'), -3969.14);
    assert.equal(valueOf(trueUp, 'To pay'), 0);
    assert.equal(valueOf(trueUp, 'To recover'), 3969.14);
    const header = trueUp.findIndex((row) => row[0] === 'Merchant ID' && row.includes('Change'));
    const line = trueUp[header + 1];
    assert.deepEqual([line[0], line[trueUp[header].indexOf('Cash delta')], line[trueUp[header].indexOf('Traffic delta')], line[trueUp[header].indexOf('Change')]], ['M001', -3969.14, -55000, 'gmv']);
    // The summary says which run it is and what it is against.
    const summary = sheetValues(google, run2.summarySheetName!).values;
    assert.equal(valueOf(summary, 'Run'), 'run 2');
    assert.match(String(valueOf(summary, 'True-up against')), /^run 1 · /);
    assert.equal(valueOf(summary, 'To recover'), 3969.14);
    const rows = registerRows(google);
    assert.deepEqual([rows[1].Run, rows[1]['True-up against run'], rows[1]['To pay'], rows[1]['To recover']], [2, 1, 0, 3969.14]);
  });

  test('with clawback: false nothing is recovered and the shortfall is waived', () => {
    const google = setUp();
    approvedRun1(google);
    const run2 = writeSettlement(run2Request({ clawback: false }));
    const trueUp = sheetValues(google, run2.trueUpSheetName!).values;
    assert.equal(valueOf(trueUp, 'To recover'), 0);
    assert.equal(valueOf(trueUp, 'Waived (clawback off)'), 3969.14);
  });

  test('a held merchant pays run 1\'s 23,345.68 with its reason; delta 0; the hold defers −3,969.14', () => {
    const google = setUp();
    approvedRun1(google);
    const run2 = writeSettlement({ ...run2Request(), holds: text('商家ID,暂缓原因\nM001,appeal 12\n') });
    const lines = sheetValues(google, run2.sheetName).values;
    const [header, line] = lines;
    assert.deepEqual([line[header.indexOf('Status')], line[header.indexOf('Cash total')], line[header.indexOf('Reason')]], ['held', 23345.68, 'held: appeal 12; would pay 19,376.54']);
    const summary = sheetValues(google, run2.summarySheetName!).values;
    assert.equal(valueOf(summary, 'Held merchants'), 1);
    assert.equal(valueOf(summary, 'Deferred by holds'), -3969.14);
    const merchant = summary[summary.findIndex((row) => row[0] === 'Merchant ID') + 1];
    assert.equal(merchant[summary[summary.findIndex((row) => row[0] === 'Merchant ID')].indexOf('Reason')], 'held: appeal 12; would pay 19,376.54');
    assert.equal(valueOf(sheetValues(google, run2.trueUpSheetName!).values, 'Cash delta'), 0);
  });

  test('approving run 2 supersedes run 1', () => {
    const google = setUp();
    approvedRun1(google);
    const run2 = writeSettlement(run2Request());
    google.spreadsheet._sheetNamed(run2.trueUpSheetName!)!.activate();
    assert.match(approveActiveSettlement(), /Approved run 2 of "双11登峰激励 2025".* Run 1 is superseded\./);
    assert.deepEqual(registerRows(google).map((r) => [r.Run, r.Status]), [[1, 'superseded'], [2, 'approved']]);
    assert.equal(getCampaignBasis(CAMPAIGN).against!.run, 2);
    assert.equal(getCampaignBasis(CAMPAIGN).nextRun, 3);
  });

  test('the preview\'s basis is checked: a run approved since the preview refuses the write', () => {
    const google = setUp();
    const basis = getCampaignBasis(CAMPAIGN);
    assert.deepEqual(basis, { campaign: CAMPAIGN, nextRun: 1 });
    approvedRun1(google);
    assert.throws(() => writeSettlement({ ...run2Request(), against: null }), /The latest approved run of "双11登峰激励 2025" has changed since the preview \(the preview was against none; now it is run 1\)/);
    const now = getCampaignBasis(CAMPAIGN);
    assert.deepEqual([now.nextRun, now.against!.run, now.against!.lines.length], [2, 1, 1]);
    assert.equal(writeSettlement({ ...run2Request(), against: { run: 1, checksum: now.against!.checksum } }).outcome, 'written');
  });
});
