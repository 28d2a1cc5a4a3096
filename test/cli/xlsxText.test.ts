/**
 * XLSX output keeps ids and text exactly: text cells are text (never formulas, so no apostrophe
 * is needed or added), and what XML 1.0 cannot carry is written the OOXML way (`_x001B_`, and a
 * literal `_x0041_` as `_x005F_x0041_`), so reading the workbook back gives the same strings.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { ooxmlText } from '../../src/cli/xlsxWriter';
import { unzipAll } from '../input/workbooks';
import { folderWith, gmvSettle } from './helpers';

// Names as the back office might export them, each with something a careless writer loses.
const NAMES = [
  'Shop\x1bRED', // ESC: exceljs drops it
  '_x0041_', // reads back as "A" unless escaped
  '_x005f_ lower', // the escape's escape, in lower case
  'two\rlines', // a CR alone: XML readers turn it into a line feed
  'bell\x07 del\x7f', // exceljs drops both
  'c1\u0085 \u009b', // C1 controls: legal XML, kept as they are
  'bom\ufeff and \ufffe', // U+FFFE is not XML: the workbook would be damaged
  '=HYPERLINK("http://evil.example","x")',
  'tab\tand\nline feed',
];
const IDS = NAMES.map((_, i) => (i === 0 ? '+X2' : i === 1 ? '=1+1' : i === 2 ? '@SUM' : i === 3 ? '00123' : `M${i}`));

const files = folderWith({
  'history.csv': 'merchant_id,date,gmv\n' + IDS.map((id) => `"${id}",2025-11-01,100000\n`).join(''),
  'campaign.csv': 'merchant_id,name,date,gmv\n' + IDS.map((id, i) => `"${id}","${NAMES[i].replace(/"/g, '""')}",2025-11-11,300000\n`).join(''),
});
after(files.remove);

/** A cell's text as exceljs reads it: a rich-text value's runs joined, else the value. */
function cellText(value: ExcelJS.CellValue): unknown {
  return value && typeof value === 'object' && 'richText' in value ? value.richText.map((run) => run.text).join('') : value;
}

describe('XLSX text cells', () => {
  it('escapes what XML cannot carry the OOXML way', () => {
    assert.equal(ooxmlText('A\x1bB'), 'A_x001B_B');
    assert.equal(ooxmlText('_x0041_'), '_x005F_x0041_');
    assert.equal(ooxmlText('a\rb\x7f\ufffe'), 'a_x000D_b_x007F__xFFFE_');
    assert.equal(ooxmlText('tab\tline\n中文 _x12_ _xZZZZ_'), 'tab\tline\n中文 _x12_ _xZZZZ_', 'the rest is untouched');
  });

  it('reads back exactly, ids and names, with no apostrophe and no formula', async () => {
    const out = files.path('settlement.xlsx');
    const run = gmvSettle(['--history', files.path('history.csv'), '--campaign', files.path('campaign.csv'), '--coefficient', '0.05', '--out', out]);
    assert.equal(run.status, 0, run.stderr);
    // The JSON of the same run says what the settlement holds (the readers' own handling included).
    const json = JSON.parse(gmvSettle(['--history', files.path('history.csv'), '--campaign', files.path('campaign.csv'), '--coefficient', '0.05', '--format', 'json']).stdout);
    assert.deepEqual(json.lines.map((l: { merchant_id: string }) => l.merchant_id), IDS);

    const bytes = readFileSync(out);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const lines = workbook.getWorksheet('Lines')!;
    json.lines.forEach((line: { merchant_id: string; merchant_name: string }, i: number) => {
      assert.equal(cellText(lines.getRow(i + 2).getCell(1).value), line.merchant_id, `id of line ${i + 1}`);
      assert.equal(cellText(lines.getRow(i + 2).getCell(2).value), line.merchant_name, `name of line ${i + 1}`);
    });
    assert.equal(json.lines[0].merchant_name, NAMES[0], 'the ESC reached the settlement');

    const sheetXml = unzipAll(bytes).get('xl/worksheets/sheet1.xml')!.toString('utf8');
    assert.doesNotMatch(sheetXml, /<f>/, 'no cell is a formula');
    assert.match(sheetXml, /<c r="A2" t="inlineStr"><is><r><t>\+X2<\/t><\/r><\/is><\/c>/, 'an id starting with + is text as typed');
    assert.match(sheetXml, /Shop_x001B_RED/);
  });
});
