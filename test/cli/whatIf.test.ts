/**
 * `gmv-settle what-if` on SPEC §6 (plus M002: baseline 100,000.00, GMV 190,000.00, ad spend
 * 1,000.00, 10,000.01 short of tier 1), run as a user runs it. The figures are those worked by
 * hand in test/core (budget, scenarios, near next tier).
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { SPEC6_CSV } from '../fixtures/spec6';
import { folderWith, gmvSettle, hasStackTrace } from './helpers';

const files = folderWith({
  'history.csv': SPEC6_CSV.history + 'M002,2025-11-10,100000.00\n',
  'campaign.csv': SPEC6_CSV.campaign + 'M002,2025-11-11,190000.00,1000.00\n',
});
after(files.remove);
const inputs = ['what-if', '--history', files.path('history.csv'), '--campaign', files.path('campaign.csv')];
const whatIf = (...args: string[]) => gmvSettle([...inputs, ...args]);

describe('gmv-settle what-if', () => {
  it('--budget: the coefficient, its totals and the next step, as JSON keyed by the headings in snake_case', () => {
    const run = whatIf('--budget', '20000', '--format', 'json');
    assert.equal(run.status, 0, run.stderr);
    // M001 alone qualifies: 34,345,678 fen × 0.0582 = 19,989.18; × 0.0583 = 20,023.53.
    assert.deepEqual(JSON.parse(run.stdout).budget, {
      coefficient: '0.0582',
      budget: '20000.00',
      budget_field: 'red_packet',
      cashback: '6172.84',
      red_packet: '19989.18',
      cash_total: '26162.02',
      qualified_merchants: 1,
      next_step_coefficient: '0.0583',
      next_step_pays: '20023.53',
    });
    assert.match(run.stderr, /coefficient for a budget of 20,000\.00 \(red packet\): 0\.0582 pays 19,989\.18; 0\.0583 would pay 20,023\.53/);
    assert.match(run.stderr, /rows read 6 = used 6 \+ rejected 0/, 'the same input report as a settlement');
  });

  it('--budget with --decimals and --field total', () => {
    const run = whatIf('--budget', '2.3万', '--decimals', '2', '--field', 'total', '--format', 'json');
    // Cash total at 0.05: 6,172.84 + 17,172.84 = 23,345.68 > 23,000; at 0.04: 6,172.84 + 13,738.27.
    assert.equal(JSON.parse(run.stdout).budget.coefficient, '0.04');
  });

  it('--scenarios: one row per change; the coefficient from --coefficient, or the one the budget allows', () => {
    const run = whatIf('--scenarios', '-10%,0,+10%', '--coefficient', '0.05');
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(run.stdout.trim().split('\n'), [
      'change,cashback,red_packet,cash_total,qualified_merchants,traffic_granted',
      '-0.1,3703.70,14555.56,18259.26,1,20000',
      '0,6172.84,17172.84,23345.68,1,75000',
      // M002 at 209,000.00 reaches tier 1: 300.00 + 5,450.00.
      '0.1,6472.84,25240.12,31712.96,2,95000',
    ]);
    const priced = JSON.parse(whatIf('--budget', '17172.84', '--scenarios', '0', '--format', 'json').stdout);
    assert.equal(priced.run.policy.red_packet_coefficient, '0.05');
    assert.equal(priced.scenarios[0].cash_total, '23345.68');
  });

  it('--near-next-tier: the watchlist, least short first, priced when there is a coefficient', () => {
    const json = JSON.parse(whatIf('--near-next-tier', '50%', '--coefficient', '5%', '--format', 'json').stdout);
    assert.deepEqual(json.near_next_tier, [
      { merchant_id: 'M002', merchant_name: '', date: '2025-11-11', day_gmv: '190000.00', tier_now: 0, next_tier: 1, extra_gmv_needed: '10000.01', extra_reward_if_reached: '5300.00' },
      { merchant_id: 'M001', merchant_name: '', date: '2025-11-11', day_gmv: '523456.78', tier_now: 2, next_tier: 3, extra_gmv_needed: '476543.23', extra_reward_if_reached: '29999.99' },
    ]);
    const unpriced = whatIf('--near-next-tier', '20000');
    assert.deepEqual(unpriced.stdout.trim().split('\n'), [
      'merchant_id,merchant_name,date,day_gmv,tier_now,next_tier,extra_gmv_needed,extra_reward_if_reached',
      'M002,,2025-11-11,190000.00,0,1,10000.01,',
    ]);
  });

  it('--lang zh: Chinese headings and messages; JSON keys do not change', () => {
    const run = whatIf('--near-next-tier', '20000', '--lang', 'zh');
    // Standard output that is not a terminal starts with the BOM, as the settlement's CSV does (output.ts).
    assert.equal(run.stdout.split('\n')[0], '\ufeff商家ID,商家名称,日期,当日GMV,当前档位,下一档,还差GMV,达档可多得');
    assert.match(run.stderr, /读取 6 行/);
    const budget = whatIf('--budget', '20000', '--lang', 'zh');
    assert.match(budget.stderr, /预算 20,000\.00（天降红包）下的奖励系数：0\.0582，发放 19,989\.18；0\.0583 将发放 20,023\.53/);
  });

  it('says what is wrong, exit 2, never a stack trace', () => {
    const cases: [string[], RegExp][] = [
      [[], /say what to work out: --budget AMOUNT/],
      [['--budget', '1000', '--scenarios', '0'], /a CSV holds one table/],
      [['--scenarios', '10', '--coefficient', '0.05'], /--scenarios: "10" would multiply every GMV by 11 — did you mean 10%\?/],
      [['--scenarios', '0'], /--scenarios needs a red-packet coefficient/],
      [['--field', 'total'], /--decimals and --field go with --budget/],
      [['--budget', '1000', '--decimals', '12'], /--decimals: "12" is not a whole number of decimals from 0 to 10/],
      [['--budget', '100', '--field', 'total'], /--budget 100\.00: even at coefficient 0 the settlement pays 6,172\.84 in cash total/],
      [['--near-next-tier', 'soon'], /--near-next-tier: "soon" is not an amount such as 20000/],
      [['--budget', '1000', '--format', 'xlsx'], /--format must be csv or json, not "xlsx"/],
      [['--budget', '1000', '--out', 'report.xlsx'], /--format must be csv or json, not "xlsx"/],
    ];
    for (const [args, message] of cases) {
      const run = whatIf(...args);
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message, args.join(' '));
      assert.ok(!hasStackTrace(run.stderr), args.join(' '));
    }
    assert.match(whatIf('--scenarios', '0', '--lang', 'zh').stderr, /--scenarios 需要奖励系数/);
  });

  it('--help shows the subcommand, and the main help points to it', () => {
    const help = gmvSettle(['what-if', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: gmv-settle what-if/);
    assert.match(gmvSettle(['--help']).stdout, /gmv-settle what-if --history FILE/);
  });
});
