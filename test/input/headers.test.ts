import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HEADER_SYNONYMS, matchHeader, normalizeHeader, type Field } from '../../src/input/headers';

describe('normalizeHeader', () => {
  test('ignores case, spaces, underscores, dashes, brackets and full-width forms', () => {
    assert.equal(normalizeHeader('Merchant ID'), 'merchantid');
    assert.equal(normalizeHeader('merchant_id'), 'merchantid');
    assert.equal(normalizeHeader(' Ad-Spend '), 'adspend');
    assert.equal(normalizeHeader('商家ＩＤ'), '商家id');
    assert.equal(normalizeHeader('支付　GMV'), '支付gmv');
    assert.equal(normalizeHeader('GMV（元）'), 'gmv元');
    assert.equal(normalizeHeader('Tier(1)'), 'tier1');
  });
});

describe('matchHeader', () => {
  test('every header SPEC §3 names is recognised', () => {
    const cases: [string, Field][] = [
      ['商家ID', 'merchant_id'],
      ['商家编号', 'merchant_id'],
      ['店铺ID', 'merchant_id'],
      ['merchant_id', 'merchant_id'],
      ['商家名称', 'merchant_name'],
      ['店铺名称', 'merchant_name'],
      ['name', 'merchant_name'],
      ['日期', 'date'],
      ['统计日期', 'date'],
      ['date', 'date'],
      ['成交金额', 'gmv'],
      ['支付GMV', 'gmv'],
      ['GMV', 'gmv'],
      ['磁力金牛消耗', 'ad_spend'],
      ['金牛消耗', 'ad_spend'],
      ['ad_spend', 'ad_spend'],
      ['过往日均', 'baseline'],
      ['avg_gmv', 'baseline'],
    ];
    for (const [label, field] of cases) assert.equal(matchHeader(label), field, label);
  });

  test('case, spacing and width do not matter', () => {
    const cases: [string, Field][] = [
      ['Merchant ID', 'merchant_id'],
      ['MERCHANT_ID', 'merchant_id'],
      ['商家ｉｄ', 'merchant_id'],
      [' Shop ID ', 'merchant_id'],
      ['Ad Spend', 'ad_spend'],
      ['gmv', 'gmv'],
      ['支付 GMV', 'gmv'],
      ['Day-GMV', 'gmv'],
      ['AVG-GMV', 'baseline'],
      ['Stat Date', 'date'],
      ['Tier 1', 'tier1'],
      ['TIER_2', 'tier2'],
      ['Target 3', 'tier3'],
      ['第二档', 'tier2'],
      ['目标三', 'tier3'],
      ['档位1', 'tier1'],
    ];
    for (const [label, field] of cases) assert.equal(matchHeader(label), field, label);
  });

  test('a unit note in brackets at the end is ignored', () => {
    assert.equal(matchHeader('成交金额(元)'), 'gmv');
    assert.equal(matchHeader('GMV（元）'), 'gmv');
    assert.equal(matchHeader('磁力金牛消耗 (CNY)'), 'ad_spend');
  });

  test('unknown headers match nothing', () => {
    for (const label of ['备注', 'gmv2', 'remark', '', '(元)']) assert.equal(matchHeader(label), undefined, label);
  });

  test('every synonym matches its own field and no other', () => {
    const owner = new Map<string, Field>();
    for (const field of Object.keys(HEADER_SYNONYMS) as Field[]) {
      for (const label of HEADER_SYNONYMS[field]) {
        assert.equal(matchHeader(label), field, label);
        const key = normalizeHeader(label);
        assert.ok(!owner.has(key) || owner.get(key) === field, `${label} is claimed by ${owner.get(key)} and ${field}`);
        owner.set(key, field);
      }
    }
  });
});
