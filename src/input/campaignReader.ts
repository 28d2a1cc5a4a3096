/** Campaign-day rows (SPEC §3): merchant id, optional name, date, GMV, optional ad spend. */
import type { CampaignDay } from '../core/settlement';
import { dateCell, idCell, moneyCell, nameCell, noteExtraCells, RowContext } from './cells';
import type { ColumnMapping } from './columns';
import { ISSUE_TEXT, LABELS } from './issueText';
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
  // Per merchant, its dates and their rows: one look-up by id per row finds duplicates
  // without building a merchant+date key string for each of 300k rows.
  const daysOf = new Map<string, { dates: string[]; rows: number[] }>();
  let firstCampaignDay: string | undefined;

  const ctx: RowContext = { report, row: 0, merchantId: '' };
  table.eachRow((cells, row) => {
    if (row <= mapping.headerRowNumber || isBlankRow(cells)) return;
    report.read += 1;
    ctx.row = row; // one context reused for every row: no allocation per row
    ctx.merchantId = '';
    const merchantId = idCell(ctx, cells[f.merchant_id as number]);
    if (merchantId === undefined) return;
    ctx.merchantId = merchantId;
    noteExtraCells(ctx, cells, mapping.labels.length);
    let seen = daysOf.get(merchantId);
    if (!seen) {
      daysOf.set(merchantId, (seen = { dates: [], rows: [] }));
      merchantOrder.push(merchantId);
    }
    const rejectedBefore = report.rejected;
    const read = dateCell(ctx, cells[f.date as number]);
    const date = read && read.iso;
    const gmvFen = moneyCell(ctx, cells[f.gmv as number], LABELS.gmv, 'missing', true); // net of refunds may be negative
    const adSpendFen = f.ad_spend === undefined ? 0 : moneyCell(ctx, cells[f.ad_spend], LABELS.adSpend, 0, false);
    const merchantName = f.merchant_name === undefined ? '' : nameCell(cells[f.merchant_name]);
    if (date !== undefined) {
      const earlier = seen.dates.indexOf(date);
      if (earlier >= 0) {
        // The day already has a line (from its first row); the duplicate only blocks it.
        report.reject(row, merchantId, date, ISSUE_TEXT.duplicateDay(merchantId, date, seen.rows[earlier]));
        return;
      }
      seen.dates.push(date);
      seen.rows.push(row);
    }
    const rejected = report.rejected !== rejectedBefore;
    if (date !== undefined && !rejected && (firstCampaignDay === undefined || date < firstCampaignDay)) firstCampaignDay = date;
    const day: CampaignDay = {
      merchantId,
      merchantName,
      date: date || '',
      gmvFen: gmvFen === undefined ? null : gmvFen,
      adSpendFen: typeof adSpendFen === 'number' ? adSpendFen : 0,
    };
    if (rejected) day.rejected = true; // rare; a spread here made every day a slow dictionary object
    days.push(day);
  });
  return { days, merchantOrder, firstCampaignDay, report };
}
