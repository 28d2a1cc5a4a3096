/**
 * A merchant's statement (对账单): the campaign and run, every campaign day with its GMV,
 * baseline, tier, rewards, traffic and reason, the totals, for a true-up what was paid before and
 * the difference, and the checksum of the run it comes from — so a merchant can check each figure
 * and finance can tie the statement to the settlement it was cut from. The same statement as a
 * self-contained printable HTML page (the CLI's --statements) and as a block of sheet cells (the
 * add-on's statements sheet); both read the days' columns from the settlement's own declarations.
 */
import { fenToDisplay, type FenSum } from '../core/money';
import type { MerchantSummary, SettlementLine } from '../core/model';
import type { TrueUpMerchant } from '../core/trueUp';
import { groupedCount } from './counts';
import { escapeHtml } from './html';
import type { Language } from './language';
import { runName } from './runStatus';
import { SHEET_FORMATS, sheetValue, type SheetBlock, type SheetValue } from './sheetTables';
import type { SettlementRun } from './settledRun';
import { formatOf, heading, LINE_COLUMNS, statusWord, type CellValue, type Column, type ColumnKind } from './tables';

/** Which run a statement comes from, as its header and footer say. */
export interface StatementSource {
  campaign?: string;
  run?: number;
  /** When the run was made, as the reader's time zone shows it. */
  generatedAt: string;
  inputSha256: string;
  /** The checksum of the run's content: the approval checksum in Sheets, the JSON report's SHA-256 in the CLI. */
  checksum: string;
  /** What the checksum is of, in a few words the reader can act on. */
  checksumOf: string;
}

export interface Statement {
  merchant: MerchantSummary;
  lines: SettlementLine[];
  /** SPEC §7: for a true-up, what was paid before and the difference. */
  trueUp?: TrueUpMerchant;
  clawback: boolean;
  previousRun?: number;
}

const DAY_KEYS = ['date', 'gmv', 'baseline_avg', 'tier', 'cashback', 'red_packet', 'cash_total', 'traffic_granted', 'status', 'reason'];
/** The statement's day columns: the lines' own, so a statement and the settlement cannot disagree. */
const DAY_COLUMNS: Column<SettlementLine>[] = DAY_KEYS.map((key) => LINE_COLUMNS.find((c) => c.key === key)!);

const WORDS = {
  en: {
    title: 'Statement',
    campaign: 'Campaign',
    run: 'Run',
    merchant: 'Merchant',
    status: 'Status',
    settledAt: 'Settled at',
    days: 'Campaign days',
    totals: 'Totals',
    cashback: 'Cashback',
    redPacket: 'Red packet',
    cashTotal: 'Cash total',
    traffic: 'Traffic granted',
    trueUp: 'Against the previous approved settlement',
    previous: 'Paid before',
    delta: 'Difference',
    toPay: 'To pay now',
    toRecover: 'To recover',
    waived: 'Waived',
    inputs: 'Input SHA-256',
    checksum: 'Checksum of the run',
    none: '—',
  },
  zh: {
    title: '对账单',
    campaign: '活动',
    run: '结算批次',
    merchant: '商家',
    status: '状态',
    settledAt: '结算时间',
    days: '活动日明细',
    totals: '合计',
    cashback: '磁力金牛返还',
    redPacket: '天降红包',
    cashTotal: '现金合计',
    traffic: '发放流量',
    trueUp: '与上一次已审批结算相比',
    previous: '此前已发放',
    delta: '差额',
    toPay: '本次应补发',
    toRecover: '应追回',
    waived: '豁免',
    inputs: '输入数据 SHA-256',
    checksum: '结算校验值',
    none: '—',
  },
};

/** What a statement is cut from: a settled run, or one read back from its sheets. */
export type StatementRun = Pick<SettlementRun, 'trueUp' | 'previous'> & { settlement: Pick<SettlementRun['settlement'], 'lines' | 'merchants'> };

/** One statement per merchant of the run (or only `merchantId`'s), in the settlement's order. */
export function statementsOf(run: StatementRun, merchantId?: string): Statement[] {
  const linesOf = new Map<string, SettlementLine[]>();
  run.settlement.lines.forEach((line) => {
    const lines = linesOf.get(line.merchantId);
    if (lines) lines.push(line);
    else linesOf.set(line.merchantId, [line]);
  });
  const trueUps = new Map((run.trueUp ? run.trueUp.merchants : []).map((m) => [m.merchantId, m]));
  return run.settlement.merchants
    .filter((m) => merchantId === undefined || m.merchantId === merchantId)
    .map((merchant) => ({
      merchant,
      lines: linesOf.get(merchant.merchantId) || [],
      trueUp: trueUps.get(merchant.merchantId),
      clawback: run.trueUp ? run.trueUp.clawback : true,
      previousRun: run.previous && run.previous.run,
    }));
}

/** A value as a person reads it on paper: money with separators and cents, counts grouped. */
function displayText(kind: ColumnKind, value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (kind === 'money') return fenToDisplay(value as FenSum);
  if (kind === 'count') return groupedCount(value as number);
  return String(value);
}

