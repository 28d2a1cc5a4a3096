/**
 * The README's "Policy file" table, from the table of policy keys (src/core/policyKeys): one row
 * per key, a tier's keys as `tiers[].key`, the default as the policy file would hold it, the
 * help as the meaning.
 */
import { fenToDisplay, type Dec, type Fen } from '../../src/core/money';
import { POLICY_KEYS, TIER_KEYS, type PolicyKeySpec, type Tier, type TierKeySpec } from '../../src/core/policyKeys';
import { groupedCount } from '../../src/output/counts';

const code = (text: string) => '`' + text + '`';

/** One tier's value as a person reads it: 200,000, 30%, 20,000. */
function tierValue(spec: TierKeySpec, value: unknown): string {
  if (spec.kind === 'money') return fenToDisplay(value as Fen).replace(/\.00$/, '');
  if (spec.kind === 'count') return groupedCount(value as number);
  return spec.use === 'cashback' ? `${(value as Dec).mul(100).toString()}%` : (value as Dec).toString();
}

function tierDefault(spec: TierKeySpec, tiers: Tier[]): string {
  const values = tiers.map((tier) => tier[spec.field as keyof Tier]);
  if (values.every((value) => value === undefined)) return spec.defaultText || '—';
  return values.map((value) => (value === undefined ? '—' : tierValue(spec, value))).join(' / ');
}

function keyDefault(spec: PolicyKeySpec): string {
  if (spec.default === undefined) return spec.defaultText || '—';
  return typeof spec.default === 'string' || Array.isArray(spec.default)
    ? code(JSON.stringify(spec.default))
    : typeof spec.default === 'boolean'
      ? code(String(spec.default))
      : String(spec.default);
}

export function policyTable(): string {
  const rows: string[][] = [];
  POLICY_KEYS.forEach((spec: PolicyKeySpec) => {
    if (spec.kind === 'count' && spec.max !== undefined) return rows.push([code(spec.key), keyDefault(spec), `${spec.help.en} (${spec.min} to ${spec.max})`]);
    if (spec.kind !== 'tiers') return rows.push([code(spec.key), keyDefault(spec), spec.help.en]);
    const tiers = spec.default as Tier[];
    TIER_KEYS.forEach((tierSpec: TierKeySpec) => rows.push([code(`tiers[].${tierSpec.key}`), tierDefault(tierSpec, tiers), tierSpec.help.en]));
  });
  return ['| key | default | meaning |', '|---|---|---|', ...rows.map((cells) => `| ${cells.join(' | ')} |`)].join('\n');
}
