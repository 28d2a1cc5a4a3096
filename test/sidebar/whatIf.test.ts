/**
 * The what-if panel and "Compare baselines" in Chromium, on SPEC §6's M001 and a merchant M002
 * (baseline 100,000.00, GMV 190,000.00, ad spend 1,000.00) whose name is hostile HTML. Figures
 * as worked by hand in test/core: M001's increment 34,345,678 fen × c; −10% puts M001 in tier 1.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Frame } from 'playwright-core';
import { afterPreview, enterInputs, sidebarForSuite } from './harness';

const HTML_NAME = '<img src=x onerror=alert(1)>';
const tsv = (rows: string[][]) => rows.map((cells) => cells.join('\t')).join('\n');
const HISTORY = tsv([
  ['merchant_id', 'name', 'date', 'gmv'],
  ['M001', '', '2025-11-08', '150000'],
  ['M001', '', '2025-11-09', '180000'],
  ['M001', '', '2025-11-10', '210000'],
  ['M002', HTML_NAME, '2025-11-10', '100000'],
]);
const CAMPAIGN = tsv([
  ['merchant_id', 'name', 'date', 'gmv', 'ad_spend'],
  ['M001', '', '2025-11-11', '523456.78', '12345.67'],
  ['M002', HTML_NAME, '2025-11-11', '190000', '1000'],
]);

/** Runs `action` and waits for the panel `testId` to compute again. */
async function afterCompute(sidebar: Frame, testId: string, action: () => Promise<unknown>): Promise<void> {
  const before = Number((await sidebar.getAttribute(`[data-testid=${testId}]`, 'data-generation')) || 0);
  await action();
  await sidebar.waitForFunction(([id, n]) => Number(document.querySelector(`[data-testid=${id}]`)?.getAttribute('data-generation') || 0) > Number(n), [testId, before]);
}

const rowsOf = (sidebar: Frame, testId: string) =>
  sidebar.$$eval(`[data-testid=${testId}] tbody tr`, (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => (td.textContent || '').trim())));

