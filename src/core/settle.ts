/** A whole settlement (SPEC §5): one line per merchant-day, a row per merchant, grand totals. */
import { Dec, sumFen } from './money';
import { Policy } from './policy';
import { baselineAverage, evaluateDay, thresholdsFor, trafficDays, unpaidIncrement } from './rules';
import type {
  CampaignDay,
  LineStatus,
  MerchantSummary,
  Reason,
  Settlement,
  SettlementInput,
  SettlementLine,
  Totals,
} from './settlement';

const ZERO = new Dec(0);

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

function settleMerchant(merchantId: string, days: CampaignDay[], input: SettlementInput, policy: Policy): SettlementLine[] {
  const blockingIssues = input.blocked.get(merchantId);
  const invited = !policy.invitedOnly || (input.targets !== undefined && input.targets.has(merchantId));
  const baselineFen = baselineAverage(input.history.get(merchantId), policy);
  const thresholds = thresholdsFor(policy, input.targets && input.targets.get(merchantId));

  const lines = days.map((day): SettlementLine => {
    // A blocked merchant's baseline may rest on a rejected row, so none is shown.
    if (blockingIssues) return unpaidLine(day, input, 'blocked', { code: 'blocked', issues: blockingIssues }, null, 0);
    if (!invited) {
      // Not in the programme, but its increment is still a fact worth showing beside its baseline.
      const increment = baselineFen === null || day.gmvFen === null ? 0 : unpaidIncrement(day.gmvFen, baselineFen, policy);
      return unpaidLine(day, input, 'not_invited', { code: 'not_invited' }, baselineFen, increment);
    }
    if (baselineFen === null) return unpaidLine(day, input, 'no_baseline', { code: 'no_baseline' }, null, 0);
    // Only a rejected row has no GMV, and a rejected row blocks its merchant (handled above).
    if (day.gmvFen === null) return unpaidLine(day, input, 'blocked', { code: 'blocked', issues: [] }, null, 0);
    const result = evaluateDay(day.gmvFen, baselineFen, day.adSpendFen, thresholds, policy);
    // Written out, not spread: {...a, ...b} built 300k lines as slow dictionary objects (7× slower).
    return {
      merchantId: day.merchantId,
      merchantName: nameOf(day, input),
      date: day.date,
      gmvFen: day.gmvFen,
      baselineFen,
      incrementalFen: result.incrementalFen,
      tier: result.tier,
      adSpendFen: day.adSpendFen,
      cashbackRate: result.cashbackRate,
      cashbackFen: result.cashbackFen,
      coefficient: result.coefficient,
      redPacketFen: result.redPacketFen,
      cashTotalFen: result.cashTotalFen,
      trafficCap: result.trafficCap,
      trafficGranted: 0,
      status: result.tier > 0 ? 'qualified' : 'not_qualified',
      reason: dayReason(day.gmvFen, baselineFen, result.tier, thresholds, policy),
    };
  });

  const granted = trafficDays(
    lines.map((l) => l.trafficCap),
    lines.map((l) => l.status === 'qualified'),
    policy,
  );
  lines.forEach((line, i) => {
    if (granted[i]) line.trafficGranted = line.trafficCap;
    else if (line.reason.code === 'qualified') line.reason.trafficUsedUp = true;
  });
  return lines;
}

/** Why a settled day came out as it did: the tier and its neighbours, or what it fell short of. */
function dayReason(gmvFen: number, baselineFen: number, tier: number, thresholds: number[], policy: Policy): Reason {
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
      trafficUsedUp: false, // set once the merchant's traffic days are known
      inclusive,
    };
  }
  return gmvFen > baselineFen
    ? { code: 'below_first_tier', gmvFen, baselineFen, thresholdFen: thresholds[0], inclusive }
    : { code: 'not_above_baseline', gmvFen, baselineFen };
}

/** A line that pays nothing (blocked, not invited, no baseline): its reason says why. */
function unpaidLine(
  day: CampaignDay,
  input: SettlementInput,
  status: LineStatus,
  reason: Reason,
  shownBaseline: number | null,
  incrementalFen: number,
): SettlementLine {
  return {
    merchantId: day.merchantId,
    merchantName: nameOf(day, input),
    date: day.date,
    gmvFen: day.gmvFen,
    baselineFen: shownBaseline,
    incrementalFen,
    tier: 0,
    adSpendFen: day.adSpendFen,
    cashbackRate: ZERO,
    cashbackFen: 0,
    coefficient: ZERO,
    redPacketFen: 0,
    cashTotalFen: 0,
    trafficCap: 0,
    trafficGranted: 0,
    status,
    reason,
  };
}

function nameOf(day: CampaignDay, input: SettlementInput): string {
  return day.merchantName || input.names.get(day.merchantId) || '';
}

function summarise(merchantId: string, lines: SettlementLine[], input: SettlementInput): MerchantSummary {
  const qualifiedDays = lines.filter((l) => l.status === 'qualified').length;
  let status: LineStatus;
  if (input.blocked.has(merchantId)) status = 'blocked';
  else if (qualifiedDays > 0) status = 'qualified';
  else status = lines.length > 0 ? lines[0].status : 'not_qualified';
  const sum = (pick: (l: SettlementLine) => number) => lines.reduce((acc, l) => acc + pick(l), 0);
  return {
    merchantId,
    merchantName: (lines[0] && lines[0].merchantName) || input.names.get(merchantId) || '',
    status,
    days: lines.length,
    qualifiedDays,
    bestTier: lines.reduce((best, l) => Math.max(best, l.tier), 0),
    cashbackFen: sumFen(lines, (l) => l.cashbackFen),
    redPacketFen: sumFen(lines, (l) => l.redPacketFen),
    cashTotalFen: sumFen(lines, (l) => l.cashTotalFen),
    trafficGranted: sum((l) => l.trafficGranted),
  };
}

/** Grand totals are sums of the rounded figures, so SUM over the sheet equals them (SPEC §2). */
function total(merchants: MerchantSummary[]): Totals {
  const sum = (pick: (m: MerchantSummary) => number) => merchants.reduce((acc, m) => acc + pick(m), 0);
  return {
    merchants: merchants.length,
    blockedMerchants: merchants.filter((m) => m.status === 'blocked').length,
    qualifiedMerchants: merchants.filter((m) => m.status === 'qualified').length,
    cashbackFen: sumFen(merchants, (m) => m.cashbackFen),
    redPacketFen: sumFen(merchants, (m) => m.redPacketFen),
    cashTotalFen: sumFen(merchants, (m) => m.cashTotalFen),
    trafficGranted: sum((m) => m.trafficGranted),
  };
}
