/**
 * A history read through the in-place fast path (a file or a paste) reads exactly as the same
 * text read cell by cell (as a sheet range is): the same history sums, the same issues on the
 * same rows, the same counts, the same blocked merchants — on generated long exports full of
 * the traps the general reader exists for.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readInputs } from '../../src/input/readInputs';
import { tableFromText, type Table } from '../../src/input/table';

const CAMPAIGN = 'merchant_id,merchant_name,date,gmv,ad_spend\n00001,店铺一,2025-11-11,300000,100\n00002,Shop,2025-11-11,600000,100\nS3,x,2025-11-11,1200000,5\n';

/** Rows of every kind the fast path must either read exactly or hand to the general reader. */
const ROW_KINDS: ((m: string, day: string) => string[])[] = [
  (m, day) => [m, day, '15000.50'],
  (m, day) => [m, day, '15000.50'],
  (m, day) => [m, day, '-120.005'],
  (m, day) => [m, day, ''],
  (m, day) => [m, day, '1,500'],
  (m, day) => [m, day, '1.5万'],
  (m, day) => [m, day, '１５００'],
  (m) => [m, '2025-11-11', '1'], // on the first campaign day: left out
  (m) => [m, '2025-11-30', '1'], // after it
  (m) => [m, '2025/10/05', '10'],
  (m) => [m, '2025-02-30', '10'],
  (m) => [m, '', '10'],
  () => ['合计', '', '99999'],
  () => ['Total', '', '0'],
  () => ['小计', '', '5'],
  (m, day) => [' ' + m, day, '7'],
  (m, day) => [m + '\u200b', day, '7'],
  (_m, day) => ['1.2E+11', day, '7'],
  (_m, day) => ['', day, '7'],
  (m, day) => [m, day, '7', 'extra'],
  (m, day) => [m, day, '7', ''],
  (m, day) => [m, day],
  () => [],
];

const exportArb = fc.record({
  rows: fc.array(
    fc.record({ kind: fc.nat(ROW_KINDS.length * 3), merchant: fc.constantFrom('00001', '00002', 'S3', '00004', 'T5'), day: fc.integer({ min: 1, max: 9 }) }),
    { maxLength: 40 },
  ),
  delimiter: fc.constantFrom(',', '\t'),
  lineEnd: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  title: fc.boolean(),
});

/** The text table, counting the rows the fast path read itself. */
function counted(text: string, plainRows: { count: number }, source: 'history' | 'campaign' = 'history'): Table {
  const table = tableFromText(source, text);
  const eachPlainRow = table.eachPlainRow;
  assert.ok(eachPlainRow);
  return {
    ...table,
    eachPlainRow: (layout, sink) =>
      eachPlainRow(layout, {
        plain: (...args) => sink.plain(...args) && ++plainRows.count > 0,
        other: sink.other,
      }),
  };
}

/** What reading gives: the inputs read, or the table error it refuses them with. */
function outcome(read: () => unknown): unknown {
  try {
    return read();
  } catch (error) {
    return { refused: (error as Error).message };
  }
}

/** The same text without the fast path: every row cut into cells and read by the cell readers. */
function cellByCell(text: string, source: 'history' | 'campaign' = 'history'): Table {
  return { ...tableFromText(source, text), eachPlainRow: undefined };
}

test('generated long histories read the same in place as cell by cell', () => {
  let plainTotal = 0;
  fc.assert(
    fc.property(exportArb, (e) => {
      const lines = e.title ? ['商家经营数据'] : [];
      lines.push(['merchant_id', 'date', 'gmv'].join(e.delimiter));
      for (const row of e.rows) {
        // Two thirds clean rows, a third of the traps.
        const kind = row.kind < ROW_KINDS.length * 2 ? 0 : row.kind - ROW_KINDS.length * 2;
        lines.push(ROW_KINDS[Math.min(kind, ROW_KINDS.length - 1)](row.merchant, `2025-10-0${row.day}`).join(e.delimiter));
      }
      const text = (e.bom ? '\ufeff' : '') + lines.join(e.lineEnd) + e.lineEnd;
      const plainRows = { count: 0 };
      const inPlace = outcome(() => readInputs({ history: counted(text, plainRows), campaign: tableFromText('campaign', CAMPAIGN) }));
      assert.deepEqual(inPlace, outcome(() => readInputs({ history: cellByCell(text), campaign: tableFromText('campaign', CAMPAIGN) })));
      plainTotal += plainRows.count;
    }),
    { numRuns: 400 },
  );
  assert.ok(plainTotal > 1000, `the fast path read ${plainTotal} rows itself`);
});

test('a history the fast path cannot take (a quoted field, a unit in the heading) reads the same', () => {
  for (const text of ['merchant_id,date,gmv\n"00001",2025-10-01,5\n00001,2025-10-02,6\n', 'merchant_id,date,gmv(万元)\n00001,2025-10-01,1.5\n']) {
    const plainRows = { count: 0 };
    const inPlace = readInputs({ history: counted(text, plainRows), campaign: tableFromText('campaign', CAMPAIGN) });
    assert.deepEqual(inPlace, readInputs({ history: cellByCell(text), campaign: tableFromText('campaign', CAMPAIGN) }));
    assert.equal(plainRows.count, 0);
  }
});

const HISTORY = 'merchant_id,date,gmv\n00001,2025-10-01,100000\n00002,2025-10-01,100000\nS3,2025-10-01,5\n合计,,200005\n';

