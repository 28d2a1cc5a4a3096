/**
 * The settlement as blocks of sheet cells — values plus a number format per cell — built
 * from the shared column declarations, so the settlement sheet shows what the CLI prints.
 * Money is a JS number already exact to 0.01 (fenToNumber), so SUM over a column is the
 * sum of the rounded figures, which is what the totals are (SPEC §2). Dates are Sheets
 * serial day numbers with a date format: a Date object would be read in some time zone and
 * could move a day; a serial is the day itself. Text is returned raw: the writer passes it
 * through sheetText so nothing pasted can become a formula.
 */
import { Dec, fenToNumber, type FenSum } from '../core/money';
import type { Language } from './language';
import { sourceName } from './language';
import { describeMapping } from '../input/mappingText';
import { isoToSerial } from '../input/date';
import { CellValue, Column, ColumnKind, formatOf, heading, isRate, isWhole, ISSUE_COLUMNS, KINDS, LINE_COLUMNS, MERCHANT_SHEET_COLUMNS, totalItems, type TotalItem } from './tables';
import { policyRows } from './policyRows';
import { runName, runStatusWord, type RunStatus } from './runStatus';
import { trueUpTotalItems } from './trueUpTables';
import type { SettlementRun } from './settledRun';
import { baselineText } from './baselineText';
import { byTierBlock, byTierTitle, summaryCharts, type SummaryChart } from './summaryCharts';

export type SheetValue = string | number | boolean;

export interface SheetBlock {
  values: SheetValue[][];
  /** Same shape as values: one Sheets number format per cell. */
  formats: string[][];
}

/** The number formats by kind (tables.ts KINDS): one declaration for the sheet and the XLSX. */
export const SHEET_FORMATS = {
  money: KINDS.money.format,
  count: KINDS.count.format,
  label: KINDS.label.format,
  percent: KINDS.percent.format,
  coefficient: KINDS.coefficient.format,
  date: KINDS.date.format,
  text: KINDS.text.format,
};

/**
 * One value as a cell: money as CNY numbers, a missing figure as a blank, dates as serials the
 * sheet formats (or, for a custom function's result, which cannot carry a format, as text).
 */
export function sheetValue(kind: ColumnKind, value: CellValue, dates: 'serial' | 'text' = 'serial'): string | number {
  if (value === null || value === undefined) return '';
  if (kind === 'money') return fenToNumber(value as FenSum);
  if (isRate(kind)) return Number((value as Dec).toString());
  if (kind === 'date') return value === '' || dates === 'text' ? (value as string) : isoToSerial(value as string);
  if (isWhole(kind)) return value as number;
  return String(value);
}

export function table<T>(columns: Column<T>[], rows: T[], language: Language, adjust?: (key: string, value: SheetValue) => SheetValue): SheetBlock {
  const headerFormats = columns.map(() => SHEET_FORMATS.text);
  const rowFormats = columns.map(formatOf);
  const values: SheetValue[][] = [columns.map((c) => heading(c, language))];
  const formats: string[][] = [headerFormats];
  rows.forEach((row) => {
    values.push(
      columns.map((c) => {
        const value = sheetValue(c.kind, c.value(row, language));
        return adjust ? adjust(c.key, value) : value;
      }),
    );
    formats.push(rowFormats);
  });
  return { values, formats };
}

/** One line per merchant per campaign day, with its header row (SPEC §5). */
export function linesBlock(run: SettlementRun, language: Language): SheetBlock {
  return table(LINE_COLUMNS, run.settlement.lines, language);
}

export function merchantsBlock(run: SettlementRun, language: Language): SheetBlock {
  return table(MERCHANT_SHEET_COLUMNS, run.settlement.merchants, language);
}

export function issuesBlock(run: SettlementRun, language: Language): SheetBlock {
  const zh = language === 'zh';
  // Row 0 means "not tied to a row" (a column heading, say): blank reads better than a 0.
  return table(ISSUE_COLUMNS, run.read.issues, language, (key, value) =>
    key === 'source' ? sourceName(String(value), zh) : key === 'row' && value === 0 ? '' : value,
  );
}

/** (label, value) rows of totals, each formatted by its kind. */
export function itemsBlock(items: TotalItem[], language: Language): SheetBlock {
  return {
    values: items.map((item) => [heading(item, language), sheetValue(item.kind, item.value)]),
    formats: items.map((item) => [SHEET_FORMATS.text, formatOf(item)]),
  };
}

