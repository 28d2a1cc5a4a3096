import { test } from 'node:test';
import assert from 'node:assert/strict';
import { customFunctions } from '../../src/functions';
import { SPEC6, spec6Number } from '../fixtures/spec6';

const { TIER_REWARD } = customFunctions();

// SPEC §6 (test/fixtures/spec6.ts): history 150,000 / 180,000 / 210,000 → baseline 180,000.00; GMV 523,456.78 (tier 2).
const HISTORY = [SPEC6.history.map((d) => Number(d.gmv))];
const GMV = Number(SPEC6.gmv);
const AD_SPEND = Number(SPEC6.adSpend);

test('SPEC §6 worked example, field by field', () => {
  assert.equal(TIER_REWARD(GMV, HISTORY, AD_SPEND, 0.05), spec6Number('cash_total'));
  assert.equal(TIER_REWARD(GMV, HISTORY, AD_SPEND, 0.05, 'total'), spec6Number('cash_total'));
  assert.equal(TIER_REWARD(GMV, HISTORY, AD_SPEND, 0.05, 'cashback'), spec6Number('cashback'));
  assert.equal(TIER_REWARD(GMV, HISTORY, AD_SPEND, 0.05, 'red_packet'), spec6Number('red_packet'));
  assert.equal(TIER_REWARD(GMV, HISTORY, AD_SPEND, 0.05, 'tier'), SPEC6.line.tier);
  assert.equal(TIER_REWARD(GMV, HISTORY, AD_SPEND, 0.05, 'traffic'), SPEC6.line.traffic_cap);
});

test('field names in Chinese, any case, with spaces', () => {
  assert.equal(TIER_REWARD(GMV, HISTORY, AD_SPEND, 0.05, '合计'), 23345.68);
  assert.equal(TIER_REWARD(GMV, HISTORY, AD_SPEND, 0.05, '返还'), 6172.84);
  assert.equal(TIER_REWARD(GMV, HISTORY, AD_SPEND, 0.05, ' 红包 '), 17172.84);
  assert.equal(TIER_REWARD(GMV, HISTORY, AD_SPEND, 0.05, '档位'), 2);
  assert.equal(TIER_REWARD(GMV, HISTORY, AD_SPEND, 0.05, '流量'), 75000);
  assert.equal(TIER_REWARD(GMV, HISTORY, AD_SPEND, 0.05, 'Red Packet'), 17172.84);
  assert.equal(TIER_REWARD(GMV, HISTORY, AD_SPEND, 0.05, 'CASHBACK'), 6172.84);
  assert.equal(TIER_REWARD(GMV, HISTORY, AD_SPEND, 0.05, ''), 23345.68); // a blank field is the default
  assert.throws(() => TIER_REWARD(GMV, HISTORY, AD_SPEND, 0.05, 'bonus'), {
    message: 'TIER_REWARD: field "bonus" is not one of "total" (合计), "cashback" (返还), "red_packet" (红包), "tier" (档位), "traffic" (流量)',
  });
});

test('values typed as text are read like pasted numbers: 万, ¥, commas, %, full-width digits', () => {
  assert.equal(TIER_REWARD('52.345678万', '18万', '¥12,345.67', '5%'), 23345.68);
  assert.equal(TIER_REWARD('５２３４５６.７８', HISTORY, ' 12345.67 ', '0.05'), 23345.68);
});

test('vectorises over a column; ad spend and coefficient as one cell or a range of the same shape', () => {
  // Row 2: 1,200,000 over 180,000 → tier 3: cashback 10,000 × 100%, red packet 1,020,000 × 0.05 = 51,000.
  // Row 3: 150,000 is not above 180,000 → nothing.
  const gmv = [[GMV], [1200000], [150000]];
  const history = [[150000, 180000, 210000], [180000, 180000, ''], [180000, '', '']];
  assert.deepEqual(TIER_REWARD(gmv, history, [[AD_SPEND], [10000], [5000]], 0.05), [[23345.68], [61000], [0]]);
  assert.deepEqual(TIER_REWARD(gmv, history, [[AD_SPEND], [10000], [5000]], [[0.05], [0.05], [0.05]], 'traffic'), [[75000], [200000], [0]]);
  assert.throws(() => TIER_REWARD(gmv, history, [[1], [2]], 0.05), {
    message: 'TIER_REWARD: ad_spend is a 2×1 range but day_gmv is 3×1: give one cell, or a range the same shape as day_gmv',
  });
});

