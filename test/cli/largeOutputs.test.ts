/**
 * Large settlements through the real binary: JSON is streamed and is the same document as the
 * one-string report; XLSX beyond Excel's 1,048,576 rows a sheet is refused before the history
 * is even read, naming CSV and JSON as the way out.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { settleFiles } from '../../src/cli/settleFiles';
import { toJsonReport } from '../../src/output/json';
import { folderWith, gmvSettle, hasStackTrace } from './helpers';

/**
 * 4,000 merchants × 3 campaign days: 12,000 lines, ~8 MB of JSON (eight chunks of the streamed
 * writer), with a bad history row every 1,000 merchants so issues and blocked lines are in it too.
 */
function mediumInputs(): { history: string; campaign: string } {
  const history: string[] = ['merchant_id,date,gmv'];
  const campaign: string[] = ['merchant_id,name,date,gmv,ad_spend'];
  for (let m = 0; m < 4000; m++) {
    const id = String(m + 1).padStart(6, '0');
    for (let d = 1; d <= 5; d++) history.push(`${id},2025-10-0${d},${m % 1000 === 7 && d === 3 ? '12,3x' : 100000 + m * 10 + d}`);
    for (let d = 11; d <= 13; d++) campaign.push(`${id},店铺${m},2025-11-${d},${150000 + m * 37 + d * 1000},${m % 500}.25`);
  }
  return { history: history.join('\n') + '\n', campaign: campaign.join('\n') + '\n' };
}

const medium = mediumInputs();
const files = folderWith({ 'history.csv': medium.history, 'campaign.csv': medium.campaign });
after(files.remove);

describe('gmv-settle large outputs', () => {
  it('streams --format json as exactly the JSON.stringify of the report', async () => {
    const run = gmvSettle(['--history', files.path('history.csv'), '--campaign', files.path('campaign.csv'), '--coefficient', '0.05', '--format', 'json']);
    assert.equal(run.status, 0, run.stderr);
    const printed = JSON.parse(run.stdout);
    assert.equal(printed.lines.length, 12000);
    assert.equal(printed.issues.length, 4);

    const settled = await settleFiles({ history: files.path('history.csv'), campaign: files.path('campaign.csv'), coefficient: '0.05' });
    const expected = toJsonReport(settled);
    expected.run.generated_at = printed.run.generated_at; // the one field that is the time of the run
    assert.deepEqual(printed, expected);
    assert.equal(run.stdout, JSON.stringify(expected, null, 2) + '\n', 'the same bytes, layout included');
  });

  it('refuses --format xlsx for more lines than a sheet holds, before reading the history', () => {
    // 1,048,576 campaign lines + the heading row = one row more than Excel allows; 11 days per
    // merchant (95,326 merchants) is quicker to read than a million merchants of one day.
    const rows = ['merchant_id,date,gmv'];
    for (let i = 0; i < 1048576; i++) rows.push(`M${Math.floor(i / 11)},2025-11-${String(1 + (i % 11)).padStart(2, '0')},1`);
    const big = folderWith({ 'campaign.csv': rows.join('\n') + '\n' });
    try {
      // The history does not exist: an error about it would mean it was read first.
      const run = gmvSettle(['--history', big.path('no-such-history.csv'), '--campaign', big.path('campaign.csv'), '--coefficient', '0.05', '--out', big.path('out.xlsx')]);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, /--format xlsx cannot hold this settlement: the campaign has 1,048,576 lines/);
      assert.match(run.stderr, /an Excel sheet holds 1,048,576\. Use --format csv \(the lines\) or --format json/);
      assert.doesNotMatch(run.stderr, /history/);
      assert.ok(!hasStackTrace(run.stderr), run.stderr);
      assert.equal(existsSync(big.path('out.xlsx')), false, 'no workbook is started');
    } finally {
      big.remove();
    }
  });
});
