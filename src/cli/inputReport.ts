/**
 * What was read, for standard error: the column mapping (SPEC §3 says it is shown before
 * anything is written), row counts, and the first issues with their row numbers. The full
 * issue list is in the JSON and XLSX outputs; stderr is for a person watching the run. Each entry
 * of `out` is one line, shown with the data's control characters made visible (terminalText.ts).
 */
import type { InputIssue } from '../core/settlement';
import { describeMapping } from '../input/columns';
import type { SettlementRun } from '../output/run';
import { visibleLines } from './terminalText';

export const ISSUES_SHOWN = 10;

export function inputReport(run: SettlementRun, maxIssues = ISSUES_SHOWN): string {
  const read = run.read;
  const out: string[] = ['column mapping:'];
  read.mappings.forEach((m) => out.push('  ' + describeMapping(m)));

  const perSource = read.counts.map((c) => `${c.source} ${c.read} = ${c.used} + ${c.rejected}`).join('; ');
  const t = read.totalCounts;
  out.push(`rows read ${t.read} = used ${t.used} + rejected ${t.rejected} (${perSource})`);

  const issues = read.issues;
  if (issues.length === 0) {
    out.push('issues: none');
    return visibleLines(out);
  }
  const blocked = run.settlement.totals.blockedMerchants;
  out.push(`issues: ${issues.length}${blocked > 0 ? `; ${blocked} merchant${blocked === 1 ? '' : 's'} blocked (no payout until the rows are fixed)` : ''}`);
  issues.slice(0, maxIssues).forEach((issue) => out.push('  ' + issueLine(issue)));
  if (issues.length > maxIssues)
    out.push(`  … and ${issues.length - maxIssues} more: see "issues" in --format json, or the Issues sheet of --format xlsx`);
  return visibleLines(out);
}

/** "history row 57, merchant 000123: GMV "12,3x" is not valid: …" */
export function issueLine(issue: InputIssue): string {
  const where = issue.row > 0 ? `${issue.source} row ${issue.row}` : issue.source;
  const who = issue.merchantId ? `, merchant ${issue.merchantId}` : '';
  return `${where}${who}: ${issue.message}`;
}
