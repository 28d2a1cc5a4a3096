import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readRangeCells, writeSettlement } from '../../src/addon/server';
import { MAX_CALL_CHARS } from '../../src/protocol/limits';
import { MAX_CELL_CHARS } from '../../src/addon/validate';
import { request, unchecked, useGoogle } from './support';

let restore = () => undefined as void;
afterEach(() => restore());

function rejects(value: unknown, message: RegExp): void {
  const installed = useGoogle();
  restore = installed.restore;
  assert.throws(() => writeSettlement(unchecked(value)), (e: Error) => message.test(e.message) || assert.fail(`"${e.message}" does not match ${message}`));
  assert.equal(installed.google.spreadsheet._sheets.length, 1, 'nothing was written');
  installed.restore();
}

const withRequest = (change: (r: Record<string, unknown>) => void) => {
  const r = request() as unknown as Record<string, unknown>;
  change(r);
  return r;
};

describe('server functions refuse malformed requests with a clear message', () => {
  test('a missing coefficient is refused, never defaulted', () => {
    rejects(withRequest((r) => delete r.coefficient), /red-packet coefficient \(奖励系数\) is required.*0\.05/);
    rejects(withRequest((r) => (r.coefficient = '  ')), /coefficient .*is required/);
    rejects(withRequest((r) => ((r.coefficient = ''), (r.language = 'zh'))), /请填写红包奖励系数/);
  });

  test('a coefficient that is not a rate is refused by the policy reader', () => {
    rejects(withRequest((r) => (r.coefficient = 'five percent')), /coefficient must be a rate of 0 or more such as 0\.05 or 5%, not "five percent"/);
    // SPEC §2: a 5 typed for 5% is refused with the guess, in the request's language.
    rejects(withRequest((r) => (r.coefficient = '5')), /coefficient 5 would pay 500% of the incremental GMV — did you mean 5%\?/);
    rejects(withRequest((r) => ((r.coefficient = '500%'), (r.language = 'zh'))), /奖励系数 500% 意味着按增量GMV的 500% 发放红包——奖励系数应不小于0且小于1（100%）/);
    rejects(withRequest((r) => (r.coefficient = 0.05)), /coefficient must be text, not number 0\.05/);
  });

  test('wrong types and shapes', () => {
    rejects(null, /request must be an object, not null/);
    rejects('history', /request must be an object/);
    rejects(withRequest((r) => (r.history = 'M001\t2025-11-01\t1')), /history must be an input such as \{kind: "text"/);
    rejects(withRequest((r) => (r.campaign = { kind: 'url', url: 'http://x' })), /campaign\.kind must be "text", "cells" or "range"/);
    rejects(withRequest((r) => (r.campaign = { kind: 'text', text: 42 })), /campaign\.text must be text, not number 42/);
    rejects(withRequest((r) => (r.campaign = { kind: 'cells', cells: [['M001', { toString: 1 }]] })), /campaign row 1, column 2 must be text, a number/);
    rejects(withRequest((r) => (r.campaign = { kind: 'cells', cells: [['M001', Infinity]] })), /not a finite number/);
    rejects(withRequest((r) => (r.usePolicySheet = 'yes')), /usePolicySheet must be true or false/);
    rejects(withRequest((r) => (r.language = 'fr')), /language must be one of "zh", "en", not "fr"/);
    rejects(withRequest((r) => (r.extra = 1)), /unknown field "extra"/);
  });

  test('options are checked one by one', () => {
    rejects(withRequest((r) => delete r.options), /options must be an object/);
    rejects(withRequest((r) => ((r.options as Record<string, unknown>).traffic_max_days = -1)), /traffic_max_days must be a whole number of days from 0 to 366/);
    rejects(withRequest((r) => ((r.options as Record<string, unknown>).incremental_basis = 'target')), /incremental_basis must be one of "actual", "tier_threshold"/);
    rejects(withRequest((r) => ((r.options as Record<string, unknown>).invited_only = 1)), /invited_only must be true or false/);
  });

  test('huge strings are refused before any work', () => {
    rejects(withRequest((r) => (r.history = { kind: 'text', text: 'x'.repeat(MAX_CALL_CHARS + 1) })), /a server call takes at most 20000000 characters, this one has 20000\d{3}\..*gmv-settle/);
    rejects(withRequest((r) => ((r.language = 'zh'), (r.history = { kind: 'text', text: 'x'.repeat(MAX_CALL_CHARS) }))), /一次服务器调用最多 20000000 个字符/);
    rejects(withRequest((r) => (r.campaign = { kind: 'cells', cells: [['M001', 'y'.repeat(MAX_CELL_CHARS + 1)]] })), /holds at most 50000/);
    rejects(withRequest((r) => (r.coefficient = '0'.repeat(1000))), /coefficient is too long/);
    rejects(withRequest((r) => (r.history = { kind: 'range', a1: 'A'.repeat(10000) })), /history\.a1 is too long/);
  });

  test('a table that cannot be read at all says what is missing', () => {
    rejects(withRequest((r) => (r.campaign = { kind: 'text', text: 'shop\tday\nM001\t2025-11-11' })), /campaign: no column for/);
  });

  test('readRangeCells checks its argument', () => {
    const installed = useGoogle();
    restore = installed.restore;
    assert.throws(() => readRangeCells(unchecked(42)), /the range must be text, not number 42/);
    assert.throws(() => readRangeCells(''), /the range is empty/);
    assert.throws(() => readRangeCells('No such sheet!A1:B2'), /is not a sheet, a named range or a range/);
  });
});
