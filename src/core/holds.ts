/**
 * SPEC §7 holds: a hold keeps a merchant's payout where the last approved run left it while
 * someone looks into it. Each of its lines gets status `held` and pays exactly what the previous
 * approved run paid for that merchant-day — the previous line is carried as it was, so every
 * figure on it can still be recomputed by hand — or 0 where that run had no such day (and in a
 * first run); a day only the previous run had is carried too. Its reason says what the line would
 * pay now. So a held merchant's true-up delta is 0, and the totals count the held merchants and
 * what their holds defer (would pay now − pays) apart.
 */
import { Dec, type Fen } from './money';
import type { Settlement, SettlementInput, SettlementLine } from './model';
import { summarise, total } from './settle';
import { dateOrder } from './trueUp';

const ZERO = new Dec(0);

/** Merchant id → the reason the holds table gives (may be ''). */
export type Holds = Map<string, string>;

function dayKey(line: SettlementLine): string {
  return line.date;
}

/** A previous line carried as it was, held; `wouldPayFen` is what this run would pay for the day. */
function carried(before: SettlementLine, name: string, holdReason: string, wouldPayFen: Fen): SettlementLine {
  return { ...before, merchantName: name || before.merchantName, status: 'held', reason: { code: 'held', holdReason, wouldPayFen } };
}

/** A day the previous run did not have (or a first run): this run's facts, nothing paid. */
function unpaid(now: SettlementLine, holdReason: string): SettlementLine {
  return {
    ...now,
    tier: 0,
    cashbackRate: ZERO,
    cashbackFen: 0,
    coefficient: ZERO,
    redPacketFen: 0,
    cashTotalFen: 0,
    trafficCap: 0,
    trafficGranted: 0,
    status: 'held',
    reason: { code: 'held', holdReason, wouldPayFen: now.cashTotalFen },
  };
}

/** A held merchant's lines: each current day paid as before, then the days only the previous run had, by date. */
function heldLines(current: SettlementLine[], previous: SettlementLine[], holdReason: string): SettlementLine[] {
  const previousByDay = new Map(previous.map((line) => [dayKey(line), line]));
  const name = current.length > 0 ? current[0].merchantName : '';
  const lines = current.map((now) => {
    const before = previousByDay.get(dayKey(now));
    return before ? carried(before, name, holdReason, now.cashTotalFen) : unpaid(now, holdReason);
  });
  const days = new Set(current.map(dayKey));
  previous.filter((before) => !days.has(dayKey(before))).forEach((before) => lines.push(carried(before, name, holdReason, 0)));
  return lines.sort((a, b) => dateOrder(a.date, b.date));
}

function groupByMerchant(lines: SettlementLine[]): Map<string, SettlementLine[]> {
  const groups = new Map<string, SettlementLine[]>();
  for (const line of lines) {
    const group = groups.get(line.merchantId);
    if (group) group.push(line);
    else groups.set(line.merchantId, [line]);
  }
  return groups;
}

/**
 * The settlement with its held merchants paid as the previous approved run paid them. Merchants
 * keep their order; a held merchant only the previous run had comes last, its days carried.
 */
export function applyHolds(settlement: Settlement, input: SettlementInput, holds: Holds, previous: SettlementLine[] = []): Settlement {
  if (holds.size === 0) return settlement;
  const currentByMerchant = groupByMerchant(settlement.lines);
  const previousByMerchant = groupByMerchant(previous);
  const order = settlement.merchants.map((m) => m.merchantId);
  previousByMerchant.forEach((_, id) => holds.has(id) && !currentByMerchant.has(id) && order.push(id));

  const summaries = new Map(settlement.merchants.map((m) => [m.merchantId, m]));
  const lines: SettlementLine[] = [];
  const merchants = order.map((merchantId) => {
    const current = currentByMerchant.get(merchantId) || [];
    const holdReason = holds.get(merchantId);
    const merchantLines = holdReason === undefined ? current : heldLines(current, previousByMerchant.get(merchantId) || [], holdReason);
    lines.push(...merchantLines);
    return holdReason === undefined ? summaries.get(merchantId)! : summarise(merchantId, merchantLines, input);
  });
  return { lines, merchants, totals: total(merchants), policy: settlement.policy };
}
