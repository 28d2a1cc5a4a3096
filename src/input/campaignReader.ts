/** Campaign-day rows (SPEC §3): merchant id, optional name, date, GMV, optional ad spend. */
import type { CampaignDay } from '../core/model';
import type { Fen } from '../core/money';
import { dateCell, moneyCell, moneyColumn, type RowContext } from './cells';
import type { ColumnMapping } from './columnMapping';
import { serialToIso } from './date';
import { DayRows } from './dayRows';
import { ISSUE_TEXT, COLUMN_LABELS } from './issueText';
import { SourceReport } from './report';
import { netGmv, refundColumn } from './refunds';
import { eachDataRow, type PlainDataRows } from './rows';
import type { Table } from './table';

export interface CampaignRead {
  days: CampaignDay[];
  /** Every merchant id seen, in order, including those whose rows were all rejected. */
  merchantOrder: string[];
  /** Each merchant's first row, for notes about the merchant as a whole. */
  firstRowOf: Map<string, number>;
  firstCampaignDay?: string;
  /** The row the first campaign day comes from, so a typo that moved it can be found. */
  firstCampaignDayRow?: number;
  lastCampaignDay?: string;
  report: SourceReport;
}

type DayOfCampaign = { iso: string; serial: number };

export function readCampaign(table: Table, mapping: ColumnMapping): CampaignRead {
  const report = new SourceReport('campaign');
  const f = mapping.fields;
  // Net of refunds a day's GMV may be negative; it then simply does not qualify (SPEC §4).
  const gmv = moneyColumn(mapping, f.gmv as number, { label: COLUMN_LABELS.gmv, blank: 'missing', allowNegative: true, tallied: true });
  const adSpend =
    f.ad_spend === undefined ? undefined : moneyColumn(mapping, f.ad_spend, { label: COLUMN_LABELS.adSpend, blank: 0, allowNegative: false, tallied: true });
  // SPEC §7: present only under gmv_basis "net_of_refunds" (refunds.ts).
  const refund = refundColumn(mapping);
  // The money columns in this order, in the plain rows' fens too: GMV, ad spend, refunds.
  const money = [gmv, adSpend, refund].filter((column): column is typeof gmv => column !== undefined);
  const days: CampaignDay[] = [];
  const merchantOrder: string[] = [];
  const firstRowOf = new Map<string, number>();
  // Per merchant, its days and their rows: one look-up by id per row finds duplicates
  // without building a merchant+date key string for each of 300k rows.
  const daysOf = new Map<string, DayRows>();
  let firstCampaignDay: string | undefined;
  let firstCampaignDayRow: number | undefined;
  let lastCampaignDay: string | undefined;

  /** One campaign row: its date (undefined if unreadable), GMV and ad spend as read. */
  const addRow = (ctx: RowContext, merchantId: string, merchantName: string, date: DayOfCampaign | undefined, gmvFen: Fen | null | undefined, adSpendFen: Fen | null | undefined) => {
    let seen = daysOf.get(merchantId);
    if (!seen) {
      daysOf.set(merchantId, (seen = new DayRows()));
      merchantOrder.push(merchantId);
      firstRowOf.set(merchantId, ctx.row);
    }
    if (date !== undefined) {
      const earlier = seen.rowOf(date.serial);
      if (earlier !== undefined) {
        // The day already has a line (from its first row); the duplicate only blocks it.
        report.reject(ctx.row, merchantId, date.iso, ISSUE_TEXT.duplicateDay(merchantId, date.iso, earlier));
        return;
      }
      seen.add(date.serial, ctx.row);
    }
    const rejected = report.isRejected(ctx.row);
    const iso = date && date.iso;
    // Only a row that was used may say when the campaign starts or ends: one bad date never moves them.
    if (iso !== undefined && !rejected) {
      if (firstCampaignDay === undefined || iso < firstCampaignDay) {
        firstCampaignDay = iso;
        firstCampaignDayRow = ctx.row;
      }
      if (lastCampaignDay === undefined || iso > lastCampaignDay) lastCampaignDay = iso;
    }
    const day: CampaignDay = {
      merchantId,
      merchantName,
      date: iso || '',
      gmvFen: gmvFen === undefined || gmvFen === null ? null : gmvFen,
      adSpendFen: typeof adSpendFen === 'number' ? adSpendFen : 0,
    };
    if (rejected) day.rejected = true; // rare; a spread here made every day a slow dictionary object
    days.push(day);
  };

  // A clean export's plain rows read in place (rows.ts); a campaign has a few days, so each
  // day's text is made once.
  const dayOfSerial = new Map<number, DayOfCampaign>();
  const plain: PlainDataRows = {
    date: f.date as number,
    money,
    onRow(ctx, merchantId, serial, fens, name) {
      let date = dayOfSerial.get(serial);
      if (date === undefined) dayOfSerial.set(serial, (date = { serial, iso: serialToIso(serial) }));
      addRow(ctx, merchantId, name, date, refund ? fens[0] - fens[money.length - 1] : fens[0], adSpend ? fens[1] : 0);
    },
  };
  eachDataRow(
    table,
    mapping,
    report,
    money,
    (ctx, cells, merchantId, merchantName) => {
      const date = dateCell(ctx, cells[f.date as number]);
      const paidFen = moneyCell(ctx, cells, gmv);
      const refundFen = refund ? moneyCell(ctx, cells, refund) : 0;
      // Net of refunds, a refund that cannot be read leaves the day's GMV unknown (the row is rejected).
      const gmvFen = refundFen === undefined ? undefined : netGmv(paidFen, refundFen);
      addRow(ctx, merchantId, merchantName, date, gmvFen, adSpend ? moneyCell(ctx, cells, adSpend) : 0);
    },
    plain,
  );
  return { days, merchantOrder, firstRowOf, firstCampaignDay, firstCampaignDayRow, lastCampaignDay, report };
}
