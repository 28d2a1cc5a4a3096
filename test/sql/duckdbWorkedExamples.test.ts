/**
 * SPEC §6 and §7 worked examples executed by DuckDB: the generated SQL (src/sql, DuckDB dialect)
 * run statement by statement over typed tables, as a warehouse would run `gmv-settle sql`'s
 * script. Every expected figure is the SPEC's own text:
 *
 *   §6  history 150,000.00 / 180,000.00 / 210,000.00 → baseline 180,000.00; 2025-11-11 GMV
 *       523,456.78, ad spend 12,345.67 → tier 2, incremental 343,456.78, cashback 6,172.84, red
 *       packet 17,172.84, cash total 23,345.68, traffic 75,000.
 *   §7  run 1 (above) approved; refunds 30,000.00 on 2025-11-11, run 2 net_of_refunds: GMV
 *       493,456.78 → tier 1, incremental 313,456.78, cashback 3,703.70, red packet 15,672.84,
 *       cash 19,376.54, traffic 20,000. True-up delta −3,969.14 (change gmv), traffic −55,000;
 *       to pay 0.00, to recover 3,969.14; clawback false: to recover 0.00, waived 3,969.14.
 *   §7 holds: a held merchant pays what the previous approved run paid for the day (0 in a first
 *       run), so its true-up delta is 0; the totals show the amount deferred, would pay now − pays.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { Dec } from '../../src/core/money';
import { double11Policy } from '../../src/core/policy';
import type { SettlementSqlOptions } from '../../src/sql/context';
import type { Policy } from '../../src/core/policy';
import { settlementSql, statementSql } from '../../src/sql/settlementSql';
import { SPEC6 } from '../fixtures/spec6';

let instance: DuckDBInstance;
before(async () => {
  instance = await DuckDBInstance.create(':memory:');
});
after(() => instance.closeSync());

type Row = Record<string, string | number | boolean | null>;

/** DuckDB's JSON rows: DECIMAL as exact text (never through a double); BIGINT and HUGEINT counts come as digit strings, made numbers. */
function plain(rows: Record<string, unknown>[]): Row[] {
  const value = (v: unknown) => (typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : (v as Row[string]));
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, value(v)])));
}

/** Makes the input tables, runs the script, and returns each output's rows by name. */
async function settle(policy: Policy, setup: string[], options: Omit<SettlementSqlOptions, 'dialect'>): Promise<Record<string, Row[]>> {
  const connection: DuckDBConnection = await instance.connect();
  try {
    for (const statement of setup) await connection.run(statement);
    const sql = settlementSql(policy, { dialect: 'duckdb', ...options });
    const outputs: Record<string, Row[]> = {};
    for (const statement of sql.statements) {
      const text = statementSql(sql.context, statement);
      if (statement.kind !== 'output') await connection.run(text);
      else {
        // Money and rates as DuckDB's exact text: a DECIMAL read into JavaScript would be a double.
        const reader = await connection.runAndReadAll(`SELECT * FROM (${text.replace(/;\s*$/, '').replace(/^--.*\n/gm, '')}) AS o`);
        outputs[statement.name] = plain(reader.getRowObjectsJson() as Record<string, unknown>[]);
      }
    }
    return outputs;
  } finally {
    connection.closeSync();
  }
}

const policy: Policy = { ...double11Policy(), redPacketCoefficient: new Dec(SPEC6.coefficient) };

const HISTORY = `CREATE OR REPLACE TABLE history AS SELECT * FROM (VALUES
  ('M001', DATE '2025-11-08', 150000.00::DECIMAL(18, 2), 0.00::DECIMAL(18, 2)),
  ('M001', DATE '2025-11-09', 180000.00, 0.00),
  ('M001', DATE '2025-11-10', 210000.00, 0.00)) AS t(merchant_id, date, gmv, refund_amount)`;
const campaign = (refund: string) => `CREATE OR REPLACE TABLE campaign AS SELECT * FROM (VALUES
  ('M001', '', DATE '2025-11-11', 523456.78::DECIMAL(18, 2), 12345.67::DECIMAL(18, 2), ${refund}::DECIMAL(18, 2))) AS t(merchant_id, merchant_name, date, gmv, ad_spend, refund_amount)`;
/** Run 1, approved: the §6 line as the settlement_lines table (17 line columns) keeps it. */
const RUN1 = `CREATE OR REPLACE TABLE run1_lines AS SELECT * FROM (VALUES
  ('M001', '', DATE '2025-11-11', 523456.78::DECIMAL(18, 2), 180000.00::DECIMAL(18, 2), 343456.78::DECIMAL(18, 2), 2, 12345.67::DECIMAL(18, 2),
   0.5::DECIMAL(18, 9), 6172.84::DECIMAL(18, 2), 0.05::DECIMAL(18, 9), 17172.84::DECIMAL(18, 2), 23345.68::DECIMAL(18, 2), 75000, 75000, 'qualified', '')
) AS t(merchant_id, merchant_name, date, gmv, baseline_avg, incremental_gmv, tier, ad_spend, cashback_rate, cashback, red_packet_coefficient,
       red_packet, cash_total, traffic_cap, traffic_granted, status, reason)`;
const HOLDS = `CREATE OR REPLACE TABLE holds AS SELECT 'M001' AS merchant_id, 'refund dispute' AS reason`;
const COLUMNS: SettlementSqlOptions['columns'] = { history: { refundAmount: true }, campaign: { merchantName: true, adSpend: true, refundAmount: true } };
const TABLES = { history: 'history', campaign: 'campaign' };

