/** A whole settlement (SPEC §5): one line per merchant-day, a row per merchant, grand totals. */
import { subFen, sumFen } from './money';
import { Policy } from './policy';
import { baselineAverage, evaluateDay, incrementalGmv, thresholdsFor, tooFewHistoryDays, trafficDays, unpaidDay, type DayResult } from './rules';
import type {
  CampaignDay,
  InputIssue,
  LineStatus,
  MerchantSummary,
  Reason,
  Settlement,
  SettlementInput,
  SettlementLine,
  Totals,
} from './model';


export function settle(input: SettlementInput, policy: Policy): Settlement {
  const daysByMerchant = groupCampaignDays(input);
  const lines: SettlementLine[] = [];
  const merchants: MerchantSummary[] = [];
  daysByMerchant.forEach((days, merchantId) => {
    const merchantLines = settleMerchant(merchantId, days, input, policy);
    lines.push(...merchantLines);
    merchants.push(summarise(merchantId, merchantLines, input));
  });
  return { lines, merchants, totals: total(merchants), policy };
}

/** Merchants in first-seen order, each merchant's days in date order. */
function groupCampaignDays(input: SettlementInput): Map<string, CampaignDay[]> {
  const byMerchant = new Map<string, CampaignDay[]>();
  input.campaignMerchantOrder.forEach((id) => byMerchant.set(id, []));
  input.campaign.forEach((day) => {
    let days = byMerchant.get(day.merchantId);
    if (!days) byMerchant.set(day.merchantId, (days = []));
    days.push(day);
  });
  // Date order; a rejected row without a readable date goes last.
  const order = (day: CampaignDay) => day.date || '\uffff';
  byMerchant.forEach((days) => days.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0)));
  return byMerchant;
}

/** What one campaign day comes to before its traffic is known: the figures, the status, what to show. */
interface DayOutcome {
  day: CampaignDay;
  result: DayResult;
  status: LineStatus;
  /** null where the baseline may rest on a rejected row, or there is none. */
  shownBaselineFen: number | null;
  /** For a settled day: the thresholds it was measured against. */
  thresholds?: number[];
}

function settleMerchant(merchantId: string, days: CampaignDay[], input: SettlementInput, policy: Policy): SettlementLine[] {
  const blockingIssues = input.blocked.get(merchantId);
  const invited = !policy.invitedOnly || (input.targets !== undefined && input.targets.has(merchantId));
  const history = input.history.get(merchantId);
  const baselineFen = baselineAverage(history, policy);
  const thresholds = thresholdsFor(policy, input.targets && input.targets.get(merchantId));

  const outcomes = days.map((day): DayOutcome => {
    // A blocked merchant's baseline may rest on a rejected row, so none is shown. Only a rejected
    // row has no GMV, and a rejected row blocks its merchant.
    if (blockingIssues || day.gmvFen === null) return { day, result: unpaidDay(0), status: 'blocked', shownBaselineFen: null };
    // Not in the programme, but its increment is still a fact worth showing beside its baseline.
    if (!invited)
      return { day, result: unpaidDay(baselineFen === null ? 0 : incrementalGmv(day.gmvFen, baselineFen, policy.incrementalBasis)), status: 'not_invited', shownBaselineFen: baselineFen };
    if (baselineFen === null) return { day, result: unpaidDay(0), status: 'no_baseline', shownBaselineFen: null };
    const result = evaluateDay(day.gmvFen, baselineFen, day.adSpendFen, thresholds, policy);
    return { day, result, status: result.tier > 0 ? 'qualified' : 'not_qualified', shownBaselineFen: baselineFen, thresholds };
  });

  // Traffic days are decided before any line exists, so each line is built once, whole.
  const granted = trafficDays(
    outcomes.map((o) => o.result.trafficCap),
    outcomes.map((o) => o.status === 'qualified'),
    policy,
  );
  const noBaseline: Reason = tooFewHistoryDays(history, policy) || { code: 'no_baseline' };
  return outcomes.map((o, i) => settlementLine(o, nameOf(o.day, input), granted[i], reasonFor(o, granted[i], blockingIssues, policy, noBaseline)));
}

/** The one place a settlement line is made. Written out, not spread: {...a, ...b} built 300k lines as slow dictionary objects (7× slower). */
function settlementLine(o: DayOutcome, merchantName: string, trafficGranted: boolean, reason: Reason): SettlementLine {
  const r = o.result;
  return {
    merchantId: o.day.merchantId,
    merchantName,
    date: o.day.date,
    gmvFen: o.day.gmvFen,
    baselineFen: o.shownBaselineFen,
    incrementalFen: r.incrementalFen,
    tier: r.tier,
    adSpendFen: o.day.adSpendFen,
    cashbackRate: r.cashbackRate,
    cashbackFen: r.cashbackFen,
    coefficient: r.coefficient,
    redPacketFen: r.redPacketFen,
    cashTotalFen: r.cashTotalFen,
    trafficCap: r.trafficCap,
    trafficGranted: trafficGranted ? r.trafficCap : 0,
    status: o.status,
    reason,
  };
}