test('blank ad spend is 0; blank GMV or blank history gives a blank cell', () => {
  // Cashback 0; red packet 17,172.84 stays.
  assert.equal(TIER_REWARD(GMV, HISTORY, '', 0.05), 17172.84);
  assert.deepEqual(TIER_REWARD([[GMV], ['']], HISTORY, AD_SPEND, 0.05), [[23345.68], ['']]);
  assert.deepEqual(TIER_REWARD([[GMV], [GMV]], [[180000], ['']], AD_SPEND, 0.05), [[23345.68], ['']]);
});

test('the coefficient is never guessed: a paying tier without one is an error', () => {
  assert.throws(() => TIER_REWARD(GMV, HISTORY, AD_SPEND, ''), {
    message: 'TIER_REWARD: coefficient is required (奖励系数): day_gmv reaches tier 2; give one such as 0.05 (it is never guessed)',
  });
  assert.throws(() => TIER_REWARD([[100], [GMV]], HISTORY, AD_SPEND, [[''], ['']]), {
    message: 'TIER_REWARD: coefficient is required (奖励系数): row 2 of day_gmv reaches tier 2; give one such as 0.05 (it is never guessed)',
  });
  // A day below every tier pays nothing, so it needs no coefficient; nor do fields without the red packet.
  assert.equal(TIER_REWARD(150000, HISTORY, AD_SPEND, ''), 0);
  assert.equal(TIER_REWARD(GMV, HISTORY, AD_SPEND, '', 'cashback'), 6172.84);
  assert.equal(TIER_REWARD(GMV, HISTORY, AD_SPEND, '', 'tier'), 2);
});

test("a policy range with a header row and 30%; a tier's own coefficient beats the argument", () => {
  const policy = [
    ['门槛', '返还比例', '流量上限/天', '奖励系数'],
    [100000, '30%', 10000, ''],
    ['30万', '50%', 50000, 0.1],
  ];
  // 250,000 over 180,000 → tier 1: cashback 1,000 × 30% = 300; red packet 70,000 × 0.05 = 3,500.
  assert.equal(TIER_REWARD(250000, HISTORY, 1000, 0.05, 'total', policy), 3800);
  assert.equal(TIER_REWARD(250000, HISTORY, 1000, 0.05, 'traffic', policy), 10000);
  // 523,456.78 → tier 2 of this policy: red packet 343,456.78 × 0.1 = 34,345.678 → 34,345.68.
  assert.equal(TIER_REWARD(GMV, HISTORY, AD_SPEND, 0.05, 'red_packet', policy), 34345.68);
  assert.equal(TIER_REWARD(GMV, HISTORY, AD_SPEND, '', 'total', policy), 40518.52); // 6,172.84 + 34,345.68
});

test('negative ad spend is an error; negative GMV (net of refunds) simply does not qualify', () => {
  assert.throws(() => TIER_REWARD(GMV, HISTORY, -5, 0.05), {
    message: 'TIER_REWARD: ad_spend: "-5" is negative: expected 0 or more',
  });
  assert.throws(() => TIER_REWARD([[GMV], [GMV]], HISTORY, [[1], ['(3.00)']], 0.05), {
    message: 'TIER_REWARD: row 2 of ad_spend: "(3.00)" is negative: expected 0 or more',
  });
  assert.equal(TIER_REWARD(-100, HISTORY, AD_SPEND, 0.05), 0);
});

test('a value that is not a number names the argument, its row and the value', () => {
  const gmv = [[1], [2], [3], [4], ['12,3x']];
  assert.throws(() => TIER_REWARD(gmv, HISTORY, 0, 0.05), { message: 'TIER_REWARD: row 5 of day_gmv: "12,3x" is not a number' });
  assert.throws(() => TIER_REWARD(GMV, HISTORY, 0, 'abc'), { message: 'TIER_REWARD: coefficient: "abc" is not a number' });
  assert.throws(() => TIER_REWARD(GMV, HISTORY, 0, '¥5'), (e: Error) =>
    e.message.startsWith('TIER_REWARD: coefficient: "¥5" is not a rate: expected'),
  );
});

test('the argument count is checked against the declaration', () => {
  assert.throws(() => TIER_REWARD(GMV, HISTORY, AD_SPEND), {
    message: 'TIER_REWARD: expects 4 to 7 arguments, TIER_REWARD(day_gmv, history, ad_spend, coefficient, [field], [policy], [targets]); got 3',
  });
  assert.throws(() => TIER_REWARD(GMV, HISTORY, AD_SPEND, 0.05, 'total', '', '', 'extra'), { message: /expects 4 to 7 arguments.*got 8$/ });
});
