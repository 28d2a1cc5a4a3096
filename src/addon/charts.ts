/**
 * The summary's embedded charts (output/summaryCharts.ts declares them): each one a column chart
 * built with sheet.newChart() over ranges of the summary's by-tier table, as Google's
 * EmbeddedChartBuilder reference shows, in a fixed number of calls whatever the settlement's size.
 * asColumnChart() rather than setChartType(Charts.ChartType.COLUMN): no second service to load.
 */
import type { SummaryChart } from '../output/summaryCharts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function insertCharts(sheet: Sheet, charts: SummaryChart[]): void {
  charts.forEach((chart) => {
    let builder: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder = sheet.newChart().asColumnChart();
    chart.ranges.forEach((r) => (builder = builder.addRange(sheet.getRange(r.row, r.column, r.rows, r.columns))));
    const { row, column, offsetX, offsetY } = chart.anchor;
    const built = builder
      .setNumHeaders(1)
      .setPosition(row, column, offsetX, offsetY)
      .setOption('title', chart.title)
      .setOption('width', chart.width)
      .setOption('height', chart.height)
      .setOption('legend', { position: 'none' })
      .build();
    sheet.insertChart(built);
  });
}