const pick = (row: Row, keys: string[]) => Object.fromEntries(keys.map((k) => [k, row[k]]));
const LINE_KEYS = ['gmv', 'baseline_avg', 'incremental_gmv', 'tier', 'cashback', 'red_packet', 'cash_total', 'traffic_granted', 'status'];

describe('SPEC §6 on DuckDB', () => {
  it('settles M001 to the figures of the worked example', async () => {
    const out = await settle(policy, [HISTORY, campaign('0')], { tables: TABLES, columns: COLUMNS });
    assert.equal(out.settlement_lines.length, 1);
    const line = out.settlement_lines[0];
    // The line SPEC §6 works out by hand (test/fixtures/spec6.ts), every key but the rates, which DuckDB prints at its own scale.
    const keys = [...LINE_KEYS, 'merchant_id', 'date', 'ad_spend', 'traffic_cap', 'reason'];
    assert.deepEqual(pick(line, keys), pick(SPEC6.line, keys));
    assert.equal(Number(line.cashback_rate), 0.5);
    assert.equal(Number(line.red_packet_coefficient), 0.05);
    assert.deepEqual(pick(out.settlement_totals[0], ['merchants', 'qualified_merchants', 'cashback', 'red_packet', 'cash_total', 'traffic_granted', 'rows_read', 'rows_used']), {
      merchants: 1, qualified_merchants: 1, cashback: '6172.84', red_packet: '17172.84', cash_total: '23345.68', traffic_granted: 75000, rows_read: 4, rows_used: 4,
    });
    assert.deepEqual(out.settlement_issues, []);
  });
});

describe('SPEC §7 on DuckDB: run 2 net of refunds, trued up against run 1', () => {
  const run2 = (clawback: boolean, holds = false) =>
    settle({ ...policy, gmvBasis: 'net_of_refunds', clawback }, [HISTORY, campaign('30000.00'), RUN1, ...(holds ? [HOLDS] : [])], {
      tables: { ...TABLES, previous: 'run1_lines', ...(holds ? { holds: 'holds' } : {}) },
      columns: COLUMNS,
      previousPolicyDiffers: true,
    });

  it('settles the refunded day at tier 1 and recovers the difference (clawback: true)', async () => {
    const out = await run2(true);
    assert.deepEqual(pick(out.settlement_lines[0], LINE_KEYS), {
      gmv: '493456.78', baseline_avg: '180000.00', incremental_gmv: '313456.78', tier: 1, cashback: '3703.70', red_packet: '15672.84', cash_total: '19376.54', traffic_granted: 20000, status: 'qualified',
    });
    assert.deepEqual(pick(out.true_up_lines[0], ['merchant_id', 'date', 'previous_cash_total', 'cash_total', 'delta_cash_total', 'delta_traffic_granted', 'change']), {
      merchant_id: 'M001', date: '2025-11-11', previous_cash_total: '23345.68', cash_total: '19376.54', delta_cash_total: '-3969.14', delta_traffic_granted: -55000, change: 'gmv',
    });
    assert.deepEqual(pick(out.true_up_merchants[0], ['delta_cash_total', 'to_pay', 'to_recover', 'waived']), { delta_cash_total: '-3969.14', to_pay: '0.00', to_recover: '3969.14', waived: '0.00' });
    assert.deepEqual(pick(out.true_up_totals[0], ['previous_cash_total', 'cash_total', 'delta_cash_total', 'to_pay', 'to_recover']), {
      previous_cash_total: '23345.68', cash_total: '19376.54', delta_cash_total: '-3969.14', to_pay: '0.00', to_recover: '3969.14',
    });
  });

  it('waives the shortfall with clawback: false', async () => {
    const out = await run2(false);
    assert.deepEqual(pick(out.true_up_merchants[0], ['to_pay', 'to_recover', 'waived']), { to_pay: '0.00', to_recover: '0.00', waived: '3969.14' });
  });

  it('a held merchant is paid what run 1 paid, its delta is 0, and the totals show what the hold defers', async () => {
    const out = await run2(true, true);
    const line = out.settlement_lines[0];
    assert.deepEqual(pick(line, ['status', 'cash_total', 'traffic_granted']), { status: 'held', cash_total: '23345.68', traffic_granted: 75000 });
    // Its reason says what it would pay now: 19,376.54 (the run-2 figure above).
    assert.match(String(line.reason), /19,376\.54/);
    assert.equal(out.true_up_lines[0].delta_cash_total, '0.00');
    assert.deepEqual(pick(out.true_up_merchants[0], ['to_pay', 'to_recover']), { to_pay: '0.00', to_recover: '0.00' });
    // Would pay now − pays = 19,376.54 − 23,345.68 = −3,969.14.
    assert.deepEqual(pick(out.settlement_totals[0], ['held_merchants', 'held_deferred_cash', 'cash_total']), { held_merchants: 1, held_deferred_cash: '-3969.14', cash_total: '23345.68' });
  });

  it('in a first run (no approved run) a held merchant pays 0 and defers all it would pay', async () => {
    const out = await settle(policy, [HISTORY, campaign('0'), HOLDS], { tables: { ...TABLES, holds: 'holds' }, columns: COLUMNS });
    assert.deepEqual(pick(out.settlement_lines[0], ['status', 'cash_total', 'traffic_granted']), { status: 'held', cash_total: '0.00', traffic_granted: 0 });
    // §6's figure, 23,345.68, is what it would pay.
    assert.deepEqual(pick(out.settlement_totals[0], ['held_merchants', 'held_deferred_cash', 'cash_total']), { held_merchants: 1, held_deferred_cash: '23345.68', cash_total: '0.00' });
  });
});