describe('sidebar: the what-if panel', () => {
  const suite = sidebarForSuite();

  test('a budget gives the coefficient, what it pays, the next step, and a chart of cash against the coefficient', async () => {
    const sidebar = suite.sidebar();
    assert.equal(await enterInputs(sidebar, { history: HISTORY, campaign: CAMPAIGN }), 'ready');
    await afterCompute(sidebar, 'what-if', () => sidebar.click('[data-testid=what-if] > summary'));
    await afterCompute(sidebar, 'what-if', () => sidebar.fill('[data-testid=budget]', '2万'));
    // k = 582: 19,989.18 ≤ 20,000; k = 583: 20,023.53.
    assert.equal(await sidebar.textContent('[data-testid=budget-coefficient]'), 'Coefficient 0.0582: pays 19,989.18');
    assert.equal(await sidebar.textContent('[data-testid=budget-next]'), 'One step more, 0.0583, would pay 20,023.53.');
    const chart = await sidebar.$eval('[data-testid=budget-chart]', (svg) => ({
      namespace: svg.namespaceURI,
      points: (svg.querySelector('polyline')?.getAttribute('points') || '').split(' ').length,
      level: !!svg.querySelector('[data-testid=budget-chart-level]'),
      marker: !!svg.querySelector('[data-testid=budget-chart-marker]'),
      labels: Array.from(svg.querySelectorAll('text'), (text) => text.textContent),
    }));
    assert.deepEqual(chart, { namespace: 'http://www.w3.org/2000/svg', points: 25, level: true, marker: true, labels: ['0', '0.1164', '20,000.00', '0.0582'] });
    // The cash total instead: 6,172.84 cashback comes first.
    await afterCompute(sidebar, 'what-if', () => sidebar.selectOption('[data-testid=budget-field]', 'total'));
    // 34,345,678 × 0.0402 = 1,380,696.2556 → 13,806.96 + 6,172.84 = 19,979.80; 0.0403 → 13,841.31 + 6,172.84 = 20,014.15.
    assert.equal(await sidebar.textContent('[data-testid=budget-coefficient]'), 'Coefficient 0.0402: pays 19,979.80');
    await afterCompute(sidebar, 'what-if', () => sidebar.fill('[data-testid=budget]', '12x'));
    assert.match((await sidebar.textContent('[data-testid=budget-error]')) || '', /"12x" is not a budget/);
  });

  test('scenarios: a small table and a bar chart, priced with the coefficient set above', async () => {
    const sidebar = suite.sidebar();
    await afterCompute(sidebar, 'what-if', () => afterPreview(sidebar, () => sidebar.fill('[data-testid=coefficient]', '0.05')));
    assert.deepEqual(await rowsOf(sidebar, 'scenario-table'), [
      ['-20%', '11,938.27', '15,641.97', '1'],
      ['-10%', '14,555.56', '18,259.26', '1'],
      ['0%', '17,172.84', '23,345.68', '1'],
      // M002 at 209,000.00 reaches tier 1: 300.00 + 109,000.00 × 0.05 = 5,450.00.
      ['+10%', '25,240.12', '31,712.96', '2'],
    ]);
    const bars = await sidebar.$$eval('[data-testid=scenario-chart] rect.column', (rects) => rects.map((r) => Number(r.getAttribute('data-value'))));
    assert.deepEqual(bars, [15641.97, 18259.26, 23345.68, 31712.96]);
    await afterCompute(sidebar, 'what-if', () => sidebar.fill('[data-testid=scenario-changes]', '10'));
    assert.match((await sidebar.textContent('[data-testid=scenario-error]')) || '', /did you mean 10%\?/);
  });

  test('the watchlist shows who is short of the next tier, names as text', async () => {
    const sidebar = suite.sidebar();
    await afterCompute(sidebar, 'what-if', () => sidebar.fill('[data-testid=watch-within]', '20000'));
    assert.equal(await sidebar.textContent('[data-testid=watch-count]'), '1 merchant-days within reach, least short first');
    // 10,000.01 to 200,000.01; 300.00 + 100,000.01 × 0.05 = 5,300.00.
    assert.deepEqual(await rowsOf(sidebar, 'watch-table'), [[`M002${HTML_NAME}2025-11-11`, 'T0→T1', '10,000.01', '5,300.00']]);
    assert.equal(await sidebar.$$eval('#app img, #app [onerror]', (found) => found.length), 0, 'no element made from a pasted name');
    await afterCompute(sidebar, 'what-if', () => sidebar.fill('[data-testid=watch-within]', '50%'));
    assert.deepEqual((await rowsOf(sidebar, 'watch-table')).map((row) => row[2]), ['10,000.01', '476,543.23']);
  });

  test('Compare baselines: totals side by side and the merchants whose best tier changes', async () => {
    const sidebar = suite.sidebar();
    await afterCompute(sidebar, 'compare-baselines', () => sidebar.click('[data-testid=compare-baselines] > summary'));
    // The last 30 days hold all of this history: the same as set; 4 days required leaves M001 with none.
    await afterCompute(sidebar, 'compare-baselines', () => sidebar.fill('[data-testid=compare-3-baseline-min-days]', '4'));
    const totals = await rowsOf(sidebar, 'compare-totals');
    assert.deepEqual(totals.find((row) => row[0] === 'With a baseline'), ['With a baseline', '2', '2', '0']);
    assert.deepEqual(totals.find((row) => row[0] === 'Cash total'), ['Cash total', '23,345.68', '23,345.68', '0.00']);
    assert.deepEqual(await rowsOf(sidebar, 'compare-changes'), [['M001', 'T2 · 23,345.68', 'T2 · 23,345.68', 'T0 · 0.00']]);
    await afterCompute(sidebar, 'compare-baselines', () => sidebar.fill('[data-testid=compare-2-baseline-exclude-dates]', '11/10/2025'));
    assert.match((await sidebar.textContent('[data-testid=compare-error-2]')) || '', /^Choice 2: .*"11\/10\/2025" is not a date with the year first/);
  });
});
