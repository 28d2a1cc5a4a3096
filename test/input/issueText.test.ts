/** Issues reach Chinese-speaking users in Chinese, with the same facts as the English. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Dec } from '../../src/core/money';
import { double11Policy } from '../../src/core/policy';
import { describeReason } from '../../src/output/reasonText';
import * as date from '../../src/input/date';
import * as merchantId from '../../src/input/merchantId';
import * as number from '../../src/input/number';
import { ISSUE_TEXT, COLUMN_LABELS } from '../../src/input/issueText';
import { tableFromText } from '../../src/input/table';
import { runSettlement } from '../../src/run/runSettlement';

test('every "expected" phrase a reader can return has a Chinese translation', () => {
  const phrases = [date, merchantId, number].flatMap((module) =>
    Object.entries(module).filter(([name]) => name.startsWith('EXPECT_')).map(([, phrase]) => phrase as string),
  );
  assert.ok(phrases.length >= 10);
  for (const phrase of phrases) {
    const zh = ISSUE_TEXT.badValue(COLUMN_LABELS.gmv, 'x', phrase).zh;
    assert.ok(!zh.includes(phrase), `no translation for "${phrase}"`);
  }
});

test('a bad history row is reported in both languages and blocks with a Chinese reason', () => {
  const run = runSettlement(
    {
      history: tableFromText('history', '商家ID,日期,成交金额\nM1,2025-11-01,"12,3x"\n'),
      campaign: tableFromText('campaign', '商家ID,日期,成交金额\nM1,2025-11-11,300000\n'),
    },
    { ...double11Policy(), redPacketCoefficient: new Dec('0.05') },
  );
  const issue = run.read.issues[0];
  assert.equal(issue.message, 'GMV "12,3x" is not valid: expected a number such as 1,234.50 or 12.3万');
  assert.equal(issue.messageZh, '成交金额「12,3x」无法识别：应为数字，如 1,234.50 或 12.3万');
  assert.equal(describeReason(run.settlement.lines[0].reason, 'zh'), '已冻结：历史数据第2行：成交金额「12,3x」无法识别：应为数字，如 1,234.50 或 12.3万');
});
