/**
 * The custom functions, run from the built dist/ as Apps Script runs them, agree to the cent with
 * the settlement (runSettlement, which the sidebar and the CLI use) for any merchant.
 * This checks agreement, not the rules: both sides share core/rules. The rules themselves are
 * tested against SPEC figures in test/core, test/functions and test/cli (worked example).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Dec, fenToDisplay, fenToNumber, fenToText } from '../../src/core/money';
import { double11Policy } from '../../src/core/policy';
import { tableFromCells } from '../../src/input/table';
import { runSettlement } from '../../src/run/runSettlement';
import { loadDist, type LoadedDist } from './dist';

let dist: LoadedDist;
before(async () => {
  dist = await loadDist();
});
after(() => dist.remove());

type Shape = 'number' | 'text' | 'display';

/** A fen amount as a Sheets cell: a number, plain text, or "¥1,234.50" as pasted from a back office. */
function asCell(fen: number, shape: Shape): number | string {
  if (shape === 'number') return fenToNumber(fen);
  return shape === 'text' ? fenToText(fen) : '¥' + fenToDisplay(fen);
}

// Near each threshold the strict ">" and the rounding matter most, so GMV is often drawn there.
const nearThreshold = fc.constantFrom(200000_00, 500000_00, 1000000_00).chain((t) => fc.integer({ min: t - 3, max: t + 3 }));
const merchant = fc.record({
  historyFen: fc.array(fc.integer({ min: 0, max: 1200000_00 }), { minLength: 1, maxLength: 6 }),
  gmvFen: fc.oneof(fc.integer({ min: -1000_00, max: 1500000_00 }), nearThreshold),
  adSpendFen: fc.integer({ min: 0, max: 200000_00 }),
  coefficientThousandths: fc.integer({ min: 1, max: 99 }), // 0.001 … 0.099
  shape: fc.constantFrom<Shape>('number', 'text', 'display'),
});

test('TIER_REWARD, GMV_TIER, INCREMENTAL_GMV and SETTLEMENT in the built script equal runSettlement to the cent', () => {
  fc.assert(
    fc.property(merchant, ({ historyFen, gmvFen, adSpendFen, coefficientThousandths, shape }) => {
      const coefficient = coefficientThousandths / 1000;
      const historyRows = historyFen.map((fen, i) => ['M001', `2025-10-${String(i + 1).padStart(2, '0')}`, asCell(fen, shape)]);
      const campaignRow = ['M001', '2025-11-11', asCell(gmvFen, shape), asCell(adSpendFen, shape)];
      const history = [['merchant_id', 'date', 'gmv'], ...historyRows];
      const campaign = [['merchant_id', 'date', 'gmv', 'ad_spend'], campaignRow];

      const policy = { ...double11Policy(), redPacketCoefficient: new Dec(String(coefficient)) };
      const run = runSettlement({ history: tableFromCells('history', history), campaign: tableFromCells('campaign', campaign) }, policy);
      const line = run.settlement.lines[0];

      const day = asCell(gmvFen, shape);
      const days = [historyFen.map((fen) => asCell(fen, shape))];
      const spend = asCell(adSpendFen, shape);
      assert.equal(dist.call('TIER_REWARD', day, days, spend, coefficient), fenToNumber(line.cashTotalFen));
      assert.equal(dist.call('TIER_REWARD', day, days, spend, coefficient, 'cashback'), fenToNumber(line.cashbackFen));
      assert.equal(dist.call('TIER_REWARD', day, days, spend, coefficient, 'red_packet'), fenToNumber(line.redPacketFen));
      assert.equal(dist.call('TIER_REWARD', day, days, spend, coefficient, 'traffic'), line.trafficCap);
      assert.equal(dist.call('GMV_TIER', day, days), line.tier);
      assert.equal(dist.call('INCREMENTAL_GMV', day, days), fenToNumber(line.incrementalFen));

      const spilled = dist.call('SETTLEMENT', history, campaign, coefficient) as unknown[][];
      assert.deepEqual(spilled[1].slice(3, 15), [
        fenToNumber(line.gmvFen as number),
        fenToNumber(line.baselineFen as number),
        fenToNumber(line.incrementalFen),
        line.tier,
        fenToNumber(line.adSpendFen),
        line.cashbackRate.toNumber(),
        fenToNumber(line.cashbackFen),
        line.coefficient.toNumber(),
        fenToNumber(line.redPacketFen),
        fenToNumber(line.cashTotalFen),
        line.trafficCap,
        line.trafficGranted,
      ]);
    }),
    { numRuns: 300 },
  );
});
