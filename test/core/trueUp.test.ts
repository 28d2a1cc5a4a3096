/** SPEC §7 true-ups read like the SPEC: matched by (merchant id, date), deltas, to pay / to recover, clawback. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Dec, type Fen } from '../../src/core/money';
import type { CampaignDay, SettlementInput, SettlementLine } from '../../src/core/model';
import { double11Policy, type Policy } from '../../src/core/policy';
import { settle } from '../../src/core/settle';
import { changeOf, trueUp } from '../../src/core/trueUp';
import { SPEC6 } from '../fixtures/spec6';
import { SPEC7_FEN } from '../fixtures/spec7';

const policy: Policy = { ...double11Policy(), redPacketCoefficient: new Dec('0.05') };

/** One merchant per entry: its history sum over `days` days, and its campaign days. */
function input(merchants: { id: string; historySum: Fen; days: number; campaign: Omit<CampaignDay, 'merchantId' | 'merchantName'>[] }[]): SettlementInput {
  return {
    history: new Map(merchants.map((m) => [m.id, { sumFen: m.historySum, days: m.days }])),
    campaign: merchants.flatMap((m) => m.campaign.map((day) => ({ merchantId: m.id, merchantName: '', ...day }))),
    names: new Map(),
    blocked: new Map(),
    campaignMerchantOrder: merchants.map((m) => m.id),
  };
}

/** SPEC §6's M001 with the campaign-day GMV given (523,456.78 in run 1; net of 30,000.00 refunds in run 2). */
function m001(gmvFen: Fen) {
  return { id: 'M001', historySum: SPEC7_FEN.historySum, days: 3, campaign: [{ date: SPEC6.date, gmvFen, adSpendFen: SPEC7_FEN.adSpend }] };
}

const run1 = () => settle(input([m001(SPEC7_FEN.gmv)]), policy).lines;
const run2 = () => settle(input([m001(SPEC7_FEN.gmv - SPEC7_FEN.refund)]), policy).lines;

describe('SPEC §7 worked example in the core', () => {
  test('run 2 net of refunds: tier 1, cashback 3,703.70, red packet 15,672.84, cash 19,376.54, traffic 20,000', () => {
    const [line] = run2();
    assert.equal(line.gmvFen, 493456_78);
    assert.equal(line.tier, 1);
    assert.equal(line.incrementalFen, 313456_78);
    assert.equal(line.cashbackFen, 3703_70);
    assert.equal(line.redPacketFen, 15672_84);
    assert.equal(line.cashTotalFen, SPEC7_FEN.run2Cash);
    assert.equal(line.trafficGranted, 20000);
  });

  test('true-up: delta −3,969.14 (change gmv), traffic −55,000; to pay 0.00, to recover 3,969.14', () => {
    const result = trueUp(run1(), run2(), { clawback: true, policyChanged: true });
    assert.deepEqual(result.lines, [
      { merchantId: 'M001', merchantName: '', date: SPEC6.date, previousCashFen: 23345_68, cashFen: 19376_54, deltaCashFen: -3969_14, previousTraffic: 75000, traffic: 20000, deltaTraffic: -55000, change: 'gmv' },
    ]);
    const [merchant] = result.merchants;
    assert.deepEqual([merchant.deltaCashFen, merchant.toPayFen, merchant.toRecoverFen, merchant.waivedFen], [-3969_14, 0, 3969_14, 0]);
    assert.deepEqual([result.totals.previousCashFen, result.totals.cashFen, result.totals.deltaCashFen], [23345_68, 19376_54, -3969_14]);
    assert.deepEqual([result.totals.toPayFen, result.totals.toRecoverFen, result.totals.deltaTraffic], [0, 3969_14, -55000]);
  });

  test('with clawback: false nothing is recovered and the shortfall is waived', () => {
    const result = trueUp(run1(), run2(), { clawback: false, policyChanged: true });
    assert.deepEqual([result.totals.toPayFen, result.totals.toRecoverFen, result.totals.waivedFen], [0, 0, 3969_14]);
    assert.deepEqual([result.merchants[0].toRecoverFen, result.merchants[0].waivedFen], [0, 3969_14]);
  });
});

