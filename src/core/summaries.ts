/**
 * Merchant rows and totals from lines alone, for a run read back from its sheet (its statements,
 * its payout list): a merchant with a blocked line is blocked, as the settlement made it.
 */
import type { MerchantSummary, SettlementInput, SettlementLine, Totals } from './model';
import { summarise, total } from './settle';

export function summariesOfLines(lines: SettlementLine[]): { merchants: MerchantSummary[]; totals: Totals } {
  const byMerchant = new Map<string, SettlementLine[]>();
  lines.forEach((line) => {
    const group = byMerchant.get(line.merchantId);
    if (group) group.push(line);
    else byMerchant.set(line.merchantId, [line]);
  });
  const input: SettlementInput = { history: new Map(), campaign: [], names: new Map(), blocked: new Map(), campaignMerchantOrder: [] };
  lines.forEach((line) => line.status === 'blocked' && input.blocked.set(line.merchantId, []));
  const merchants: MerchantSummary[] = [];
  byMerchant.forEach((group, merchantId) => {
    const merchant = summarise(merchantId, group, input);
    // Its lines' own words say why it is blocked (the issues behind them are not on the sheet).
    const blocked = group.find((line) => line.status === 'blocked');
    if (merchant.status === 'blocked' && blocked) merchant.reason = blocked.reason;
    merchants.push(merchant);
  });
  return { merchants, totals: total(merchants) };
}
