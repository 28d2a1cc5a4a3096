/**
 * A history file read through the byte fast path (a file decoded with its exact UTF-8 bytes, as
 * the CLI reads it) settles exactly as the same text read cell by cell (as a paste or a sheet
 * range is): the same history sums, the same issues on the same rows, the same counts, the same
 * blocked merchants — on generated long exports full of the traps the general reader exists for.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeFile } from '../../src/files/decode';
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

/** The table as the CLI reads a file, counting the rows the byte path read itself. */
function fromFile(text: string, plainRows: { count: number }): Table {
  const { text: decoded, utf8 } = decodeFile(new TextEncoder().encode(text));
  const table = tableFromText('history', decoded, utf8);
  const eachPlainRow = table.eachPlainRow;
  if (!eachPlainRow) return table;
  return {
    ...table,
    eachPlainRow: (layout, sink) =>
      eachPlainRow(layout, {
        plain: (...args) => sink.plain(...args) && ++plainRows.count > 0,
        other: sink.other,
      }),
  };
}

test('generated long histories read the same from the bytes as from the text', () => {
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
      const viaBytes = readInputs({ history: fromFile(text, plainRows), campaign: tableFromText('campaign', CAMPAIGN) });
      const viaText = readInputs({ history: tableFromText('history', text), campaign: tableFromText('campaign', CAMPAIGN) });
      assert.deepEqual(viaBytes, viaText);
      plainTotal += plainRows.count;
    }),
    { numRuns: 400 },
  );
  assert.ok(plainTotal > 1000, `the byte path read ${plainTotal} rows itself`);
});

test('a history the byte path cannot take whole (a quoted field, a unit in the heading) reads the same', () => {
  for (const text of ['merchant_id,date,gmv\n"00001",2025-10-01,5\n00001,2025-10-02,6\n', 'merchant_id,date,gmv(万元)\n00001,2025-10-01,1.5\n']) {
    const plainRows = { count: 0 };
    const viaBytes = readInputs({ history: fromFile(text, plainRows), campaign: tableFromText('campaign', CAMPAIGN) });
    assert.deepEqual(viaBytes, readInputs({ history: tableFromText('history', text), campaign: tableFromText('campaign', CAMPAIGN) }));
    assert.equal(plainRows.count, 0);
  }
});
