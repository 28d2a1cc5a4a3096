import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { getSidebarContext, readRangeCells, writeSettlement } from '../../src/addon/server';
import { insertPolicySheet } from '../../src/addon/policySheet';
import { request, googleForEachTest } from './support';
import type { GoogleFakes } from '../fakes/google';

const setUp = googleForEachTest();

/** Midnight of `iso` on the wall clock of `timeZone`, as Sheets hands a date cell to a script. */
function midnight(iso: string, offset: string): Date {
  return new Date(`${iso}T00:00:00${offset}`);
}

/** History and campaign typed into sheets, with real Date cells, as a user would have them. */
function typeInputSheets(google: GoogleFakes, offset: string): void {
  const history = google.spreadsheet.insertSheet('History');
  history.getRange(1, 1, 4, 3).setValues([
    ['商家ID', '日期', '成交金额'],
    ['M001', midnight('2025-11-01', offset), 150000],
    ['M001', midnight('2025-11-02', offset), 180000],
    ['M001', midnight('2025-11-03', offset), 210000],
  ]);
  const campaign = google.spreadsheet.insertSheet('Campaign day');
  campaign.getRange(1, 1, 2, 4).setValues([
    ['商家ID', '日期', '支付GMV', '磁力金牛消耗'],
    ['M001', midnight('2025-11-11', offset), 523456.78, 12345.67],
  ]);
}

describe('reading input ranges', () => {
  test('Date cells arrive as the calendar day of the spreadsheet, whatever its time zone', () => {
    for (const [timeZone, offset] of [['Asia/Shanghai', '+08:00'], ['America/Los_Angeles', '-08:00'], ['Pacific/Kiritimati', '+14:00']]) {
      const google = setUp({ timeZone });
      typeInputSheets(google, offset);
      const cells = readRangeCells("'Campaign day'!A1:D2");
      assert.deepEqual(cells, [['商家ID', '日期', '支付GMV', '磁力金牛消耗'], ['M001', '2025-11-11', 523456.78, 12345.67]], timeZone);
    }
  });

  test('a sheet name reads its used range; a named range by its name; JSON-safe values only', () => {
    const google = setUp();
    typeInputSheets(google, '+08:00');
    assert.equal(readRangeCells('History').length, 4);
    google.spreadsheet.setNamedRange('CAMPAIGN_DATA', google.spreadsheet._sheetNamed('Campaign day')!.getRange('A1:D2'));
    const cells = readRangeCells('CAMPAIGN_DATA');
    assert.equal(JSON.stringify(JSON.parse(JSON.stringify(cells))), JSON.stringify(cells));
    assert.equal(cells[1][1], '2025-11-11');
  });

  test('a settlement from ranges reads them on the server: SPEC §6 figures', () => {
    const google = setUp({ timeZone: 'America/Los_Angeles' });
    typeInputSheets(google, '-08:00');
    const result = writeSettlement(request({ history: { kind: 'range', a1: 'History' }, campaign: { kind: 'range', a1: "'Campaign day'!A1:D2" } }));
    const line = google.spreadsheet._sheetNamed(result.sheetName)!._snapshot().values[1];
    assert.deepEqual([line[0], line[2], line[6], line[9], line[11], line[12], line[14]], ['M001', '2025-11-11', 2, 6172.84, 17172.84, 23345.68, 75000]);
  });
});

