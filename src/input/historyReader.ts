/**
 * Merchant history (SPEC §3) in any of its three shapes, summed per merchant as it is read:
 * a 3-million-row export never has to exist as 3 million objects.
 */
import { addFen, fenToText } from '../core/money';
import type { MerchantHistory } from '../core/model';
import { dateCell, moneyCell, moneyColumn, type MoneyColumn, type RowContext } from './cells';
import { BaselineFilter, type BaselineChoice, type BaselineDays } from './baselineChoice';
import type { ColumnMapping } from './columnMapping';
import { isoToSerial, serialToIso } from './date';
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
  /** What the policy's baseline choices left out (SPEC §8); undefined when they leave nothing out. */
  baselineDays?: BaselineDays;
}

interface Accumulator extends MerchantHistory {
  seen: DayRows;
  firstRow: number;
}

export function readHistory(table: Table, mapping: ColumnMapping, firstCampaignDay: string | undefined, choice?: BaselineChoice): HistoryRead {
  const report = new SourceReport('history');
  const byMerchant = new Map<string, Accumulator>();
  const names = new Map<string, string>();
  const f = mapping.fields;
  const result: HistoryRead = { history: new Map(), names, report, datedDays: 0, leftOutDays: 0 };
  const filter = BaselineFilter.of(choice, firstCampaignDay);
  let firstSerial = Infinity;
  const dated = (serial: number) => {
    result.datedDays += 1;
    if (serial < firstSerial) firstSerial = serial;
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
  const addDay = (ctx: RowContext, acc: Accumulator, serial: number, gmvFen: number | null): void => {
    const previous = acc.seen.rowOf(serial);
    if (previous !== undefined) {
      const iso = serialToIso(serial);
      report.reject(ctx.row, ctx.merchantId, iso, ISSUE_TEXT.duplicateDay(ctx.merchantId, iso, previous));
      return;
    }
    acc.seen.add(serial, ctx.row);
    if (gmvFen !== null && !report.isRejected(ctx.row)) {
      if (filter && !filter.keeps(serial)) {
        acc.leftOutDays = (acc.leftOutDays || 0) + 1;
        return;
      }
      acc.sumFen = addFen(acc.sumFen, gmvFen); // exact past 2^53: 118 days near 10^11 CNY
      acc.days += 1;
    }
  };

  // Wide: a date column on or after the campaign is set aside once, at its heading.
  mapping.dateColumns.forEach((column) => {
    dated(isoToSerial(column.date));
    if (firstCampaignDay !== undefined && column.date >= firstCampaignDay) {
      result.leftOutDays += 1;
      report.note(mapping.headerRowNumber, column.date, ISSUE_TEXT.leftOutColumn(column.date, firstCampaignDay));
    }
  });
  const wideColumns = mapping.dateColumns
    .filter((column) => firstCampaignDay === undefined || column.date < firstCampaignDay)
    .map((column) => ({
      serial: isoToSerial(column.date),
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

  /** A dated row of a long history: left out on or after the campaign, else one day of GMV. */
  const longDay = (ctx: RowContext, acc: Accumulator, serial: number, gmvFen: number | null): void => {
    dated(serial);
    if (serial >= firstCampaignSerial) {
      result.leftOutDays += 1;
      const iso = serialToIso(serial);
      report.reject(ctx.row, ctx.merchantId, iso, ISSUE_TEXT.leftOut(iso, firstCampaignDay as string), false);
      return;
    }
    addDay(ctx, acc, serial, gmvFen);
  };
  // A clean long export's plain rows straight from its bytes (rows.ts): the same days, read faster.
  const plain =
    mapping.shape === 'long' && gmv && f.date !== undefined
      ? {
          date: f.date,
          money: refund ? [gmv, refund] : [gmv],
          onRow(ctx: RowContext, id: string, serial: number, fens: number[], name: string) {
            if (name && !names.has(id)) names.set(id, name);
            longDay(ctx, merchant(id, ctx.row), serial, refund ? fens[0] - fens[1] : fens[0]);
          },
        }
      : undefined;

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
      const paidFen = moneyCell(ctx, cells, gmv);
      const refundFen = refund ? moneyCell(ctx, cells, refund) : 0;
      // A refund that cannot be read rejects its row as an unreadable GMV does: the row takes no day.
      if (date === undefined || paidFen === undefined || refundFen === undefined) return;
      longDay(ctx, acc, date.serial, netGmv(paidFen, refundFen) as number | null);
      return;
    }

    // Wide: every date cell of the row; any bad cell rejects the row and blocks the merchant.
    for (const column of wideColumns) {
      const gmvFen = moneyCell(ctx, cells, column.money);
      if (gmvFen === undefined) continue;
      addDay(ctx, acc, column.serial, gmvFen);
    }
  }, plain);
  if (firstSerial !== Infinity) result.firstDay = serialToIso(firstSerial);

  byMerchant.forEach((acc, id) => {
    const merchant: MerchantHistory = acc.readyBaselineFen !== undefined ? { sumFen: 0, days: 0, readyBaselineFen: acc.readyBaselineFen } : { sumFen: acc.sumFen, days: acc.days };
    if (acc.leftOutDays && acc.readyBaselineFen === undefined) merchant.leftOutDays = acc.leftOutDays;
    result.history.set(id, merchant);
  });
  if (filter) {
    filter.notes().forEach((note) => report.note(0, note.value, note.text));
    result.baselineDays = filter.days;
  }
  return result;
}
