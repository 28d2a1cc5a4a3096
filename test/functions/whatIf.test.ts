/**
 * The what-if functions on ranges as Sheets passes them, SPEC §6's M001 and the hand-worked cases
 * of test/core (budget, scenarios, near next tier): each figure's arithmetic is beside it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { customFunctions } from '../../src/functions';

const { COEFFICIENT_FOR_BUDGET, PAYOUT_SCENARIOS, NEAR_NEXT_TIER } = customFunctions();

const HISTORY = [
  ['商家ID', '日期', '成交金额'],
  ['M001', '2025-11-08', 150000],
  ['M001', '2025-11-09', 180000],
  ['M001', '2025-11-10', 210000],
  ['M002', '2025-11-10', 100000],
];
const CAMPAIGN = [
  ['商家ID', '商家名称', '日期', '支付GMV', '磁力金牛消耗'],
  ['M001', '星河小店', '2025-11-11', 523456.78, 12345.67],
  // Baseline 100,000.00, GMV 190,000.00: 10,000.01 short of tier 1.
  ['M002', '晨光百货', '2025-11-11', 190000, 1000],
];

test('COEFFICIENT_FOR_BUDGET: a column of budgets gives a column of coefficients; blanks stay blank', () => {
  // M002 is not qualified, so M001 alone pays: 34,345,678 fen × c (test/core/budget.test.ts).
  assert.deepEqual(COEFFICIENT_FOR_BUDGET(HISTORY, CAMPAIGN, [[17172.84], [17172.83], [''], ['2万'], [0.01]]), [[0.05], [0.0499], [''], [0.0582], [0]]);
  assert.equal(COEFFICIENT_FOR_BUDGET(HISTORY, CAMPAIGN, 20000, 2), 0.05);
  assert.equal(COEFFICIENT_FOR_BUDGET(HISTORY, CAMPAIGN, 23345.68, '', '合计'), 0.05);
});

test('COEFFICIENT_FOR_BUDGET: errors name the function, the argument and the cell, and say why no coefficient fits', () => {
  assert.throws(() => COEFFICIENT_FOR_BUDGET(HISTORY, CAMPAIGN, [[1000], ['12x']]), {
    message: 'COEFFICIENT_FOR_BUDGET: row 2 of budget: "12x" is not a budget such as 500000 or 50万 / 「12x」不是预算金额，如 500000 或 50万',
  });
  assert.throws(() => COEFFICIENT_FOR_BUDGET(HISTORY, CAMPAIGN, 1000, 11), /^Error: COEFFICIENT_FOR_BUDGET: decimals: "11" is not a whole number of decimals from 0 to 10/);
  assert.throws(() => COEFFICIENT_FOR_BUDGET(HISTORY, CAMPAIGN, 1000, 4, 'cashback'), /^Error: COEFFICIENT_FOR_BUDGET: field: "cashback" is not "red_packet" \(红包\) or "total" \(合计\)/);
  // The cashback alone (6,172.84) is above a cash-total budget of 100.
  assert.throws(() => COEFFICIENT_FOR_BUDGET(HISTORY, CAMPAIGN, 100, 4, 'total'), {
    message:
      'COEFFICIENT_FOR_BUDGET: budget: even at coefficient 0 the settlement pays 6,172.84 in cash total (the cashback, and any tier with its own coefficient), above the budget of 100.00: no coefficient fits / ' +
      '即使奖励系数为 0，结算的现金合计（磁力金牛返还及自带系数档位的红包）也有 6,172.84，超过预算 100.00：没有可用的系数',
  });
  const nobody = [CAMPAIGN[0], ['M001', '', '2025-11-11', 150000, 0]];
  assert.throws(() => COEFFICIENT_FOR_BUDGET(HISTORY, nobody, 1000), /no line could ever pay a red packet: no merchant-day reaches a tier/);
});

test('PAYOUT_SCENARIOS: one row per change after the header, −10% moving M001 down to tier 1', () => {
  assert.deepEqual(PAYOUT_SCENARIOS(HISTORY, CAMPAIGN, 0.05, [['-10%'], [0], ['+10%']]), [
    ['Change', 'Cashback', 'Red packet', 'Cash total', 'Qualified merchants', 'Traffic granted'],
    // 471,111.10: tier 1; 3,703.70 + 14,555.56. M002's 171,000.00 does not qualify.
    [-0.1, 3703.7, 14555.56, 18259.26, 1, 20000],
    [0, 6172.84, 17172.84, 23345.68, 1, 75000],
    // 575,802.46: tier 2 (6,172.84 + 19,790.12); M002 at 209,000.00 reaches tier 1:
    // cashback 1,000 × 30% = 300.00, red packet 109,000.00 × 0.05 = 5,450.00.
    [0.1, 6472.84, 25240.12, 31712.96, 2, 95000],
  ]);
});

test('PAYOUT_SCENARIOS: a bare 10 is refused with the percentage it probably meant; no changes or no coefficient is an error', () => {
  assert.throws(() => PAYOUT_SCENARIOS(HISTORY, CAMPAIGN, 0.05, [[-0.1], [10]]), {
    message: 'PAYOUT_SCENARIOS: row 2 of changes: "10" would multiply every GMV by 11 — did you mean 10%? / 「10」意味着所有GMV乘以 11——是否应为 10%？',
  });
  assert.throws(() => PAYOUT_SCENARIOS(HISTORY, CAMPAIGN, 0.05, [['-120%']]), /is below -100%/);
  assert.throws(() => PAYOUT_SCENARIOS(HISTORY, CAMPAIGN, 0.05, [['']]), /changes: give at least one change/);
  assert.throws(() => PAYOUT_SCENARIOS(HISTORY, CAMPAIGN, '', [[0]]), /no red-packet coefficient/);
});

test('NEAR_NEXT_TIER: the watchlist, least short first, with the extra reward priced when a coefficient is given', () => {
  const header = ['Merchant ID', 'Merchant name', 'Date', 'Day GMV', 'Tier now', 'Next tier', 'Extra GMV needed', 'Extra reward if reached'];
  assert.deepEqual(NEAR_NEXT_TIER(HISTORY, CAMPAIGN, 500000, '', 0.05), [
    header,
    // 200,000.01: 300.00 + 100,000.01 × 0.05 = 5,000.0005 → 5,000.00.
    ['M002', '晨光百货', '2025-11-11', 190000, 0, 1, 10000.01, 5300],
    ['M001', '星河小店', '2025-11-11', 523456.78, 2, 3, 476543.23, 29999.99],
  ]);
  // 50% of 200,000 and of 1,000,000; a number below 1 is a share too (a cell formatted 50%).
  assert.deepEqual(NEAR_NEXT_TIER(HISTORY, CAMPAIGN, '5%'), [header]);
  assert.deepEqual((NEAR_NEXT_TIER(HISTORY, CAMPAIGN, 0.06) as unknown[][]).slice(1), [['M002', '晨光百货', '2025-11-11', 190000, 0, 1, 10000.01, '']]);
  assert.throws(() => NEAR_NEXT_TIER(HISTORY, CAMPAIGN, ''), /^Error: NEAR_NEXT_TIER: within is required/);
  assert.throws(() => NEAR_NEXT_TIER(HISTORY, CAMPAIGN, -5), /^Error: NEAR_NEXT_TIER: within: "-5" must be more than 0/);
});

test('NEAR_NEXT_TIER takes the policy range in its place and the coefficient after it', () => {
  const policy = [
    ['threshold', 'cashback', 'traffic'],
    [150000, '30%', 20000],
    [500000, '50%', 75000],
    [1000000, '100%', 200000],
  ];
  // Tier 1 at 150,000: M002's 190,000.00 is in it; tier 2 needs 500,000.01, 310,000.01 more.
  assert.deepEqual((NEAR_NEXT_TIER(HISTORY, CAMPAIGN, 400000, policy) as unknown[][]).slice(1).map((row) => [row[0], row[4], row[5], row[6]]), [['M002', 1, 2, 310000.01]]);
});
