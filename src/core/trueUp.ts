/**
 * SPEC §7: a run of a campaign that already has an approved run is a true-up against it. Lines
 * are matched by (merchant id, date); a line in only one of the two counts 0 in the other. Per
 * line the deltas are now − before; per merchant the delta is the sum of its line deltas, split
 * into what to pay and what to recover (or, without clawback, what is waived); the totals are
 * sums of the merchants' figures, so delta = total now − total before and, with clawback,
 * to pay − to recover = delta, exactly.
 */
import { addFen, signFen, subFen, type Fen, type FenSum } from './money';
import type { SettlementLine } from './model';

/** What changed on a line, in the order SPEC §7 tests them: the first that applies. */
export const CHANGES = ['new', 'removed', 'gmv', 'baseline', 'ad_spend', 'status', 'policy', 'unchanged'] as const;
export type Change = (typeof CHANGES)[number];

export interface TrueUpLine {
  merchantId: string;
  merchantName: string;
  date: string;
  previousCashFen: Fen;
  cashFen: Fen;
  deltaCashFen: Fen;
  previousTraffic: number;
  traffic: number;
  deltaTraffic: number;
  change: Change;
}

/** The money a merchant's true-up comes to; FenSum, as a merchant's sums may pass 2^53. */
export interface TrueUpFigures {
  previousCashFen: FenSum;
  cashFen: FenSum;
  deltaCashFen: FenSum;
  toPayFen: FenSum;
  toRecoverFen: FenSum;
  /** With `clawback: false`, the shortfall that is not recovered; 0 with clawback. */
  waivedFen: FenSum;
  previousTraffic: number;
  traffic: number;
  deltaTraffic: number;
}

export interface TrueUpMerchant extends TrueUpFigures {
  merchantId: string;
  merchantName: string;
}

export interface TrueUp {
  lines: TrueUpLine[];
  merchants: TrueUpMerchant[];
  totals: TrueUpFigures;
  clawback: boolean;
  /** SPEC §7 "the true-up says so": each policy key whose value differs from the previous run's (as the policy file writes them). */
  policyChanges?: PolicyChange[];
}

/** One policy key changed since the previous run: its values as JSON text. */
export interface PolicyChange {
  key: string;
  previous: string;
  now: string;
}

export interface TrueUpOptions {
  /** The policy's `clawback` (SPEC §7): recover a negative delta, or waive it. */
  clawback: boolean;
  /** Whether this run's policy differs from the previous run's: the `policy` change. */
  policyChanged: boolean;
}

/** A key's line, with the cash and traffic of every line under that key (only undated rejected lines share one). */
interface Keyed {
  line: SettlementLine;
  cashFen: Fen;
  traffic: number;
}

/** Date order, an undated (rejected) line last, as the settlement orders a merchant's days. */
export function dateOrder(a: string, b: string): number {
  return a === b ? 0 : a === '' ? 1 : b === '' ? -1 : a < b ? -1 : 1;
}

function lineKey(line: SettlementLine): string {
  return line.merchantId + '\u0000' + line.date;
}

function byKey(lines: SettlementLine[]): Map<string, Keyed> {
  const keyed = new Map<string, Keyed>();
  for (const line of lines) {
    const key = lineKey(line);
    const seen = keyed.get(key);
    if (seen) {
      seen.cashFen += line.cashTotalFen;
      seen.traffic += line.trafficGranted;
    } else keyed.set(key, { line, cashFen: line.cashTotalFen, traffic: line.trafficGranted });
  }
  return keyed;
}

/**
 * The first change that applies (SPEC §7). A figure one run could not know (the GMV of a
 * rejected row, the baseline a blocked line does not show) is not compared: the status change
 * is what explains such a line.
 */
export function changeOf(before: SettlementLine | undefined, now: SettlementLine | undefined, policyChanged: boolean): Change {
  if (!before) return 'new';
  if (!now) return 'removed';
  const differs = (a: Fen | null, b: Fen | null) => a !== null && b !== null && a !== b;
  if (differs(before.gmvFen, now.gmvFen)) return 'gmv';
  if (differs(before.baselineFen, now.baselineFen)) return 'baseline';
  if (before.adSpendFen !== now.adSpendFen) return 'ad_spend';
  if (before.status !== now.status) return 'status';
  return policyChanged ? 'policy' : 'unchanged';
}

