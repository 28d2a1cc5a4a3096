/**
 * The byte path gives the same rows as forEachRecord: on generated exports (clean rows, names in
 * Chinese, bad dates, 万, spaces in ids, extra and missing fields, blank lines, CRLF, a BOM),
 * every row number comes once, in order; a plain row's id, serial day and fen are what the text
 * readers make of forEachRecord's fields for it, and every other row's fields are forEachRecord's.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { forEachRecord, type Delimiter } from '../../src/input/delimited';
import { readDate } from '../../src/input/date';
import { plainMoneyFen } from '../../src/input/number';
import { forEachPlainRow, hasPlainRows, type PlainLayout } from '../../src/input/plainRows';

type Seen = { row: number; plain?: { id: string; serial: number; fens: number[] }; fields?: string[] };

type Options = { refuse?: (row: number) => boolean; dropBom?: boolean };

function viaBytes(text: string, delimiter: Delimiter, layout: PlainLayout, { refuse = () => false, dropBom = false }: Options = {}): Seen[] {
  const seen: Seen[] = [];
  const bytes = new TextEncoder().encode(text);
  // dropBom: as files/decode.ts gives them, the text without the BOM its bytes start with.
  const decoded = dropBom && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  forEachPlainRow(decoded, bytes, delimiter, layout, {
    plain(row, id, serial, fens) {
      if (refuse(row)) return false;
      seen.push({ row, plain: { id, serial, fens: [...fens] } });
      return true;
    },
    other: (fields, row) => seen.push({ row, fields }),
  });
  return seen;
}

function viaText(text: string, delimiter: Delimiter): string[][] {
  const rows: string[][] = [];
  forEachRecord(text, delimiter, (fields, row, problem) => {
    assert.equal(problem, undefined);
    rows[row - 1] = fields;
  });
  return rows;
}

function assertSameRows(text: string, delimiter: Delimiter, layout: PlainLayout, options?: Options): number {
  const expected = viaText(text, delimiter);
  const seen = viaBytes(text, delimiter, layout, options);
  assert.deepEqual(seen.map((s) => s.row), expected.map((_, i) => i + 1));
  let plain = 0;
  for (const s of seen) {
    const fields = expected[s.row - 1];
    if (s.fields) {
      assert.deepEqual(s.fields, fields, `row ${s.row}`);
      continue;
    }
    plain += 1;
    const p = s.plain as NonNullable<Seen['plain']>;
    assert.equal(fields.length, layout.width, `row ${s.row}`);
    assert.equal(p.id, fields[layout.id]);
    const date = readDate(fields[layout.date]);
    assert.equal(date.kind === 'date' ? date.serial : NaN, p.serial, `row ${s.row}`);
    assert.deepEqual(p.fens, layout.money.map((m) => plainMoneyFen(fields[m])), `row ${s.row}`);
  }
  return plain;
}

const LONG: PlainLayout = { width: 3, id: 0, date: 1, money: [2] };

describe('forEachPlainRow', () => {
  test('a clean long history: every data row is plain, ids shared along a merchant\'s run', () => {
    const lines = ['merchant_id,date,gmv'];
    for (let m = 0; m < 50; m++) for (let d = 1; d <= 9; d++) lines.push(`${String(m).padStart(8, '0')},2025-10-0${d},${m * 1000 + d}.5${d}`);
    const text = lines.join('\n') + '\n';
    assert.ok(hasPlainRows(text));
    assert.equal(assertSameRows(text, ',', LONG), 450);
    const ids = viaBytes(text, ',', LONG).filter((s) => s.plain).map((s) => s.plain?.id);
    assert.ok(ids[0] === ids[8], 'one string for the run');
  });

  test('generated exports: same rows, same values, whatever the mix', () => {
    const cell = {
      id: fc.constantFrom('00012', 'M-7', 'S1', '合计', ' 7', '7 ', '', 'a\u200bb', '1.2E+11', 'x'),
      date: fc.constantFrom('2025-10-01', '2025-02-29', '2024-02-29', '2025/10/01', '20251001', '', '2025-10-1', '1999-12-31'),
      money: fc.constantFrom('100', '-5.005', '0.004', '1,234', '12.3万', '', '¥5', '99999999999.99', '123456789012', '1e3', '.5'),
      name: fc.constantFrom('店铺', 'Shop', '', 'a;b', '😀'),
    };
    const rowArb = fc.oneof(
      fc.tuple(cell.id, cell.date, cell.money).map((r) => r as string[]),
      fc.tuple(cell.id, cell.name, cell.date, cell.money, cell.money).map((r) => r as string[]),
      fc.constant([] as string[]),
      fc.array(cell.money, { maxLength: 6 }),
    );
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 30 }),
        fc.constantFrom<Delimiter>(',', '\t', ';'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        (rows, delimiter, lineEnd, bom, finalEnd) => {
          const text = (bom ? '\ufeff' : '') + rows.map((r) => r.join(delimiter)).join(lineEnd) + (finalEnd ? lineEnd : '');
          if (!hasPlainRows(text)) return;
          assertSameRows(text, delimiter, LONG);
          assertSameRows(text, delimiter, { width: 5, id: 0, date: 2, money: [3, 4] }, { dropBom: true });
          assertSameRows(text, delimiter, LONG, { refuse: (row) => row % 2 === 0, dropBom: true });
        },
      ),
      { numRuns: 1500 },
    );
  });

  test('texts the byte path cannot cut by line ends are refused', () => {
    assert.equal(hasPlainRows('a,b\n"x,y",1\n'), false);
    assert.equal(hasPlainRows('a,b\r1,2\r'), false);
    assert.equal(hasPlainRows('a,b\n\uFFFD,2\n'), false);
    assert.equal(hasPlainRows('a,b\r\n1,2\r\n'), true);
  });
});
