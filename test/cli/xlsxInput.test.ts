/**
 * An .xlsx input that claims more rows than Excel allows is refused before it is read: one
 * message naming the file, exit 2. (exceljs believed a row number of 30,000,000 and ran out of
 * memory after a minute and a half; it took a dimension of 30,000,000 rows without a word.)
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { claimDimension, claimRow, rewrittenWorkbook } from '../input/workbooks';
import { folderWith, gmvSettle, hasStackTrace, WORKED_EXAMPLE } from './helpers';

const CAMPAIGN_ROWS = [
  ['商家ID', '日期', '成交金额', '磁力金牛消耗'],
  ['M001', '2025-11-11', 523456.78, 12345.67],
];

const files = folderWith({ 'history.csv': WORKED_EXAMPLE['history.csv'] });
after(files.remove);

async function settleWorkbook(name: string, rewrite: (xml: string) => string) {
  const path = files.path(name);
  writeFileSync(path, await rewrittenWorkbook(CAMPAIGN_ROWS, rewrite));
  return { path, run: gmvSettle(['--history', files.path('history.csv'), '--campaign', path, '--coefficient', '0.05', '--format', 'json']) };
}

function expectRefused(result: { path: string; run: ReturnType<typeof gmvSettle> }, claim: string) {
  const { path, run } = result;
  assert.equal(run.status, 2, run.stderr);
  assert.equal(run.stdout, '');
  assert.ok(!hasStackTrace(run.stderr), run.stderr);
  const message = run.stderr.trim().split('\n');
  assert.equal(message.length, 1, 'one message');
  assert.equal(
    message[0],
    `gmv-settle: --campaign ${path} claims ${claim} rows in one sheet (xl/worksheets/sheet1.xml), more than the 1,048,576 ` +
      'an Excel sheet can hold: the file is damaged or was not saved by a spreadsheet program. Save it again from Excel, or export it as CSV.',
  );
}

describe('gmv-settle .xlsx inputs that claim too many rows', () => {
  it('refuses a sheet whose dimension claims 30,000,000 rows', async () => {
    expectRefused(await settleWorkbook('dimension.xlsx', claimDimension('A1:E30000000')), '30,000,000');
  });

  it('refuses a sheet with a row numbered 30,000,000', async () => {
    expectRefused(await settleWorkbook('row-number.xlsx', claimRow(30000000)), '30,000,000');
  });

  it('refuses 1,048,577 unnumbered rows (a few kilobytes zipped)', async () => {
    const empties = '<row/>'.repeat(1048577 - CAMPAIGN_ROWS.length);
    expectRefused(await settleWorkbook('row-count.xlsx', (xml) => claimDimension('A1')(xml).replace('</sheetData>', empties + '</sheetData>')), '1,048,577');
  });

  it('still reads a sheet whose dimension is the full Excel sheet', async () => {
    const { run } = await settleWorkbook('full-dimension.xlsx', claimDimension('A1:XFD1048576'));
    assert.equal(run.status, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).lines[0].cash_total, '23345.68'); // SPEC §6
  });
});
