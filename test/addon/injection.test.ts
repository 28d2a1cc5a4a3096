import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeSettlement } from '../../src/addon/server';
import { guardFormula } from '../../src/output/csv';
import { sheetText } from '../../src/output/sheetText';
import { createGoogleFakes } from '../fakes/google';
import { request, tsv, useGoogle } from './support';

let restore = () => undefined as void;
afterEach(() => restore());

const ATTACKS = [
  '=IMPORTXML("http://x","//a")',
  '+1+2',
  '-1+2',
  '@SUM(A1)',
  '\t=1+1',
  '\r=1+1',
  '＝1+1', // full-width: NFKC makes it "="
];

describe('the text guard', () => {
  test('the CSV guard prefixes what Sheets or Excel would start a formula with, after NFKC', () => {
    for (const text of ATTACKS) assert.equal(guardFormula(text), "'" + text, JSON.stringify(text));
    for (const text of ['Shop =1', 'M001', '星河小店', '']) assert.equal(guardFormula(text), text, JSON.stringify(text));
  });

  test('Sheets stores every guarded text exactly as given, never as a formula, number, date or boolean', () => {
    const google = createGoogleFakes();
    const texts = [...ATTACKS, '00123', '2025-11-11', 'TRUE', '1e5', "'quoted", '30%'];
    const range = google.spreadsheet._active.getRange(1, 1, 1, texts.length);
    range.setValues([texts.map(sheetText)]);
    assert.deepEqual(range.getValues()[0], texts);
    assert.deepEqual(range.getFormulas()[0], texts.map(() => ''));
  });

  test('without the guard the fake behaves like Sheets: a formula, a number that lost its zeros', () => {
    const google = createGoogleFakes();
    const range = google.spreadsheet._active.getRange(1, 1, 1, 2);
    range.setValues([['=IMPORTXML("http://x","//a")', '00123']]);
    assert.deepEqual(range.getFormulas()[0], ['=IMPORTXML("http://x","//a")', '']);
    assert.equal(range.getValues()[0][1], 123);
  });
});

describe('writeSettlement: pasted text never becomes a formula', () => {
  test('merchant names, ids and bad values starting with = + - @ tab CR ＝ are stored as text; numbers stay numbers', () => {
    const installed = useGoogle();
    restore = installed.restore;
    const google = installed.google;
    const campaignRows: (string | number)[][] = [['merchant_id', 'name', 'date', 'gmv', 'ad_spend']];
    ATTACKS.forEach((attack, i) => campaignRows.push([`M${i}`, attack, '2025-11-11', 523456.78, 12345.67]));
    campaignRows.push(['=HYPERLINK("http://x")', 'Evil id', '2025-11-11', 250000, 0]);
    campaignRows.push(['00123', 'Zeros', '2025-11-11', 250000, 0]);
    campaignRows.push(['M99', 'Bad GMV', '2025-11-11', '=1+2', 0]);
    const historyRows: (string | number)[][] = [['merchant_id', 'date', 'gmv']];
    ATTACKS.forEach((_, i) => historyRows.push([`M${i}`, '2025-11-01', 180000]));

    const result = writeSettlement(
      request({
        history: { kind: 'text', text: tsv(historyRows) },
        campaign: { kind: 'cells', cells: campaignRows },
      }),
    );
    const snapshot = google.spreadsheet.toJSON();
    for (const sheet of snapshot.sheets)
      sheet.formulas.forEach((row, r) => row.forEach((formula, c) => assert.equal(formula, '', `${sheet.name} row ${r + 1} column ${c + 1} became ${formula}`)));

    const lines = snapshot.sheets.find((s) => s.name === result.sheetName)!.values;
    ATTACKS.forEach((attack, i) => {
      const line = lines.find((row) => row[0] === `M${i}`)!;
      // Names are trimmed on input (a leading tab or CR is whitespace); the rest stays exactly as pasted.
      assert.equal(line[1], attack.trim(), `name ${JSON.stringify(attack)}`);
      assert.equal(line[3], 523456.78, 'GMV stays a number');
      assert.equal(line[12], 23345.68, 'cash total stays a number');
    });
    assert.ok(lines.some((row) => row[0] === '=HYPERLINK("http://x")'), 'the id is text');
    assert.ok(lines.some((row) => row[0] === '00123'), 'the id keeps its zeros');
    const summary = snapshot.sheets.find((s) => s.name === result.summarySheetName)!.values;
    assert.ok(summary.some((row) => row[2] === 'M99' && row[3] === '=1+2'), 'the bad value is listed as text');
  });
});
