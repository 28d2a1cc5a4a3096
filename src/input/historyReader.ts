/**
 * Merchant history (SPEC §3) in any of its three shapes, summed per merchant as it is read:
 * a 3-million-row export never has to exist as 3 million objects.
 */
import { fenToText } from '../core/money';
import type { MerchantHistory } from '../core/settlement';
import { dateCell, idCell, moneyCell, nameCell, noteExtraCells, RowContext } from './cells';
import { isoToSerial } from './date';
import type { ColumnMapping } from './columns';
import { ISSUE_TEXT, LABELS } from './issueText';
import { SourceReport } from './report';
import { isBlankRow, type Table } from './table';

export interface HistoryRead {
  history: Map<string, MerchantHistory>;
  names: Map<string, string>;
  report: SourceReport;
}

interface Accumulator extends MerchantHistory {
  /** Serial day numbers seen, with their rows, to find duplicates (SPEC §4); numbers compare fastest. */
  dates: number[];
  rows: number[];
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
  // A merchant's rows usually come together, so the last accumulator is kept at hand.
  let lastId: string | undefined;
  let lastAcc: Accumulator | undefined;
  const merchant = (id: string): Accumulator => {
    if (id === lastId && lastAcc) return lastAcc;
    let acc = byMerchant.get(id);
    if (!acc) byMerchant.set(id, (acc = { sumFen: 0, days: 0, dates: [], rows: [] }));
    lastId = id;
    return (lastAcc = acc);
  };

  /** Adds one day of GMV unless it is a duplicate or falls in the campaign. */
  const addDay = (ctx: RowContext, acc: Accumulator, date: DayOfHistory, gmvFen: number | null): boolean => {
    const previous = acc.dates.indexOf(date.serial);
    if (previous >= 0) {
      report.reject(ctx.row, ctx.merchantId, date.iso, ISSUE_TEXT.duplicateDay(ctx.merchantId, date.iso, acc.rows[previous]));
      return false;
    }
    acc.dates.push(date.serial);
    acc.rows.push(ctx.row);
    if (gmvFen !== null) {
      acc.sumFen += gmvFen;
      acc.days += 1;
    }
    return true;
  };

  // Wide: a date column on or after the campaign is set aside once, at its heading.
  const wideColumns = mapping.dateColumns
    .filter((column) => {
      if (firstCampaignDay === undefined || column.date < firstCampaignDay) return true;
      report.note(mapping.headerRowNumber, column.date, ISSUE_TEXT.leftOutColumn(column.date, firstCampaignDay));
      return false;
    })
    .map((column) => ({ index: column.index, day: { iso: column.date, serial: isoToSerial(column.date) }, label: LABELS.gmvOn(column.date) }));
  const firstCampaignSerial = firstCampaignDay === undefined ? Infinity : isoToSerial(firstCampaignDay);

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
    if (f.merchant_name !== undefined && !names.has(merchantId)) {
      const name = nameCell(cells[f.merchant_name]);
      if (name) names.set(merchantId, name);
    }
    const acc = merchant(merchantId);

    if (mapping.shape === 'ready') {
      const baseline = moneyCell(ctx, cells[f.baseline as number], LABELS.baseline, 'skip', true);
      if (baseline === undefined || baseline === null) return;
      if (acc.readyBaselineFen !== undefined) {
        report.reject(row, merchantId, fenToText(baseline), ISSUE_TEXT.duplicateBaseline(merchantId, acc.rows[0]));
        return;
      }
      acc.readyBaselineFen = baseline;
      acc.rows.push(row);
      return;
    }

    if (mapping.shape === 'long') {
      const date = dateCell(ctx, cells[f.date as number]);
      const gmvFen = moneyCell(ctx, cells[f.gmv as number], LABELS.gmv, 'skip', true);
      if (date === undefined || gmvFen === undefined) return;
      if (date.serial >= firstCampaignSerial) {
        report.reject(row, merchantId, date.iso, ISSUE_TEXT.leftOut(date.iso, firstCampaignDay as string), false);
        return;
      }
      addDay(ctx, acc, date, gmvFen);
      return;
    }

    // Wide: every date cell of the row; any bad cell rejects the row and blocks the merchant.
    for (const column of wideColumns) {
      const gmvFen = moneyCell(ctx, cells[column.index], column.label, 'skip', true);
      if (gmvFen === undefined) continue;
      addDay(ctx, acc, column.day, gmvFen);
    }
  });

  const history = new Map<string, MerchantHistory>();
  byMerchant.forEach((acc, id) =>
    history.set(id, acc.readyBaselineFen !== undefined ? { sumFen: 0, days: 0, readyBaselineFen: acc.readyBaselineFen } : { sumFen: acc.sumFen, days: acc.days }),
  );
  return { history, names, report };
}