/** Grand totals as (label, value) rows: the same figures and order as the JSON totals. */
export function totalsBlock(run: SettlementRun, language: Language): SheetBlock {
  return itemsBlock(totalItems(run), language);
}

const RUN_LABELS = {
  en: { campaign: 'Campaign', run: 'Run', status: 'Status', generated: 'Generated at', user: 'User', language: 'Language', sha: 'Input SHA-256', against: 'True-up against', firstRun: '(first run: no earlier approved run)', source: 'Source', read: 'Rows read', used: 'Rows used', rejected: 'Rows rejected', all: 'all', mapping: 'Column mapping', anonymous: '(not available)', none: '—', baseline: 'Baseline' },
  zh: { campaign: '活动', run: '结算批次', status: '状态', generated: '生成时间', user: '操作人', language: '语言', sha: '输入数据 SHA-256', against: '对照的已审批结算', firstRun: '（首次结算：尚无已审批的结算）', source: '来源', read: '读取行数', used: '使用行数', rejected: '拒绝行数', all: '合计', mapping: '列映射', anonymous: '（无法获取）', none: '—', baseline: '过往日均' },
};

/** What only the server knows of a run, for the summary's head: its time in the spreadsheet's zone, its status. */
export interface SummaryContext {
  /** When the run was made, as the spreadsheet's time zone shows it; default: the record's UTC time. */
  time?: { text: string; zone: string };
  status?: RunStatus;
}

/** Rows of label and value, all text. */
function labelled(rows: SheetValue[][]): SheetBlock {
  return { values: rows, formats: rows.map((row) => row.map(() => SHEET_FORMATS.text)) };
}

/** Which run this is: campaign, number, status, when, who, the input hash, and the run a true-up is against. */
export function runIdentityBlock(run: SettlementRun, language: Language, context: SummaryContext = {}): SheetBlock {
  const l = RUN_LABELS[language];
  const record = run.record;
  const time = context.time || { text: record.generatedAt, zone: 'UTC' };
  const previous = run.previous;
  const against = !previous
    ? l.firstRun
    : `${previous.run !== undefined ? runName(previous.run, language) + ' · ' : ''}${previous.generatedAt} · ${previous.inputSha256}`;
  return labelled([
    [l.campaign, record.campaign || l.none],
    [l.run, record.runNumber === undefined ? l.none : runName(record.runNumber, language)],
    [l.status, runStatusWord(context.status || 'draft', language)],
    [`${l.generated} (${time.zone})`, time.text],
    [l.user, record.user || l.anonymous],
    [l.language, language],
    [l.sha, record.inputSha256],
    [l.against, against],
    // SPEC §8: which history days the baseline used, when the policy's choices left any out.
    [l.baseline, baselineText(run, language)],
  ]);
}

/** Rows read / used / rejected per source, and how each table's columns were mapped. */
export function rowCountsBlock(run: SettlementRun, language: Language): SheetBlock {
  const l = RUN_LABELS[language];
  const zh = language === 'zh';
  const t = SHEET_FORMATS.text;
  const n = SHEET_FORMATS.count;
  const values: SheetValue[][] = [[l.source, l.read, l.used, l.rejected]];
  const formats: string[][] = [[t, t, t, t]];
  run.read.counts.forEach((c) => {
    values.push([sourceName(c.source, zh), c.read, c.used, c.rejected]);
    formats.push([t, n, n, n]);
  });
  const total = run.read.totalCounts;
  values.push([l.all, total.read, total.used, total.rejected]);
  formats.push([t, n, n, n]);
  run.read.mappings.forEach((mapping) => {
    values.push([l.mapping, describeMapping(mapping, language)]);
    formats.push([t, t]);
  });
  return { values, formats };
}

/** What finance needs to reproduce the run: which run, when, who, the input hash, row counts, mappings and the policy. */
export function runRecordBlock(run: SettlementRun, language: Language, context: SummaryContext = {}): SheetBlock {
  return stackBlocks([runIdentityBlock(run, language, context), rowCountsBlock(run, language), policyRows(run.settlement.policy, language)], 0);
}

/** A single-cell block: a section title. */
export function titleBlock(title: string): SheetBlock {
  return { values: [[title]], formats: [[SHEET_FORMATS.text]] };
}

