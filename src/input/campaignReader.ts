/** Campaign-day rows (SPEC §3): merchant id, optional name, date, GMV, optional ad spend. */
import type { CampaignDay } from '../core/model';
import { dateCell, moneyCell, moneyColumn } from './cells';
import type { ColumnMapping } from './columnMapping';
import { DayRows } from './dayRows';
import { ISSUE_TEXT, COLUMN_LABELS } from './issueText';
import { SourceReport } from './report';
import { netGmv, refundColumn } from './refunds';
import { eachDataRow } from './rows';
import type { Table } from './table';

export interface CampaignRead {
  days: CampaignDay[];
  /** Every merchant id seen, in order, including those whose rows were all rejected. */
  merchantOrder: string[];
  /** Each merchant's first row, for notes about the merchant as a whole. */
  firstRowOf: Map<string, number>;
  firstCampaignDay?: string;
  lastCampaignDay?: string;
  report: SourceReport;
}

export function readCampaign(table: Table, mapping: ColumnMapping): CampaignRead {
  const report = new SourceReport('campaign');
  const f = mapping.fields;
  // Net of refunds a day's GMV may be negative; it then simply does not qualify (SPEC §4).
  const gmv = moneyColumn(mapping, f.gmv as number, { label: COLUMN_LABELS.gmv, blank: 'missing', allowNegative: true, tallied: true });
  const adSpend =
    f.ad_spend === undefined ? undefined : moneyColumn(mapping, f.ad_spend, { label: COLUMN_LABELS.adSpend, blank: 0, allowNegative: false, tallied: true });
  // SPEC §7: present only under gmv_basis "net_of_refunds" (refunds.ts).
  const refund = refundColumn(mapping);
  const days: CampaignDay[] = [];
  const merchantOrder: string[] = [];
  const firstRowOf = new Map<string, number>();
  // Per merchant, its days and their rows: one look-up by id per row finds duplicates
  // without building a merchant+date key string for each of 300k rows.
  const daysOf = new Map<string, DayRows>();
  let firstCampaignDay: string | undefined;
  let lastCampaignDay: string | undefined;

  const tallied = [gmv, adSpend, refund].filter((column): column is typeof gmv => column !== undefined);
  eachDataRow(table, mapping, report, tallied, (ctx, cells, merchantId, merchantName) => {
    let seen = daysOf.get(merchantId);
    if (!seen) {
      daysOf.set(merchantId, (seen = new DayRows()));
      merchantOrder.push(merchantId);
      firstRowOf.set(merchantId, ctx.row);
    }
    const read = dateCell(ctx, cells[f.date as number]);
    const gmvFen = netGmv(moneyCell(ctx, cells, gmv), refund && moneyCell(ctx, cells, refund));
    const adSpendFen = adSpend ? moneyCell(ctx, cells, adSpend) : 0;
    if (read !== undefined) {
      const earlier = seen.rowOf(read.serial);
      if (earlier !== undefined) {
        // The day already has a line (from its first row); the duplicate only blocks it.
        report.reject(ctx.row, merchantId, read.iso, ISSUE_TEXT.duplicateDay(merchantId, read.iso, earlier));
        return;
      }
      seen.add(read.serial, ctx.row);
    }
    const rejected = report.isRejected(ctx.row);
    const date = read && read.iso;
    // Only a row that was used may say when the campaign starts or ends: one bad date never moves them.
    if (date !== undefined && !rejected) {
      if (firstCampaignDay === undefined || date < firstCampaignDay) firstCampaignDay = date;
      if (lastCampaignDay === undefined || date > lastCampaignDay) lastCampaignDay = date;
    }
    const day: CampaignDay = {
      merchantId,
      merchantName,
      date: date || '',
      gmvFen: gmvFen === undefined || gmvFen === null ? null : gmvFen,
      adSpendFen: typeof adSpendFen === 'number' ? adSpendFen : 0,
    };
    if (rejected) day.rejected = true; // rare; a spread here made every day a slow dictionary object
    days.push(day);
  });
  return { days, merchantOrder, firstRowOf, firstCampaignDay, lastCampaignDay, report };
}
