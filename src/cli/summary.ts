/**
 * A settlement in a screenful, for `npm start`: what will be paid, how many merchants reached
 * each tier, who is blocked and why, and the first input issues. Money as finance reads it.
 */
import { fenToDisplay } from '../core/money';
import { describeReason } from '../output/reasonText';
import { type Language } from '../output/language';
import type { LineStatus } from '../core/model';
import type { SettlementRun } from '../run/runSettlement';
import { issueLine } from './inputReport';
import { visibleLines } from './terminalText';

const STATUSES: LineStatus[] = ['qualified', 'not_qualified', 'no_baseline', 'not_invited', 'blocked', 'held'];

export function formatSummary(run: SettlementRun, language: Language = 'en', listed = 10): string {
  const { lines, merchants, totals, policy } = run.settlement;
  const counts = run.read.totalCounts;
  const dates = Array.from(new Set(lines.map((l) => l.date))).sort();
  const out: string[] = [];
  const add = (label: string, value: string) => out.push(`  ${label.padEnd(22)} ${value}`);

  out.push(
    `Settlement: ${totals.merchants} merchants, ${dates.length} campaign day${dates.length === 1 ? '' : 's'}` +
      (dates.length > 0 ? ` (${dates[0]} … ${dates[dates.length - 1]})` : ''),
  );
  add('Cash total', `¥${fenToDisplay(totals.cashTotalFen)}`);
  // Chinese names after the figures: CJK characters are double width and would break the padding.
  add('  cashback', `¥${fenToDisplay(totals.cashbackFen)}  磁力金牛返还`);
  add('  red packets', `¥${fenToDisplay(totals.redPacketFen)}  天降红包`);
  add('Traffic granted', `${totals.trafficGranted.toLocaleString('en-US')} exposures`);
  add('Qualified merchants', `${totals.qualifiedMerchants} of ${totals.merchants}`);

  // Merchants by the best tier they reached on any day: the figure ops reports upward.
  const byBestTier = policy.tiers.map((_, i) => merchants.filter((m) => m.bestTier === i + 1).length);
  add('Best tier reached', byBestTier.map((n, i) => `tier ${i + 1}: ${n}`).join(', '));
  const byStatus = STATUSES.map((s) => [s, lines.filter((l) => l.status === s).length] as const).filter(([, n]) => n > 0);
  add('Lines by status', byStatus.map(([s, n]) => `${s} ${n}`).join(', '));
  add('Rows', `read ${counts.read} = used ${counts.used} + rejected ${counts.rejected}`);

  const blocked = merchants.filter((m) => m.status === 'blocked');
  if (blocked.length > 0) {
    out.push('', `Blocked merchants (${blocked.length}), paid nothing until their rows are fixed:`);
    for (const m of blocked.slice(0, listed)) {
      const line = lines.find((l) => l.merchantId === m.merchantId);
      const why = line ? describeReason(line.reason, language) : '';
      out.push(`  ${m.merchantId}${m.merchantName ? ' ' + m.merchantName : ''}: ${why}`);
    }
    if (blocked.length > listed) out.push(`  … and ${blocked.length - listed} more`);
  }

  const issues = run.read.issues;
  if (issues.length > 0) {
    out.push('', `Input issues (${issues.length}):`);
    issues.slice(0, listed).forEach((issue) => out.push('  ' + issueLine(issue)));
    if (issues.length > listed) out.push(`  … and ${issues.length - listed} more`);
  }
  out.push('', `Input SHA-256 ${run.record.inputSha256}, generated ${run.record.generatedAt}`);
  // Names, ids and reasons come from the data: a terminal shows their control characters as escapes.
  return visibleLines(out);
}
