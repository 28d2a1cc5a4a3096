/**
 * The baseline the run used, in one line for the run record and the CLI's report (SPEC §8): which
 * history days counted, which were left out by the policy, and how many days a merchant needs.
 * The baseline is the figure most likely to be disputed, so the record says it in words.
 */
import type { SettlementRun } from './settledRun';
import type { Language } from './language';
import { groupedCount } from './counts';

export function baselineText(run: SettlementRun, language: Language): string {
  const zh = language === 'zh';
  const policy = run.settlement.policy;
  const days = run.read.baselineDays;
  const first = run.read.firstCampaignDay;
  const parts: string[] = [];
  if (days && days.window) parts.push(zh ? `取 ${days.window.from} 至 ${days.window.to}（活动首日前 ${policy.baselineWindowDays} 天）` : `the ${policy.baselineWindowDays} days ${days.window.from} … ${days.window.to}`);
  else parts.push(zh ? `活动首日${first ? `（${first}）` : ''}之前的全部历史` : `all history before the first campaign day${first ? ` (${first})` : ''}`);
  const excluded = policy.baselineExcludeDates || [];
  if (excluded.length > 0) parts.push(zh ? `剔除 ${excluded.join('、')}` : `excluding ${excluded.join(', ')}`);
  const minDays = policy.baselineMinDays || 1;
  parts.push(zh ? `至少 ${minDays} 天` : `at least ${minDays} day${minDays === 1 ? '' : 's'}`);
  const leftOut = days ? days.leftOutByWindow + days.leftOutByExclusion : 0;
  if (leftOut > 0) parts.push(zh ? `共有 ${groupedCount(leftOut)} 个历史日未计入` : `${groupedCount(leftOut)} history days left out`);
  return parts.join(zh ? '；' : '; ');
}
