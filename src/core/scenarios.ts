/**
 * SPEC §8 "scenarios": what the programme pays if every campaign day's GMV comes in r higher or
 * lower. For each change r, every campaign-day GMV g becomes round(g × (1 + r)) to the fen, half
 * away from zero (the money × rate rounding of SPEC §2); ad spend, history and the policy stay as
 * they are, and the settlement is run as usual — so a merchant can cross a tier either way.
 */
import { Dec, mulRate } from './money';
import { Policy } from './policy';
import { settle } from './settle';
import type { CampaignDay, SettlementInput, Totals } from './model';

export interface ScenarioResult {
  change: Dec;
  totals: Totals;
}

const ONE = new Dec(1);

/** A campaign day with its GMV scaled; a rejected row's unread GMV stays unread. */
function scaledDay(day: CampaignDay, factor: Dec): CampaignDay {
  const scaled: CampaignDay = {
    merchantId: day.merchantId,
    merchantName: day.merchantName,
    date: day.date,
    gmvFen: day.gmvFen === null ? null : mulRate(day.gmvFen, factor),
    adSpendFen: day.adSpendFen,
  };
  if (day.rejected) scaled.rejected = true;
  return scaled;
}

/** The inputs with every campaign-day GMV × (1 + change); `change` is at least −1 (−100%). */
export function scaledInput(input: SettlementInput, change: Dec): SettlementInput {
  const factor = ONE.plus(change);
  return { ...input, campaign: input.campaign.map((day) => scaledDay(day, factor)) };
}

export function payoutScenarios(input: SettlementInput, policy: Policy, changes: Dec[]): ScenarioResult[] {
  return changes.map((change) => ({ change, totals: settle(scaledInput(input, change), policy).totals }));
}
