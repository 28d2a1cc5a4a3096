/** Issue 6's real-export traps through the server function the sidebar calls, on the Google fakes. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeSettlement } from '../../src/addon/server';
import { EXPORT_TRAPS } from '../fixtures/exportTraps';
import { googleForEachTest, request, sheetValues, text } from './support';

const setUp = googleForEachTest();

describe('writeSettlement on real-export traps', () => {
  for (const trap of EXPORT_TRAPS) {
    test(trap.name, () => {
      const google = setUp();
      const result = writeSettlement(request({ history: text(trap.history), campaign: text(trap.campaign) }));
      const lines = sheetValues(google, result.sheetName).values;
      const header = lines[0];
      const cash = header.indexOf('Cash total');
      const status = header.indexOf('Status');
      const cashFen = lines.slice(1).reduce((sum, line) => sum + Math.round(Number(line[cash]) * 100), 0);
      assert.equal((cashFen / 100).toFixed(2), trap.cashTotal);
      assert.equal(new Set(lines.slice(1).filter((l) => l[status] === 'blocked').map((l) => l[0])).size, trap.blockedMerchants);
      if (trap.issue) {
        const summary = sheetValues(google, result.summarySheetName as string).values;
        assert.ok(summary.some((row) => row.some((cell) => trap.issue!.test(String(cell)))), 'the issue is listed on the summary');
      }
    });
  }

  test('a coefficient of 5 is refused before anything is written, with the guess in the user language', () => {
    const google = setUp();
    assert.throws(() => writeSettlement(request({ coefficient: '5' })), /coefficient 5 would pay 500% of the incremental GMV — did you mean 5%\?/);
    assert.throws(() => writeSettlement(request({ coefficient: '5', language: 'zh' })), /^Error: 政策或系数设置有误，未写入：奖励系数 5 意味着按增量GMV的 500% 发放红包——是否应为 5%？$/);
    assert.deepEqual(google.spreadsheet._sheets.map((s) => s._name), ['Sheet1']);
  });

  test('a Chinese settlement shows the status words a Chinese reader reads', () => {
    const google = setUp();
    const result = writeSettlement(request({ language: 'zh' }));
    const lines = sheetValues(google, result.sheetName).values;
    const status = lines[0].indexOf('状态');
    assert.deepEqual(lines.slice(1).map((l) => l[status]), ['合格', '未达标', '已冻结', '无均值']);
  });
});
