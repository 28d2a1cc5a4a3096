/**
 * The red-packet coefficient in force, with one worked line, for the CLI's stderr and the
 * sidebar: "5% of an incremental GMV of 100,000.00 = 5,000.00". A coefficient typed wrong by a
 * factor of 100 is seen here before anything is paid.
 */
import { Dec, fenToDisplay, mulRate } from '../core/money';
import { tierCoefficient, type Policy } from '../core/policy';
import type { Language } from './language';

/** The increment the worked line multiplies: 100,000.00 CNY. */
const EXAMPLE_INCREMENT_FEN = 100000_00;

function percent(rate: Dec): string {
  return rate.mul(100).toString() + '%';
}

function workedLine(rate: Dec, language: Language): string {
  const paid = fenToDisplay(mulRate(EXAMPLE_INCREMENT_FEN, rate));
  const increment = fenToDisplay(EXAMPLE_INCREMENT_FEN);
  return language === 'zh'
    ? `${rate.toString()}（${percent(rate)}）：增量GMV ${increment} × ${percent(rate)} = ${paid}`
    : `${rate.toString()} (${percent(rate)}): ${percent(rate)} of an incremental GMV of ${increment} = ${paid}`;
}

/** One line when every tier pays the same coefficient, else one per tier; none when none is set. */
export function coefficientLines(policy: Policy, language: Language): string[] {
  const zh = language === 'zh';
  const rates = policy.tiers.map((_, i) => tierCoefficient(policy, i + 1));
  const head = zh ? '奖励系数' : 'red-packet coefficient';
  if (rates.every((r) => r === undefined)) return [zh ? `${head}：未设置` : `${head}: not set`];
  const first = rates[0];
  if (first && rates.every((r) => r !== undefined && r.eq(first))) return [`${head} ${workedLine(first, language)}`];
  return rates.map((rate, i) => {
    const tier = zh ? `第${i + 1}档${head}` : `tier ${i + 1} ${head}`;
    return rate ? `${tier} ${workedLine(rate, language)}` : zh ? `${tier}：未设置` : `${tier}: not set`;
  });
}
