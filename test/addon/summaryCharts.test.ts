/**
 * The settlement summary's embedded charts: merchants by best tier and cash total by tier, drawn
 * from a "By tier" table on the summary. support.ts's request: M001 is SPEC §6 (tier 2, cash
 * 23,345.68); M002 is above its baseline but below tier 1; M003 is blocked; M004 has no history.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeSettlement } from '../../src/addon/server';
import { googleForEachTest, request, sheetValues } from './support';

const setUp = googleForEachTest();

describe('writeSettlement: charts on the summary', () => {
  test('two column charts over the by-tier table: merchants by best tier, and cash by tier', () => {
    const google = setUp();
    const result = writeSettlement(request());
    const summary = google.spreadsheet._sheetNamed(result.summarySheetName!)!;
    const values = sheetValues(google, result.summarySheetName!).values;
    const title = values.findIndex((row) => row[0] === 'By tier');
    assert.ok(title > 0, 'the summary has a By tier table');
    assert.deepEqual(values.slice(title + 1, title + 6).map((row) => row.slice(0, 4)), [
      ['Tier', 'Merchants (best tier)', 'Lines', 'Cash total'],
      ['Tier 3', 0, 0, 0],
      ['Tier 2', 1, 1, 23345.68],
      ['Tier 1', 0, 0, 0],
      // M002, M003 (blocked) and M004 (no baseline) reach none: they are paid nothing.
      ['No tier', 3, 3, 0],
    ]);
    const header = title + 2; // 1-based row of the table's header
    const charts = summary.getCharts().map((chart) => chart._describe());
    const sheetName = result.summarySheetName!;
    assert.deepEqual(
      charts.map((c) => [c.type, c.title, c.ranges, c.numHeaders]),
      [
        ['COLUMN', 'Merchants by best tier', [`${sheetName}!A${header}:A${header + 4}`, `${sheetName}!B${header}:B${header + 4}`], 1],
        // "No tier" pays nothing: the cash chart leaves its row out.
        ['COLUMN', 'Cash total by tier', [`${sheetName}!A${header}:A${header + 3}`, `${sheetName}!D${header}:D${header + 3}`], 1],
      ],
    );
  });

  test('the charts sit side by side over cells the summary leaves empty, and in Chinese for a Chinese user', () => {
    const google = setUp({ locale: 'zh_CN' });
    const result = writeSettlement(request({ language: 'zh' }));
    const summary = google.spreadsheet._sheetNamed(result.summarySheetName!)!;
    const charts = summary.getCharts().map((chart) => chart._describe());
    assert.deepEqual(charts.map((c) => c.title), ['各最高档位的商家数', '各档位的现金合计']);
    const [left, right] = charts.map((c) => c.position);
    assert.equal(left.row, right.row);
    assert.ok(right.offsetX >= Number(charts[0].options.width), 'the second chart starts where the first ends');
    // 200 px are about 10 rows of 21 px; the charts cover columns F onwards, which the head leaves empty.
    const values = sheetValues(google, result.summarySheetName!).values;
    for (let r = left.row - 1; r < left.row + 10; r++)
      assert.deepEqual(values[r].slice(left.column - 1).filter((cell) => cell !== ''), [], `row ${r + 1} under the charts is empty`);
  });
});
