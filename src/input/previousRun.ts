/**
 * An earlier run read back from what this program wrote: the CLI's `--format json` report (its
 * `lines` and `run`), or a lines sheet's rows keyed by column key (the add-on maps its headings).
 * A true-up and a hold rest on these lines, so anything that is not a settlement this program
 * wrote is refused, saying what is wrong, instead of being trued up against on a guess.
 */
import { Dec } from '../core/money';
import type { LineStatus, SettlementLine } from '../core/model';
import { readMoneyFen, type Cell } from './number';
import { TableError } from './tableError';

/** What a true-up needs of the run it is against. */
export interface PreviousRun {
  lines: SettlementLine[];
  /** The policy the run used, as its record shows it (the policy file's JSON). */
  policy: unknown;
  inputSha256: string;
  generatedAt: string;
  campaign?: string;
  run?: number;
}

const STATUSES: LineStatus[] = ['qualified', 'not_qualified', 'no_baseline', 'not_invited', 'blocked', 'held'];
const RATE = /^(?:0|[1-9]\d*)(?:\.\d+)?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Problems listed before "and N more": enough to see what kind of file it is. */
const SHOWN = 3;

type Problems = string[];

function money(record: Record<string, unknown>, key: string, nullable: boolean, where: string, problems: Problems): number | null {
  const value = record[key];
  if (value === null && nullable) return null;
  const read = readMoneyFen(value as Cell);
  if (read.kind === 'fen') return read.fen;
  if (read.kind === 'blank' && nullable) return null;
  problems.push(`${where}.${key} is not an amount: ${JSON.stringify(value === undefined ? null : value)}`);
  return 0;
}

function whole(record: Record<string, unknown>, key: string, where: string, problems: Problems): number {
  const value = record[key];
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  problems.push(`${where}.${key} is not a whole number: ${JSON.stringify(value === undefined ? null : value)}`);
  return 0;
}

function rate(record: Record<string, unknown>, key: string, where: string, problems: Problems): Dec {
  const value = record[key];
  const text = typeof value === 'number' && isFinite(value) ? String(value) : value;
  if (typeof text === 'string' && RATE.test(text)) return new Dec(text);
  problems.push(`${where}.${key} is not a rate: ${JSON.stringify(value === undefined ? null : value)}`);
  return new Dec(0);
}

function text(record: Record<string, unknown>, key: string, where: string, problems: Problems, required = true): string {
  const value = record[key];
  if (typeof value === 'string' && (!required || value !== '')) return value;
  if (!required && (value === null || value === undefined)) return '';
  problems.push(`${where}.${key} is not ${required ? 'a non-empty text' : 'text'}: ${JSON.stringify(value === undefined ? null : value)}`);
  return '';
}

/** One line as a settlement line; its reason is kept as the words that run wrote. */
function lineOf(record: unknown, where: string, problems: Problems): SettlementLine | undefined {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    problems.push(`${where} is not a line object`);
    return undefined;
  }
  const r = record as Record<string, unknown>;
  const status = r.status as LineStatus;
  if (STATUSES.indexOf(status) < 0) problems.push(`${where}.status is not a line status: ${JSON.stringify(r.status === undefined ? null : r.status)}`);
  const date = r.date === null ? '' : text(r, 'date', where, problems);
  if (date !== '' && !DAY.test(date)) problems.push(`${where}.date is not a YYYY-MM-DD day: ${JSON.stringify(date)}`);
  const tier = whole(r, 'tier', where, problems);
  return {
    merchantId: text(r, 'merchant_id', where, problems),
    merchantName: text(r, 'merchant_name', where, problems, false),
    date,
    gmvFen: money(r, 'gmv', true, where, problems),
    baselineFen: money(r, 'baseline_avg', true, where, problems),
    incrementalFen: money(r, 'incremental_gmv', false, where, problems) as number,
    tier,
    adSpendFen: money(r, 'ad_spend', false, where, problems) as number,
    cashbackRate: rate(r, 'cashback_rate', where, problems),
    cashbackFen: money(r, 'cashback', false, where, problems) as number,
    coefficient: rate(r, 'red_packet_coefficient', where, problems),
    redPacketFen: money(r, 'red_packet', false, where, problems) as number,
    cashTotalFen: money(r, 'cash_total', false, where, problems) as number,
    trafficCap: whole(r, 'traffic_cap', where, problems),
    trafficGranted: whole(r, 'traffic_granted', where, problems),
    status,
    reason: { code: 'earlier', text: text(r, 'reason', where, problems, false) },
  };
}

function refuse(what: string, problems: Problems, zh: string): never {
  const shown = problems.slice(0, SHOWN).join('; ') + (problems.length > SHOWN ? `; and ${problems.length - SHOWN} more` : '');
  throw new TableError({ en: `${what}: ${shown}`, zh: `${zh}：${shown}` });
}

/**
 * Lines keyed by column key (the JSON report's `lines`, or a lines sheet's rows), checked: every
 * figure readable, and no merchant-day twice (only undated rejected lines may share one).
 */
export function previousLines(records: unknown[], what: string, whatZh: string): SettlementLine[] {
  const problems: Problems = [];
  const seen = new Map<string, number>();
  const lines: SettlementLine[] = [];
  records.forEach((record, i) => {
    const line = lineOf(record, `lines[${i}]`, problems);
    if (!line) return;
    const key = line.merchantId + '\u0000' + line.date;
    const earlier = seen.get(key);
    if (line.date !== '' && earlier !== undefined) problems.push(`lines[${earlier}] and lines[${i}] are both merchant ${line.merchantId} on ${line.date}`);
    seen.set(key, i);
    lines.push(line);
  });
  if (problems.length > 0) refuse(what, problems, whatZh);
  return lines;
}

/**
 * An earlier `gmv-settle --format json` report: its lines and run record, refused unless it
 * is one, and unless it was made before `now` (a true-up is against an earlier run).
 */
export function previousRunFromJson(json: unknown, what: string, now: Date): PreviousRun {
  const notOurs = (why: string): never =>
    refuse(what, [`${why}; it must be an earlier gmv-settle --format json output`], `不是 gmv-settle --format json 的输出（${why}）`);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return notOurs('it is not a JSON object');
  const report = json as Record<string, unknown>;
  if (!Array.isArray(report.lines)) return notOurs('it has no "lines" list');
  if (!Array.isArray(report.merchants) || typeof report.totals !== 'object' || report.totals === null) return notOurs('it has no "merchants" and "totals"');
  const run = report.run as Record<string, unknown> | undefined;
  if (typeof run !== 'object' || run === null) return notOurs('it has no "run" record');
  if (typeof run.input_sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(run.input_sha256)) return notOurs('its run record has no input_sha256');
  const generated = typeof run.generated_at === 'string' ? Date.parse(run.generated_at) : NaN;
  if (isNaN(generated)) return notOurs('its run record has no generated_at time');
  if (generated >= now.getTime())
    refuse(what, [`it was generated at ${run.generated_at}, not before this run`], `生成于 ${run.generated_at}，并不早于本次结算`);
  return {
    lines: previousLines(report.lines, what, what),
    policy: run.policy,
    inputSha256: run.input_sha256,
    generatedAt: run.generated_at as string,
    ...(typeof run.campaign === 'string' ? { campaign: run.campaign } : {}),
    ...(typeof run.run === 'number' && Number.isSafeInteger(run.run) && run.run > 0 ? { run: run.run } : {}),
  };
}
