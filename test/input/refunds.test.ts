/** SPEC §7 GMV basis in the readers: a refunds column subtracted row by row, or refused when missing. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readInputs } from '../../src/input/readInputs';
import { tableFromText } from '../../src/input/table';
import { TableError } from '../../src/input/tableError';
import { SPEC6_CSV } from '../fixtures/spec6';
import { SPEC7_CSV } from '../fixtures/spec7';

const tables = (history: string, campaign: string) => ({ history: tableFromText('history', history), campaign: tableFromText('campaign', campaign) });

describe('gmv_basis "net_of_refunds"', () => {
  test('subtracts each campaign row\'s refunds from its GMV: 523,456.78 − 30,000.00 = 493,456.78', () => {
    const read = readInputs(tables(SPEC7_CSV.history, SPEC7_CSV.campaign), [], { gmvBasis: 'net_of_refunds' });
    assert.equal(read.input.campaign[0].gmvFen, 493456_78);
    assert.deepEqual(read.totalCounts, { read: 4, used: 4, rejected: 0 });
    assert.match(read.mappings[1].source + ' ' + JSON.stringify(read.mappings[1].fields), /campaign .*"refund":4/);
  });

  test('a history refund that cannot be read rejects its row, which then takes no day (as an unreadable GMV)', () => {
    const history = 'merchant_id,date,gmv,refund_amount\nM001,2025-11-08,150000,abc\nM001,2025-11-08,150000,0\nM001,2025-11-09,abc,0\nM001,2025-11-09,180000,0\n';
    const read = readInputs(tables(history, SPEC7_CSV.campaign), [], { gmvBasis: 'net_of_refunds' });
    const historyIssues = read.issues.filter((issue) => issue.source === 'history');
    // Rows 2 and 4 are rejected for what they hold; rows 3 and 5 are the days' only readable rows, not duplicates.
    assert.deepEqual(historyIssues.map((issue) => issue.row), [2, 4]);
    assert.ok(!historyIssues.some((issue) => /already has/.test(issue.message)), 'no duplicate');
    assert.deepEqual(read.counts.find((c) => c.source === 'history'), { source: 'history', read: 4, used: 2, rejected: 2 });
  });

  test('subtracts history refunds too, before the baseline is averaged', () => {
    const history = 'merchant_id,date,gmv,退款金额\nM001,2025-11-08,150000,0\nM001,2025-11-09,180000,30000\nM001,2025-11-10,210000,\n';
    const read = readInputs(tables(history, SPEC7_CSV.campaign), [], { gmvBasis: 'net_of_refunds' });
    // 150,000 + 150,000 + 210,000 (a blank refund is none): a mean of 170,000.00.
    assert.deepEqual(read.input.history.get('M001'), { sumFen: 510000_00, days: 3 });
  });

  test('the column is found by its Chinese and English names', () => {
    for (const heading of ['退款金额', 'refund_amount', '退款', 'Refund Amount', '退款金额(元)']) {
      const campaign = `merchant_id,date,gmv,${heading}\nM001,2025-11-11,523456.78,30000\n`;
      assert.equal(readInputs(tables(SPEC7_CSV.history, campaign), [], { gmvBasis: 'net_of_refunds' }).input.campaign[0].gmvFen, 493456_78, heading);
    }
  });

  test('a missing refunds column is a table error that says what to add, in English and Chinese', () => {
    assert.throws(
      () => readInputs(tables(SPEC7_CSV.history, SPEC6_CSV.campaign), [], { gmvBasis: 'net_of_refunds' }),
      (error: unknown) =>
        error instanceof TableError &&
        /^campaign: gmv_basis is "net_of_refunds", so each row needs its refunds, but there is no refunds column \(退款金额 \/ refund_amount\)/.test(error.message) &&
        /^活动日数据：GMV 口径为“GMV 扣除退款”/.test(error.zh),
    );
    assert.throws(() => readInputs(tables(SPEC6_CSV.history, SPEC7_CSV.campaign), [], { gmvBasis: 'net_of_refunds' }), { message: /^history: gmv_basis is "net_of_refunds"/ });
  });

  test('a wide history cannot carry refunds per day: refused, saying how to give it', () => {
    const wide = 'merchant_id,2025-11-08,2025-11-09,refund_amount\nM001,150000,180000,0\n';
    assert.throws(() => readInputs(tables(wide, SPEC7_CSV.campaign), [], { gmvBasis: 'net_of_refunds' }), /wide history \(one column per date\) cannot carry refunds per day/);
  });

  test('a ready baseline is used as is and needs no refunds', () => {
    const read = readInputs(tables('merchant_id,avg_gmv\nM001,180000\n', SPEC7_CSV.campaign), [], { gmvBasis: 'net_of_refunds' });
    assert.deepEqual(read.input.history.get('M001'), { sumFen: 0, days: 0, readyBaselineFen: 180000_00 });
  });

  test('a refund that cannot be read, or is negative, rejects its row and blocks its merchant; rows read = used + rejected', () => {
    const campaign = 'merchant_id,date,gmv,refund_amount\nM001,2025-11-11,523456.78,3万x\nM002,2025-11-11,300000,-5\nM003,2025-11-11,300000,0\n';
    const read = readInputs(tables(SPEC7_CSV.history, campaign), [], { gmvBasis: 'net_of_refunds' });
    assert.deepEqual(read.counts.find((c) => c.source === 'campaign'), { source: 'campaign', read: 3, used: 1, rejected: 2 });
    assert.deepEqual(Array.from(read.input.blocked.keys()), ['M001', 'M002']);
    assert.deepEqual(
      read.issues.filter((i) => i.source === 'campaign').map((i) => [i.row, i.merchantId, i.value, i.message]),
      [
        [2, 'M001', '3万x', 'refunds "3万x" is not valid: expected a number such as 1,234.50 or 12.3万'],
        [3, 'M002', '-5', 'refunds "-5" is negative: expected 0 or more'],
      ],
    );
  });

  test('a total row is checked against the refunds too', () => {
    const campaign = 'merchant_id,date,gmv,refund_amount\nM001,2025-11-11,523456.78,30000\n合计,,523456.78,20000\n';
    const read = readInputs(tables(SPEC7_CSV.history, campaign), [], { gmvBasis: 'net_of_refunds' });
    assert.ok(read.issues.some((i) => i.source === 'campaign' && /refunds/.test(i.message) && /30,000\.00/.test(i.message)), JSON.stringify(read.issues));
  });
});

describe('gmv_basis "paid" (the default)', () => {
  test('uses GMV as given and says the refunds column is not used, and why', () => {
    const read = readInputs(tables(SPEC7_CSV.history, SPEC7_CSV.campaign));
    assert.equal(read.input.campaign[0].gmvFen, 523456_78);
    const note = read.issues.find((i) => i.source === 'campaign' && i.value === 'refund_amount');
    assert.ok(note, 'the unused column is reported');
    assert.match(note!.message, /gmv_basis is "paid": GMV is used as given and refunds are not subtracted/);
    assert.equal(note!.blocksMerchant, false);
  });
});
