/** SPEC §2 "plausible rates": a coefficient in [0, 1), a cashback rate at most 100% — refused with the guess, never capped. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Dec } from '../../src/core/money';
import { double11Policy } from '../../src/core/policy';
import { policyFromCells, policyFromJson, policyToJson } from '../../src/input/policyReader';
import { policyMessages } from '../../src/input/policyText';
import { readPlausibleRate } from '../../src/input/rates';

const error = (raw: unknown, use: 'coefficient' | 'cashback') => {
  const read = readPlausibleRate(raw as never, use);
  assert.equal(read.kind, 'error', String(raw));
  return (read as { text: { en: string; zh: string } }).text;
};

test('a coefficient of 5, 1.5 or 500% is refused, saying what it would pay and what was probably meant', () => {
  assert.deepEqual(error('5', 'coefficient'), {
    en: 'coefficient 5 would pay 500% of the incremental GMV — did you mean 5%?',
    zh: '奖励系数 5 意味着按增量GMV的 500% 发放红包——是否应为 5%？',
  });
  assert.equal(error(1.5, 'coefficient').en, 'coefficient 1.5 would pay 150% of the incremental GMV — did you mean 1.5%?');
  assert.equal(error('500%', 'coefficient').en, 'coefficient 500% would pay 500% of the incremental GMV — a red-packet coefficient is at least 0 and below 1 (100%)');
  assert.equal(error('1', 'coefficient').en, 'coefficient 1 would pay 100% of the incremental GMV — did you mean 1%?');
  assert.equal(error('100', 'coefficient').en, 'coefficient 100 would pay 10000% of the incremental GMV — a red-packet coefficient is at least 0 and below 1 (100%)');
  assert.match(error('-0.05', 'coefficient').en, /must be a rate of 0 or more/);
  for (const ok of ['0', '0.05', '5%', '0.9999', '99.99%']) assert.equal(readPlausibleRate(ok, 'coefficient').kind, 'rate', ok);
});

test('a cashback rate above 100% is refused the same way; 100% itself is the top tier of SPEC §1', () => {
  assert.equal(error('50', 'cashback').en, 'cashback rate 50 would pay 5000% of the ad spend — did you mean 50%?');
  assert.equal(error('150%', 'cashback').en, 'cashback rate 150% would pay 150% of the ad spend — a cashback rate is at most 100%');
  assert.equal(error('50', 'cashback').zh, '磁力金牛返还比例 50 意味着返还磁力金牛消耗的 5000%——是否应为 50%？');
  for (const ok of ['1', '100%', '0.3', '30%']) assert.equal(readPlausibleRate(ok, 'cashback').kind, 'rate', ok);
});

test('every policy source refuses them: the policy file (programme and tier), and a Policy range', () => {
  const file = policyFromJson({ red_packet_coefficient: '5', tiers: [{ min_gmv: '200000', cashback_rate: '150%', traffic_cap_per_day: 20000, red_packet_coefficient: 8 }] });
  assert.equal(file.ok, false);
  assert.deepEqual(
    (file as { problems: { code: string; en: string }[] }).problems.map((p) => p.code + ': ' + p.en),
    [
      'bad_cashback_rate: tier 1 cashback rate 150% would pay 150% of the ad spend — a cashback rate is at most 100%',
      'bad_coefficient: tier 1 coefficient 8 would pay 800% of the incremental GMV — did you mean 8%?',
      'bad_coefficient: coefficient 5 would pay 500% of the incremental GMV — did you mean 5%?',
    ],
  );
  const range = policyFromCells([['门槛', '比例', '流量', '系数'], [200000, 0.3, 20000, 5]]);
  assert.equal(range.ok, false);
  assert.match((range as { problems: { en: string }[] }).problems[0].en, /tier 1 coefficient 5 would pay 500%/);
  // A policy built in code is checked by the rules too.
  const built = { ...double11Policy(), redPacketCoefficient: new Dec(2) };
  assert.deepEqual(policyMessages(built).map((p) => p.code), ['coefficient_out_of_range']);
});

test('policy problems in Chinese name the option by its label, not its JSON key, in the order the README lists the keys', () => {
  const read = policyFromJson({ traffic_max_days: 'five', incremental_basis: 'maybe', invited_only: 'yes' });
  assert.equal(read.ok, false);
  assert.deepEqual((read as { problems: { zh: string }[] }).problems.map((p) => p.zh), [
    '「增量GMV的计算基准」须为 "actual", "tier_threshold" 之一，而不是 "maybe"',
    '「每个商家流量扶持天数」须为0到366之间的整数天数，而不是 "five"',
    '「仅限目标名单中的商家」须为 true 或 false，而不是 "yes"',
  ]);
});

test('rates never print in exponent form', () => {
  const read = policyFromJson({ red_packet_coefficient: '0.0000001', tiers: [{ min_gmv: '1', cashback_rate: '0.00000005', traffic_cap_per_day: 1 }] });
  assert.ok(read.ok);
  const json = policyToJson(read.policy);
  assert.equal(json.red_packet_coefficient, '0.0000001');
  assert.equal(json.tiers[0].cashback_rate, '0.00000005');
  assert.equal(new Dec('1e-12').toString(), '0.000000000001');
});
