/**
 * The settlement summary's "By tier" table and the two Sheets charts drawn from it: merchants by
 * the best tier they reached, and the cash paid on the lines of each tier (their sum is the cash
 * total). Declared here, pure: the add-on's writer turns each chart into sheet.newChart() calls,
 * a fixed number whatever the settlement's size.
 */
import { fenToNumber, sumFen } from '../core/money';
import type { Language } from './language';
import type { SheetBlock } from './sheetTables';
import { formatOf } from './tables';
import type { SettlementRun } from './settledRun';

const WORDS = {
  en: { title: 'By tier', tier: 'Tier', noTier: 'No tier', merchants: 'Merchants (best tier)', lines: 'Lines', cash: 'Cash total', tierN: (n: number) => `Tier ${n}`, merchantsChart: 'Merchants by best tier', cashChart: 'Cash total by tier' },
  zh: { title: '按档位', tier: '档位', noTier: '未达档', merchants: '商家数（最高档位）', lines: '明细行数', cash: '现金合计', tierN: (n: number) => `第${n}档`, merchantsChart: '各最高档位的商家数', cashChart: '各档位的现金合计' },
};

export function byTierTitle(language: Language): string {
  return WORDS[language].title;
}

/** One row per tier, highest first, then the merchants and lines that reached none. */
export function byTierBlock(run: SettlementRun, language: Language): SheetBlock {
  const w = WORDS[language];
  const { lines, merchants, policy } = run.settlement;
  const tiers = policy.tiers.map((_, i) => policy.tiers.length - i).concat([0]);
  const values: (string | number)[][] = [[w.tier, w.merchants, w.lines, w.cash]];
  const text = formatOf({ kind: 'text' });
  const formats: string[][] = [values[0].map(() => text)];
  tiers.forEach((tier) => {
    const tierLines = lines.filter((l) => l.tier === tier);
    values.push([tier === 0 ? w.noTier : w.tierN(tier), merchants.filter((m) => m.bestTier === tier).length, tierLines.length, fenToNumber(sumFen(tierLines, (l) => l.cashTotalFen))]);
    formats.push([text, formatOf({ kind: 'count' }), formatOf({ kind: 'count' }), formatOf({ kind: 'money' })]);
  });
  return { values, formats };
}

/** Cells of the summary sheet, 1-based as getRange takes them. */
export interface CellRange {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface SummaryChart {
  title: string;
  /** The category column, then the values, header row included (setNumHeaders(1)). */
  ranges: CellRange[];
  anchor: { row: number; column: number; offsetX: number; offsetY: number };
  width: number;
  height: number;
}

/** Two small charts side by side, over the empty columns right of the totals (the summary is 10 columns wide). */
const CHART = { width: 240, height: 200, gap: 12, column: 6 };

/**
 * `tableRow`: the summary row of the by-tier table's header; `anchorRow`: where the charts'
 * top sits. The table's columns are A tier, B merchants, C lines, D cash total.
 */
export function summaryCharts(run: SettlementRun, language: Language, tableRow: number, anchorRow: number): SummaryChart[] {
  const w = WORDS[language];
  const rows = run.settlement.policy.tiers.length + 2; // header, the tiers, no tier
  const column = (n: number): CellRange => ({ row: tableRow, column: n, rows, columns: 1 });
  const chart = (title: string, values: CellRange, index: number, withoutNoTier: boolean): SummaryChart => ({
    title,
    // No tier pays nothing: the cash chart leaves its row out.
    ranges: withoutNoTier ? [{ ...column(1), rows: rows - 1 }, { ...values, rows: rows - 1 }] : [column(1), values],
    anchor: { row: anchorRow, column: CHART.column, offsetX: index * (CHART.width + CHART.gap), offsetY: 0 },
    width: CHART.width,
    height: CHART.height,
  });
  return [chart(w.merchantsChart, column(2), 0, false), chart(w.cashChart, column(4), 1, true)];
}