/** Blocks one under another, a blank row between, padded to one width so one setValues writes them all. */
export function stackBlocks(blocks: SheetBlock[], gapRows = 1): SheetBlock {
  const width = blocks.reduce((w, b) => b.values.reduce((bw, row) => Math.max(bw, row.length), w), 1);
  const values: SheetValue[][] = [];
  const formats: string[][] = [];
  const pad = <T>(row: T[], filler: T): T[] => (row.length < width ? row.concat(new Array(width - row.length).fill(filler)) : row);
  blocks.forEach((block, i) => {
    if (i > 0) for (let g = 0; g < gapRows; g++) {
      values.push(pad([], ''));
      formats.push(pad([], SHEET_FORMATS.text));
    }
    block.values.forEach((row, r) => {
      values.push(pad(row, ''));
      formats.push(pad(block.formats[r], SHEET_FORMATS.text));
    });
  });
  return { values, formats };
}

const SECTION_TITLES = {
  en: { totals: 'Totals', run: 'Run record', issues: 'Input issues', noIssues: 'No input issues: every row read was used.', merchants: 'Per merchant', rows: 'Rows read and columns', policy: 'Policy', trueUp: 'True-up against the previous approved run' },
  zh: { totals: '合计', run: '运行记录', issues: '输入问题', noIssues: '无输入问题：读取的每一行都已使用。', merchants: '商家汇总', rows: '读取行数与列映射', policy: '政策', trueUp: '与上一次已审批结算的差额' },
};

/**
 * The summary's sections, as a finance reviewer reads them top to bottom: the run record's
 * identity and the totals (with the true-up's, for a re-settlement), then one row per merchant —
 * always at the same place, whatever the issues — then the row counts, the policy as labelled
 * rows, and the issues. The head holds what only the server knows (when, who, the input hash,
 * the run's number) and is a fixed number of rows for a given kind of run; the tail is the same
 * wherever the same settlement is laid out, so the sidebar can send it in blocks the server checks.
 */
function summarySections(run: SettlementRun, language: Language, heading?: string, context: SummaryContext = {}): { head: SheetBlock[]; tail: SheetBlock[]; totalsAt: number; byTierAt: number } {
  const s = SECTION_TITLES[language];
  const issues = run.read.issues.length > 0 ? [titleBlock(`${s.issues} (${run.read.issues.length})`), issuesBlock(run, language)] : [titleBlock(s.issues), titleBlock(s.noIssues)];
  const head: SheetBlock[] = [];
  if (heading) head.push(titleBlock(heading));
  head.push(stackBlocks([titleBlock(s.run), runIdentityBlock(run, language, context)], 0));
  const totalsAt = head.push(stackBlocks([titleBlock(s.totals), totalsBlock(run, language)], 0)) - 1;
  if (run.trueUp) head.push(stackBlocks([titleBlock(s.trueUp), itemsBlock(trueUpTotalItems(run.trueUp), language)], 0));
  // What the summary's charts are drawn from (summaryCharts.ts): merchants and cash by tier.
  const byTierAt = head.push(stackBlocks([titleBlock(byTierTitle(language)), byTierBlock(run, language)], 0)) - 1;
  return {
    head,
    totalsAt,
    byTierAt,
    tail: [
      stackBlocks([titleBlock(s.merchants), merchantsBlock(run, language)], 0),
      stackBlocks([titleBlock(s.rows), rowCountsBlock(run, language)], 0),
      stackBlocks([titleBlock(s.policy), policyRows(run.settlement.policy, language)], 0),
      stackBlocks(issues, 0),
    ],
  };
}

/** The whole summary, one block; `heading` is a first line such as where the lines are. */
export function summaryBlock(run: SettlementRun, language: Language, heading?: string, context: SummaryContext = {}): SheetBlock {
  const sections = summarySections(run, language, heading, context);
  return stackBlocks(sections.head.concat(sections.tail));
}

/**
 * The summary's charts, placed on its layout: drawn from the by-tier table (its header row is the
 * by-tier block's second row), their top level with the totals' title.
 */
export function summaryChartsOf(run: SettlementRun, language: Language, heading?: string): SummaryChart[] {
  const { head, totalsAt, byTierAt } = summarySections(run, language, heading);
  const rowOf = (block: number) => 1 + head.slice(0, block).reduce((rows, b) => rows + b.values.length + 1, 0);
  return summaryCharts(run, language, rowOf(byTierAt) + 1, rowOf(totalsAt));
}

/** Rows of the summary's head with its heading, and the blank row after it: where the tail starts. */
export function summaryHeadRows(run: SettlementRun, language: Language): number {
  return stackBlocks(summarySections(run, language, '-').head).values.length + 1;
}
