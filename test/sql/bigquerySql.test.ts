/**
 * Nothing here can reach BigQuery, so its SQL is checked the ways that need no BigQuery: every
 * statement the generator makes, for the default policy and for combinations of every option,
 * is parsed by node-sql-parser's BigQuery grammar; every function it calls and every type it
 * casts to is one the dialect declares (sql/dialect BIGQUERY_ALLOWED, which a reviewer checks
 * against BigQuery's function list); and no binary float type appears anywhere.
 *
 * Two independent readings of each statement are compared: the parser's AST and a scan of the
 * SQL text (literals and comments removed). The AST must find every function the text calls,
 * so a parser that skipped a clause could not let a function through unchecked.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import nodeSqlParser from 'node-sql-parser';
import { Dec } from '../../src/core/money';
import { double11Policy } from '../../src/core/policy';
import type { SettlementSqlOptions } from '../../src/sql/context';
import { BIGQUERY_ALLOWED } from '../../src/sql/dialect';
import type { Policy } from '../../src/core/policy';
import { settlementScript, settlementSql, statementSql } from '../../src/sql/settlementSql';

const { Parser } = nodeSqlParser as unknown as { Parser: new () => { astify(sql: string, options: { database: string }): unknown } };
const parser = new Parser();

const base: Policy = { ...double11Policy(), redPacketCoefficient: new Dec('0.05') };
const tables = { history: 'proj.ds.history', campaign: 'proj.ds.campaign' };
const allColumns: SettlementSqlOptions['columns'] = {
  history: { merchantName: true, refundAmount: true, sourceRow: true },
  campaign: { merchantName: true, adSpend: true, refundAmount: true, sourceRow: true },
  targets: { merchantName: true, tiers: [1, 2, 3], sourceRow: true },
};

/** Policies and table sets that between them turn on every branch of the generator. */
const COMBINATIONS: { name: string; policy: Policy; options: Omit<SettlementSqlOptions, 'dialect'> }[] = [
  { name: 'the default policy', policy: base, options: { tables } },
  {
    name: 'every core option the other way, targets, invited_only, Chinese reasons',
    policy: { ...base, thresholdInclusive: true, incrementalBasis: 'tier_threshold', trafficMaxDays: 3, trafficDaySelection: 'best', newMerchantBaseline: 'zero', invitedOnly: true },
    options: { tables: { ...tables, targets: 'proj.ds.targets' }, columns: allColumns, language: 'zh' },
  },
  {
    name: "tiers with their own coefficients, one needing BIGNUMERIC's scale",
    policy: {
      ...base,
      tiers: base.tiers.map((tier, i) => ({ ...tier, redPacketCoefficient: new Dec(['0.0375', '0.000000000125', '0.1'][i]), cashbackRate: new Dec(['0.333', '0.5', '1'][i]) })),
    },
    options: { tables, columns: { campaign: { adSpend: false, merchantName: false } } },
  },
  {
    name: 'net of refunds and the baseline choices of SPEC §8, with new merchants at baseline 0',
    policy: { ...base, gmvBasis: 'net_of_refunds', baselineWindowDays: 28, baselineExcludeDates: ['2025-10-20', '2025-11-01'], baselineMinDays: 3, newMerchantBaseline: 'zero' },
    options: { tables, columns: allColumns },
  },
  {
    name: 'holds and the true-up against an approved run, without clawback, into destination tables',
    policy: { ...base, clawback: false },
    options: { tables: { ...tables, holds: 'proj.ds.holds', previous: 'proj.ds.run1_lines' }, destination: 'ds.settlement_run2', previousPolicyDiffers: true },
  },
];

const ALLOWED_FUNCTIONS = new Set<string>(BIGQUERY_ALLOWED.functions);
const ALLOWED_TYPES = new Set<string>(BIGQUERY_ALLOWED.types);
/** Words a scan of the text sees before "(" that are syntax, not functions. */
const SYNTAX_BEFORE_PARENTHESIS = new Set(['AS', 'IN', 'OVER', 'AND', 'OR', 'NOT', 'EXISTS', 'FROM', 'JOIN', 'ON', 'THEN', 'ELSE', 'WHEN', 'SELECT', 'VALUES', 'USING', 'BY', 'UNNEST']);

