/**
 * Reading a written settlement back out of the emulated spreadsheet, and the CLI's JSON for
 * the same inputs, so a test can hold the sheet to the CLI to the cent.
 */
import { spawnSync } from 'node:child_process';
import { LINE_COLUMNS, totalItems } from '../../src/output/tables';
import { ROOT, type SheetState } from './harness';

export interface CliJson {
  lines: Record<string, string | number | null>[];
  merchants: Record<string, string | number | null>[];
  totals: Record<string, string | number | null>;
  issues: Record<string, string | number | null>[];
}

/** `gmv-settle … --format json` on the files in examples/, as a user would run it. */
export function cliJson(files: { history: string; campaign: string; targets?: string; policy: string }): CliJson {
  const args = ['bin/gmv-settle.js', '--history', files.history, '--campaign', files.campaign, '--policy', files.policy, '--format', 'json'];
  if (files.targets) args.push('--targets', files.targets);
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`gmv-settle exited ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as CliJson;
}

/** Money as integer fen, whether a sheet number (6172.84) or a JSON decimal string ("6172.84"). */
export function fen(value: unknown): number {
  return Math.round(Number(value) * 100);
}

/** The lines sheet as records keyed like the JSON (merchant_id, gmv, …), from its English header row. */
export function lineRecords(sheet: SheetState): Record<string, string | number | boolean>[] {
  const header = sheet.values[0].map(String);
  const index = LINE_COLUMNS.map((c) => {
    const at = header.indexOf(c.en);
    if (at < 0) throw new Error(`the lines sheet has no "${c.en}" column; it has ${header.join(', ')}`);
    return { key: c.key, kind: c.kind, at };
  });
  return sheet.values.slice(1).filter((row) => row.some((cell) => cell !== '')).map((row) => {
    const record: Record<string, string | number | boolean> = {};
    index.forEach((c) => (record[c.key] = row[c.at]));
    return record;
  });
}

/** The totals block of the summary sheet: label in column A, figure in column B. */
export function summaryTotals(sheet: SheetState): Record<string, number> {
  const totals: Record<string, number> = {};
  // totalItems only reads labels here; its values are not used.
  const labels = totalItems({ settlement: { totals: {} }, read: { totalCounts: {} } } as never).map((t) => ({ key: t.key, en: t.en }));
  labels.forEach(({ key, en }) => {
    const row = sheet.values.find((r) => r[0] === en && typeof r[1] === 'number');
    if (row) totals[key] = row[1] as number;
  });
  return totals;
}

export const MONEY_LINE_KEYS = LINE_COLUMNS.filter((c) => c.kind === 'money').map((c) => c.key);

export function settlementSheets(sheets: SheetState[]): { lines: SheetState[]; summaries: SheetState[] } {
  const settlement = sheets.filter((s) => /^Settlement /.test(s.name));
  return { lines: settlement.filter((s) => !/summary/i.test(s.name)), summaries: settlement.filter((s) => /summary/i.test(s.name)) };
}
