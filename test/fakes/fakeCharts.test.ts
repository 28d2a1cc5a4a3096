/**
 * The fake embedded charts hold the add-on to what Google documents for Sheet.newChart(),
 * EmbeddedChartBuilder and Sheet.insertChart(): a builder changes nothing until its chart is built
 * and inserted, a chart needs data, its anchor is a cell of the sheet, and a custom function
 * cannot insert one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createGoogleFakes } from './google';

test('newChart → addRange → setPosition → build → insertChart puts one chart on the sheet, with an id once inserted', () => {
  const google = createGoogleFakes();
  const sheet = google.spreadsheet._active;
  google.calls.reset();
  const chart = sheet.newChart().asColumnChart().addRange(sheet.getRange('A1:B4')).setNumHeaders(1).setPosition(3, 6, 0, 10).setOption('title', 'T').build();
  assert.equal(sheet.getCharts().length, 0, 'built is not inserted');
  assert.equal(chart.getChartId(), null);
  sheet.insertChart(chart);
  const [inserted] = sheet.getCharts();
  assert.deepEqual(inserted._describe(), { type: 'COLUMN', title: 'T', options: { title: 'T' }, ranges: ['Sheet1!A1:B4'], numHeaders: 1, position: { row: 3, column: 6, offsetX: 0, offsetY: 10 } });
  assert.equal(typeof inserted.getChartId(), 'number');
  assert.deepEqual([inserted.getContainerInfo().getAnchorRow(), inserted.getContainerInfo().getAnchorColumn()], [3, 6]);
  // Every call is counted, so a write's call count covers its charts.
  const counted = ['Sheet.newChart', 'EmbeddedChartBuilder.asColumnChart', 'EmbeddedChartBuilder.addRange', 'EmbeddedChartBuilder.build', 'Sheet.insertChart'].map((m) => google.calls.byMethod[m]);
  assert.deepEqual(counted, [1, 1, 1, 1, 1]);
});

test('a chart with no data, an anchor outside the grid or not a whole cell is refused', () => {
  const sheet = createGoogleFakes().spreadsheet._active; // 1000 × 26
  assert.throws(() => sheet.newChart().build(), /no data/);
  assert.throws(() => sheet.newChart().setPosition(1.5, 1, 0, 0), /whole numbers/);
  assert.throws(() => sheet.newChart().setPosition(0, 1, 0, 0), /start at 1/);
  const outside = sheet.newChart().addRange(sheet.getRange('A1:B2')).setPosition(1, 27, 0, 0).build();
  assert.throws(() => sheet.insertChart(outside), /outside the dimensions of the sheet/);
  assert.equal(sheet.getCharts().length, 0);
});

test('a custom function cannot insert a chart, as it cannot change anything', () => {
  const google = createGoogleFakes();
  const sheet = google.spreadsheet._active;
  const chart = sheet.newChart().addRange(sheet.getRange('A1:B2')).build();
  assert.throws(() => google.asCustomFunction(() => sheet.insertChart(chart)), /permission|custom function/i);
  assert.equal(sheet.getCharts().length, 0);
});
