/**
 * "Compare baselines" (SPEC §8 baseline choices): the same inputs settled under two or three
 * baseline choices, and the merchants whose best tier differs between them — what the choice
 * costs, merchant by merchant, before it is made.
 */
import type { FenSum } from './money';
import type { LineStatus, Settlement } from './model';

export interface TierChange {
  merchantId: string;
  merchantName: string;
  /** One entry per settlement compared, in their order. */
  bestTiers: number[];
  statuses: LineStatus[];
  cashTotalsFen: FenSum[];
}

/** Merchants (in the first settlement's order) whose best tier is not the same under every choice. */
export function tierChanges(settlements: Settlement[]): TierChange[] {
  if (settlements.length === 0) return [];
  const byChoice = settlements.map((s) => new Map(s.merchants.map((m) => [m.merchantId, m])));
  const changes: TierChange[] = [];
  settlements[0].merchants.forEach((first) => {
    const merchants = byChoice.map((merchants) => merchants.get(first.merchantId));
    const bestTiers = merchants.map((m) => (m ? m.bestTier : 0));
    if (bestTiers.every((tier) => tier === bestTiers[0])) return;
    changes.push({
      merchantId: first.merchantId,
      merchantName: first.merchantName,
      bestTiers,
      statuses: merchants.map((m) => (m ? m.status : first.status)),
      cashTotalsFen: merchants.map((m) => (m ? m.cashTotalFen : 0)),
    });
  });
  return changes;
}
