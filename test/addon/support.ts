/** Shared set-up for the add-on server tests: fake Google services as globals, and example requests. */
import { afterEach } from 'node:test';
import { createGoogleFakes, installGoogleGlobals, type GoogleFakeOptions, type GoogleFakes } from '../fakes/google';
import type { InputSource, SettlementRequest, WriteProgress, WriteResult } from '../../src/protocol/messages';
import { requestPolicy } from '../../src/addon/policySource';
import { abandonSettlementWrite, finishSettlementWrite, writeSettlement, writeSettlementRows } from '../../src/addon/server';
import type { NotChecked } from '../../src/protocol/crossing';
import { double11Policy } from '../../src/core/policy';
import { policyOptions } from '../../src/input/policyReader';
import { tableFromText } from '../../src/input/table';
import { runSettlement } from '../../src/run/runSettlement';
import { linesBlock, summaryBlock } from '../../src/output/sheetTables';
import { writeInCalls, type SheetLayout } from '../../src/sidebar/writeDriver';

/**
 * A fresh fake spreadsheet per call, installed as globals for execution `execution`.
 * Returns the fakes and the function that puts the previous globals back.
 */
export function useGoogle(options: GoogleFakeOptions = {}, execution = 'sidebar-1'): { google: GoogleFakes; restore: () => void } {
  const google = createGoogleFakes(options);
  const restore = installGoogleGlobals(google, execution);
  return { google, restore };
}

/**
 * For a test file: a `setUp(options)` that installs fresh fakes for one test (or replaces the
 * test's previous ones), put back after it by an afterEach registered here.
 */
export function googleForEachTest(): (options?: GoogleFakeOptions) => GoogleFakes {
  let restore = () => undefined as void;
  const reset = () => {
    restore();
    restore = () => undefined;
  };
  afterEach(reset);
  return (options = {}) => {
    reset(); // a second setUp in one test replaces the first
    const installed = useGoogle(options);
    restore = installed.restore;
    return installed.google;
  };
}

export function tsv(rows: (string | number)[][]): string {
  return rows.map((row) => row.join('\t')).join('\n');
}

/**
 * SPEC §6's worked example (M001) plus one merchant for each other outcome:
 * M002 above its baseline but below tier 1, M003 blocked by a bad history value (history row 7),
 * M004 with no history at all.
 */
export const HISTORY = tsv([
  ['商家ID', '商家名称', '日期', '成交金额'],
  ['M001', '星河小店', '2025-11-01', '150,000.00'],
  ['M001', '星河小店', '2025-11-02', '180000'],
  ['M001', '星河小店', '2025-11-03', '21万'],
  ['M002', '晨光百货', '2025-11-01', '100000'],
  ['M002', '晨光百货', '2025-11-02', '100000'],
  ['M003', '坏数据店', '2025-11-01', '12,3x'],
  ['M003', '坏数据店', '2025-11-02', '90000'],
]);

export const CAMPAIGN = tsv([
  ['商家ID', '商家名称', '日期', '支付GMV', '磁力金牛消耗'],
  ['M001', '星河小店', '2025-11-11', '¥523,456.78', '12345.67'],
  ['M002', '晨光百货', '2025-11-11', '150000', '1000'],
  ['M003', '坏数据店', '2025-11-11', '300000', '5000'],
  ['M004', '新店', '2025-11-11', '250000', '2000'],
]);

export function text(value: string): InputSource {
  return { kind: 'text', text: value };
}

/** Anything at all, as any script in the page may send a server function whatever its types say. */
export function unchecked(value: unknown): NotChecked {
  return value as NotChecked;
}

export function request(overrides: Partial<SettlementRequest> = {}): SettlementRequest {
  return {
    history: text(HISTORY),
    campaign: text(CAMPAIGN),
    coefficient: '0.05',
    // The form as it opens: every option at its default.
    options: policyOptions(double11Policy()),
    usePolicySheet: false,
    language: 'en',
    ...overrides,
  };
}

/** `merchants` merchants × `days` campaign days, each merchant with a 3-day history. */
export function largeRequest(merchants: number, days: number): SettlementRequest {
  const history: (string | number)[][] = [['merchant_id', 'name', 'date', 'gmv']];
  const campaign: (string | number)[][] = [['merchant_id', 'name', 'date', 'gmv', 'ad_spend']];
  for (let m = 0; m < merchants; m++) {
    const id = 'S' + String(m).padStart(5, '0');
    for (let d = 1; d <= 3; d++) history.push([id, `Shop ${m}`, `2025-10-0${d}`, 150000 + d * 10000 + m]);
    for (let d = 0; d < days; d++) campaign.push([id, `Shop ${m}`, `2025-11-${11 + d}`, 200000 + m * 997 + d * 123456.78, 1234.5]);
  }
  return request({ history: text(tsv(history)), campaign: text(tsv(campaign)) });
}

/** The values of a sheet of the fake, by name, as getValues shows them. */
export function sheetValues(google: GoogleFakes, name: string) {
  const sheet = google.spreadsheet._sheetNamed(name);
  if (!sheet) throw new Error(`no sheet "${name}"; sheets: ${google.spreadsheet._sheets.map((s) => s._name).join(', ')}`);
  return sheet._snapshot();
}

/** A text request's settlement as the sidebar lays it out for writeSettlementRows: the same pipeline, run here. */
export function sidebarLayout(req: SettlementRequest): SheetLayout {
  const text = (source: InputSource | undefined) => (source && source.kind === 'text' ? source.text : '');
  const tables = {
    history: tableFromText('history', text(req.history)),
    campaign: tableFromText('campaign', text(req.campaign)),
    targets: req.targets ? tableFromText('targets', text(req.targets)) : undefined,
  };
  const run = runSettlement(tables, requestPolicy(req, () => SpreadsheetApp.getActiveSpreadsheet()), { sha256: () => '' });
  return { lines: linesBlock(run, req.language).values.slice(1) as (string | number)[][], summary: summaryBlock(run, req.language, '-') };
}

/**
 * A whole write as the sidebar drives it: start, each block, finish, through the server
 * functions, each call its own execution (the fakes' execution ends after each, as in Apps
 * Script). Returns the result, how many calls it took, and the progress after each.
 */
export async function writeAsSidebar(google: GoogleFakes, req: SettlementRequest, layout = () => sidebarLayout(req)) {
  let calls = 0;
  const progress: WriteProgress[] = [];
  const call = <A, R>(fn: (arg: A) => R) => async (arg: A): Promise<R> => {
    calls += 1;
    try {
      return fn(arg);
    } finally {
      google.endExecution('sidebar-1');
    }
  };
  const result: WriteResult = await writeInCalls(
    {
      writeSettlement: call(writeSettlement),
      writeSettlementRows: call(writeSettlementRows),
      finishSettlementWrite: call(finishSettlementWrite),
      abandonSettlementWrite: call(abandonSettlementWrite),
    },
    req,
    layout,
    (now) => progress.push(now),
  );
  return { result, calls, progress };
}

/** Settlement sheets (lines and summaries, finished or not) in tab order. */
export function settlementSheetNames(google: GoogleFakes): string[] {
  return google.spreadsheet._sheets.map((s) => s._name).filter((name) => /^(Settlement|结算) /.test(name));
}