describe('true-up rules', () => {
  // Baseline 180,000.00 for each; day GMVs chosen so each tier's figures are SPEC arithmetic.
  const a = (gmvFen: Fen, date = '2025-11-11') => ({ date, gmvFen, adSpendFen: 1000_00 });

  test('a key in only one run counts 0 in the other: new and removed lines', () => {
    const before = settle(input([{ id: 'A', historySum: SPEC7_FEN.historySum, days: 3, campaign: [a(250000_00, '2025-11-11')] }]), policy).lines;
    const now = settle(input([{ id: 'A', historySum: SPEC7_FEN.historySum, days: 3, campaign: [a(250000_00, '2025-11-12')] }]), policy).lines;
    // Tier 1 on 250,000.00: cashback 1,000.00 × 0.30 = 300.00; red packet 70,000.00 × 0.05 = 3,500.00 → 3,800.00.
    const result = trueUp(before, now, { clawback: true, policyChanged: false });
    assert.deepEqual(
      result.lines.map((l) => [l.date, l.previousCashFen, l.cashFen, l.deltaCashFen, l.change]),
      [
        ['2025-11-11', 3800_00, 0, -3800_00, 'removed'],
        ['2025-11-12', 0, 3800_00, 3800_00, 'new'],
      ],
    );
    assert.equal(result.merchants[0].deltaCashFen, 0);
    assert.deepEqual([result.totals.toPayFen, result.totals.toRecoverFen], [0, 0]);
  });

  test('per merchant the delta is the sum of its lines; totals sum the merchants, to pay − to recover = delta', () => {
    const before = settle(input([
      { id: 'A', historySum: SPEC7_FEN.historySum, days: 3, campaign: [a(250000_00)] },
      { id: 'B', historySum: SPEC7_FEN.historySum, days: 3, campaign: [a(600000_00)] },
    ]), policy).lines;
    const now = settle(input([
      { id: 'A', historySum: SPEC7_FEN.historySum, days: 3, campaign: [a(260000_00)] },
      { id: 'B', historySum: SPEC7_FEN.historySum, days: 3, campaign: [a(400000_00)] },
    ]), policy).lines;
    // A: 300.00 + 70,000.00 × 0.05 = 3,800.00 → 300.00 + 80,000.00 × 0.05 = 4,300.00: +500.00.
    // B: tier 2 500.00 + 420,000.00 × 0.05 = 21,500.00 → tier 1 300.00 + 220,000.00 × 0.05 = 11,300.00: −10,200.00.
    const result = trueUp(before, now, { clawback: true, policyChanged: false });
    assert.deepEqual(result.merchants.map((m) => [m.merchantId, m.deltaCashFen, m.toPayFen, m.toRecoverFen]), [
      ['A', 500_00, 500_00, 0],
      ['B', -10200_00, 0, 10200_00],
    ]);
    assert.deepEqual([result.totals.deltaCashFen, result.totals.toPayFen, result.totals.toRecoverFen], [-9700_00, 500_00, 10200_00]);
    assert.equal(Number(result.totals.toPayFen) - Number(result.totals.toRecoverFen), Number(result.totals.deltaCashFen));
    assert.equal(Number(result.totals.cashFen) - Number(result.totals.previousCashFen), Number(result.totals.deltaCashFen));
  });

  test('change is the first that applies: gmv, baseline, ad_spend, status, policy, else unchanged', () => {
    const base = run1()[0];
    const edit = (patch: Partial<SettlementLine>): SettlementLine => ({ ...base, ...patch });
    assert.equal(changeOf(base, edit({ gmvFen: 1, baselineFen: 2, adSpendFen: 3, status: 'blocked' }), true), 'gmv');
    assert.equal(changeOf(base, edit({ baselineFen: 2, adSpendFen: 3, status: 'blocked' }), true), 'baseline');
    assert.equal(changeOf(base, edit({ adSpendFen: 3, status: 'blocked' }), true), 'ad_spend');
    assert.equal(changeOf(base, edit({ status: 'held' }), true), 'status');
    assert.equal(changeOf(base, edit({}), true), 'policy');
    assert.equal(changeOf(base, edit({}), false), 'unchanged');
    assert.equal(changeOf(undefined, base, true), 'new');
    assert.equal(changeOf(base, undefined, true), 'removed');
    // A blocked line shows no baseline: not knowing it is not a change of it; the status says what changed.
    assert.equal(changeOf(edit({ status: 'blocked', baselineFen: null }), base, false), 'status');
  });

  test('a merchant only the previous run had is recovered in full', () => {
    const result = trueUp(run1(), [], { clawback: true, policyChanged: false });
    assert.deepEqual([result.merchants[0].toRecoverFen, result.lines[0].change, result.totals.deltaCashFen], [23345_68, 'removed', -23345_68]);
  });

  test('sums past 2^53 fen stay exact', () => {
    const big = 4e15; // fen: each line's cash below 2^53, their sum above it
    const line = (id: string, cashTotalFen: number): SettlementLine => ({ ...run1()[0], merchantId: id, cashTotalFen });
    const result = trueUp([], [line('A', big), line('B', big), line('C', big)], { clawback: true, policyChanged: false });
    assert.equal(result.totals.deltaCashFen, BigInt(12e15));
    assert.equal(result.totals.toPayFen, BigInt(12e15));
  });
});
