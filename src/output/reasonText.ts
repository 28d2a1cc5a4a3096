/** A line's reason in words a person can check against the numbers beside it (SPEC §5). */
import { fenToDisplay, Fen } from '../core/money';
import type { Reason } from '../core/model';
import { sourceName, type Language } from './language';


/** Thresholds read as the programme states them: "500,000", not "500,000.00". */
export function threshold(fen: Fen): string {
  const text = fenToDisplay(fen);
  return text.endsWith('.00') ? text.slice(0, -3) : text;
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
      const leftOut = reason.leftOutDays > 0 ? (zh ? `（政策的过往日均选项剔除了 ${reason.leftOutDays} 天）` : ` (the policy's baseline choices left out ${reason.leftOutDays})`) : '';
      return zh
        ? `可用历史数据只有 ${reason.usableDays} 天，少于过往日均要求的 ${reason.minDays} 天${leftOut}`
        : `only ${reason.usableDays} usable history day${reason.usableDays === 1 ? '' : 's'}${leftOut}, fewer than the ${reason.minDays} baseline_min_days asks for`;
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

