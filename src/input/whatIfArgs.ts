/**
 * What a person types for a what-if (SPEC §8), read the same way in a formula, the sidebar and
 * the CLI: a GMV change such as -10%, how near is "near" (an amount or a share), the budget's
 * field and the coefficient's decimals. A value that cannot be meant is refused with the likely
 * intent, as plausible rates are (SPEC §2): never capped, never guessed.
 */
import { DEFAULT_DECIMALS, MAX_DECIMALS, type BudgetField } from '../core/budget';
import { Dec } from '../core/money';
import type { Within } from '../core/nearNextTier';
import type { IssueText } from './issueText';
import { readMoneyFen, readNumber, type Cell } from './number';
import { cellText } from './table';

export type Read<T> = { kind: 'value'; value: T } | { kind: 'blank' } | { kind: 'error'; text: IssueText };

const typed = (raw: Cell) => cellText(raw).trim();
const hasPercent = (raw: Cell) => typeof raw === 'string' && /[%％]/.test(raw);

/**
 * A change of every campaign-day GMV: "-20%", "+10%", "0", or a number such as -0.2 (a Sheets
 * cell formatted as a percentage holds that). A bare number beyond ±1 is almost surely a
 * percentage typed without its sign ("10" would multiply GMV by 11), and below −100% GMV would
 * turn negative: both refused.
 */
export function readChange(raw: Cell): Read<Dec> {
  const read = readNumber(raw, { percent: true });
  if (read.kind === 'blank') return read;
  if (read.kind === 'error')
    return { kind: 'error', text: { en: `"${typed(raw)}" is not a change such as -10% or 10%`, zh: `「${typed(raw)}」不是变化比例，如 -10% 或 10%` } };
  const change = new Dec(read.text);
  if (!hasPercent(raw) && change.abs().gt(1))
    return {
      kind: 'error',
      text: {
        en: `"${typed(raw)}" would multiply every GMV by ${change.plus(1).toString()} — did you mean ${change.toString()}%?`,
        zh: `「${typed(raw)}」意味着所有GMV乘以 ${change.plus(1).toString()}——是否应为 ${change.toString()}%？`,
      },
    };
  if (change.lt(-1)) return { kind: 'error', text: { en: `"${typed(raw)}" is below -100%: GMV cannot fall below 0 that way`, zh: `「${typed(raw)}」低于 -100%：GMV 不能因此变为负数` } };
  return { kind: 'value', value: change };
}

/** "-20%,-10%,0,10%" (commas, semicolons or spaces between) as changes, in the order given. */
export function readChangeList(text: string): Read<Dec[]> {
  const changes: Dec[] = [];
  for (const item of text.split(/[,;，；\s]+/).filter((part) => part !== '')) {
    const read = readChange(item);
    if (read.kind === 'error') return read;
    if (read.kind === 'value') changes.push(read.value);
  }
  return changes.length === 0 ? { kind: 'blank' } : { kind: 'value', value: changes };
}

/**
 * How near is near: "10%" (or a number below 1, which is what a Sheets cell formatted as 10%
 * holds) is that share of the next tier's threshold; anything else an amount of GMV, "2万" too.
 * An amount below 1 CNY would catch nothing worth watching, so the two readings never overlap.
 */
export function readWithin(raw: Cell): Read<Within> {
  const read = readNumber(raw, { percent: true });
  const wrong: IssueText = {
    en: `"${typed(raw)}" is not an amount such as 20000 or a share of the next threshold such as 10%`,
    zh: `「${typed(raw)}」不是金额（如 20000）或下一档门槛的比例（如 10%）`,
  };
  if (read.kind === 'blank') return read;
  if (read.kind === 'error') return { kind: 'error', text: wrong };
  const value = new Dec(read.text);
  if (!value.gt(0)) return { kind: 'error', text: { en: `"${typed(raw)}" must be more than 0`, zh: `「${typed(raw)}」须大于 0` } };
  if (hasPercent(raw) || value.lt(1)) return { kind: 'value', value: { kind: 'share', rate: value } };
  const money = readMoneyFen(raw);
  return money.kind === 'fen' ? { kind: 'value', value: { kind: 'amount', fen: money.fen } } : { kind: 'error', text: wrong };
}

/** A budget: an amount of 0 or more ("50万" works). */
export function readBudget(raw: Cell): Read<number> {
  const read = readMoneyFen(raw);
  if (read.kind === 'blank') return read;
  if (read.kind === 'fen' && read.fen >= 0) return { kind: 'value', value: read.fen };
  return { kind: 'error', text: { en: `"${typed(raw)}" is not a budget such as 500000 or 50万`, zh: `「${typed(raw)}」不是预算金额，如 500000 或 50万` } };
}

const FIELD_NAMES: Record<string, BudgetField> = {
  redpacket: 'red_packet',
  红包: 'red_packet',
  天降红包: 'red_packet',
  total: 'total',
  cashtotal: 'total',
  合计: 'total',
  现金合计: 'total',
};

/** The budget's field: "red_packet" (红包, the default) or "total" (合计: cashback + red packet). */
export function readBudgetField(raw: Cell): Read<BudgetField> {
  const key = typed(raw).normalize('NFKC').toLowerCase().replace(/[\s_-]/g, '');
  if (key === '') return { kind: 'blank' };
  const field = FIELD_NAMES[key];
  if (field) return { kind: 'value', value: field };
  return { kind: 'error', text: { en: `"${typed(raw)}" is not "red_packet" (红包) or "total" (合计)`, zh: `「${typed(raw)}」不是 "red_packet"（红包）或 "total"（合计）` } };
}

/** Decimals of the coefficient, a whole number from 0 to MAX_DECIMALS; blank is DEFAULT_DECIMALS. */
export function readDecimals(raw: Cell): Read<number> {
  const read = readNumber(raw);
  if (read.kind === 'blank') return { kind: 'value', value: DEFAULT_DECIMALS };
  if (read.kind === 'number' && /^\d+$/.test(read.text) && Number(read.text) <= MAX_DECIMALS) return { kind: 'value', value: Number(read.text) };
  return { kind: 'error', text: { en: `"${typed(raw)}" is not a whole number of decimals from 0 to ${MAX_DECIMALS}`, zh: `「${typed(raw)}」不是 0 到 ${MAX_DECIMALS} 之间的小数位数` } };
}
