/**
 * Generated back-office exports (fast-check): random quoting, line ends, units, title lines,
 * blank and total rows, bad figures and ids hiding invisible characters. Whatever the mix,
 * every row read is used or rejected, every rejected row's merchant is blocked, no invisible
 * character makes a merchant of its own, and every clean row reads to the figure it holds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readInputs } from '../../src/input/readInputs';
import { tableFromText } from '../../src/input/table';

type Kind = 'clean' | 'bad_gmv' | 'invisible_id' | 'blank' | 'total';

const UNITS: [string, number][] = [['', 0], ['(元)', 0], ['(万元)', 4], ['（千元）', 3], ['[万]', 4]];
const INVISIBLE = ['\u200b', '\u200d', '\ufeff', '\u00ad', '\u202e', '\u2060'];

const rowArb = fc.record({
  kind: fc.constantFrom<Kind>('clean', 'clean', 'clean', 'bad_gmv', 'invisible_id', 'blank', 'total'),
  merchant: fc.integer({ min: 0, max: 5 }),
  day: fc.integer({ min: 0, max: 4 }),
  fen: fc.integer({ min: 0, max: 99999999999 }),
});
const exportArb = fc.record({
  rows: fc.array(rowArb, { minLength: 1, maxLength: 25 }),
  unit: fc.constantFrom(...UNITS),
  lineEnd: fc.constantFrom('\n', '\r\n', '\r'),
  delimiter: fc.constantFrom(',', '\t', ';'),
  quoteAll: fc.boolean(),
  titleLines: fc.integer({ min: 0, max: 2 }),
  invisible: fc.constantFrom(...INVISIBLE),
});

const idOf = (m: number) => '00' + (m + 1);
/** Fen as the text a column in 10^exponent yuan shows: exact, so it reads back to the same fen. */
function figure(fen: number, exponent: number): string {
  const digits = String(fen).padStart(3 + exponent, '0');
  const point = digits.length - 2 - exponent;
  return (digits.slice(0, point).replace(/^0+(?=\d)/, '') + '.' + digits.slice(point)).replace(/\.?0+$/, '') || '0';
}

test('generated exports: read = used + rejected, rejected rows block their merchant, clean rows read exactly', () => {
  fc.assert(
    fc.property(exportArb, (e) => {
      const [unitText, exponent] = e.unit;
      const field = (text: string) => (e.quoteAll || text.includes(e.delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
      const line = (cells: string[]) => cells.map(field).join(e.delimiter);
      const lines: string[] = [];
      for (let t = 0; t < e.titleLines; t++) lines.push(t === 0 ? '快手电商-商家经营数据明细' : '导出时间：2025-11-12 10:00:00');
      lines.push(line(['商家ID', '日期', `支付GMV${unitText}`]));
      const seen = new Set<string>();
      const expected = new Map<string, number>(); // merchant|day → fen of its first clean row
      const mustBlock = new Set<string>();
      let dataRows = 0;
      for (const row of e.rows) {
        const id = idOf(row.merchant);
        const date = `2025-11-${11 + row.day}`;
        if (row.kind === 'blank') {
          lines.push('');
          continue;
        }
        dataRows += 1;
        if (row.kind === 'total') {
          lines.push(line(['合计', '', '1']));
          continue;
        }
        const key = `${id}|${date}`;
        if (row.kind === 'invisible_id') {
          lines.push(line([id.slice(0, 2) + e.invisible + id.slice(2), date, figure(row.fen, exponent)]));
          mustBlock.add(id);
          continue;
        }
        if (seen.has(key)) mustBlock.add(id); // a second row for the day
        seen.add(key);
        if (row.kind === 'bad_gmv') {
          lines.push(line([id, date, '12,3x']));
          mustBlock.add(id);
        } else {
          lines.push(line([id, date, figure(row.fen, exponent)]));
          if (!expected.has(key)) expected.set(key, row.fen);
        }
      }
      const text = lines.join(e.lineEnd) + e.lineEnd;
      const r = readInputs({ history: tableFromText('history', '商家ID,过往日均\n001,1\n'), campaign: tableFromText('campaign', text) });

      for (const c of r.counts) assert.equal(c.read, c.used + c.rejected);
      assert.equal(r.counts[1].read, dataRows);
      r.issues.forEach((issue) => issue.blocksMerchant && issue.merchantId && assert.ok(r.input.blocked.has(issue.merchantId)));
      // An invisible id is blocked only if the merchant it hides is known; here it always has other rows or not at all.
      mustBlock.forEach((id) => r.input.campaignMerchantOrder.indexOf(id) >= 0 && assert.ok(r.input.blocked.has(id), `${id} must be blocked`));
      r.input.campaignMerchantOrder.forEach((id) => assert.match(id, /^00\d$/));
      r.input.campaign.forEach((day) => {
        const fen = expected.get(`${day.merchantId}|${day.date}`);
        if (fen !== undefined && !day.rejected) assert.equal(day.gmvFen, fen);
      });
    }),
    { numRuns: 300 },
  );
});