/** Why a day came out as it did: the tier and its neighbours, what it fell short of, or why it is not settled. */
function reasonFor(o: DayOutcome, trafficGranted: boolean, blockingIssues: InputIssue[] | undefined, policy: Policy, noBaseline: Reason): Reason {
  if (o.status === 'blocked') return { code: 'blocked', issues: blockingIssues || [] };
  if (o.status === 'not_invited') return { code: 'not_invited' };
  if (o.status === 'no_baseline') return noBaseline;
  const gmvFen = o.day.gmvFen as number;
  const baselineFen = o.shownBaselineFen as number;
  const thresholds = o.thresholds as number[];
  const tier = o.result.tier;
  const inclusive = policy.thresholdInclusive;
  if (tier > 0) {
    const hasNext = tier < thresholds.length;
    return {
      code: 'qualified',
      gmvFen,
      tier,
      thresholdFen: thresholds[tier - 1],
      nextTier: hasNext ? tier + 1 : undefined,
      nextThresholdFen: hasNext ? thresholds[tier] : undefined,
      trafficUsedUp: !trafficGranted,
      inclusive,
    };
  }
  return gmvFen > baselineFen
    ? { code: 'below_first_tier', gmvFen, baselineFen, thresholdFen: thresholds[0], inclusive }
    : { code: 'not_above_baseline', gmvFen, baselineFen };
}

function nameOf(day: CampaignDay, input: SettlementInput): string {
  return day.merchantName || input.names.get(day.merchantId) || '';
}

/** A merchant's row from its lines (SPEC §5); a held merchant's from its held lines (SPEC §7). */
export function summarise(merchantId: string, lines: SettlementLine[], input: SettlementInput): MerchantSummary {
  const qualifiedDays = lines.filter((l) => l.status === 'qualified').length;
  const held = lines.filter((l) => l.status === 'held');
  let status: LineStatus;
  if (held.length > 0) status = 'held';
  else if (input.blocked.has(merchantId)) status = 'blocked';
  else if (qualifiedDays > 0) status = 'qualified';
  else status = lines.length > 0 ? lines[0].status : 'not_qualified';
  const sum = (pick: (l: SettlementLine) => number) => lines.reduce((acc, l) => acc + pick(l), 0);
  const cashTotalFen = sumFen(lines, (l) => l.cashTotalFen);
  const wouldPayFen = sumFen(held, (l) => (l.reason.code === 'held' ? l.reason.wouldPayFen : 0));
  const holdReason = held.length > 0 && held[0].reason.code === 'held' ? held[0].reason.holdReason : '';
  const summary: MerchantSummary = {
    merchantId,
    merchantName: (lines[0] && lines[0].merchantName) || input.names.get(merchantId) || '',
    status,
    days: lines.length,
    qualifiedDays,
    bestTier: lines.reduce((best, l) => Math.max(best, l.tier), 0),
    cashbackFen: sumFen(lines, (l) => l.cashbackFen),
    redPacketFen: sumFen(lines, (l) => l.redPacketFen),
    cashTotalFen,
    trafficGranted: sum((l) => l.trafficGranted),
    deferredFen: held.length > 0 ? subFen(wouldPayFen, sumFen(held, (l) => l.cashTotalFen)) : 0,
  };
  if (status === 'held') summary.reason = { code: 'held', holdReason, wouldPayFen };
  else if (status === 'blocked') summary.reason = { code: 'blocked', issues: input.blocked.get(merchantId) || [] };
  return summary;
}

/** Grand totals are sums of the rounded figures, so SUM over the sheet equals them (SPEC §2). */
export function total(merchants: MerchantSummary[]): Totals {
  const sum = (pick: (m: MerchantSummary) => number) => merchants.reduce((acc, m) => acc + pick(m), 0);
  return {
    merchants: merchants.length,
    blockedMerchants: merchants.filter((m) => m.status === 'blocked').length,
    qualifiedMerchants: merchants.filter((m) => m.status === 'qualified').length,
    cashbackFen: sumFen(merchants, (m) => m.cashbackFen),
    redPacketFen: sumFen(merchants, (m) => m.redPacketFen),
    cashTotalFen: sumFen(merchants, (m) => m.cashTotalFen),
    trafficGranted: sum((m) => m.trafficGranted),
    heldMerchants: merchants.filter((m) => m.status === 'held').length,
    heldDeferredFen: sumFen(merchants, (m) => m.deferredFen),
  };
}
