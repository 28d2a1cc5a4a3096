/**
 * The two checks behind `--format xlsx`'s row limit, at their boundaries: a sheet holds 1,048,576
 * rows, one of them the heading, so 1,048,575 lines fit and 1,048,576 do not. (The CLI test in
 * largeOutputs.test.ts shows the early check runs before the history is read.)
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '../../src/cli/args';
import { refuseCampaignBeyondXlsx, refuseSettlementBeyondXlsx } from '../../src/cli/xlsxLimit';
import type { Cell } from '../../src/input/number';
import type { Table } from '../../src/input/table';
import type { SettlementRun } from '../../src/run/runSettlement';

/** A campaign of `lines` merchant-days (11 days a merchant), made row by row as it is read. */
function campaignOf(lines: number, extraRows: Cell[][] = []): Table {
  const header: Cell[] = ['merchant_id', 'date', 'gmv'];
  const row = (i: number): Cell[] => [`M${Math.floor(i / 11)}`, `2025-11-${String(1 + (i % 11)).padStart(2, '0')}`, 1];
  return {
    source: 'campaign',
    head: (count) => [header, ...Array.from({ length: Math.min(count - 1, lines) }, (_, i) => row(i))],
    eachRow(onRow) {
      onRow(header, 1);
      for (let i = 0; i < lines; i++) onRow(row(i), i + 2);
      extraRows.forEach((cells, i) => onRow(cells, lines + 2 + i));
    },
    fingerprint: () => '',
  };
}

/** A run with these many lines, merchants and issues: only their counts are looked at. */
function runWith(lines: number, merchants: number, issues: number): SettlementRun {
  const many = (length: number) => ({ length }) as unknown[];
  return { settlement: { lines: many(lines), merchants: many(merchants) }, read: { issues: many(issues) } } as unknown as SettlementRun;
}

describe('XLSX row limit', () => {
  it('lets 1,048,575 campaign lines through, and counts as the campaign reader does', () => {
    // The duplicate day and the blank row make no line, so they do not count.
    const duplicateAndBlank: Cell[][] = [['M0', '2025-11-01', 1], []];
    assert.doesNotThrow(() => refuseCampaignBeyondXlsx(campaignOf(1048575, duplicateAndBlank)));
  });

  it('refuses 1,048,576 campaign lines before the history is read', () => {
    assert.throws(() => refuseCampaignBeyondXlsx(campaignOf(1048576)), (error: Error) => {
      assert.ok(error instanceof UsageError);
      assert.match(error.message, /the campaign has 1,048,576 lines, so the Lines sheet would need 1,048,577 rows/);
      assert.match(error.message, /--format csv \(the lines\) or --format json/);
      return true;
    });
  });

  it('checks every sheet once the settlement is made', () => {
    assert.doesNotThrow(() => refuseSettlementBeyondXlsx(runWith(1048575, 1048575, 1048575)));
    assert.throws(() => refuseSettlementBeyondXlsx(runWith(1048576, 10, 0)), /the Lines sheet would need 1,048,577 rows/);
    assert.throws(() => refuseSettlementBeyondXlsx(runWith(10, 1048576, 0)), /the Merchants sheet would need 1,048,577 rows/);
    // Issues come from the history: only known after it is read.
    assert.throws(() => refuseSettlementBeyondXlsx(runWith(10, 10, 2000000)), /the Issues sheet would need 2,000,001 rows[\s\S]*--format json/);
  });
});
