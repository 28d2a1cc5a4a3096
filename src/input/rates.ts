/**
 * Rates a person types (SPEC §2 "plausible rates"): a red-packet coefficient is a fraction at
 * least 0 and below 1, a cashback rate at most 100%. A `5` typed for 5% would pay twenty times
 * the budget without a word, so it is refused with the guess spelled out — never capped, never
 * silently divided by 100. Every entry point reads rates here: the sidebar, `--coefficient`,
 * the policy file, the Policy sheet and the custom functions' arguments.
 */
import { Dec } from '../core/money';
import { cashbackRateInRange, coefficientInRange } from '../core/policy';
import type { IssueText } from './issueText';
import { readRate, type Cell } from './number';

export type RateUse = 'coefficient' | 'cashback';

/** What a rate is called in a message: "coefficient", "tier 3 coefficient", "cashback rate". */
export interface RateLabel {
  en: string;
  zh: string;
}

export const RATE_LABELS = {
  coefficient: (tier?: number): RateLabel =>
    tier === undefined ? { en: 'coefficient', zh: '奖励系数' } : { en: `tier ${tier} coefficient`, zh: `第${tier}档奖励系数` },
  cashback: (tier?: number): RateLabel =>
    tier === undefined ? { en: 'cashback rate', zh: '磁力金牛返还比例' } : { en: `tier ${tier} cashback rate`, zh: `第${tier}档磁力金牛返还比例` },
};

export type RateCheck = { kind: 'rate'; rate: Dec } | { kind: 'blank' } | { kind: 'error'; text: IssueText };

/** A rate read and checked for `use`; the message names it with `label` and quotes what was typed. */
export function readPlausibleRate(raw: Cell, use: RateUse, label: RateLabel = RATE_LABELS[use]()): RateCheck {
  const read = readRate(raw);
  if (read.kind === 'blank') return read;
  const typed = typeof raw === 'string' ? raw.trim() : String(raw);
  if (read.kind === 'error')
    return {
      kind: 'error',
      text: {
        en: `${label.en} must be a rate of 0 or more such as ${use === 'coefficient' ? '0.05 or 5%' : '0.3 or 30%'}, not "${typed}"`,
        zh: `${label.zh}应为不小于0的比例，如 ${use === 'coefficient' ? '0.05 或 5%' : '0.3 或 30%'}，而不是「${typed}」`,
      },
    };
  const rate = new Dec(read.text);
  if (use === 'coefficient' ? coefficientInRange(rate) : cashbackRateInRange(rate)) return { kind: 'rate', rate };
  return { kind: 'error', text: implausibleRate(rate, typed, use, label) };
}

/**
 * "coefficient 5 would pay 500% of the incremental GMV — did you mean 5%?": the share it would
 * pay, and the percentage the typed number most likely was when that one is plausible.
 */
export function implausibleRate(rate: Dec, typed: string, use: RateUse, label: RateLabel): IssueText {
  const pays = rate.mul(100).toString() + '%';
  const paid =
    use === 'coefficient'
      ? { en: `${pays} of the incremental GMV`, zh: `按增量GMV的 ${pays} 发放红包` }
      : { en: `${pays} of the ad spend`, zh: `返还磁力金牛消耗的 ${pays}` };
  const asPercent = rate.div(100);
  const guess =
    typed.indexOf('%') < 0 && (use === 'coefficient' ? coefficientInRange(asPercent) : cashbackRateInRange(asPercent)) ? `${rate.toString()}%` : undefined;
  const limit =
    use === 'coefficient'
      ? { en: 'a red-packet coefficient is at least 0 and below 1 (100%)', zh: '奖励系数应不小于0且小于1（100%）' }
      : { en: 'a cashback rate is at most 100%', zh: '返还比例最高为100%' };
  return {
    en: `${label.en} ${typed} would pay ${paid.en} — ${guess ? `did you mean ${guess}?` : limit.en}`,
    zh: `${label.zh} ${typed} 意味着${paid.zh}——${guess ? `是否应为 ${guess}？` : limit.zh}`,
  };
}
