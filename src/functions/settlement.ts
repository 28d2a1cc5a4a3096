/**
 * SETTLEMENT: the whole settlement as one spilled table, read by the same input code as pasted
 * text and laid out by the same column list as the CLI and the settlement sheet.
 */
import { policyMessages } from '../input/policyText';
import type { SettlementLine } from '../core/settlement';
import { TableError } from '../input/tableError';
import type { Cell } from '../input/number';
import { tableFromCells } from '../input/table';
import { LINE_COLUMNS } from '../output/columns';
import { sheetValue } from '../output/sheetTables';
import { runSettlement, type SettlementRun } from '../output/run';
import { oneCell, coefficientAt, toGrid, type SheetArg, type SheetValue } from './args';
import { policyArg } from './policyArg';
import { sheetDatesAsText } from './sheetDates';

const FN = 'SETTLEMENT';

export function settlement(history: SheetArg, campaign: SheetArg, coefficient: SheetArg, policy?: SheetArg): SheetValue[][] {
  const rules = policyArg(FN, policy);
  const coefficients = toGrid('coefficient', coefficient);
  oneCell(FN, coefficients);
  const programmeCoefficient = coefficientAt(FN, coefficients, 0, 0);
  const settled = programmeCoefficient ? { ...rules, redPacketCoefficient: programmeCoefficient } : rules;
  const problems = policyMessages(settled);
  if (problems.length > 0) throw new Error(`${FN}: ${problems.map((p) => p.en).join('; ')}`);

  let run: SettlementRun;
  try {
    run = runSettlement({ history: tableFromCells('history', rowsOf(history)), campaign: tableFromCells('campaign', rowsOf(campaign)) }, settled, {
      // The run record is not part of this table, and hashing every cell on each recalculation
      // would be wasted work.
      sha256: () => '',
    });
  } catch (error) {
    if (error instanceof TableError) throw new Error(`${FN}: ${error.message}`);
    throw error;
  }
  // Issues do not throw: a merchant with a rejected row shows as blocked, with the reason.
  const header: SheetValue[] = LINE_COLUMNS.map((column) => column.en);
  return [header].concat(run.settlement.lines.map(lineRow), issueRows(run));
}

/**
 * Below the lines, after a blank row, every input issue: a row with no merchant id (or one
 * turned into a number) has no line to be blocked on, and SPEC §4 says nothing is dropped
 * silently. All text, so SUM over a money column still equals the lines' total.
 */
function issueRows(run: SettlementRun): SheetValue[][] {
  const issues = run.read.issues;
  if (issues.length === 0) return [];
  const width = LINE_COLUMNS.length;
  const row = (cells: string[]): SheetValue[] => cells.concat(new Array(width - cells.length).fill(''));
  return [row([]), row([`Issues (${issues.length})`, 'merchant_id', 'value', 'problem'])].concat(
    issues.map((issue) => row([`${issue.source} row ${issue.row}`, issue.merchantId, issue.value, issue.message])),
  );
}

function rowsOf(arg: SheetArg): Cell[][] {
  return sheetDatesAsText(Array.isArray(arg) ? arg : [[arg]]);
}

function lineRow(line: SettlementLine): SheetValue[] {
  return LINE_COLUMNS.map((column) => sheetValue(column.kind, column.value(line, 'en'), 'text'));
}
