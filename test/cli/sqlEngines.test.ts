/**
 * The SQL half of issue 10 through the real `gmv-settle` bin: `gmv-settle sql` prints a
 * readable script (and DuckDB runs the DuckDB one to the SPEC §6 figures); `--engine duckdb`
 * settles clean exports, refuses the back-office grammar naming the default engine, and
 * reports rows DuckDB cannot type with their line numbers; `--engine bigquery --dry-run` needs no
 * credentials; `--engine bigquery` without them says so. Never a stack trace.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { SPEC6 } from '../fixtures/spec6';
import { SPEC7, SPEC7_CSV } from '../fixtures/spec7';
import { BIN, EXAMPLES, folderWith, gmvSettle, hasStackTrace, WORKED_EXAMPLE } from './helpers';

const files = folderWith({
  ...WORKED_EXAMPLE,
  // Full-width digits in a GMV: the default engine reads them (SPEC §3), DuckDB's DECIMAL does not.
  'fullwidth.csv': 'merchant_id,date,gmv,ad_spend\nM001,2025-11-11,５２３456.78,12345.67\n',
  // Two rows DuckDB cannot type, on spreadsheet rows 3 and 5 (header = row 1; a blank line 4 still counts).
  'bad-rows.csv': 'merchant_id,date,gmv,ad_spend\nM001,2025-11-11,523456.78,12345.67\nM002,2025-11-11,abc,1.00\n\nM003,2025-11-32,300000.00,1.00\n',
  'bad-history.csv': 'merchant_id,date,gmv\nM001,2025-11-08,150000.00\nM001,2025-11-09,n/a\nM001,2025-11-10,210000.00\n',
  // SPEC §7: the refunds of run 2, in history and campaign alike.
  'refunds-history.csv': SPEC7_CSV.history,
  'refunds-campaign.csv': SPEC7_CSV.campaign,
  // M001's row with one field too many: DuckDB rejects it, and the default reader reads it again (reporting the extra value).
  'refunds-campaign-extra.csv': SPEC7_CSV.campaign.replace(/\n$/, ',extra\n'),
  'policy-net.json': JSON.stringify({ gmv_basis: 'net_of_refunds', red_packet_coefficient: SPEC6.coefficient }),
});
after(files.remove);
const worked = ['--history', files.path('history.csv'), '--campaign', files.path('campaign.csv'), '--coefficient', SPEC6.coefficient];

describe('gmv-settle sql', () => {
  it('prints the DuckDB script, commented per rule, which DuckDB runs to the SPEC §6 figures', async () => {
    const run = gmvSettle(['sql', '--dialect', 'duckdb', '--coefficient', '0.05']);
    assert.equal(run.status, 0, run.stderr);
    const sql = run.stdout;
    assert.match(sql, /^-- GMV incentive settlement \(Kuaishou Double 11 SME Summit\), DuckDB\./);
    assert.match(sql, /-- SPEC §2 baseline average/);
    assert.match(sql, /^CREATE OR REPLACE TEMP TABLE gmv_lines AS$/m);
    assert.match(sql, /^ {2}SELECT$/m, 'indented CTE bodies');
    // Formatted: hundreds of short lines, not a query on one line (a few CASE and message lines run long).
    const lines = sql.split('\n');
    assert.ok(lines.length > 200, `${lines.length} lines`);
    assert.ok(lines.filter((line) => line.length <= 120).length >= 0.9 * lines.length, 'nine lines in ten fit 120 characters');
    // Run it as a data team would: over their own typed tables.
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    try {
      await connection.run(`CREATE TABLE history AS SELECT * FROM (VALUES ('M001', DATE '2025-11-08', 150000.00::DECIMAL(18,2)), ('M001', DATE '2025-11-09', 180000.00), ('M001', DATE '2025-11-10', 210000.00)) t(merchant_id, date, gmv)`);
      await connection.run(`CREATE TABLE campaign AS SELECT 'M001' AS merchant_id, '' AS merchant_name, DATE '2025-11-11' AS date, 523456.78::DECIMAL(18,2) AS gmv, 12345.67::DECIMAL(18,2) AS ad_spend`);
      const statements = await connection.extractStatements(sql);
      const results: Record<string, unknown>[][] = [];
      for (let i = 0; i < statements.count; i++) results.push((await (await statements.prepare(i)).runAndReadAll()).getRowObjectsJson() as Record<string, unknown>[]);
      const line = results.find((rows) => rows[0] && 'line_number' in rows[0])?.[0] as Record<string, unknown>;
      assert.deepEqual(
        [line.baseline_avg, line.incremental_gmv, line.tier, line.cashback, line.red_packet, line.cash_total, line.traffic_granted].map(String),
        [SPEC6.line.baseline_avg, SPEC6.line.incremental_gmv, '2', SPEC6.line.cashback, SPEC6.line.red_packet, SPEC6.line.cash_total, '75000'],
      );
    } finally {
      connection.closeSync();
      db.closeSync();
    }
  });

  it('with holds and the previous run as tables, the printed script trues up as SPEC §7 works it out', async () => {
    const policies = folderWith({
      'net.json': JSON.stringify({ gmv_basis: 'net_of_refunds', red_packet_coefficient: SPEC6.coefficient }),
      'paid.json': JSON.stringify({ red_packet_coefficient: SPEC6.coefficient }),
    });
    const run = gmvSettle(['sql', '--dialect', 'duckdb', '--policy', policies.path('net.json'), '--previous-policy', policies.path('paid.json'), '--tables', 'history=history,campaign=campaign,previous=run1_lines']);
    policies.remove();
    assert.equal(run.status, 0, run.stderr);
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    try {
      const money = (text: string) => `${text}::DECIMAL(18,2)`;
      await connection.run(`CREATE TABLE history AS SELECT * FROM (VALUES ${SPEC6.history.map((d) => `('M001', DATE '${d.date}', ${money(d.gmv)}, ${money('0')})`).join(', ')}) t(merchant_id, date, gmv, refund_amount)`);
      await connection.run(`CREATE TABLE campaign AS SELECT 'M001' AS merchant_id, '' AS merchant_name, DATE '${SPEC6.date}' AS date, ${money(SPEC6.gmv)} AS gmv, ${money(SPEC6.adSpend)} AS ad_spend, ${money(SPEC7.refund)} AS refund_amount`);
      // Run 1 as its settlement_lines table keeps it: SPEC §6's line.
      const l = SPEC6.line;
      await connection.run(`CREATE TABLE run1_lines AS SELECT '${l.merchant_id}' AS merchant_id, '' AS merchant_name, DATE '${l.date}' AS date, ${money(l.gmv)} AS gmv, ${money(l.baseline_avg)} AS baseline_avg,
        ${money(l.incremental_gmv)} AS incremental_gmv, ${l.tier} AS tier, ${money(l.ad_spend)} AS ad_spend, ${l.cashback_rate}::DECIMAL(18,9) AS cashback_rate, ${money(l.cashback)} AS cashback,
        ${l.red_packet_coefficient}::DECIMAL(18,9) AS red_packet_coefficient, ${money(l.red_packet)} AS red_packet, ${money(l.cash_total)} AS cash_total, ${l.traffic_cap} AS traffic_cap,
        ${l.traffic_granted} AS traffic_granted, '${l.status}' AS status, '' AS reason`);
      const statements = await connection.extractStatements(run.stdout);
      const results: Record<string, unknown>[][] = [];
      for (let i = 0; i < statements.count; i++) results.push((await (await statements.prepare(i)).runAndReadAll()).getRowObjectsJson() as Record<string, unknown>[]);
      const line = results.find((rows) => rows[0] && 'line_number' in rows[0])?.[0] as Record<string, unknown>;
      assert.deepEqual([line.tier, line.cash_total].map(String), [String(SPEC7.line.tier), SPEC7.line.cash_total]);
      const trueUpLine = results.find((rows) => rows[0] && 'change' in rows[0] && 'delta_cash_total' in rows[0])?.[0] as Record<string, unknown>;
      assert.deepEqual([trueUpLine.previous_cash_total, trueUpLine.delta_cash_total, trueUpLine.change].map(String), ['23345.68', '-3969.14', 'gmv']);
      const totals = results.find((rows) => rows[0] && 'to_recover' in rows[0] && !('merchant_id' in rows[0]))?.[0] as Record<string, unknown>;
      assert.deepEqual([totals.to_pay, totals.to_recover].map(String), ['0.00', '3969.14']);
    } finally {
      connection.closeSync();
    }
  });

  it('prints BigQuery Standard SQL over the tables named with --tables, with no float type', () => {
    const run = gmvSettle(['sql', '--dialect', 'bigquery', '--coefficient', '0.05', '--tables', 'history=proj.ds.daily_gmv,campaign=proj.ds.d11']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /BigQuery Standard SQL/);
    assert.match(run.stdout, /FROM `proj\.ds\.daily_gmv`/);
    assert.match(run.stdout, /FROM `proj\.ds\.d11`/);
    assert.match(run.stdout, /^CREATE TEMP TABLE gmv_lines AS$/m);
    assert.doesNotMatch(run.stdout, /FLOAT64|DOUBLE/);
  });

  it('refuses a table name that is not one, and a missing coefficient, as usage errors', () => {
    const badName = gmvSettle(['sql', '--coefficient', '0.05', '--tables', 'history=x;DROP TABLE y']);
    assert.equal(badName.status, 2);
    assert.ok(!hasStackTrace(badName.stderr), badName.stderr);
    const noCoefficient = gmvSettle(['sql', '--dialect', 'bigquery']);
    assert.equal(noCoefficient.status, 2);
    assert.match(noCoefficient.stderr, /--coefficient/);
  });
});

describe('gmv-settle --engine duckdb', () => {
  it('settles the SPEC §6 example to the same JSON line as the default engine', () => {
    const run = gmvSettle([...worked, '--engine', 'duckdb', '--format', 'json']);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout).lines, [SPEC6.line]);
  });

  for (const [what, args] of [
    ['the back-office example export (万, ¥, 2025/11/11)', ['--history', join(EXAMPLES, 'history.csv'), '--campaign', join(EXAMPLES, 'campaign.csv')]],
    ['full-width digits', ['--history', files.path('history.csv'), '--campaign', files.path('fullwidth.csv')]],
  ] as const)
    it(`refuses ${what}, naming the default engine (exit 2, no stack trace)`, () => {
      const run = gmvSettle([...args, '--coefficient', '0.05', '--engine', 'duckdb']);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, /default engine \(gmv-settle without --engine\)/);
      assert.ok(!hasStackTrace(run.stderr), run.stderr);
      assert.equal(run.stdout, '');
    });

  it('reports rows DuckDB cannot type with their spreadsheet row numbers, and blocks those merchants (SPEC §4)', () => {
    const run = gmvSettle(['--history', files.path('history.csv'), '--campaign', files.path('bad-rows.csv'), '--coefficient', '0.05', '--engine', 'duckdb', '--format', 'json']);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(
      report.issues.map((i: { source: string; row: number; merchant_id: string; value: string }) => [i.source, i.row, i.merchant_id, i.value]),
      [['campaign', 3, 'M002', 'abc'], ['campaign', 5, 'M003', '2025-11-32']],
    );
    assert.deepEqual(report.lines.map((l: { merchant_id: string; status: string }) => [l.merchant_id, l.status]), [['M001', 'qualified'], ['M002', 'blocked'], ['M003', 'blocked']]);
    assert.deepEqual([report.totals.rows_read, report.totals.rows_used, report.totals.rows_rejected], [6, 4, 2]);
    assert.match(run.stderr, /campaign row 3, merchant M002: GMV "abc" is not valid/);
  });

  it('gmv_basis "net_of_refunds" subtracts the refunds as the default engine does (SPEC §7 run 2: 19,376.54)', () => {
    const net = ['--history', files.path('refunds-history.csv'), '--campaign', files.path('refunds-campaign.csv'), '--policy', files.path('policy-net.json'), '--format', 'json'];
    const run = gmvSettle([...net, '--engine', 'duckdb']);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout).lines, [SPEC7.line]);
    // Under the default "paid" the refunds column is set aside, on the re-read row of DuckDB's rejects too: run 1's 23,345.68.
    const extra = ['--history', files.path('refunds-history.csv'), '--campaign', files.path('refunds-campaign-extra.csv'), '--coefficient', SPEC6.coefficient, '--format', 'json'];
    const paid = gmvSettle([...extra, '--engine', 'duckdb']);
    assert.equal(paid.status, 0, paid.stderr);
    assert.equal(JSON.parse(paid.stdout).lines[0].cash_total, SPEC6.line.cash_total);
    assert.deepEqual(JSON.parse(paid.stdout).lines, JSON.parse(gmvSettle(extra).stdout).lines, 'the default engine on the same files');
    assert.match(paid.stderr, /gmv_basis is "paid"/);
  });

  it('CSV on standard output starts with the BOM as the default engine\'s does', () => {
    const run = spawnSync(process.execPath, [BIN, ...worked, '--engine', 'duckdb'], { encoding: 'buffer' });
    assert.equal(run.status, 0, String(run.stderr));
    assert.deepEqual([...run.stdout.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  });

  it('reports a history row DuckDB cannot type (the history is read where it lies first) with its row number', () => {
    const run = gmvSettle(['--history', files.path('bad-history.csv'), '--campaign', files.path('campaign.csv'), '--coefficient', '0.05', '--engine', 'duckdb', '--format', 'json']);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(report.issues.map((i: { source: string; row: number; value: string }) => [i.source, i.row, i.value]), [['history', 3, 'n/a']]);
    assert.equal(report.lines[0].status, 'blocked');
    assert.equal(report.lines[0].cash_total, '0.00');
  });
});

describe('gmv-settle --engine bigquery', () => {
  /** No credentials anywhere: a fresh HOME (no gcloud application-default file) and no key file variable. */
  function withoutCredentials(args: string[]) {
    const home = mkdtempSync(join(tmpdir(), 'gmv-settle-home-'));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, CLOUDSDK_CONFIG: join(home, 'gcloud') };
      delete env.GOOGLE_APPLICATION_CREDENTIALS;
      const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, timeout: 120_000 });
      return { status: run.status, stdout: run.stdout, stderr: run.stderr };
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }

  it('holds and the previous run are gmv-settle sql\'s tables, not the engine\'s: refused in words', () => {
    const run = withoutCredentials(['--engine', 'bigquery', '--project', 'my-proj', '--dataset', 'd11', '--coefficient', '0.05', '--dry-run', '--tables', 'holds=d11.holds']);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /--tables holds=… is for gmv-settle sql/);
  });

  it('--dry-run prints the job configuration and the SQL, with no credentials', () => {
    const run = withoutCredentials(['--engine', 'bigquery', '--project', 'my-proj', '--dataset', 'd11', '--coefficient', '0.05', '--dry-run']);
    assert.equal(run.status, 0, run.stderr);
    const [configText] = run.stdout.split('\n\n');
    const config = JSON.parse(configText);
    assert.equal(config.projectId, 'my-proj');
    assert.equal(config.configuration.query.useLegacySql, false);
    assert.match(run.stdout, /FROM `my-proj\.d11\.history`/);
    assert.match(run.stdout, /FROM `my-proj\.d11\.campaign`/);
  });

  it('--dry-run --destination writes the outputs as tables', () => {
    const run = withoutCredentials(['--engine', 'bigquery', '--project', 'p', '--dataset', 'd', '--coefficient', '0.05', '--dry-run', '--destination', 'd.run1']);
    assert.equal(run.status, 0, run.stderr);
    for (const table of ['run1', 'run1_merchants', 'run1_totals', 'run1_issues']) assert.match(run.stdout, new RegExp(`CREATE OR REPLACE TABLE \`d\\.${table}\` AS`));
  });

  it('without credentials, fails with a message that says how to get them (exit 2, no stack trace)', () => {
    const run = withoutCredentials(['--engine', 'bigquery', '--project', 'p', '--dataset', 'd', '--coefficient', '0.05']);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /no application-default credentials/);
    assert.match(run.stderr, /gcloud auth application-default login/);
    assert.doesNotMatch(run.stderr, /internal error|This is a bug/);
    assert.ok(!hasStackTrace(run.stderr), run.stderr);
  });
});
