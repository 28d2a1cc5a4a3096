/** SPEC §7 holds: a held merchant pays exactly what the previous approved run paid; its delta is 0. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Dec } from '../../src/core/money';
import type { SettlementInput } from '../../src/core/model';
import { applyHolds } from '../../src/core/holds';
import { double11Policy, type Policy } from '../../src/core/policy';
import { settle } from '../../src/core/settle';
import { trueUp } from '../../src/core/trueUp';
import { describeReason } from '../../src/output/reasonText';
import { SPEC6 } from '../fixtures/spec6';
import { SPEC7_FEN } from '../fixtures/spec7';

const policy: Policy = { ...double11Policy(), redPacketCoefficient: new Dec('0.05') };

function input(days: { id: string; date: string; gmvFen: number }[]): SettlementInput {
  const ids = Array.from(new Set(days.map((d) => d.id)));
  return {
    history: new Map(ids.map((id) => [id, { sumFen: SPEC7_FEN.historySum, days: 3 }])),
    campaign: days.map((d) => ({ merchantId: d.id, merchantName: '', date: d.date, gmvFen: d.gmvFen, adSpendFen: SPEC7_FEN.adSpend })),
    names: new Map(),
    blocked: new Map(),
    campaignMerchantOrder: ids,
  };
}

describe('holds', () => {
  // Run 1: M001 as SPEC §6 (23,345.68) and M002 on 250,000.00 (tier 1: 3,703.70 + 3,500.00 = 7,203.70).
  const run1Input = input([
    { id: 'M001', date: SPEC6.date, gmvFen: SPEC7_FEN.gmv },
    { id: 'M002', date: SPEC6.date, gmvFen: 250000_00 },
  ]);
  const run1 = settle(run1Input, policy);
  // Run 2: M001 net of its 30,000.00 refunds (would pay 19,376.54), on hold; M002 unchanged.
  const run2Input = input([
    { id: 'M001', date: SPEC6.date, gmvFen: SPEC7_FEN.gmv - SPEC7_FEN.refund },
    { id: 'M002', date: SPEC6.date, gmvFen: 250000_00 },
  ]);
  const held = applyHolds(settle(run2Input, policy), run2Input, new Map([['M001', 'appeal 12']]), run1.lines);

  test("a held merchant's line pays exactly the previous approved run's figures, status held, reason what it would pay now", () => {
    const line = held.lines.find((l) => l.merchantId === 'M001')!;
    assert.equal(line.status, 'held');
    assert.deepEqual([line.cashbackFen, line.redPacketFen, line.cashTotalFen, line.trafficGranted, line.tier], [6172_84, 17172_84, 23345_68, 75000, 2]);
    assert.equal(describeReason(line.reason, 'en'), 'held: appeal 12; would pay 19,376.54');
    assert.equal(describeReason(line.reason, 'zh'), '暂缓：appeal 12；按本次结算应付 19,376.54');
  });

  test('its true-up delta is 0; the others are trued up as usual', () => {
    const result = trueUp(run1.lines, held.lines, { clawback: true, policyChanged: false });
    const m001 = result.merchants.find((m) => m.merchantId === 'M001')!;
    assert.deepEqual([m001.deltaCashFen, m001.toPayFen, m001.toRecoverFen, m001.deltaTraffic], [0, 0, 0, 0]);
    assert.equal(result.lines.find((l) => l.merchantId === 'M001')!.change, 'status');
  });

  test('totals count held merchants and the deferred amount apart: would pay now − pays', () => {
    assert.equal(held.totals.heldMerchants, 1);
    // 19,376.54 − 23,345.68 = −3,969.14: the hold keeps 3,969.14 more paid than this run would.
    assert.equal(held.totals.heldDeferredFen, 19376_54 - 23345_68);
    const m001 = held.merchants.find((m) => m.merchantId === 'M001')!;
    assert.equal(m001.status, 'held');
    assert.equal(m001.deferredFen, -3969_14);
    assert.equal(held.totals.cashTotalFen, 23345_68 + 7203_70);
  });

  test('in a first run a held merchant pays 0 and defers all it would pay', () => {
    const first = applyHolds(run1, run1Input, new Map([['M002', '']]));
    const line = first.lines.find((l) => l.merchantId === 'M002')!;
    assert.deepEqual([line.status, line.cashTotalFen, line.trafficGranted], ['held', 0, 0]);
    assert.equal(describeReason(line.reason, 'en'), 'held; would pay 7,203.70');
    assert.deepEqual([first.totals.heldMerchants, first.totals.heldDeferredFen, first.totals.cashTotalFen], [1, 7203_70, 23345_68]);
  });

  test('a day only the previous run had is carried as it was; a day it did not have pays 0', () => {
    const now = input([{ id: 'M001', date: '2025-11-12', gmvFen: SPEC7_FEN.gmv }]);
    const result = applyHolds(settle(now, policy), now, new Map([['M001', 'appeal 12']]), run1.lines.filter((l) => l.merchantId === 'M001'));
    assert.deepEqual(result.lines.map((l) => [l.date, l.status, l.cashTotalFen]), [
      [SPEC6.date, 'held', 23345_68],
      ['2025-11-12', 'held', 0],
    ]);
    // Would pay now: nothing for the carried day, 23,345.68 for the new one.
    assert.deepEqual(result.lines.map((l) => (l.reason.code === 'held' ? l.reason.wouldPayFen : null)), [0, 23345_68]);
  });

  test('a held merchant only the previous run had keeps its lines, last', () => {
    const now = input([{ id: 'M002', date: SPEC6.date, gmvFen: 250000_00 }]);
    const result = applyHolds(settle(now, policy), now, new Map([['M001', 'appeal 12']]), run1.lines);
    assert.deepEqual(result.merchants.map((m) => [m.merchantId, m.status, m.cashTotalFen]), [
      ['M002', 'qualified', 7203_70],
      ['M001', 'held', 23345_68],
    ]);
  });
});