/** The statement's rows, once for both renderings: (label, value, kind) pairs around the days' table. */
function sections(statement: Statement, source: StatementSource, language: Language) {
  const w = WORDS[language];
  const m = statement.merchant;
  const head: [string, string][] = [
    [w.campaign, source.campaign || w.none],
    [w.run, source.run === undefined ? w.none : runName(source.run, language)],
    [w.merchant, m.merchantName ? `${m.merchantId} ${m.merchantName}` : m.merchantId],
    [w.status, statusWord(m.status, language)],
    [w.settledAt, source.generatedAt],
  ];
  const totals: [string, FenSum | number, ColumnKind][] = [
    [w.cashback, m.cashbackFen, 'money'],
    [w.redPacket, m.redPacketFen, 'money'],
    [w.cashTotal, m.cashTotalFen, 'money'],
    [w.traffic, m.trafficGranted, 'count'],
  ];
  const t = statement.trueUp;
  const trueUp: [string, FenSum, ColumnKind][] = t
    ? [
        [statement.previousRun !== undefined ? `${w.previous} (${runName(statement.previousRun, language)})` : w.previous, t.previousCashFen, 'money'],
        [w.delta, t.deltaCashFen, 'money'],
        [w.toPay, t.toPayFen, 'money'],
        statement.clawback ? [w.toRecover, t.toRecoverFen, 'money'] : [w.waived, t.waivedFen, 'money'],
      ]
    : [];
  const foot: [string, string][] = [
    [w.inputs, source.inputSha256],
    [w.checksum, `${source.checksum} (${source.checksumOf})`],
  ];
  return { head, totals, trueUp, foot };
}

const PAGE_CSS = `@page{size:A4;margin:14mm}body{font:12px/1.45 "PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei","Noto Sans CJK SC",Arial,sans-serif;color:#202124;margin:0}h1{font-size:20px;margin:0 0 8px}h2{font-size:14px;margin:16px 0 6px}table{border-collapse:collapse;width:100%}th,td{border:1px solid #bdc1c6;padding:3px 6px;text-align:left;vertical-align:top}td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}table.pairs{width:auto}table.pairs th{background:#f1f3f4;font-weight:600}thead th{background:#f1f3f4}.foot{margin-top:16px;color:#5f6368;font-size:10px;word-break:break-all}`;

function pairsHtml(rows: [string, string][]): string {
  return `<table class="pairs">${rows.map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('')}</table>`;
}

/** One merchant's statement as a page of its own: inline styles, no scripts, no links, every value escaped. */
export function statementHtml(statement: Statement, source: StatementSource, language: Language): string {
  const w = WORDS[language];
  const s = sections(statement, source, language);
  const numeric = (kind: ColumnKind) => kind === 'money' || kind === 'count' || kind === 'label';
  const head = DAY_COLUMNS.map((c) => `<th>${escapeHtml(heading(c, language))}</th>`).join('');
  const rows = statement.lines
    .map((line) => `<tr>${DAY_COLUMNS.map((c) => `<td${numeric(c.kind) ? ' class="num"' : ''}>${escapeHtml(displayText(c.kind, c.value(line, language)))}</td>`).join('')}</tr>`)
    .join('');
  const amounts = (rows: [string, FenSum | number, ColumnKind][]) =>
    `<table class="pairs">${rows.map(([label, value, kind]) => `<tr><th>${escapeHtml(label)}</th><td class="num">${escapeHtml(displayText(kind, value))}</td></tr>`).join('')}</table>`;
  const title = `${w.title} · ${source.campaign || ''}`.replace(/ · $/, '');
  return (
    `<!DOCTYPE html><html lang="${language === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${escapeHtml(`${title} · ${statement.merchant.merchantId}`)}</title>` +
    `<style>${PAGE_CSS}</style></head><body>` +
    `<h1>${escapeHtml(title)}</h1>${pairsHtml(s.head)}` +
    `<h2>${escapeHtml(w.days)}</h2><table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>` +
    `<h2>${escapeHtml(w.totals)}</h2>${amounts(s.totals)}` +
    (s.trueUp.length > 0 ? `<h2>${escapeHtml(w.trueUp)}</h2>${amounts(s.trueUp)}` : '') +
    `<div class="foot">${pairsHtml(s.foot)}</div></body></html>\n`
  );
}

/** The same statement as rows of sheet cells, for the statements sheet (one block per merchant). */
export function statementBlock(statement: Statement, source: StatementSource, language: Language): SheetBlock {
  const w = WORDS[language];
  const s = sections(statement, source, language);
  const t = SHEET_FORMATS.text;
  const values: SheetValue[][] = [[`${w.title} · ${statement.merchant.merchantId}`]];
  const formats: string[][] = [[t]];
  const push = (row: SheetValue[], format: string[]) => {
    values.push(row);
    formats.push(format);
  };
  s.head.forEach(([label, value]) => push([label, value], [t, t]));
  push([w.days], [t]);
  push(DAY_COLUMNS.map((c) => heading(c, language)), DAY_COLUMNS.map(() => t));
  statement.lines.forEach((line) => push(DAY_COLUMNS.map((c) => sheetValue(c.kind, c.value(line, language))), DAY_COLUMNS.map(formatOf)));
  push([w.totals], [t]);
  s.totals.forEach(([label, value, kind]) => push([label, sheetValue(kind, value)], [t, formatOf({ kind })]));
  if (s.trueUp.length > 0) {
    push([w.trueUp], [t]);
    s.trueUp.forEach(([label, value, kind]) => push([label, sheetValue(kind, value)], [t, formatOf({ kind })]));
  }
  s.foot.forEach(([label, value]) => push([label, value], [t, t]));
  return { values, formats };
}