describe('the Policy sheet', () => {
  test('inserts the SPEC §1 tiers behind GMV_POLICY, rates formatted as %', () => {
    const google = setUp();
    const result = insertPolicySheet();
    assert.deepEqual([result.outcome, result.sheetName, result.rangeName, result.a1], ['inserted', 'Policy', 'GMV_POLICY', 'Policy!A1:D4']);
    const sheet = google.spreadsheet._sheetNamed('Policy')!._snapshot();
    assert.deepEqual(sheet.values.slice(1, 4).map((row) => row.slice(0, 3)), [[200000, 0.3, 20000], [500000, 0.5, 75000], [1000000, 1, 200000]]);
    assert.equal(sheet.display[1][1], '30.0%');
    assert.equal(sheet.frozenRows, 1);
    assert.equal(google.spreadsheet.getRangeByName('GMV_POLICY')!.getA1Notation(), 'A1:D4');
    assert.deepEqual(sheet.values[0], ['GMV threshold (must exceed)', 'Cashback rate', 'Daily traffic cap', 'Red-packet coefficient (optional)']);
    // Under the note, each column explained, outside the named range.
    assert.match(String(sheet.values[5][0]), /^Named range GMV_POLICY = A1:D4\./);
    assert.deepEqual(sheet.values.slice(6).map((row) => String(row[0]).split(':')[0]), sheet.values[0]);
  });

  test('a second insert selects the existing range; a user sheet called Policy is not touched', () => {
    const google = setUp();
    google.spreadsheet.insertSheet('Policy').getRange('A1').setValue('mine');
    assert.equal(insertPolicySheet().sheetName, 'Policy 2');
    const again = insertPolicySheet();
    assert.equal(again.outcome, 'exists');
    assert.match(again.message, /already exists/);
    assert.equal(google.spreadsheet._sheets.filter((s) => s._name.startsWith('Policy')).length, 2);
    assert.equal(google.spreadsheet._active._name, 'Policy 2');
    assert.equal(google.spreadsheet._sheetNamed('Policy')!.getRange('A1').getValue(), 'mine');
  });

  test('the sidebar context lists the sheets and the Policy tiers', () => {
    const google = setUp({ locale: 'zh_CN' });
    typeInputSheets(google, '+08:00');
    insertPolicySheet();
    const context = getSidebarContext();
    assert.equal(context.language, 'zh');
    assert.deepEqual(context.sheets.find((s) => s.name === 'Campaign day'), { name: 'Campaign day', a1: "'Campaign day'!A1:D2", rows: 2 });
    assert.equal(context.policySheet!.rangeName, 'GMV_POLICY');
    assert.deepEqual(context.policySheet!.problems, []);
    assert.deepEqual(context.policySheet!.tiers[1], { min_gmv: '500000.00', cashback_rate: '0.5', traffic_cap_per_day: 75000 });
  });

  test('settling with the Policy sheet uses its edited rates', () => {
    const google = setUp();
    insertPolicySheet();
    google.spreadsheet._sheetNamed('Policy')!.getRange('B3').setValue('60%');
    const result = writeSettlement(request({ usePolicySheet: true }));
    const line = google.spreadsheet._sheetNamed(result.sheetName)!._snapshot().values[1];
    assert.equal(line[9], 7407.4); // 12,345.67 × 60% = 7,407.402 → 7,407.40
    assert.equal(line[11], 17172.84);
  });

  test('a write refuses a preview made with Policy sheet tiers that have changed since', () => {
    const google = setUp();
    insertPolicySheet();
    const previewed = getSidebarContext().policySheet!.tiers;
    google.spreadsheet._sheetNamed('Policy')!.getRange('B3').setValue('60%'); // edited after the preview
    assert.throws(
      () => writeSettlement(request({ usePolicySheet: true, previewedPolicyTiers: previewed })),
      /has changed since the preview/,
    );
    const current = getSidebarContext().policySheet!.tiers;
    const result = writeSettlement(request({ usePolicySheet: true, previewedPolicyTiers: current }));
    assert.equal(result.outcome, 'written');
  });

  test('using the Policy sheet when there is none, or when it is broken, says so', () => {
    const google = setUp();
    assert.throws(() => writeSettlement(request({ usePolicySheet: true })), /no Policy sheet \(named range GMV_POLICY\)/);
    insertPolicySheet();
    google.spreadsheet._sheetNamed('Policy')!.getRange('B3').setValue('half');
    assert.throws(() => writeSettlement(request({ usePolicySheet: true })), /Policy sheet "Policy": tier 2 cashback rate must be a rate of 0 or more/);
  });
});
