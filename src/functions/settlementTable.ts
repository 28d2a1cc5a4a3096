/**
 * SETTLEMENT: the whole settlement as one spilled table, read by the same input code as pasted
 * text and laid out by the same column list as the CLI and the settlement sheet.
 */
import { LINE_COLUMNS } from '../output/tables';
import { groupedCount } from '../output/counts';
import { issuesBlock } from '../output/sheetTables';
import { runSettlement, type SettlementRun } from '../run/runSettlement';
import type { SheetArg, SheetValue } from './args';
import { policyArg } from './policyArg';
import { namingTableErrors, rangeTables, withCoefficient } from './settlementArgs';
import { spilledTable } from './spill';

const FN = 'SETTLEMENT';

/**
 * Rows SETTLEMENT returns under its header at most (lines, then the issues listed below them).
 * A custom function has 30 seconds and a result-size limit Google does not document; a community
 * report hit "Result too large" at about 60,000 × 8 = 480,000 cells. 20,000 rows × 17 columns are
 * 340,000 cells, well below that; larger settlements belong in the sidebar or the CLI.
 */
export const SETTLEMENT_MAX_ROWS = 20000;

function tooManyRows(rows: number): Error {
  return new Error(
    `${FN}: ${groupedCount(rows)} rows (lines and the issues listed under them) are more than the ${groupedCount(SETTLEMENT_MAX_ROWS)} a formula can return. ` +
      'Write the settlement with the sidebar (Extensions › GMV Incentives › Open settlement sidebar) or the gmv-settle command line. / ' +
      `结果共 ${groupedCount(rows)} 行(明细及其下列出的问题),超过公式最多可返回的 ${groupedCount(SETTLEMENT_MAX_ROWS)} 行。请用侧边栏(扩展程序 › GMV Incentives › 打开结算侧边栏)或命令行 gmv-settle 写入结算。`,
  );
}

export function settlement(history: SheetArg, campaign: SheetArg, coefficient: SheetArg, policy?: SheetArg): SheetValue[][] {
  const settled = withCoefficient(FN, policyArg(FN, policy), coefficient);
  const run: SettlementRun = namingTableErrors(FN, () =>
    // The run record is not part of this table, and hashing every cell on each recalculation
    // would be wasted work.
    runSettlement(rangeTables(history, campaign), settled, { sha256: () => '' }),
  );
  // Issues do not throw: a merchant with a rejected row shows as blocked, with the reason.
  const issues = issueRows(run);
  const rows = run.settlement.lines.length + issues.length;
  if (rows > SETTLEMENT_MAX_ROWS) throw tooManyRows(rows);
  return spilledTable(LINE_COLUMNS, run.settlement.lines).concat(issues);
}

/**
 * Below the lines, after a blank row, every input issue, in the settlement sheet's issue columns
 * (source, row, merchant id, value, problem): a row with no merchant id (or one turned into a
 * number) has no line to be blocked on, and SPEC §4 says nothing is dropped silently. Nothing in
 * them falls under a money column but text, so SUM over one still equals the lines' total.
 */
function issueRows(run: SettlementRun): SheetValue[][] {
  const issues = run.read.issues;
  if (issues.length === 0) return [];
  const width = LINE_COLUMNS.length;
  const row = (cells: SheetValue[]): SheetValue[] => cells.concat(new Array(width - cells.length).fill(''));
  return [row([]), row([`Issues (${issues.length})`])].concat(issuesBlock(run, 'en').values.map(row));
}
