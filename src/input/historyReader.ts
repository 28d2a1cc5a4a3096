/**
 * Merchant history (SPEC §3) in any of its three shapes, summed per merchant as it is read:
 * a 3-million-row export never has to exist as 3 million objects.
 */
import { addFen, fenToText } from '../core/money';
import type { MerchantHistory } from '../core/model';
import { dateCell, moneyCell, moneyColumn, type MoneyColumn, type RowContext } from './cells';
import type { ColumnMapping } from './columnMapping';
import { isoToSerial } from './date';
import { DayRows } from './dayRows';
import { ISSUE_TEXT, COLUMN_LABELS } from './issueText';
import { SourceReport } from './report';
import { netGmv, refundColumn } from './refunds';
import { eachDataRow } from './rows';
import type { Table } from './table';

export interface HistoryRead {
  history: Map<string, MerchantHistory>;
  names: Map<string, string>;
  report: SourceReport;
  /** Dated history days read (rows of a long history, date columns of a wide one) … */
  datedDays: number;
  /** … and how many of them fall on or after the first campaign day. */
  leftOutDays: number;
  /** The earliest history date read. */
  firstDay?: string;
}

interface Accumulator extends MerchantHistory {
  seen: DayRows;
  firstRow: number;
}

interface DayOfHistory {
  iso: string;
  serial: number;
}

export function readHistory(table: Table, mapping: ColumnMapping, firstCampaignDay: string | undefined): HistoryRead {
  const report = new SourceReport('history');
  const byMerchant = new Map<string, Accumulator>();
  const names = new Map<string, string>();
  const f = mapping.fields;
  const result: HistoryRead = { history: new Map(), names, report, datedDays: 0, leftOutDays: 0 };
  const dated = (iso: string) => {
    result.datedDays += 1;
    if (result.firstDay === undefined || iso < result.firstDay) result.firstDay = iso;
  };
  // A merchant's rows usually come together, so the last accumulator is kept at hand.
  let lastId: string | undefined;
  let lastAcc: Accumulator | undefined;
  const merchant = (id: string, row: number): Accumulator => {
    if (id === lastId && lastAcc) return lastAcc;
    let acc = byMerchant.get(id);
    if (!acc) byMerchant.set(id, (acc = { sumFen: 0, days: 0, seen: new DayRows(), firstRow: row }));
    lastId = id;
    return (lastAcc = acc);
  };

  /** Adds one day of GMV unless it is a duplicate. */
  const addDay = (ctx: RowContext, acc: Accumulator, date: DayOfHistory, gmvFen: number | null): void => {
    const previous = acc.seen.rowOf(date.serial);
    if (previous !== undefined) {
      report.reject(ctx.row, ctx.merchantId, date.iso, ISSUE_TEXT.duplicateDay(ctx.merchantId, date.iso, previous));
      return;
    }
    acc.seen.add(date.serial, ctx.row);
    if (gmvFen !== null && !report.isRejected(ctx.row)) {
      acc.sumFen = addFen(acc.sumFen, gmvFen); // exact past 2^53: 118 days near 10^11 CNY
      acc.days += 1;
    }
  };

  // Wide: a date column on or after the campaign is set aside once, at its heading.
  mapping.dateColumns.forEach((column) => {
    dated(column.date);
    if (firstCampaignDay !== undefined && column.date >= firstCampaignDay) {
      result.leftOutDays += 1;
      report.note(mapping.headerRowNumber, column.date, ISSUE_TEXT.leftOutColumn(column.date, firstCampaignDay));
    }
  });
  const wideColumns = mapping.dateColumns
    .filter((column) => firstCampaignDay === undefined || column.date < firstCampaignDay)
    .map((column) => ({
      day: { iso: column.date, serial: isoToSerial(column.date) },
      money: moneyColumn(mapping, column.index, { label: COLUMN_LABELS.gmvOn(column.date), blank: 'skip', allowNegative: true, tallied: true }),
    }));
  const firstCampaignSerial = firstCampaignDay === undefined ? Infinity : isoToSerial(firstCampaignDay);
  // A net-of-refunds day may be negative, and it still counts towards the mean.
  const gmv = f.gmv === undefined ? undefined : moneyColumn(mapping, f.gmv, { label: COLUMN_LABELS.gmv, blank: 'skip', allowNegative: true, tallied: true });
  const baseline =
    f.baseline === undefined ? undefined : moneyColumn(mapping, f.baseline, { label: COLUMN_LABELS.baseline, blank: 'skip', allowNegative: true, tallied: true });
  // SPEC §7: present only under gmv_basis "net_of_refunds", and only in a long history (refunds.ts).
  const refund = refundColumn(mapping);
  const tallied: MoneyColumn[] =
    mapping.shape === 'wide' ? wideColumns.map((c) => c.money) : mapping.shape === 'ready' ? (baseline ? [baseline] : []) : gmv ? (refund ? [gmv, refund] : [gmv]) : [];

  eachDataRow(table, mapping, report, tallied, (ctx, cells, merchantId, name) => {
    if (name && !names.has(merchantId)) names.set(merchantId, name);
    const acc = merchant(merchantId, ctx.row);

    if (mapping.shape === 'ready' && baseline) {
      const baselineFen = moneyCell(ctx, cells, baseline);
      if (baselineFen === undefined || baselineFen === null || report.isRejected(ctx.row)) return;
      if (acc.readyBaselineFen !== undefined) {
        report.reject(ctx.row, merchantId, fenToText(baselineFen), ISSUE_TEXT.duplicateBaseline(merchantId, acc.firstRow));
        return;
      }
      acc.readyBaselineFen = baselineFen;
      acc.firstRow = ctx.row;
      return;
    }

    if (mapping.shape === 'long' && gmv) {
      const date = dateCell(ctx, cells[f.date as number]);
      const gmvFen = netGmv(moneyCell(ctx, cells, gmv), refund && moneyCell(ctx, cells, refund));
      if (date === undefined || gmvFen === undefined) return;
      dated(date.iso);
      if (date.serial >= firstCampaignSerial) {
        result.leftOutDays += 1;
        report.reject(ctx.row, merchantId, date.iso, ISSUE_TEXT.leftOut(date.iso, firstCampaignDay as string), false);
        return;
      }
      addDay(ctx, acc, date, gmvFen);
      return;
    }

    // Wide: every date cell of the row; any bad cell rejects the row and blocks the merchant.
    for (const column of wideColumns) {
      const gmvFen = moneyCell(ctx, cells, column.money);
      if (gmvFen === undefined) continue;
      addDay(ctx, acc, column.day, gmvFen);
    }
  });

  byMerchant.forEach((acc, id) =>
    result.history.set(id, acc.readyBaselineFen !== undefined ? { sumFen: 0, days: 0, readyBaselineFen: acc.readyBaselineFen } : { sumFen: acc.sumFen, days: acc.days }),
  );
  return result;
}
