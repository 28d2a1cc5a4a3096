/**
 * What was read, for standard error: the column mapping (SPEC §3 says it is shown before
 * anything is written), the coefficient in force with a worked line, row counts, and the first
 * issues with their row numbers, in the language of `--lang`. The full issue list is in the
 * JSON and XLSX outputs; stderr is for a person watching the run. Each entry of `out` is one
 * line, shown with the data's control characters made visible (terminalText.ts).
 */
import type { Language } from '../output/language';
import { sourceName } from '../output/language';
import type { InputIssue } from '../core/model';
import { describeMapping } from '../input/mappingText';
import { baselineText } from '../output/baselineText';
import { coefficientLines } from '../output/coefficientText';
import type { SettlementRun } from '../run/runSettlement';
import { visibleLines } from './terminalText';
import { fenToDisplay, type FenSum } from '../core/money';
import { runName } from '../output/runStatus';
import { policyChangesText } from '../output/trueUpTables';

export const ISSUES_SHOWN = 10;

export function inputReport(run: SettlementRun, language: Language = 'en', maxIssues = ISSUES_SHOWN): string {
  const zh = language === 'zh';
  const read = run.read;
  const out: string[] = [zh ? '列映射：' : 'column mapping:'];
  read.mappings.forEach((m) => out.push('  ' + describeMapping(m, language)));
  coefficientLines(run.settlement.policy, language).forEach((line) => out.push(line));
  out.push((zh ? '过往日均：' : 'baseline: ') + baselineText(run, language));

  const t = read.totalCounts;
  if (zh) {
    const perSource = read.counts.map((c) => `${sourceName(c.source, true)} ${c.read} = ${c.used} + ${c.rejected}`).join('；');
    out.push(`读取 ${t.read} 行 = 使用 ${t.used} + 拒绝 ${t.rejected}（${perSource}）`);
  } else {
    const perSource = read.counts.map((c) => `${c.source} ${c.read} = ${c.used} + ${c.rejected}`).join('; ');
    out.push(`rows read ${t.read} = used ${t.used} + rejected ${t.rejected} (${perSource})`);
  }

  if (run.trueUp) out.push(trueUpLine(run, language));
  const issues = read.issues;
  if (issues.length === 0) {
    out.push(zh ? '输入问题：无' : 'issues: none');
    return visibleLines(out);
  }
  const blocked = run.settlement.totals.blockedMerchants;
  out.push(
    zh
      ? `输入问题：${issues.length} 条${blocked > 0 ? `；${blocked} 个商家已冻结（相关行修正前不发放）` : ''}`
      : `issues: ${issues.length}${blocked > 0 ? `; ${blocked} merchant${blocked === 1 ? '' : 's'} blocked (no payout until the rows are fixed)` : ''}`,
  );
  issues.slice(0, maxIssues).forEach((issue) => out.push('  ' + issueLine(issue, language)));
  if (issues.length > maxIssues)
    out.push(
      zh
        ? `  …另有 ${issues.length - maxIssues} 条：见 --format json 的 "issues"，或 --format xlsx 的“问题”工作表`
        : `  … and ${issues.length - maxIssues} more: see "issues" in --format json, or the Issues sheet of --format xlsx`,
    );
  return visibleLines(out);
}

/** "history row 57, merchant 000123: GMV "12,3x" is not valid: …" / "历史数据第57行，商家 000123：…" */
export function issueLine(issue: InputIssue, language: Language = 'en'): string {
  if (language === 'zh') {
    const where = issue.row > 0 ? `${sourceName(issue.source, true)}第${issue.row}行` : sourceName(issue.source, true);
    return `${where}${issue.merchantId ? `，商家 ${issue.merchantId}` : ''}：${issue.messageZh}`;
  }
  const where = issue.row > 0 ? `${issue.source} row ${issue.row}` : issue.source;
  const who = issue.merchantId ? `, merchant ${issue.merchantId}` : '';
  return `${where}${who}: ${issue.message}`;
}

/** SPEC §7 in one line for the person at the terminal: before, now, delta, to pay and to recover (or waived). */
function trueUpLine(run: SettlementRun, language: Language): string {
  const t = run.trueUp!.totals;
  const money = (fen: FenSum) => fenToDisplay(fen);
  const against = run.previous && run.previous.run !== undefined ? runName(run.previous.run, language) : language === 'zh' ? '上一次结算' : 'the previous run';
  const changes = policyChangesText(run.trueUp!);
  if (language === 'zh')
    return `与${against}对账：此前 ${money(t.previousCashFen)}，本次 ${money(t.cashFen)}，差额 ${money(t.deltaCashFen)}；应补发 ${money(t.toPayFen)}，` +
      (run.trueUp!.clawback ? `应追回 ${money(t.toRecoverFen)}` : `豁免 ${money(t.waivedFen)}（不追回）`) +
      (changes ? `；政策已变化：${changes}` : '');
  return `true-up against ${against}: before ${money(t.previousCashFen)}, now ${money(t.cashFen)}, delta ${money(t.deltaCashFen)}; to pay ${money(t.toPayFen)}, ` +
    (run.trueUp!.clawback ? `to recover ${money(t.toRecoverFen)}` : `waived ${money(t.waivedFen)} (clawback off)`) +
    (changes ? `; policy changed: ${changes}` : '');
}
