/** The human summary `npm start` prints: totals a person can check against SPEC §6. */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { settleFiles } from '../../src/cli/settleFiles';
import { formatSummary } from '../../src/cli/summary';
import { folderWith, WORKED_EXAMPLE } from './helpers';

const files = folderWith({
  ...WORKED_EXAMPLE,
  // M009's GMV "12,3x" is not a number: the merchant is blocked.
  'campaign.csv': WORKED_EXAMPLE['campaign.csv'] + 'M009,2025-11-11,"12,3x",0\n',
});
after(files.remove);

describe('settlement summary', () => {
  it('shows the cash total, tiers reached, and who is blocked and why', async () => {
    const run = await settleFiles({ history: files.path('history.csv'), campaign: files.path('campaign.csv'), coefficient: '0.05' });
    const text = formatSummary(run);
    assert.match(text, /Cash total\s+¥23,345\.68/); // SPEC §6: 6,172.84 + 17,172.84
    assert.match(text, /cashback\s+¥6,172\.84/);
    assert.match(text, /red packets\s+¥17,172\.84/);
    assert.match(text, /Traffic granted\s+75,000 exposures/);
    assert.match(text, /Best tier reached\s+tier 1: 0, tier 2: 1, tier 3: 0/);
    assert.match(text, /Blocked merchants \(1\)[\s\S]*M009: blocked: row 3 of campaign: GMV "12,3x" is not valid/);
    assert.match(text, /Rows\s+read 5 = used 4 \+ rejected 1/);
  });
});
