/**
 * A file too large for one string is read in pieces of whole lines (files/linePieces.ts,
 * input/table.ts tableFromTextPieces). With small pieces, so the cuts land everywhere on small
 * texts: the rows, their numbers and problems, the in-place rows, the settlement and the input
 * hash are exactly those of the same file read as one string; a file that cannot be cut safely
 * (a quote, bytes that are not UTF-8, a line longer than a piece) is refused in words.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Dec } from '../../src/core/money';
import { double11Policy } from '../../src/core/policy';
import { linePieces } from '../../src/files/linePieces';
import type { RecordProblem } from '../../src/input/delimited';
import type { Cell } from '../../src/input/number';
import { tableFromText, tableFromTextPieces, type Table } from '../../src/input/table';
import { runSettlement } from '../../src/run/runSettlement';
import { textFileTable } from '../../src/cli/readFile';
import { nodeSha256Pieces } from '../../src/cli/settleFiles';
import { UsageError } from '../../src/cli/args';
import { TableError } from '../../src/input/tableError';

const utf8 = (text: string) => new TextEncoder().encode(text);

function rowsOf(table: Table): { cells: Cell[]; row: number; problem?: RecordProblem }[] {
  const rows: { cells: Cell[]; row: number; problem?: RecordProblem }[] = [];
  table.eachRow((cells, row, problem) => rows.push({ cells, row, problem }));
  return rows;
}

function plainRowsOf(table: Table): unknown[] {
  const seen: unknown[] = [];
  table.eachPlainRow?.(
    { width: 4, id: 0, date: 1, money: [2, 3] },
    {
      plain: (row, id, serial, fens, name) => (seen.push({ row, id, serial, fens: [...fens], name }), true),
      other: (fields, row, problem) => seen.push({ row, fields, problem }),
    },
  );
  return seen;
}

const HISTORY = 'merchant_id,date,gmv\nM001,2025-10-01,100000\n000123,2025-10-01,2000\n';
const POLICY = { ...double11Policy(), redPacketCoefficient: new Dec('0.05') };

/** What a settlement makes of a campaign table: its lines, what was read and reported, or the refusal. */
function settledOutcome(campaign: Table): unknown {
  try {
    const run = runSettlement({ history: tableFromText('history', HISTORY), campaign }, POLICY);
    return [run.settlement, run.read.input, run.read.issues, run.read.counts];
  } catch (error) {
    if (error instanceof TableError) return error.text('en');
    throw error;
  }
}

const wholeText = (bytes: Uint8Array) => tableFromText('campaign', new TextDecoder().decode(bytes.subarray(bytes[0] === 0xef ? 3 : 0)));

