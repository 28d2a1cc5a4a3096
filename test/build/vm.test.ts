import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { SERVER_FUNCTIONS } from '../../src/addon/entry';
import { FUNCTION_DECLARATIONS } from '../../src/functions/declarations';
import { exampleArgs, formulaText } from '../../src/functions/examples';
import { exampleMismatch } from '../functions/exampleCheck';
import { loadDist, type LoadedDist } from './dist';
import { createGoogleFakes, GLOBAL_NAMES } from '../fakes/google';
import { SPEC6, spec6Number } from '../fixtures/spec6';

let dist: LoadedDist;
before(async () => {
  dist = await loadDist();
});
after(() => dist.remove());

const HISTORY = [SPEC6.history.map((d) => Number(d.gmv))];

test('dist/ holds exactly what clasp pushes: the manifest, the bundle and the stubs', () => {
  assert.deepEqual(readdirSync(dist.outDir).filter((f) => !f.endsWith('.html')).sort(), ['app.js', 'appsscript.json', 'functions.js']);
});

test('the manifest: V8, Asia/Shanghai, and exactly the two narrow scopes', () => {
  const manifest = JSON.parse(dist.read('appsscript.json'));
  assert.equal(manifest.runtimeVersion, 'V8');
  assert.equal(manifest.timeZone, 'Asia/Shanghai');
  assert.deepEqual([...manifest.oauthScopes].sort(), [
    'https://www.googleapis.com/auth/script.container.ui',
    'https://www.googleapis.com/auth/spreadsheets.currentonly',
  ]);
});

test('the only globals dist/ defines are App and one function per key of SERVER and of CUSTOM_FUNCTIONS', () => {
  const defined = Object.keys(dist.context).filter((name) => name !== 'console' && name !== 'Logger');
  const expected: string[] = ['App', ...SERVER_FUNCTIONS, ...FUNCTION_DECLARATIONS.map((d) => d.name)];
  assert.deepEqual(defined.sort(), expected.sort());
  defined.filter((name) => name !== 'App').forEach((name) => assert.equal(typeof dist.context[name], 'function', name));
});

test('each custom function is a top-level declaration right after its @customfunction JSDoc', () => {
  const stubs = dist.read('functions.js');
  for (const d of FUNCTION_DECLARATIONS) {
    const documented = new RegExp(`/\\*\\*(?:(?!\\*/)[\\s\\S])*@customfunction\\s*\\*/\\n(function ${d.name}\\([^)]*\\))`);
    const match = documented.exec(stubs);
    assert.ok(match, `${d.name} has no @customfunction JSDoc right before it`);
    assert.equal(match[1], `function ${d.name}(${d.params.map((p) => p.name).join(', ')})`);
    const doc = match[0];
    d.params.forEach((p) => assert.match(doc, new RegExp(`@param \\{[^}]+\\} ${p.name} `), `${d.name} documents ${p.name}`));
    assert.ok(doc.includes(`Example: ${formulaText(d.name, d.examples[0])}\n`), `${d.name} shows its example`);
  }
});

