/** The CLI's CSV bytes are exactly the project's CSV text (src/output/csv.ts), whatever the values. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Dec } from '../../src/core/money';
import { double11Policy } from '../../src/core/policy';
import { tableFromText } from '../../src/input/table';
import { csvField, tableToCsv } from '../../src/output/csv';
import { LINE_COLUMNS, MERCHANT_COLUMNS, ISSUE_COLUMNS } from '../../src/output/tables';
import { runSettlement } from '../../src/run/runSettlement';
import { csvChunks } from '../../src/cli/csvBytes';

const POLICY = { ...double11Policy(), redPacketCoefficient: new Dec('0.05') };

const joined = (chunks: Iterable<Buffer>) => Buffer.concat([...chunks]).toString('utf8');

test('every table, in both languages, with names that need quoting or a formula guard, negative and blank figures', () => {
  const history = 'merchant_id,date,gmv\nM1,2025-10-01,100\nM2,2025-10-01,0\n=HYPERLINK,2025-10-01,5\nM4,2025-10-01,12,3x\n';
  const campaign = [
    'merchant_id,merchant_name,date,gmv,ad_spend',
    'M1,"Shop, ""quoted""",2025-11-11,523456.78,12345.67',
    'M2,小店,2025-11-11,-1.05,0',
    '=HYPERLINK,+evil,2025-11-11,250000,1',
    'M4,x,2025-11-11,1000000.01,99999999999.99',
    ',no id,2025-11-11,1,1',
  ].join('\n');
  const run = runSettlement({ history: tableFromText('history', history), campaign: tableFromText('campaign', campaign) }, POLICY);
  for (const language of ['en', 'zh'] as const) {
    assert.equal(joined(csvChunks(LINE_COLUMNS, run.settlement.lines, language)), tableToCsv(LINE_COLUMNS, run.settlement.lines, language));
    assert.equal(joined(csvChunks(MERCHANT_COLUMNS, run.settlement.merchants, language)), tableToCsv(MERCHANT_COLUMNS, run.settlement.merchants, language));
    assert.equal(joined(csvChunks(ISSUE_COLUMNS, run.read.issues, language)), tableToCsv(ISSUE_COLUMNS, run.read.issues, language));
  }
  assert.deepEqual([...Buffer.concat([...csvChunks(LINE_COLUMNS, [], 'en', Buffer.from([0xef, 0xbb, 0xbf]))]).subarray(0, 3)], [0xef, 0xbb, 0xbf]);
});

test('a table larger than a chunk comes out in chunks of about 1 MB, equal to the text', () => {
  const campaign = ['merchant_id,merchant_name,date,gmv,ad_spend'];
  for (let m = 0; m < 12000; m++) campaign.push(`S${m},店铺${m},2025-11-11,${200000 + m * 37},${m}`);
  const run = runSettlement({ history: tableFromText('history', 'merchant_id,avg_gmv\nS1,1\n'), campaign: tableFromText('campaign', campaign.join('\n')) }, POLICY);
  const chunks = [...csvChunks(LINE_COLUMNS, run.settlement.lines, 'zh')];
  assert.ok(chunks.length > 1 && chunks.every((c) => c.length <= (1 << 20)), `${chunks.length} chunks`);
  assert.equal(Buffer.concat(chunks).toString('utf8'), tableToCsv(LINE_COLUMNS, run.settlement.lines, 'zh'));
});

test('any text cell and any figure come out as the CSV text has them (generated)', () => {
  // Names of every kind: plain ASCII (the byte-copy path), quotes, commas, line breaks, tabs,
  // formula starts, full-width ＝, Chinese, emoji, and one past the 4096-character cut-off.
  const nameArb = fc.oneof(
    fc.string({ unit: fc.constantFrom('a', 'Z', '7', ' ', '"', ',', '\n', '\r', '\t', '=', '+', '-', '@', '＝', '店', '😀', '\u007f'), maxLength: 12 }),
    fc.stringMatching(/^[ -~]{1,30}$/),
    fc.constant('x'.repeat(5000)),
  );
  const lineArb = fc.record({ name: nameArb, gmv: fc.integer({ min: -99999999, max: 9999999999 }), spend: fc.integer({ min: 0, max: 99999999 }) });
  fc.assert(
    fc.property(fc.array(lineArb, { minLength: 1, maxLength: 8 }), (lines) => {
      const rows = lines.map((l, m) => `M${m},${csvField(l.name)},2025-11-11,${(l.gmv / 100).toFixed(2)},${(l.spend / 100).toFixed(2)}`);
      const campaign = tableFromText('campaign', ['merchant_id,merchant_name,date,gmv,ad_spend', ...rows].join('\n'));
      const run = runSettlement({ history: tableFromText('history', 'merchant_id,avg_gmv\nM0,100\n'), campaign }, POLICY);
      for (const language of ['en', 'zh'] as const) {
        assert.equal(joined(csvChunks(LINE_COLUMNS, run.settlement.lines, language)), tableToCsv(LINE_COLUMNS, run.settlement.lines, language));
      }
    }),
    { numRuns: 300 },
  );
});