/** The SQL without comments and string literals (BigQuery's: '…' and "…" with backslash escapes). */
function code(sql: string): string {
  // One left-to-right scan, so a quote inside a literal or a comment (FORMAT("%'d", …)) starts nothing.
  return sql.replace(/--[^\n]*|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`/g, (token) =>
    token.startsWith('--') ? '' : token[0] + token[0],
  );
}

function functionsInText(sql: string): Set<string> {
  const names = new Set<string>();
  for (const m of code(sql).matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\s*\(/g)) {
    const word = m[1].toUpperCase();
    if (!SYNTAX_BEFORE_PARENTHESIS.has(word)) names.add(word);
  }
  return names;
}

/** Functions and cast types as node-sql-parser's AST has them. */
function inAst(ast: unknown): { functions: Set<string>; types: Set<string>; statementTypes: string[] } {
  const functions = new Set<string>();
  const types = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, any>;
    if (n.type === 'function') {
      const parts = [...(n.name?.name ?? []).map((p: { value: string }) => p.value), n.name?.schema?.value].filter(Boolean);
      functions.add(String(parts.join('.')).toUpperCase());
    }
    if (n.type === 'aggr_func') functions.add(String(n.name).toUpperCase());
    if (n.type === 'cast') {
      functions.add('CAST');
      for (const target of n.target ?? []) types.add(String(target.dataType).toUpperCase());
    }
    Object.values(n).forEach(walk);
  };
  walk(ast);
  const statements = Array.isArray(ast) ? ast : [ast];
  return { functions, types, statementTypes: statements.map((s) => (s as { type: string }).type) };
}

/**
 * node-sql-parser 5.4's BigQuery grammar lacks the type BIGNUMERIC (valid BigQuery: "Expected …
 * NUMERIC … but "B" found"), which the generator uses for a rate of more than 9 decimals. So a
 * statement holding it is parsed with NUMERIC in its place, after checking by hand-written
 * pattern that BIGNUMERIC occurs only as a CAST's target type (`AS BIGNUMERIC)`), the one place
 * the dialect puts it, where NUMERIC stands in the same grammatical position.
 */
function parsable(text: string): string {
  const sql = code(text);
  const all = sql.match(/\bBIGNUMERIC\b/g)?.length ?? 0;
  const asCastTarget = sql.match(/\bAS BIGNUMERIC\)/g)?.length ?? 0;
  assert.equal(asCastTarget, all, 'BIGNUMERIC outside a CAST target');
  return text.replace(/\bAS BIGNUMERIC\)/g, 'AS NUMERIC)');
}

describe('the BigQuery SQL, parsed by a BigQuery grammar', () => {
  for (const combination of COMBINATIONS) {
    it(`parses and uses only declared functions and types: ${combination.name}`, () => {
      const sql = settlementSql(combination.policy, { dialect: 'bigquery', ...combination.options });
      const seenFunctions = new Set<string>();
      for (const statement of sql.statements) {
        const text = statementSql(sql.context, statement);
        let ast: unknown;
        assert.doesNotThrow(() => (ast = parser.astify(parsable(text), { database: 'bigquery' })), `${statement.name} does not parse`);
        const found = inAst(ast);
        if (text !== parsable(text)) found.types.add('BIGNUMERIC');
        // A model is a temporary table, an output a SELECT or (with --destination) a table.
        const expected = statement.kind === 'model' || (statement.kind === 'output' && statement.destination) ? 'create' : 'select';
        assert.deepEqual(found.statementTypes, [expected], statement.name);
        for (const name of functionsInText(text)) {
          assert.ok(found.functions.has(name), `${statement.name}: the parser did not see ${name}(…), which the text calls`);
          assert.ok(ALLOWED_FUNCTIONS.has(name), `${statement.name} calls ${name}, which BIGQUERY_ALLOWED does not declare`);
          seenFunctions.add(name);
        }
        // node-sql-parser reads `NOT (…)` as a call of a function NOT: syntax, as in the text scan.
        for (const name of found.functions)
          if (!SYNTAX_BEFORE_PARENTHESIS.has(name)) assert.ok(ALLOWED_FUNCTIONS.has(name), `${statement.name} calls ${name} (AST), not declared`);
        for (const type of found.types) assert.ok(ALLOWED_TYPES.has(type), `${statement.name} casts to ${type}, not declared`);
        assert.doesNotMatch(code(text), /\b(FLOAT64|FLOAT|DOUBLE|REAL)\b/i, `${statement.name} names a binary float type`);
      }
      // The money functions are there: the check above would pass vacuously on an empty script.
      for (const name of ['ROUND', 'CAST', 'SUM', 'ROW_NUMBER']) assert.ok(seenFunctions.has(name), `no ${name} in the script`);
      if (combination.name.includes('BIGNUMERIC')) assert.match(code(sql.statements.map((st) => statementSql(sql.context, st)).join('\n')), /AS BIGNUMERIC\)/);
    });
  }

  it('the money arithmetic is NUMERIC, rounded by ROUND (half away from zero in BigQuery), never through a float', () => {
    const script = settlementScript(base, { dialect: 'bigquery', tables });
    // SPEC §6 coefficient 0.05 and the tier-2 cashback rate as exact NUMERIC literals.
    assert.match(script, /CAST\('0\.05' AS NUMERIC\)/);
    assert.match(script, /CAST\('0\.5' AS NUMERIC\)/);
    assert.match(script, /CAST\(ROUND\(CAST\(gmv AS NUMERIC\) \* 100\) AS INT64\)/);
    assert.doesNotMatch(code(script), /\bSAFE_DIVIDE\b|[^/]\/[^/]/, 'no / division (FLOAT64 in BigQuery) outside comments');
  });

  it('the declared list itself holds no float type and no DuckDB-only function', () => {
    assert.ok(!ALLOWED_TYPES.has('FLOAT64'));
    for (const duckOnly of ['REGEXP_MATCHES', 'LIST', 'STRFTIME']) assert.ok(!ALLOWED_FUNCTIONS.has(duckOnly));
  });
});
