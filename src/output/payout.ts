/**
 * The payout list (发放清单) for bulk upload: per merchant the amount to pay now and the traffic
 * to grant, with the campaign and run. A first run pays each merchant its cash total; a true-up
 * pays only what it owes on top of what was paid (SPEC §7's to pay), and grants only traffic
 * beyond what was granted: exposures already shown cannot be taken back. A merchant with nothing
 * to pay or grant is not listed, so the list is what finance uploads, and its amounts sum to the
 * totals' to pay exactly.
 */
import { signFen, type FenSum } from '../core/money';
import type { SettlementRun } from './settledRun';
import type { Column } from './tables';

export interface PayoutRow {
  merchantId: string;
  merchantName: string;
  amountFen: FenSum;
  traffic: number;
  campaign: string;
  run: number | null;
}

export const PAYOUT_COLUMNS: Column<PayoutRow>[] = [
  { key: 'merchant_id', en: 'Merchant ID', zh: '商家ID', kind: 'text', value: (p) => p.merchantId },
  { key: 'merchant_name', en: 'Merchant name', zh: '商家名称', kind: 'text', width: 22, value: (p) => p.merchantName },
  { key: 'amount', en: 'Amount to pay', zh: '发放金额', kind: 'money', value: (p) => p.amountFen },
  { key: 'traffic', en: 'Traffic to grant', zh: '发放流量', kind: 'count', value: (p) => p.traffic },
  { key: 'campaign', en: 'Campaign', zh: '活动', kind: 'text', width: 22, value: (p) => p.campaign },
  { key: 'run', en: 'Run', zh: '结算批次', kind: 'label', value: (p) => p.run },
];

/** What a payout list is made from: a settled run, or one read back from its sheets. */
export type PayoutRun = Pick<SettlementRun, 'trueUp'> & { record: Pick<SettlementRun['record'], 'campaign' | 'runNumber'>; settlement: Pick<SettlementRun['settlement'], 'merchants'> };

export function payoutRows(run: PayoutRun): PayoutRow[] {
  const campaign = run.record.campaign || '';
  const number = run.record.runNumber === undefined ? null : run.record.runNumber;
  const rows: PayoutRow[] = [];
  const add = (merchantId: string, merchantName: string, amountFen: FenSum, traffic: number) => {
    if (signFen(amountFen) > 0 || traffic > 0) rows.push({ merchantId, merchantName, amountFen, traffic, campaign, run: number });
  };
  if (run.trueUp) run.trueUp.merchants.forEach((m) => add(m.merchantId, m.merchantName, m.toPayFen, Math.max(0, m.deltaTraffic)));
  else run.settlement.merchants.forEach((m) => add(m.merchantId, m.merchantName, m.cashTotalFen, m.trafficGranted));
  return rows;
}
