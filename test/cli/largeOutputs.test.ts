/** Large settlements through the real binary: JSON is streamed and is the same document as the one-string report. */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { settleFiles } from '../../src/cli/settleFiles';
import { toJsonReport } from '../../src/output/json';
import { folderWith, gmvSettle } from './helpers';

/**
 * 12,000 merchants × 3 campaign days: 36,000 lines, ~25 MB of JSON (about 25 chunks of the
 * streamed writer), with a bad history row every 1,000 merchants so issues and blocked lines
 * are in it too.
 */
function mediumInputs(): { history: string; campaign: string } {
  const history: string[] = ['merchant_id,date,gmv'];
  const campaign: string[] = ['merchant_id,name,date,gmv,ad_spend'];
  for (let m = 0; m < 12000; m++) {
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
    assert.equal(printed.lines.length, 36000);
    assert.equal(printed.issues.length, 12);

    const settled = await settleFiles({ history: files.path('history.csv'), campaign: files.path('campaign.csv'), coefficient: '0.05' });
    const expected = toJsonReport(settled);
    expected.run.generated_at = printed.run.generated_at; // the one field that is the time of the run
    assert.deepEqual(printed, expected);
    assert.equal(run.stdout, JSON.stringify(expected, null, 2) + '\n', 'the same bytes, layout included');
  });
});