test('the bundle is plain script: no Node, no class fields, nothing above ES2020', () => {
  const bundle = dist.read('app.js');
  assert.doesNotMatch(bundle, /\brequire\(/);
  assert.doesNotMatch(bundle, /\bprocess\./);
  assert.doesNotMatch(bundle, /class\s+[\w$]*\s*(?:extends\s+[\w$.]+\s*)?\{\s*(?:static\s+)?#?[\w$]+\s*=/);
  assert.equal(dist.inside('typeof process + typeof require + typeof Buffer + typeof module'), 'undefinedundefinedundefinedundefined');
});

test('SPEC §6 through the top-level functions, with numbers as Sheets passes them', () => {
  const gmv = Number(SPEC6.gmv);
  const adSpend = Number(SPEC6.adSpend);
  assert.equal(dist.call('TIER_REWARD', gmv, HISTORY, adSpend, 0.05), spec6Number('cash_total'));
  assert.equal(dist.call('TIER_REWARD', gmv, HISTORY, adSpend, 0.05, 'cashback'), spec6Number('cashback'));
  assert.equal(dist.call('TIER_REWARD', gmv, HISTORY, adSpend, 0.05, 'red_packet'), spec6Number('red_packet'));
  assert.equal(dist.call('TIER_REWARD', gmv, HISTORY, adSpend, 0.05, '档位'), SPEC6.line.tier);
  assert.equal(dist.call('TIER_REWARD', gmv, HISTORY, adSpend, 0.05, 'traffic'), SPEC6.line.traffic_cap);
  assert.equal(dist.call('INCREMENTAL_GMV', gmv, HISTORY), spec6Number('incremental_gmv'));
  assert.equal(dist.call('GMV_TIER', gmv, HISTORY), SPEC6.line.tier);
  assert.equal(dist.call('GMV_TO_NEXT_TIER', gmv, HISTORY), 476543.23); // 1,000,000.01 − 523,456.78
});

test("every example the docs show gives the result they declare, through the built function", () => {
  let checked = 0;
  for (const d of FUNCTION_DECLARATIONS) {
    for (const example of d.examples) {
      const mismatch = exampleMismatch(example, dist.call(d.name, ...exampleArgs(example)));
      assert.equal(mismatch, undefined, `${formulaText(d.name, example)} ${mismatch}`);
      checked += 1;
    }
  }
  assert.ok(checked >= FUNCTION_DECLARATIONS.length, `${checked} examples`);
});

test('ranges with text, blanks and full-width digits vectorise in the script too', () => {
  const gmv = [['52.345678万'], [''], ['１２０００００']];
  assert.deepEqual(dist.call('TIER_REWARD', gmv, HISTORY, [['¥12,345.67'], [''], [10000]], '5%'), [[23345.68], [''], [61000]]);
  assert.deepEqual(dist.call('GMV_TIER', gmv, HISTORY), [[2], [''], [3]]);
});

test('a bad value throws an Error with its position and value, as Sheets shows it', () => {
  assert.throws(
    () => dist.call('TIER_REWARD', [[523456.78], ['12,3x']], HISTORY, 12345.67, 0.05),
    (error: Error) => {
      assert.ok(error instanceof (dist.inside('Error') as ErrorConstructor), 'an Error of the script realm');
      assert.equal(error.message, 'TIER_REWARD: row 2 of day_gmv: "12,3x" is not a number');
      return true;
    },
  );
  const date = dist.inside('new Date(2025, 10, 11)');
  assert.throws(() => dist.call('INCREMENTAL_GMV', date, HISTORY), { message: 'INCREMENTAL_GMV: day_gmv: "2025-11-11" is not a number' });
});

test('SETTLEMENT spills the SPEC §6 line, reading Date cells made in the script realm', () => {
  const history = [
    ['商家ID', '日期', '成交金额'],
    ['M001', dist.inside('new Date(2025, 9, 1)'), 150000],
    ['M001', dist.inside('new Date(2025, 9, 2)'), 180000],
    ['M001', dist.inside('new Date(2025, 9, 3)'), 210000],
  ];
  const campaign = [
    ['商家ID', '日期', '支付GMV', '磁力金牛消耗'],
    ['M001', dist.inside('new Date(2025, 10, 11)'), 523456.78, 12345.67],
  ];
  const table = dist.call('SETTLEMENT', history, campaign, 0.05) as unknown[][];
  assert.equal(table.length, 2);
  assert.deepEqual(table[1].slice(0, 16), [
    'M001', '', '2025-11-11', 523456.78, 180000, 343456.78, 2, 12345.67, 0.5, 6172.84, 0.05, 17172.84, 23345.68, 75000, 75000, 'qualified',
  ]);
  assert.throws(() => dist.call('SETTLEMENT', history, [['商家ID'], ['M001']], 0.05), { message: /^SETTLEMENT: campaign: no column for/ });
});

// Apps Script may hand over Dates made by another global, where `instanceof Date` is false.
test('SETTLEMENT reads Date cells made by another realm', () => {
  const history = [['商家ID', '日期', '成交金额'], ['M001', new Date(2025, 9, 1), 180000]];
  const campaign = [['商家ID', '日期', '支付GMV'], ['M001', new Date(2025, 10, 11), 523456.78]];
  const table = dist.call('SETTLEMENT', history, campaign, 0.05) as unknown[][];
  assert.equal(table.length, 2);
  assert.equal(table[1][2], '2025-11-11');
});

test('every custom function runs where Sheets runs them: Google services present but read-only', () => {
  const google = createGoogleFakes();
  Object.assign(dist.context, google.globals('custom-function'));
  try {
    google.asCustomFunction(() => {
      assert.equal(dist.call('TIER_REWARD', 523456.78, HISTORY, 12345.67, 0.05), 23345.68);
      assert.equal(dist.call('GMV_TIER', 523456.78, HISTORY), 2);
      assert.equal(dist.call('INCREMENTAL_GMV', 523456.78, HISTORY), 343456.78);
      assert.equal(dist.call('GMV_TO_NEXT_TIER', 523456.78, HISTORY), 476543.23);
      const history = [['商家ID', '日期', '成交金额'], ['M001', '2025-10-01', 180000]];
      const campaign = [['商家ID', '日期', '支付GMV'], ['M001', '2025-11-11', 523456.78]];
      const table = dist.call('SETTLEMENT', history, campaign, 0.05) as unknown[][];
      assert.equal(table.length, 2);
      assert.equal(dist.call('COEFFICIENT_FOR_BUDGET', history, campaign, 17172.84), 0.05);
      assert.equal((dist.call('PAYOUT_SCENARIOS', history, campaign, 0.05, [[0]]) as unknown[][]).length, 2);
      assert.equal((dist.call('NEAR_NEXT_TIER', history, campaign, 500000) as unknown[][]).length, 2);
      assert.equal(dist.call('GMV_TIER', 523456.78, HISTORY, '', [[300000, 600000, 900000]]), 1);
    });
    assert.equal(google.calls.total, 0, 'they call no Google service at all');
  } finally {
    GLOBAL_NAMES.forEach((name) => delete dist.context[name]);
  }
});

test('the what-if functions as Sheets calls them: Date cells of the script realm, a column of budgets, an array literal of changes', () => {
  const history = [
    ['商家ID', '日期', '成交金额'],
    ['M001', dist.inside('new Date(2025, 10, 8)'), 150000],
    ['M001', dist.inside('new Date(2025, 10, 9)'), 180000],
    ['M001', dist.inside('new Date(2025, 10, 10)'), 210000],
  ];
  const campaign = [['商家ID', '日期', '支付GMV', '磁力金牛消耗'], ['M001', dist.inside('new Date(2025, 10, 11)'), 523456.78, 12345.67]];
  // 34,345,678 fen × c (SPEC §6's increment): 0.05 pays 17,172.84 exactly; one fen less → 0.0499; 0.0582 the most within 20,000.
  assert.deepEqual(dist.call('COEFFICIENT_FOR_BUDGET', history, campaign, [[17172.84], [17172.83], [20000], ['']]), [[0.05], [0.0499], [0.0582], ['']]);
  assert.deepEqual(dist.call('PAYOUT_SCENARIOS', history, campaign, 0.05, [[-0.1], [0.1]]), [
    ['Change', 'Cashback', 'Red packet', 'Cash total', 'Qualified merchants', 'Traffic granted'],
    [-0.1, 3703.7, 14555.56, 18259.26, 1, 20000],
    [0.1, 6172.84, 19790.12, 25962.96, 1, 75000],
  ]);
  const watch = dist.call('NEAR_NEXT_TIER', history, campaign, '50%', '', 0.05) as unknown[][];
  assert.deepEqual(watch[1], ['M001', '', '2025-11-11', 523456.78, 2, 3, 476543.23, 29999.99]);
  assert.throws(() => dist.call('COEFFICIENT_FOR_BUDGET', history, campaign, 'x'), (error: Error) => {
    assert.ok(error instanceof (dist.inside('Error') as ErrorConstructor), 'an Error of the script realm');
    assert.match(error.message, /^COEFFICIENT_FOR_BUDGET: budget: "x" is not a budget/);
    return true;
  });
});
