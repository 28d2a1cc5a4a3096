/** The holds table (SPEC §7): merchant id and reason, read like every input, with row problems reported. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readInputs } from '../../src/input/readInputs';
import { tableFromCells, tableFromText } from '../../src/input/table';
import { SPEC6_CSV } from '../fixtures/spec6';

const read = (holds: string) =>
  readInputs({ history: tableFromText('history', SPEC6_CSV.history), campaign: tableFromText('campaign', SPEC6_CSV.campaign), holds: tableFromText('holds', holds) });

describe('holds table', () => {
  test('Chinese or English headings: merchant id and reason', () => {
    assert.deepEqual(Array.from(read('商家ID,暂缓原因\nM001,申诉 12\n').holds!), [['M001', '申诉 12']]);
    assert.deepEqual(Array.from(read('merchant_id,name,reason\nM001,Shop,appeal 12\n').holds!), [['M001', 'appeal 12']]);
  });

  test('without headings: the first column is the id, the text beside it the reason', () => {
    const inputs = readInputs({
      history: tableFromText('history', SPEC6_CSV.history),
      campaign: tableFromText('campaign', SPEC6_CSV.campaign),
      holds: tableFromCells('holds', [['M001', 'appeal 12']]),
    });
    assert.deepEqual(Array.from(inputs.holds!), [['M001', 'appeal 12']]);
  });

  test('rows read = used + rejected; a second row for a merchant is reported with its row, the merchant still held', () => {
    const inputs = read('merchant_id,reason\nM001,appeal 12\nM002,\nM001,again\n');
    assert.deepEqual(inputs.counts.find((c) => c.source === 'holds'), { source: 'holds', read: 3, used: 2, rejected: 1 });
    assert.deepEqual(Array.from(inputs.holds!), [['M001', 'appeal 12'], ['M002', '']]);
    const issues = inputs.issues.filter((i) => i.source === 'holds').map((i) => [i.row, i.merchantId, i.blocksMerchant, i.message]);
    assert.deepEqual(issues.map((i) => i.slice(0, 3)), [
      [3, 'M002', false],
      [4, 'M001', false],
    ]);
    assert.match(String(issues[0][3]), /no reason given for the hold: the merchant is held/);
    assert.match(String(issues[1][3]), /M001.*row 2/);
  });

  test('an id converted to a number blocks every merchant it could be; a blank id is rejected', () => {
    const inputs = readInputs({
      history: tableFromText('history', SPEC6_CSV.history + 'M0012345678,2025-11-08,1\n'),
      campaign: tableFromText('campaign', 'merchant_id,date,gmv\n12345678901,2025-11-11,300000\n'),
      holds: tableFromText('holds', 'merchant_id,reason\n1.23457E+10,appeal\n,no id\n'),
    });
    assert.deepEqual(inputs.counts.find((c) => c.source === 'holds'), { source: 'holds', read: 2, used: 0, rejected: 2 });
    assert.ok(inputs.input.blocked.has('12345678901'), 'the merchant the converted id could be is blocked, not paid on a guess');
    assert.equal(inputs.holds!.size, 0);
  });

  test('the mapping names the holds table in words', () => {
    const inputs = read('商家ID,暂缓原因\nM001,申诉\n');
    assert.equal(inputs.mappings[inputs.mappings.length - 1].source, 'holds');
  });
});
