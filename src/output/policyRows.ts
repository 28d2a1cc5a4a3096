/**
 * The policy a run used, as labelled rows a finance reviewer reads (the issue: "the policy as
 * labelled rows, not a JSON blob"): one row per option with its label and value in the reader's
 * language, then the tiers as a small table headed by the Policy sheet's headings. Read off the
 * table of policy keys, so a new option appears here with no second edit.
 */
import { fenToNumber, type Dec, type Fen } from '../core/money';
import type { Policy, Tier } from '../core/policy';
import { POLICY_KEYS, TIER_KEYS, type PolicyKeySpec, type TierKeySpec } from '../core/policyKeys';
import type { Language } from './language';
import { KINDS } from './tables';

type Cell = string | number;

interface Rows {
  values: Cell[][];
  formats: string[][];
}

const YES_NO = { en: ['yes', 'no'], zh: ['是', '否'] };
const UNSET = { en: '(not set)', zh: '（未设置）' };

function optionValue(spec: PolicyKeySpec, value: unknown, language: Language): { value: Cell; format: string } {
  if (value === undefined || value === null) return { value: UNSET[language], format: KINDS.text.format };
  switch (spec.kind) {
    case 'boolean':
      return { value: YES_NO[language][value ? 0 : 1], format: KINDS.text.format };
    case 'choice': {
      const choice = spec.choices.find((c) => c.value === value);
      return { value: choice ? choice.label[language] : String(value), format: KINDS.text.format };
    }
    case 'count':
      return { value: value as number, format: KINDS.count.format };
    case 'rate':
      return { value: Number((value as Dec).toString()), format: spec.use === 'cashback' ? KINDS.percent.format : KINDS.coefficient.format };
    default:
      return { value: String(value), format: KINDS.text.format };
  }
}

function tierCell(spec: TierKeySpec, tier: Tier): { value: Cell; format: string } {
  const value = tier[spec.field as keyof Tier];
  if (value === undefined) return { value: '', format: KINDS.text.format };
  if (spec.kind === 'money') return { value: fenToNumber(value as Fen), format: KINDS.money.format };
  if (spec.kind === 'count') return { value: value as number, format: KINDS.count.format };
  return { value: Number((value as Dec).toString()), format: spec.use === 'cashback' ? KINDS.percent.format : KINDS.coefficient.format };
}

/** The policy in rows: each option labelled, then a heading row and one row per tier. */
export function policyRows(policy: Policy, language: Language): Rows {
  const text = KINDS.text.format;
  const values: Cell[][] = [];
  const formats: string[][] = [];
  POLICY_KEYS.forEach((spec: PolicyKeySpec) => {
    if (spec.kind === 'tiers') return;
    const shown = optionValue(spec, policy[spec.field as keyof Policy], language);
    values.push([spec.label[language], shown.value]);
    formats.push([text, shown.format]);
  });
  values.push([language === 'zh' ? '档位' : 'Tier', ...TIER_KEYS.map((spec: TierKeySpec) => spec.heading[language])]);
  formats.push([text, ...TIER_KEYS.map(() => text)]);
  policy.tiers.forEach((tier, i) => {
    const cells = TIER_KEYS.map((spec: TierKeySpec) => tierCell(spec, tier));
    values.push([language === 'zh' ? `第${i + 1}档` : `Tier ${i + 1}`, ...cells.map((c) => c.value)]);
    formats.push([text, ...cells.map((c) => c.format)]);
  });
  return { values, formats };
}