describe('a file read in pieces of whole lines', () => {
  test('generated quote-free exports: the same rows, row numbers, problems and in-place rows as one string', () => {
    const field = fc.constantFrom('M001', '000123', '合计', '店铺甲', '2025-11-11', '2025/11/11', '1234.5', '12.3万', '', ' ', '-3', '¥9', '\uFFFD', '\uFEFFM1');
    const line = fc.oneof(fc.array(field, { minLength: 4, maxLength: 4 }), fc.array(field, { maxLength: 6 }), fc.constant([] as string[]));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), fc.integer({ min: 1, max: 120 }), (lines, end, bom, pieceBytes) => {
        const text = 'merchant_id,date,gmv,ad_spend' + end + lines.map((l) => l.join(',')).join(end) + end;
        const bytes = utf8((bom ? '\ufeff' : '') + text);
        const pieces = linePieces(bytes, pieceBytes);
        // A line fits when it and its CR (or LF) do: the LF of a CRLF may go one byte over.
        const longestLine = Math.max(...text.split(/\r\n|\r|\n/).map((l) => utf8(l).length + 1));
        if (longestLine > pieceBytes) {
          assert.equal(pieces, undefined, 'a line longer than a piece cannot be cut');
          return;
        }
        assert.ok(pieces, 'a quote-free UTF-8 text is cut');
        const parts = Array.from(pieces.pieces());
        assert.equal(parts.join(''), text, 'the pieces are the text, end to end');
        parts.slice(0, -1).forEach((part) => assert.match(part, /[\r\n]$/, 'each piece ends at a line end'));
        assert.equal(pieces.textLength, text.length);
        const inPieces = tableFromTextPieces('campaign', pieces);
        const whole = wholeText(bytes);
        assert.deepEqual(rowsOf(inPieces), rowsOf(whole));
        // A damaged-text marker sends every row of its text (here: its piece) the general way, so
        // which rows are read in place may differ; what the readers make of them may not.
        if (!text.includes('\uFFFD')) assert.deepEqual(plainRowsOf(inPieces), plainRowsOf(whole));
        assert.deepEqual(settledOutcome(inPieces), settledOutcome(whole));
        assert.deepEqual(inPieces.head(5), whole.head(5));
      }),
      { numRuns: 400 },
    );
  });

  test('a settlement from pieces is the settlement from one string, input hash included', () => {
    // Two merchants, 3 history days each and one campaign day: cut into pieces of ~2 lines.
    const history = 'merchant_id,date,gmv\n' + ['A', 'B'].flatMap((m) => ['2025-10-01', '2025-10-02', '2025-10-03'].map((d, i) => `${m},${d},${100000 + i * 1000}.00`)).join('\n') + '\n';
    const campaign = 'merchant_id,date,gmv,ad_spend\nA,2025-11-11,250000.00,1000.00\nB,2025-11-11,600000.00,2000.00\n';
    const policy = POLICY;
    const options = { sha256Pieces: nodeSha256Pieces, now: new Date('2025-11-20T00:00:00Z'), user: 't' };
    const pieced = (source: 'history' | 'campaign', text: string) => tableFromTextPieces(source, linePieces(utf8(text), 60) as NonNullable<ReturnType<typeof linePieces>>);
    const fromPieces = runSettlement({ history: pieced('history', history), campaign: pieced('campaign', campaign) }, policy, options);
    const fromText = runSettlement({ history: tableFromText('history', history, utf8(history)), campaign: tableFromText('campaign', campaign, utf8(campaign)) }, policy, options);
    assert.deepEqual(fromPieces.settlement, fromText.settlement);
    assert.equal(fromPieces.record.inputSha256, fromText.record.inputSha256);
    // SPEC §2 by hand for A: baseline 101,000.00; 250,000 ≥ 200,000 (tier 1) → cashback 30% of 1,000 = 300.00, red packet (250,000 − 101,000) × 5% = 7,450.00.
    const a = fromPieces.settlement.lines.find((line) => line.merchantId === 'A');
    assert.ok(a);
    assert.deepEqual([a.tier, a.cashbackFen, a.redPacketFen], [1, 30000, 745000]);
  });

  test('what cannot be cut safely is not cut', () => {
    assert.equal(linePieces(utf8('a,b\n"x",1\n'), 4), undefined, 'a quote');
    assert.equal(linePieces(Uint8Array.from([...utf8('a,b\n'), 0xc9, 0xcc, 10, ...utf8('c,d\n')]), 4), undefined, 'bytes that are not UTF-8');
    assert.equal(linePieces(utf8('abcdefgh\n'), 4), undefined, 'a line longer than a piece');
    // A CR at the end of a window with its LF just after it: the LF goes with it, no blank row between.
    const pieces = linePieces(utf8('ab\r\ncd\r\n'), 3);
    assert.deepEqual(pieces && Array.from(pieces.pieces()), ['ab\r\n', 'cd\r\n']);
  });

  test('the CLI reads a large file in pieces, and refuses in words one it cannot cut', () => {
    const limits = { oneText: 16, piece: 16 };
    const clean = utf8('merchant_id,date,gmv,ad_spend\nM1,2025-11-11,1,2\nM2,2025-11-11,3,4\n');
    assert.deepEqual(rowsOf(textFileTable('campaign', 'c.csv', clean, { oneText: 16, piece: 40 })), rowsOf(wholeText(clean)));
    const quoted = utf8('merchant_id,merchant_name,date\nM1,"甲, 乙",2025-11-11\n');
    assert.throws(
      () => textFileTable('campaign', 'c.csv', quoted, limits),
      (error: unknown) =>
        error instanceof UsageError &&
        /--campaign c\.csv is 0 MB: a file over 0 MB is read in pieces of whole lines, which needs CSV UTF-8 with no quoted fields/.test(error.message) &&
        /--engine duckdb/.test(error.message) &&
        /须为不含引号/.test(error.text('zh')),
    );
  });
});
