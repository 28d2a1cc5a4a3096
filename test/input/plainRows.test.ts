/**
 * The in-place path gives the same rows as forEachRecord: on generated exports (clean rows,
 * names in Chinese, bad dates, 万, spaces in ids, extra and missing fields, blank lines, CRLF,
 * a BOM, quotes, lone CRs, damaged bytes), every row number comes once, in order; a plain row's
 * id, serial day and fen are what the cell readers make of forEachRecord's fields for it, and
 * every other row's fields and problem are forEachRecord's.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { forEachRecord, type Delimiter, type RecordProblem } from '../../src/input/delimited';
import { readDate } from '../../src/input/date';
import { plainMoneyFen } from '../../src/input/number';
import { forEachPlainRow, type PlainLayout } from '../../src/input/plainRows';

type Seen = { row: number; plain?: { id: string; serial: number; fens: number[]; name: string }; fields?: string[]; problem?: RecordProblem };

function inPlace(text: string, delimiter: Delimiter, layout: PlainLayout, refuse = (_row: number) => false): Seen[] {
  const seen: Seen[] = [];
  forEachPlainRow(text, delimiter, layout, {
    plain(row, id, serial, fens, name) {
      if (refuse(row)) return false;
      seen.push({ row, plain: { id, serial, fens: [...fens], name } });
      return true;
    },
    other: (fields, row, problem) => seen.push({ row, fields, problem }),
  });
  return seen;
}

function records(text: string, delimiter: Delimiter): { fields: string[]; problem?: RecordProblem }[] {
  const rows: { fields: string[]; problem?: RecordProblem }[] = [];
  forEachRecord(text, delimiter, (fields, row, problem) => (rows[row - 1] = { fields, problem }));
  return rows;
}

function assertSameRows(text: string, delimiter: Delimiter, layout: PlainLayout, refuse?: (row: number) => boolean): number {
  const expected = records(text, delimiter);
  const seen = inPlace(text, delimiter, layout, refuse);
  assert.deepEqual(seen.map((s) => s.row), expected.map((_, i) => i + 1));
  let plain = 0;
  for (const s of seen) {
    const { fields, problem } = expected[s.row - 1];
    if (s.fields) {
      assert.deepEqual({ fields: s.fields, problem: s.problem }, { fields, problem }, `row ${s.row}`);
      continue;
    }
    assert.equal(problem, undefined);
    plain += 1;
    const p = s.plain as NonNullable<Seen['plain']>;
    assert.equal(fields.length, layout.width, `row ${s.row}`);
    assert.equal(p.id, fields[layout.id]);
    const date = readDate(fields[layout.date]);
    assert.equal(date.kind === 'date' ? date.serial : NaN, p.serial, `row ${s.row}`);
    assert.deepEqual(p.fens, layout.money.map((m) => plainMoneyFen(fields[m])), `row ${s.row}`);
    assert.equal(p.name, layout.name === undefined ? '' : fields[layout.name]);
  }
  return plain;
}

const LONG: PlainLayout = { width: 3, id: 0, date: 1, money: [2] };

describe('forEachPlainRow', () => {
  test('a clean long history: every data row is plain, ids shared along a merchant\'s run', () => {
    const lines = ['merchant_id,date,gmv'];
    for (let m = 0; m < 50; m++) for (let d = 1; d <= 9; d++) lines.push(`${String(m).padStart(8, '0')},2025-10-0${d},${m * 1000 + d}.5${d}`);
    const text = lines.join('\n') + '\n';
    assert.equal(assertSameRows(text, ',', LONG), 450);
    const ids = inPlace(text, ',', LONG).filter((s) => s.plain).map((s) => s.plain?.id);
    assert.ok(ids[0] === ids[8], 'one string for the run');
  });

  test('generated exports: same rows, same values, whatever the mix', () => {
    const cell = {
      id: fc.constantFrom('00012', 'M-7', 'S1', '合计', ' 7', '7 ', '', 'a\u200bb', '1.2E+11', 'x'),
      date: fc.constantFrom('2025-10-01', '2025-02-29', '2024-02-29', '2025/10/01', '20251001', '', '2025-10-1', '1999-12-31'),
      money: fc.constantFrom('100', '-5.005', '0.004', '1,234', '12.3万', '', '¥5', '99999999999.99', '123456789012', '1e3', '.5'),
      name: fc.constantFrom('店铺', 'Shop', '', 'a;b', '😀', '"q"', 'a\rb', '\uFFFD', '"open'),
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
          assertSameRows(text, delimiter, LONG);
          assertSameRows(text, delimiter, { width: 5, id: 0, name: 1, date: 2, money: [3, 4] });
          assertSameRows(text, delimiter, LONG, (row) => row % 2 === 0);
        },
      ),
      { numRuns: 1500 },
    );
  });

  test('a text that cannot be cut by line ends alone goes to the general reader whole, problems and all', () => {
    for (const text of ['a,b,c\n"x\ny",2025-10-01,5\n1,2025-10-01,5\n', 'a,b,c\r1,2025-10-01,5\r', 'a,b,c\n\uFFFD,2025-10-01,2\n1,2025-10-01,5\n']) {
      assert.equal(assertSameRows(text, ',', LONG), 0, JSON.stringify(text));
    }
    assert.equal(assertSameRows('a,b,c\r\n1,2025-10-01,2\r\n', ',', LONG), 1, 'CRLF is cut by line ends');
  });
});
