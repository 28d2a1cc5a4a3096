/**
 * The rows a worksheet's XML claims, read piece by piece as it is inflated: the same answer
 * wherever the pieces are cut, and a claim past Excel's 1,048,576 rows found from the claim
 * itself, not by building the rows.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXCEL_MAX_ROWS, SheetRowClaims } from '../../src/files/sheetSize';

function claimed(xml: string, pieceLength = xml.length): SheetRowClaims {
  const claims = new SheetRowClaims();
  for (let at = 0; at < xml.length; at += pieceLength) claims.feed(xml.slice(at, at + pieceLength));
  return claims;
}

const sheet = (body: string, dimension = 'A1:D3') =>
  `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="${dimension}"/>` +
  `<sheetData>${body}</sheetData></worksheet>`;
const rows = '<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2"><v>1</v></c></row><row r="3"/>';

describe('rows a worksheet claims', () => {
  it('reads the dimension and the row numbers of an ordinary sheet', () => {
    assert.equal(claimed(sheet(rows)).rows, 3);
    assert.equal(claimed(sheet(rows, 'A1:XFD1048576')).exceedsExcel(), false, 'a full Excel sheet is allowed');
  });

  it('refuses a dimension past Excel, whatever the rows say', () => {
    const claims = claimed(sheet(rows, 'A1:E30000000'));
    assert.equal(claims.rows, 30000000);
    assert.equal(claims.exceedsExcel(), true);
  });

  it('refuses a row number past Excel, with or without a namespace prefix', () => {
    assert.equal(claimed(sheet(rows + '<row r="1048577"><c r="A1048577"><v>1</v></c></row>')).rows, EXCEL_MAX_ROWS + 1);
    assert.equal(claimed(sheet('<x:row r="30000000"/>').replace('<sheetData>', '<x:sheetData>')).rows, 30000000);
  });

  it('numbers rows without r as the row after the last, as readers do', () => {
    assert.equal(claimed(sheet('<row r="1048576"/><row/>', 'A1')).rows, EXCEL_MAX_ROWS + 1);
    assert.equal(claimed(sheet('<row/><row spans="1:2"/><row/>', 'A1')).rows, 3);
  });

  it('gives the same answer wherever the XML is cut into pieces', () => {
    const xml = sheet(rows + '<row r="2000000" spans="1:4"><c r="A2000000"><v>1</v></c></row>', 'A1:D7');
    for (const length of [1, 2, 3, 7, 16, 100]) assert.equal(claimed(xml, length).rows, 2000000, `pieces of ${length}`);
  });

  it('is not fooled by other elements whose names start with row', () => {
    assert.equal(claimed(sheet(rows) + '<rowBreaks count="1"><brk id="5000000"/></rowBreaks>').rows, 3);
  });
});
