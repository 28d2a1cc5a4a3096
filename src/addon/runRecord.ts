/**
 * A finished write's row in the register (SPEC §7): the run as a draft of its campaign, with its
 * time (in the spreadsheet's zone), user, input hash, policy, totals and sheets. What is known at
 * the start is kept with the pending write; the sheets' final names and ids are added at the end.
 */
import { fenToText, type FenSum } from '../core/money';
import { readMoneyFen } from '../input/number';
import type { SettlementRun } from '../run/runSettlement';
import type { SummaryContext } from '../output/sheetTables';
import type { PendingRegisterRow, PendingWrite, SheetPair } from './pending';
import { ensureRegister, writeRegisterRow } from './register';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Properties = GoogleAppsScript.Properties.Properties;

/** What a first run pays is its cash total; a true-up pays and recovers its differences. */
export function pendingRegisterRow(run: SettlementRun, context: SummaryContext): PendingRegisterRow {
  const trueUp = run.trueUp;
  const cash = run.settlement.totals.cashTotalFen;
  return {
    generatedAt: context.time ? `${context.time.text} (${context.time.zone})` : run.record.generatedAt,
    user: run.record.user,
    inputSha256: run.record.inputSha256,
    policy: JSON.stringify(run.record.policy),
    cashTotalFen: fenToText(cash),
    toPayFen: fenToText(trueUp ? trueUp.totals.toPayFen : cash),
    toRecoverFen: fenToText(trueUp ? trueUp.totals.toRecoverFen : 0),
  };
}

function fen(text: string): FenSum {
  const read = readMoneyFen(text);
  return read.kind === 'fen' ? read.fen : 0;
}

/** Appends the finished run to the register as a draft. */
export function recordRun(spreadsheet: Spreadsheet, properties: Properties, write: PendingWrite, names: SheetPair<string>): void {
  if (write.campaign === undefined || write.runNumber === undefined || !write.register || !write.sheetIds) return;
  const register = ensureRegister(spreadsheet, properties, write.language);
  const ids = write.sheetIds;
  const r = write.register;
  writeRegisterRow(
    register,
    {
      campaign: write.campaign,
      run: write.runNumber,
      status: 'draft',
      generatedAt: r.generatedAt,
      user: r.user,
      inputSha256: r.inputSha256,
      policy: r.policy,
      cashTotalFen: fen(r.cashTotalFen),
      toPayFen: fen(r.toPayFen),
      toRecoverFen: fen(r.toRecoverFen),
      linesSheet: names.lines,
      summarySheet: names.summary,
      trueUpSheet: names.trueUp || '',
      sheetIds: { lines: ids.lines, summary: ids.summary, ...(ids.trueUp !== undefined ? { trueUp: ids.trueUp } : {}) },
      against: write.against || 0,
      approvedBy: '',
      approvedAt: '',
      checksum: '',
      copyIds: [],
    },
    write.language,
  );
}
