/**
 * The streamed JSON report is the same document as the one-string report, byte for byte, and
 * stays in bounded chunks however many lines there are — past the longest string V8 can build.
 */
import assert from 'node:assert/strict';
import { constants } from 'node:buffer';
import { describe, it } from 'node:test';
import { settleFiles } from '../../src/cli/settleFiles';
import { jsonReportChunks, toJsonReport } from '../../src/output/json';
import type { SettlementRun } from '../../src/run/runSettlement';
import { EXAMPLES } from '../cli/helpers';

const oneString = (run: SettlementRun) => JSON.stringify(toJsonReport(run), null, 2) + '\n';

// The examples have every status, blocked merchants, issues with null rows and values, names in
// Chinese and a policy with a tier's own coefficient: every kind of value the report holds.
const examples = () =>
  settleFiles({
    history: `${EXAMPLES}/history.csv`,
    campaign: `${EXAMPLES}/campaign.csv`,
    targets: `${EXAMPLES}/targets.csv`,
    policy: `${EXAMPLES}/policy.json`,
  });

/** The run with its lines replaced (the rest unchanged). */
function withLines(run: SettlementRun, lines: SettlementRun['settlement']['lines']): SettlementRun {
  return { ...run, settlement: { ...run.settlement, lines } };
}

describe('streamed JSON report', () => {
  it('is JSON.stringify(toJsonReport(run), null, 2) byte for byte, whatever the chunk size', async () => {
    const run = await examples();
    assert.ok(run.read.issues.length > 0 && run.settlement.lines.some((l) => l.status === 'blocked'), 'the examples have issues and blocked lines');
    const expected = oneString(run);
    for (const size of [1, 100, 4096, 1 << 20]) assert.equal([...jsonReportChunks(run, size)].join(''), expected, `chunks of ${size}`);
  });

  it('writes empty tables as JSON.stringify does', async () => {
    const run = await examples();
    const empty: SettlementRun = { ...withLines(run, []), read: { ...run.read, issues: [] } };
    assert.equal([...jsonReportChunks(empty)].join(''), oneString(empty));
    assert.match(oneString(empty), /"lines": \[\],\n/);
  });

  it('writes a report longer than the longest string, in chunks that stay small', async () => {
    const run = await examples();
    // One line whose name is 100,000 characters, repeated: a report past V8's string limit with
    // few enough cells to run in a second. The array holds one object, many times.
    const line = { ...run.settlement.lines[0], merchantName: 'x'.repeat(100000) };
    const count = Math.ceil(constants.MAX_STRING_LENGTH / 100000) + 100;
    const lines = new Array(count).fill(line);

    // Expected length by arithmetic on reports small enough to build as one string: each line
    // after the first adds the same text (",\n    " and the line's object).
    const one = oneString(withLines(run, [line])).length;
    const perLine = oneString(withLines(run, [line, line])).length - one;
    const expectedLength = one + (count - 1) * perLine;
    assert.ok(expectedLength > constants.MAX_STRING_LENGTH, 'more than one string can hold');

    const chunkChars = 1 << 20;
    let length = 0;
    let largest = 0;
    let first = '';
    let last = '';
    for (const chunk of jsonReportChunks(withLines(run, lines), chunkChars)) {
      if (first === '') first = chunk;
      last = chunk;
      length += chunk.length;
      largest = Math.max(largest, chunk.length);
    }
    assert.equal(length, expectedLength);
    assert.ok(largest < chunkChars + perLine, `no chunk much over ${chunkChars} characters (largest ${largest})`);
    const small = oneString(withLines(run, [line]));
    assert.ok(small.startsWith(first.slice(0, 1000)), 'it starts as the report does');
    const tail = small.slice(small.indexOf('\n  ],\n  "merchants"'));
    assert.ok(last.endsWith(tail), 'it ends with the merchants, totals, issues and run record');
  });
});