/** To pay and to recover from a delta: with clawback the two sides of it; without, nothing recovered and the rest waived. */
export function settleDelta(deltaFen: FenSum, clawback: boolean): { toPayFen: FenSum; toRecoverFen: FenSum; waivedFen: FenSum } {
  const sign = signFen(deltaFen);
  const shortfall = sign < 0 ? subFen(0, deltaFen) : 0;
  return { toPayFen: sign > 0 ? deltaFen : 0, toRecoverFen: clawback ? shortfall : 0, waivedFen: clawback ? 0 : shortfall };
}

function emptyFigures(): TrueUpFigures {
  return { previousCashFen: 0, cashFen: 0, deltaCashFen: 0, toPayFen: 0, toRecoverFen: 0, waivedFen: 0, previousTraffic: 0, traffic: 0, deltaTraffic: 0 };
}

/** `into` plus the cash and traffic of a line or a merchant (to pay, recover and waived are the caller's). */
function addFigures(into: TrueUpFigures, previousCashFen: FenSum, cashFen: FenSum, previousTraffic: number, traffic: number): void {
  into.previousCashFen = addFen(into.previousCashFen, previousCashFen);
  into.cashFen = addFen(into.cashFen, cashFen);
  into.deltaCashFen = subFen(into.cashFen, into.previousCashFen);
  into.previousTraffic += previousTraffic;
  into.traffic += traffic;
  into.deltaTraffic = into.traffic - into.previousTraffic;
}

/**
 * The true-up of `current` against `previous` (SPEC §7). Merchants in the order of the current
 * run, then those only the previous run had; each merchant's lines by date.
 */
export function trueUp(previous: SettlementLine[], current: SettlementLine[], options: TrueUpOptions): TrueUp {
  const before = byKey(previous);
  const now = byKey(current);
  const keysByMerchant = new Map<string, string[]>();
  const addKey = (line: SettlementLine, key: string) => {
    const keys = keysByMerchant.get(line.merchantId);
    if (!keys) keysByMerchant.set(line.merchantId, [key]);
    else if (keys.indexOf(key) < 0) keys.push(key);
  };
  now.forEach((keyed, key) => addKey(keyed.line, key));
  before.forEach((keyed, key) => addKey(keyed.line, key));

  const lines: TrueUpLine[] = [];
  const merchants: TrueUpMerchant[] = [];
  const totals = emptyFigures();
  keysByMerchant.forEach((keys, merchantId) => {
    const dated = keys.map((key) => ({ key, date: (now.get(key) || before.get(key))!.line.date }));
    dated.sort((a, b) => dateOrder(a.date, b.date));
    const merchant: TrueUpMerchant = { merchantId, merchantName: '', ...emptyFigures() };
    for (const { key } of dated) {
      const was = before.get(key);
      const is = now.get(key);
      const line = (is || was)!.line;
      merchant.merchantName = merchant.merchantName || (is ? is.line.merchantName : '') || line.merchantName;
      const previousCashFen = was ? was.cashFen : 0;
      const cashFen = is ? is.cashFen : 0;
      const previousTraffic = was ? was.traffic : 0;
      const traffic = is ? is.traffic : 0;
      lines.push({
        merchantId,
        merchantName: '',
        date: line.date,
        previousCashFen,
        cashFen,
        deltaCashFen: cashFen - previousCashFen,
        previousTraffic,
        traffic,
        deltaTraffic: traffic - previousTraffic,
        change: changeOf(was && was.line, is && is.line, options.policyChanged),
      });
      addFigures(merchant, previousCashFen, cashFen, previousTraffic, traffic);
    }
    Object.assign(merchant, settleDelta(merchant.deltaCashFen, options.clawback));
    merchants.push(merchant);
    addFigures(totals, merchant.previousCashFen, merchant.cashFen, merchant.previousTraffic, merchant.traffic);
    totals.toPayFen = addFen(totals.toPayFen, merchant.toPayFen);
    totals.toRecoverFen = addFen(totals.toRecoverFen, merchant.toRecoverFen);
    totals.waivedFen = addFen(totals.waivedFen, merchant.waivedFen);
  });
  // Each line carries its merchant's name as the merchant row has it (the current run's first).
  const names = new Map(merchants.map((m) => [m.merchantId, m.merchantName]));
  lines.forEach((line) => (line.merchantName = names.get(line.merchantId) || ''));
  return { lines, merchants, totals, clawback: options.clawback };
}
