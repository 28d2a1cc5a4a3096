/**
 * The path merchant-ops takes: paste the back-office exports, read the preview, press fill,
 * hand the sheet to finance. The sheet must say what the CLI says for the same files, to the cent.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Frame } from 'playwright-core';
import type { RunningPreview } from '../../dev/preview/serverStart';
import { POLICY_OPTIONS } from '../../src/core/policyKeys';
import { afterPreview, enterInputs, exampleInputs, fill, launchBrowser, openSidebar, spreadsheet, startTestPreview, type Inputs } from './harness';
import { cliJson, fen, lineRecords, MONEY_LINE_KEYS, settlementSheets, summaryTotals, type CliJson } from './settlement';

describe('sidebar: paste the examples, preview, fill', () => {
  let preview: RunningPreview;
  let browser: Browser;
  let sidebar: Frame;
  let inputs: Inputs;
  let cli: CliJson;

  before(async () => {
    [preview, browser] = await Promise.all([startTestPreview({ seedExamples: false }), launchBrowser()]);
    sidebar = (await openSidebar(browser, preview.url)).sidebar;
    inputs = exampleInputs(preview);
    cli = cliJson({ history: 'examples/history.csv', campaign: 'examples/campaign.csv', targets: 'examples/targets.csv', policy: 'examples/policy.json' });
  });
  after(async () => {
    await browser?.close();
    await preview?.close();
  });

  test('the policy options are the table of policy keys: each control by its key, labelled, at its default', async () => {
    await sidebar.click('details > summary');
    for (const spec of POLICY_OPTIONS) {
      const selector = `[data-testid=${spec.key.replace(/_/g, '-')}]`;
      assert.ok(await sidebar.isVisible(selector), spec.key);
      const shown = await sidebar.$eval(selector, (control) => {
        // A select has a value and a type too ("select-one"): one cast reads all three kinds.
        const input = control as HTMLInputElement;
        return {
          label: control.closest('label')?.querySelector('span')?.textContent || '',
          tag: control.tagName.toLowerCase(),
          type: input.type,
          value: input.type === 'checkbox' ? input.checked : input.value,
          choices: Array.from(control.querySelectorAll('option')).map((option) => [option.value, option.textContent]),
        };
      });
      assert.equal(shown.label, spec.label.en, `${spec.key}: label`);
      if (spec.kind === 'boolean') assert.deepEqual([shown.type, shown.value], ['checkbox', spec.default], spec.key);
      // An optional count with no default (the baseline window) opens blank: not set.
      if (spec.kind === 'count') assert.deepEqual([shown.type, shown.value], ['number', 'default' in spec ? String(spec.default) : ''], spec.key);
      if (spec.kind === 'dates') assert.deepEqual([shown.type, shown.value], ['text', spec.default.join(', ')], spec.key);
      if (spec.kind === 'choice') {
        assert.deepEqual([shown.tag, shown.value], ['select', spec.default], spec.key);
        assert.deepEqual(shown.choices, spec.choices.map((choice) => [choice.value, choice.label.en]), `${spec.key}: choices`);
      }
    }
  });

  test('a table that cannot be read says why in words, and fill stays disabled', async () => {
    const state = await enterInputs(sidebar, { history: inputs.history, campaign: '商家ID,日期\n000001,2025-11-11', coefficient: '0.05' });
    assert.equal(state, 'error');
    const error = (await sidebar.textContent('[data-testid=preview-error]')) || '';
    assert.match(error, /^campaign: no column for GMV/);
    assert.doesNotMatch(error, /at \w+ \(|\.js:\d+/, 'no stack trace');
    assert.equal(await sidebar.isDisabled('[data-testid=fill]'), true);
  });

  test('the first 200 issues are listed, and the rest are counted', async () => {
    const badRows = Array.from({ length: 250 }, (_, i) => `M${i},2025-11-11,12x,0`);
    await enterInputs(sidebar, { history: inputs.history, campaign: ['商家ID,日期,成交金额,磁力金牛消耗', ...badRows].join('\n') });
    const issues = await sidebar.$$eval('[data-testid=issues] li', (items) => items.length);
    assert.equal(issues, 200);
    const count = Number(await sidebar.getAttribute('[data-testid=issues]', 'data-count'));
    assert.ok(count >= 250, 'every bad campaign row is an issue');
    assert.equal(await sidebar.textContent('[data-testid=issues] h3'), `Issues (${count})`);
    assert.match((await sidebar.textContent('[data-testid=issues-more]')) || '', new RegExp(`and ${count - 200} more`));
  });

  test('without a coefficient the preview shows, but fill stays disabled and says why', async () => {
    const state = await enterInputs(sidebar, { ...inputs, coefficient: '' });
    assert.equal(state, 'ready');
    assert.equal(await sidebar.isDisabled('[data-testid=fill]'), true);
    assert.match((await sidebar.textContent('[data-testid=fill-why]')) || '', /coefficient/i);
    assert.match((await sidebar.textContent('[data-testid=total-red-packet]')) || '', /needs coefficient/);
  });

  test('the preview shows the mapping, row counts, totals and every issue with its row and value', async () => {
    const state = await enterInputs(sidebar, inputs);
    assert.equal(state, 'ready');
    assert.equal(await sidebar.isEnabled('[data-testid=fill]'), true);
    const mapping = (await sidebar.textContent('[data-testid=mapping]')) || '';
    assert.match(mapping, /商家ID → merchant, 商家名称 → merchant name/);
    assert.match(mapping, /磁力金牛消耗 → ad spend/);
    const t = cli.totals;
    assert.match((await sidebar.textContent('[data-testid=row-counts]')) || '', new RegExp(`${t.rows_read} read = ${t.rows_used} used \\+ ${t.rows_rejected} rejected`));
    const display = (value: unknown) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    assert.equal(await sidebar.textContent('[data-testid=total-cash-total]'), display(t.cash_total));
    assert.equal(await sidebar.textContent('[data-testid=total-cashback]'), display(t.cashback));
    assert.equal(await sidebar.textContent('[data-testid=total-blocked]'), String(t.blocked_merchants));

    const issues = await sidebar.$$eval('[data-testid=issues] li', (items) => items.map((li) => li.textContent || ''));
    assert.equal(issues.length, cli.issues.length);
    cli.issues.forEach((issue) => {
      const shown = issues.find((text) => text.indexOf(`${issue.source} · row ${issue.row}`) === 0);
      assert.ok(shown, `issue at ${issue.source} row ${issue.row} is shown`);
      assert.ok(shown.indexOf(String(issue.value)) >= 0, `its value ${issue.value} is shown`);
    });
  });

  test('fill writes a sheet whose lines and totals equal the CLI JSON to the cent', async () => {
    const message = await fill(sidebar);
    assert.match(message, /^Done: the settlement is in sheet “Settlement 2025-11-11 #1”/);

    const { lines, summaries } = settlementSheets((await spreadsheet(preview.url)).sheets);
    assert.equal(lines.length, 1);
    assert.equal(summaries.length, 1);
    assert.equal(lines[0].frozenRows, 1, 'the header row is frozen');
    const records = lineRecords(lines[0]);
    assert.equal(records.length, cli.lines.length);
    records.forEach((line, i) => {
      const expected = cli.lines[i];
      assert.equal(line.merchant_id, expected.merchant_id, `line ${i + 2}: merchant id`);
      assert.equal(line.date, expected.date, `line ${i + 2}: date`);
      assert.equal(line.status, expected.status, `line ${i + 2}: status`);
      assert.equal(line.tier, expected.tier, `line ${i + 2}: tier`);
      assert.equal(line.traffic_granted, expected.traffic_granted, `line ${i + 2}: traffic`);
      MONEY_LINE_KEYS.forEach((key) => {
        if (expected[key] === null) assert.equal(line[key], '', `line ${i + 2}: ${key} is blank`);
        else assert.equal(fen(line[key]), fen(expected[key]), `line ${i + 2}: ${key}`);
      });
    });

    const totals = summaryTotals(summaries[0]);
    ['cashback', 'red_packet', 'cash_total'].forEach((key) => {
      assert.equal(fen(totals[key]), fen(cli.totals[key]), `total ${key}`);
      const sum = records.reduce((s, line) => s + fen(line[key]), 0);
      assert.equal(sum, fen(cli.totals[key]), `SUM of the ${key} column equals the total`);
    });
    ['merchants', 'blocked_merchants', 'traffic_granted', 'rows_read', 'rows_used', 'rows_rejected'].forEach((key) =>
      assert.equal(totals[key], cli.totals[key], `total ${key}`),
    );
  });

  test('merchants with a rejected row are blocked: no payout in the sheet', async () => {
    const { lines } = settlementSheets((await spreadsheet(preview.url)).sheets);
    const blocked = lineRecords(lines[0]).filter((line) => line.status === 'blocked');
    const blockedIds = new Set(cli.lines.filter((l) => l.status === 'blocked').map((l) => l.merchant_id));
    assert.ok(blockedIds.size > 0, 'the examples block some merchants');
    assert.deepEqual(new Set(blocked.map((l) => l.merchant_id)), blockedIds);
    blocked.forEach((line) => {
      assert.equal(fen(line.cash_total), 0, `${line.merchant_id} is paid nothing`);
      assert.equal(line.traffic_granted, 0);
      assert.match(String(line.reason), /^blocked: row \d+ of (history|campaign|targets)/);
    });
  });

  test('the same fill twice writes one settlement and says where the first one is', async () => {
    const message = await fill(sidebar);
    assert.match(message, /already exists in sheet “Settlement 2025-11-11 #1”/);
    const { lines, summaries } = settlementSheets((await spreadsheet(preview.url)).sheets);
    assert.equal(lines.length, 1);
    assert.equal(summaries.length, 1);
  });

  test('an option changed in the form is what the preview shows and what the server writes', async () => {
    const traffic = Number(String(await sidebar.textContent('[data-testid=total-traffic]')).replace(/,/g, ''));
    assert.ok(traffic > 0, 'the examples grant traffic on 5 days');
    await afterPreview(sidebar, () => sidebar.fill('[data-testid=traffic-max-days]', '0'));
    assert.equal(await sidebar.textContent('[data-testid=total-traffic]'), '0');
    assert.match(await fill(sidebar), /^Done: the settlement is in sheet “Settlement 2025-11-11 #2”/);
    const { summaries } = settlementSheets((await spreadsheet(preview.url)).sheets);
    assert.equal(summaryTotals(summaries[1]).traffic_granted, 0);
    assert.equal(fen(summaryTotals(summaries[1]).cash_total), fen(cli.totals.cash_total), 'traffic days do not change the cash');
  });
});
