/** Issue 6's real-export traps through SETTLEMENT(), as Sheets hands it ranges of cells, and coefficients that cannot be meant. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { customFunctions } from '../../src/functions';
import { LINE_COLUMNS } from '../../src/output/tables';
import { csvCells, EXPORT_TRAPS } from '../fixtures/exportTraps';

const { SETTLEMENT, TIER_REWARD } = customFunctions();

const CASH = LINE_COLUMNS.findIndex((c) => c.key === 'cash_total');
const STATUS = LINE_COLUMNS.findIndex((c) => c.key === 'status');

// A range holds cells, not CSV text: there is no quote to leave open in one.
for (const trap of EXPORT_TRAPS.filter((t) => !/quote/.test(t.name))) {
  test(`SETTLEMENT: ${trap.name}`, () => {
    const table = SETTLEMENT(csvCells(trap.history), csvCells(trap.campaign), 0.05) as (string | number)[][];
    const blankRow = table.findIndex((row) => row.every((cell) => cell === ''));
    const lines = table.slice(1, blankRow < 0 ? undefined : blankRow);
    const cashFen = lines.reduce((sum, line) => sum + Math.round(Number(line[CASH]) * 100), 0);
    assert.equal((cashFen / 100).toFixed(2), trap.cashTotal);
    const blocked = new Set(lines.filter((line) => line[STATUS] === 'blocked').map((line) => line[0]));
    assert.equal(blocked.size, trap.blockedMerchants);
    if (trap.issue) assert.ok(table.slice(blankRow).some((row) => trap.issue!.test(String(row[4]))), JSON.stringify(table.slice(blankRow)));
  });
}

test('a coefficient argument of 5 or 500% is an error that says what it would pay', () => {
  const history = [['merchant_id', 'avg_gmv'], ['M1', 180000]];
  const campaign = [['merchant_id', 'date', 'gmv'], ['M1', '2025-11-11', 523456.78]];
  assert.throws(() => SETTLEMENT(history, campaign, 5), /^Error: SETTLEMENT: coefficient: coefficient 5 would pay 500% of the incremental GMV — did you mean 5%\?$/);
  assert.throws(() => TIER_REWARD([[523456.78], [523456.78]], 180000, 0, [[0.05], [5]]), /TIER_REWARD: row 2 of coefficient: coefficient 5 would pay 500%/);
  assert.throws(() => TIER_REWARD(523456.78, 180000, 0, '500%'), /coefficient 500% would pay 500% of the incremental GMV/);
  assert.throws(() => TIER_REWARD(523456.78, 180000, 0, 0.05, 'total', [[200000, 1.5, 20000]]), /tier 1 cashback rate 1\.5 would pay 150% of the ad spend — did you mean 1\.5%\?/);
});
