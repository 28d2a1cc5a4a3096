/** A line's reason in words a person can check against the numbers beside it (SPEC §5). */
import { fenToDisplay, Fen } from '../core/money';
import type { Reason } from '../core/model';
import { sourceName, type Language } from './language';


/** Thresholds read as the programme states them: "500,000", not "500,000.00". */
export function threshold(fen: Fen): string {
  const text = fenToDisplay(fen);
  return text.endsWith('.00') ? text.slice(0, -3) : text;
}

/**
 * SPEC §8 `baseline_min_days`: the words of a too_few_history_days reason, for core's lines and
 * for the SQL's (src/sql/reasonSql fills the slots with column expressions). `leftOutDays` is
 * undefined when the policy's window and excluded dates left out none of the merchant's days;
 * `oneDay` says whether `usableDays` is 1 (English "day", not "days").
 */
export function tooFewHistoryDaysText(usableDays: string, minDays: string, leftOutDays: string | undefined, oneDay: boolean): { en: string; zh: string } {
  const leftOutEn = leftOutDays === undefined ? '' : ` (the policy's baseline choices left out ${leftOutDays})`;
  const leftOutZh = leftOutDays === undefined ? '' : `（政策的过往日均选项剔除了 ${leftOutDays} 天）`;
  return {
    en: `only ${usableDays} usable history day${oneDay ? '' : 's'}${leftOutEn}, fewer than the ${minDays} baseline_min_days asks for`,
    zh: `可用历史数据只有 ${usableDays} 天，少于过往日均要求的 ${minDays} 天${leftOutZh}`,
  };
}

export function describeReason(reason: Reason, language: Language): string {
  const zh = language === 'zh';
  switch (reason.code) {
    case 'qualified': {
      const gmv = fenToDisplay(reason.gmvFen);
      // With threshold_inclusive a day exactly at the threshold qualifies: "above" would be untrue.
      const above = reason.inclusive ? (zh ? '达到' : 'is at or above') : zh ? '高于' : 'is above';
      let text =
        reason.nextTier !== undefined && reason.nextThresholdFen !== undefined
          ? zh
            ? `GMV ${gmv} ${above}第${reason.tier}档（${threshold(reason.thresholdFen)}），未达第${reason.nextTier}档（${threshold(reason.nextThresholdFen)}）`
            : `GMV ${gmv} ${above} tier ${reason.tier} (${threshold(reason.thresholdFen)}) but below tier ${reason.nextTier} (${threshold(reason.nextThresholdFen)})`
          : zh
            ? `GMV ${gmv} ${above}最高档第${reason.tier}档（${threshold(reason.thresholdFen)}）`
            : `GMV ${gmv} ${above} tier ${reason.tier} (${threshold(reason.thresholdFen)}), the top tier`;
      if (reason.trafficUsedUp) text += zh ? '；流量扶持天数已用完' : '; traffic days used up';
      return text;
    }
    case 'not_above_baseline':
      return zh
        ? `GMV ${fenToDisplay(reason.gmvFen)} 未高于过往日均 ${fenToDisplay(reason.baselineFen)}`
        : `GMV ${fenToDisplay(reason.gmvFen)} is not above the baseline average ${fenToDisplay(reason.baselineFen)}`;
    case 'below_first_tier':
      return zh
        ? `GMV ${fenToDisplay(reason.gmvFen)} 高于过往日均 ${fenToDisplay(reason.baselineFen)}，但未达第1档（${threshold(reason.thresholdFen)}）`
        : `GMV ${fenToDisplay(reason.gmvFen)} is above the baseline average ${fenToDisplay(reason.baselineFen)} but ${reason.inclusive ? 'below' : 'not above'} tier 1 (${threshold(reason.thresholdFen)})`;
    case 'no_baseline':
      return zh ? '无历史数据，也无过往日均' : 'no history and no ready baseline for this merchant';
    case 'too_few_history_days': {
      const leftOut = reason.leftOutDays > 0 ? String(reason.leftOutDays) : undefined;
      const text = tooFewHistoryDaysText(String(reason.usableDays), String(reason.minDays), leftOut, reason.usableDays === 1);
      return zh ? text.zh : text.en;
    }
    case 'not_invited':
      return zh ? '不在受邀商家名单中' : 'not on the invitation list';
    case 'stated':
      return zh ? reason.zh : reason.en;
    case 'blocked': {
      const first = reason.issues[0];
      if (!first) return zh ? '已冻结' : 'blocked';
      const more = reason.issues.length - 1;
      const where = first.row > 0 ? (zh ? `${sourceName(first.source, true)}第${first.row}行` : `row ${first.row} of ${first.source}`) : sourceName(first.source, zh);
      const tail = more > 0 ? (zh ? `（另有${more}处）` : ` (and ${more} more)`) : '';
      return zh ? `已冻结：${where}：${first.messageZh}${tail}` : `blocked: ${where}: ${first.message}${tail}`;
    }
    case 'held': {
      // The issue's wording: "held: appeal 12; would pay 1,234.56".
      const wouldPay = fenToDisplay(reason.wouldPayFen);
      const why = reason.holdReason.trim();
      if (zh) return why ? `暂缓：${why}；按本次结算应付 ${wouldPay}` : `暂缓；按本次结算应付 ${wouldPay}`;
      return why ? `held: ${why}; would pay ${wouldPay}` : `held; would pay ${wouldPay}`;
    }
    case 'earlier':
      return reason.text;
  }
}

