/** Issue 6's real-export traps through the readers and the rules: the right figures, or the doubtful merchant blocked. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Dec } from '../../src/core/money';
import { double11Policy } from '../../src/core/policy';
import { tableFromText } from '../../src/input/table';
import { toJsonReport } from '../../src/output/json';
import { runSettlement } from '../../src/run/runSettlement';
import { EXPORT_TRAPS } from '../fixtures/exportTraps';

const POLICY = { ...double11Policy(), redPacketCoefficient: new Dec('0.05') };

for (const trap of EXPORT_TRAPS) {
  test(`readers: ${trap.name}`, () => {
    const run = runSettlement({ history: tableFromText('history', trap.history), campaign: tableFromText('campaign', trap.campaign) }, POLICY);
    const report = toJsonReport(run);
    assert.equal(report.totals.cash_total, trap.cashTotal);
    assert.equal(report.totals.blocked_merchants, trap.blockedMerchants);
    assert.equal(report.totals.rows_read, (report.totals.rows_used as number) + (report.totals.rows_rejected as number));
    if (trap.issue) assert.ok(report.issues.some((i) => trap.issue!.test(String(i.message))), JSON.stringify(report.issues, null, 1));
    else assert.deepEqual(report.issues, []);
  });
}