/** Campaign rows of every kind: names in Chinese, with spaces, total-like; blank and negative ad spend; bad dates. */
const CAMPAIGN_KINDS: ((m: string, day: string) => string[])[] = [
  (m, day) => [m, '店铺一', day, '523456.78', '1200.5'],
  (m, day) => [m, '', day, '1000000', '0'],
  (m, day) => [m, ' Shop ', day, '200000.005', '12'],
  (m, day) => [m, '小计', day, '1', '1'],
  (m, day) => [m, 'Total Shop', day, '1', '1'],
  (m, day) => [m, '店', day, '523456.78', ''],
  (m, day) => [m, '店', day, '523456.78', '-5'],
  (m, day) => [m, '店', day, '-10', '5'],
  (m, day) => [m, '店', day, '', '5'],
  (m) => [m, '店', '2025-11-31', '1', '1'],
  (m, day) => [m + ' ', '店', day, '1', '1'],
  () => ['合计', '', '', '99', '9'],
  (m, day) => [m, '店', day, '1', '1', 'x'],
  (m, day) => [m, '店', day],
];

test('generated campaign exports with names read the same in place as cell by cell', () => {
  let plainTotal = 0;
  const campaignArb = fc.record({
    rows: fc.array(fc.record({ kind: fc.nat(CAMPAIGN_KINDS.length * 2), merchant: fc.constantFrom('00001', '00002', 'S3', 'T5'), day: fc.integer({ min: 11, max: 13 }) }), {
      maxLength: 30,
    }),
    delimiter: fc.constantFrom(',', '\t'),
    lineEnd: fc.constantFrom('\n', '\r\n'),
  });
  fc.assert(
    fc.property(campaignArb, (e) => {
      const lines = [['merchant_id', 'merchant_name', 'date', 'gmv', 'ad_spend'].join(e.delimiter)];
      for (const row of e.rows) {
        const kind = row.kind < CAMPAIGN_KINDS.length ? 0 : row.kind - CAMPAIGN_KINDS.length;
        lines.push(CAMPAIGN_KINDS[Math.min(kind, CAMPAIGN_KINDS.length - 1)](row.merchant, `2025-11-${row.day}`).join(e.delimiter));
      }
      const text = lines.join(e.lineEnd) + e.lineEnd;
      const plainRows = { count: 0 };
      const inPlace = outcome(() => readInputs({ history: tableFromText('history', HISTORY), campaign: counted(text, plainRows, 'campaign') }));
      assert.deepEqual(inPlace, outcome(() => readInputs({ history: tableFromText('history', HISTORY), campaign: cellByCell(text, 'campaign') })));
      plainTotal += plainRows.count;
    }),
    { numRuns: 400 },
  );
  assert.ok(plainTotal > 1000, `the fast path read ${plainTotal} rows itself`);
});

test('net of refunds (SPEC §7), history and campaign: the in-place rows subtract the refunds as the cells do', () => {
  const refunds = ['0', '120.5', '', '-3', '1.5万', '15000.50'];
  let plainTotal = 0;
  fc.assert(
    fc.property(
      fc.array(fc.record({ merchant: fc.constantFrom('00001', '00002', 'S3'), day: fc.integer({ min: 1, max: 9 }), gmv: fc.constantFrom('15000.50', '100', '-7', ''), refund: fc.nat(refunds.length - 1) }), { maxLength: 30 }),
      fc.array(fc.record({ merchant: fc.constantFrom('00001', '00002', 'S3'), day: fc.integer({ min: 11, max: 13 }), gmv: fc.constantFrom('523456.78', '1000000', '200000'), refund: fc.nat(refunds.length - 1) }), { maxLength: 9 }),
      (historyRows, campaignRows) => {
        const history = ['merchant_id,date,gmv,refund_amount', ...historyRows.map((r) => `${r.merchant},2025-10-0${r.day},${r.gmv},${refunds[r.refund]}`)].join('\n') + '\n';
        const campaign = ['merchant_id,date,gmv,ad_spend,refund_amount', ...campaignRows.map((r) => `${r.merchant},2025-11-${r.day},${r.gmv},100,${refunds[r.refund]}`)].join('\n') + '\n';
        const plainRows = { count: 0 };
        const read = (h: Table, c: Table) => outcome(() => readInputs({ history: h, campaign: c }, [], { gmvBasis: 'net_of_refunds' }));
        const inPlace = read(counted(history, plainRows), counted(campaign, plainRows, 'campaign'));
        assert.deepEqual(inPlace, read(cellByCell(history), cellByCell(campaign, 'campaign')));
        plainTotal += plainRows.count;
      },
    ),
    { numRuns: 300 },
  );
  assert.ok(plainTotal > 500, `the fast path read ${plainTotal} rows itself`);
  // By hand: 15,000.50 − 120.50 = 14,880.00 is the day's net GMV in the history sum.
  const read = readInputs({ history: counted('merchant_id,date,gmv,refund_amount\n00001,2025-10-01,15000.50,120.5\n', { count: 0 }), campaign: tableFromText('campaign', 'merchant_id,date,gmv,refund_amount\n00001,2025-11-11,300000,0\n') }, [], { gmvBasis: 'net_of_refunds' });
  assert.equal(read.input.history.get('00001')?.sumFen, 1_488_000);
});
