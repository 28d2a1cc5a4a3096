/**
 * An Excel sheet holds 1,048,576 rows; a workbook with more is one Excel will not open whole.
 * So `--format xlsx` is refused, with CSV and JSON named as the way out: before the history is
 * read when the campaign already has too many lines (one per campaign row the reader keeps),
 * and for every sheet once the settlement is known (its issues come from the history).
 */
import { readCampaign } from '../input/campaignReader';
import { mapColumns, TableError } from '../input/columnMapping';
import { EXCEL_MAX_ROWS } from '../files/sheetSize';
import type { Table } from '../input/table';
import type { SettlementRun } from '../run/runSettlement';
import { UsageError } from './args';

const count = (n: number) => n.toLocaleString('en-US');

function tooLarge(what: string, rows: number, whatZh = what): UsageError {
  return new UsageError(
    `--format xlsx cannot hold this settlement: ${what} would need ${count(rows)} rows with its heading, and an Excel ` +
      `sheet holds ${count(EXCEL_MAX_ROWS)}. Use --format csv (the lines) or --format json (lines, merchants, ` +
      'totals, issues and the run record) instead.',
    `--format xlsx 装不下这次结算：${whatZh}连表头需要 ${count(rows)} 行，而 Excel 工作表最多 ${count(EXCEL_MAX_ROWS)} 行。` +
      '请改用 --format csv（结算明细）或 --format json（明细、商家、合计、问题和运行记录）。',
  );
}

/**
 * The campaign's lines, counted by the campaign reader itself (so title lines, blank rows and
 * duplicate days count as they will in the settlement) — a pass over the campaign only, which
 * is a small fraction of a run whose history is ten times its size.
 */
export function refuseCampaignBeyondXlsx(campaign: Table): void {
  let lines: number;
  try {
    lines = readCampaign(campaign, mapColumns(campaign)).days.length;
  } catch (error) {
    // A campaign that cannot be read at all is reported by the settlement, as without XLSX.
    if (error instanceof TableError) return;
    throw error;
  }
  if (lines + 1 > EXCEL_MAX_ROWS)
    throw tooLarge(`the campaign has ${count(lines)} lines, so the Lines sheet`, lines + 1, `活动日数据有 ${count(lines)} 条明细，结算明细工作表`);
}

/** The exact check, sheet by sheet, once the settlement is made. */
export function refuseSettlementBeyondXlsx(run: SettlementRun): void {
  const sheets: [string, string, number][] = [
    ['the Lines sheet', '结算明细工作表', run.settlement.lines.length],
    ['the Merchants sheet', '商家汇总工作表', run.settlement.merchants.length],
    ['the Issues sheet', '问题工作表', run.read.issues.length],
  ];
  for (const [sheet, sheetZh, rows] of sheets) if (rows + 1 > EXCEL_MAX_ROWS) throw tooLarge(sheet, rows + 1, sheetZh);
}
