/** Campaign-day rows (SPEC §3): merchant id, optional name, date, GMV, optional ad spend. */
import type { CampaignDay } from '../core/settlement';
import { dateCell, idCell, moneyCell, nameCell, RowContext } from './cells';
import type { ColumnMapping } from './columns';
import { SourceReport } from './report';
import { isBlankRow, type Table } from './table';

export interface CampaignRead {
  days: CampaignDay[];
  /** Every merchant id seen, in order, including those whose rows were all rejected. */
  merchantOrder: string[];
  firstCampaignDay?: string;
  report: SourceReport;
}

export function readCampaign(table: Table, mapping: ColumnMapping): CampaignRead {
  const report = new SourceReport('campaign');
  const f = mapping.fields;
  const days: CampaignDay[] = [];
  const merchantOrder: string[] = [];
  const seenMerchants = new Set<string>();
  const rowOfDay = new Map<string, number>();
  let firstCampaignDay: string | undefined;

  table.eachRow((cells, row) => {
    if (row <= mapping.headerRowNumber || isBlankRow(cells)) return;
    report.read += 1;
    const ctx: RowContext = { report, row, merchantId: '' };
    const merchantId = idCell(ctx, cells[f.merchant_id as number]);
    if (merchantId === undefined) return;
    ctx.merchantId = merchantId;
    if (!seenMerchants.has(merchantId)) {
      seenMerchants.add(merchantId);
      merchantOrder.push(merchantId);
    }
    const rejectedBefore = report.rejected;
    const date = dateCell(ctx, cells[f.date as number]);
    const gmvFen = moneyCell(ctx, cells[f.gmv as number], 'GMV', 'missing', true); // net of refunds may be negative
    const adSpendFen = f.ad_spend === undefined ? 0 : moneyCell(ctx, cells[f.ad_spend], 'ad spend', 0, false);
    const merchantName = f.merchant_name === undefined ? '' : nameCell(cells[f.merchant_name]);
    const key = merchantId + '\u0000' + (date || '');
    const earlier = date === undefined ? undefined : rowOfDay.get(key);
    if (earlier !== undefined) {
      // The day already has a line (from its first row); the duplicate only blocks it.
      report.reject(row, merchantId, date as string, `duplicate: merchant ${merchantId} already has ${date} on row ${earlier}`);
      return;
    }
    if (date !== undefined) rowOfDay.set(key, row);
    const rejected = report.rejected !== rejectedBefore;
    if (date !== undefined && !rejected && (firstCampaignDay === undefined || date < firstCampaignDay)) firstCampaignDay = date;
    days.push({
      merchantId,
      merchantName,
      date: date || '',
      gmvFen: gmvFen === undefined ? null : gmvFen,
      adSpendFen: typeof adSpendFen === 'number' ? adSpendFen : 0,
      ...(rejected ? { rejected: true } : {}),
    });
  });
  return { days, merchantOrder, firstCampaignDay, report };
}
