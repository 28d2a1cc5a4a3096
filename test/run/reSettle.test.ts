/** SPEC §7 through the pipeline: run 1 approved, run 2 net of refunds, the true-up as the JSON contract gives it. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Dec } from '../../src/core/money';
import { double11Policy, type Policy } from '../../src/core/policy';
import { previousRunFromJson } from '../../src/input/previousRun';
import { tableFromText } from '../../src/input/table';
import { jsonReportChunks, toJsonReport } from '../../src/output/json';
import { runSettlement } from '../../src/run/runSettlement';
import { trueUpSheetBlock } from '../../src/output/trueUpSheet';
import { SPEC6, SPEC6_CSV } from '../fixtures/spec6';
import { SPEC7, SPEC7_CSV } from '../fixtures/spec7';

const policy: Policy = { ...double11Policy(), redPacketCoefficient: new Dec('0.05') };
const netOfRefunds: Policy = { ...policy, gmvBasis: 'net_of_refunds' };
const tables = (csv: { history: string; campaign: string }, holds?: string) => ({
  history: tableFromText('history', csv.history),
  campaign: tableFromText('campaign', csv.campaign),
  holds: holds === undefined ? undefined : tableFromText('holds', holds),
});

/** Run 1 as an earlier JSON report, read back as --previous reads it. */
function approvedRun1() {
  const run1 = runSettlement(tables(SPEC6_CSV), policy, { now: new Date('2025-11-12T02:00:00Z'), campaign: { name: '双11登峰激励 2025', run: 1 } });
  return previousRunFromJson(JSON.parse(JSON.stringify(toJsonReport(run1))), 'run 1', new Date('2025-12-01T00:00:00Z'));
}

describe('SPEC §7 worked example, run 2 against approved run 1', () => {
  test('run 2 settles M001 at tier 1 on GMV net of refunds, the line the SPEC works out', () => {
    const report = toJsonReport(runSettlement(tables(SPEC7_CSV), netOfRefunds, { previous: approvedRun1() }));
    assert.deepEqual(report.lines, [SPEC7.line]);
  });

  test('the true_up object: delta −3,969.14 (gmv), traffic −55,000, to pay 0.00, to recover 3,969.14', () => {
    const previous = approvedRun1();
    const report = toJsonReport(runSettlement(tables(SPEC7_CSV), netOfRefunds, { previous }));
    assert.deepEqual(report.true_up, {
      previous: { input_sha256: previous.inputSha256, generated_at: '2025-11-12T02:00:00.000Z' },
      lines: [SPEC7.trueUpLine],
      merchants: [SPEC7.trueUpMerchant],
      totals: SPEC7.trueUpTotals,
    });
    assert.deepEqual([report.run.campaign, report.run.run, report.run.status], [null, null, 'draft']);
  });

  test('with clawback: false nothing is recovered and 3,969.14 is waived', () => {
    const report = toJsonReport(runSettlement(tables(SPEC7_CSV), { ...netOfRefunds, clawback: false }, { previous: approvedRun1() }));
    assert.deepEqual(report.true_up!.totals, { ...SPEC7.trueUpTotals, to_recover: '0.00', waived: SPEC7.waived });
    assert.deepEqual(report.true_up!.merchants, [{ ...SPEC7.trueUpMerchant, to_recover: '0.00', waived: SPEC7.waived }]);
  });

  test('the same inputs and policy again: every line unchanged, delta 0', () => {
    const report = toJsonReport(runSettlement(tables(SPEC6_CSV), policy, { previous: approvedRun1() }));
    assert.deepEqual(report.true_up!.lines.map((l) => [l.change, l.delta_cash_total]), [['unchanged', '0.00']]);
  });

  test('M001 held in run 2: pays run 1\'s 23,345.68, delta 0, and defers 19,376.54 − 23,345.68', () => {
    const report = toJsonReport(runSettlement(tables(SPEC7_CSV, 'merchant_id,reason\nM001,appeal 12\n'), netOfRefunds, { previous: approvedRun1() }));
    assert.deepEqual(
      [report.lines[0].status, report.lines[0].cash_total, report.lines[0].traffic_granted, report.lines[0].reason],
      ['held', SPEC6.line.cash_total, 75000, 'held: appeal 12; would pay 19,376.54'],
    );
    assert.deepEqual([report.totals.held_merchants, report.totals.held_deferred_cash], [1, '-3969.14']);
    assert.deepEqual([report.true_up!.totals.delta_cash_total, report.true_up!.lines[0].change], ['0.00', 'status']);
  });

  test('the streamed JSON with a true_up is the one-string JSON byte for byte', () => {
    const run = runSettlement(tables(SPEC7_CSV, 'merchant_id,reason\nM001,appeal 12\n'), { ...netOfRefunds, clawback: false }, { previous: approvedRun1() });
    const expected = JSON.stringify(toJsonReport(run), null, 2) + '\n';
    for (const size of [1, 64, 1 << 20]) assert.equal([...jsonReportChunks(run, size)].join(''), expected, `chunks of ${size}`);
  });

  test('the input hash covers the run a true-up is against', () => {
    const alone = runSettlement(tables(SPEC7_CSV), netOfRefunds).record.inputSha256;
    const against = runSettlement(tables(SPEC7_CSV), netOfRefunds, { previous: approvedRun1() }).record.inputSha256;
    assert.notEqual(alone, against);
  });
});

describe('the true-up says when the policy changed (SPEC §7)', () => {
  test('run 2 net of refunds names gmv_basis paid → net_of_refunds, on the true-up sheet too; the same policy names nothing', () => {
    const changed = runSettlement(tables(SPEC7_CSV), netOfRefunds, { previous: approvedRun1() });
    assert.deepEqual(changed.trueUp?.policyChanges, [{ key: 'gmv_basis', previous: '"paid"', now: '"net_of_refunds"' }]);
    const sheet = trueUpSheetBlock(changed, 'en').values;
    const title = sheet.findIndex((row) => row[0] === 'Policy changes since the previous run');
    assert.deepEqual(sheet[title + 2].slice(0, 3), ['gmv_basis', '"paid"', '"net_of_refunds"']);
    const same = runSettlement(tables(SPEC6_CSV), policy, { previous: approvedRun1() });
    assert.deepEqual(same.trueUp?.policyChanges, []);
    assert.ok(trueUpSheetBlock(same, 'zh').values.some((row) => row[0] === '无：与上次结算的政策相同。'));
  });
});

describe('an earlier run that is not one', () => {
  const now = new Date('2025-12-01T00:00:00Z');
  test('refused with what is wrong', () => {
    assert.throws(() => previousRunFromJson([], 'x.json', now), { message: /^x\.json: it is not a JSON object; it must be an earlier gmv-settle --format json output/ });
    assert.throws(() => previousRunFromJson({ lines: [] }, 'x.json', now), { message: /no "merchants" and "totals"/ });
    const report = JSON.parse(JSON.stringify(toJsonReport(runSettlement(tables(SPEC6_CSV), policy, { now: new Date('2025-11-12T02:00:00Z') }))));
    assert.throws(() => previousRunFromJson(report, 'x.json', new Date('2025-11-01T00:00:00Z')), { message: /generated at 2025-11-12T02:00:00.000Z, not before this run/ });
    report.lines[0].cash_total = 'lots';
    assert.throws(() => previousRunFromJson(report, 'x.json', now), { message: /lines\[0\]\.cash_total is not an amount: "lots"/ });
  });
});
