/**
 * A policy from a user: the CLI's JSON file (snake_case keys, as documented in the README) or
 * a Policy range in a sheet (one row per tier), and the policy back as that JSON. One reader and
 * one writer for every key, driven by core/policyKeys: a key is read, checked and written by
 * its kind. Problems come back as messages in English and Chinese with a code, never thrown from
 * deep inside, so each entry point can show them its own way. Rates go through the one
 * plausibility check (rates.ts).
 */
import { fenToText, type Dec, type Fen } from '../core/money';
import { double11Policy, type Policy, type Tier } from '../core/policy';
import { fitsKey, POLICY_KEYS, POLICY_OPTIONS, TIER_KEYS, type ChoiceValue, type PolicyKeySpec, type PolicyOptions, type TierKeySpec } from '../core/policyKeys';
import { readMoneyFen, readNumber, type Cell } from './number';
import { readDateList } from './dateList';
import { badDatesMessage, badTierMessage, badTiersMessage, badValueMessage, noTierRowsMessage, NOT_AN_OBJECT, policyMessage, unknownKeyMessage, type PolicyMessage } from './policyText';
import { RATE_LABELS, readPlausibleRate } from './rates';
import { cellText } from './table';

export type PolicyRead = { ok: true; policy: Policy } | { ok: false; problems: PolicyMessage[] };

type KeySpec = PolicyKeySpec | TierKeySpec;
type TierKey = (typeof TIER_KEYS)[number];
type PolicyKey = (typeof POLICY_KEYS)[number];
type JsonOf<K> = K extends { kind: 'money' | 'rate' }
  ? string
  : K extends { kind: 'count' }
    ? number
    : K extends { kind: 'boolean' }
      ? boolean
      : K extends { kind: 'choice' }
        ? ChoiceValue<K>
        : K extends { kind: 'tiers' }
          ? TierJson[]
          : K extends { kind: 'dates' }
            ? string[]
            : never;

/** A tier as the policy file writes it; an optional key without a value is left out. */
export type TierJson = { [K in TierKey as K extends { optional: true } ? never : K['key']]: JsonOf<K> } & {
  [K in TierKey as K extends { optional: true } ? K['key'] : never]?: JsonOf<K>;
};
/** The policy file, as the writer writes it (and the run record shows it): an optional key without a value is null. */
export type PolicyJson = { [K in PolicyKey as K['key']]: JsonOf<K> | (K extends { optional: true } ? null : never) };

/** A blank cell or a JSON null: an optional key with no value. */
function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** One value read by its key's kind, or undefined with the problem added to `problems`. */
function readValue(spec: KeySpec, raw: unknown, tier: number | undefined, problems: PolicyMessage[]): unknown {
  switch (spec.kind) {
    case 'boolean':
    case 'choice':
      if (fitsKey(spec, raw)) return raw;
      break;
    case 'count': {
      // As text too ("20,000" in a cell): the number reader's forms, whole and in range.
      const read = readNumber(raw as Cell);
      if (read.kind === 'number' && /^\d+$/.test(read.text) && fitsKey(spec, Number(read.text))) return Number(read.text);
      break;
    }
    case 'money': {
      const read = readMoneyFen(raw as Cell);
      if (read.kind === 'fen' && read.fen >= 0) return read.fen;
      break;
    }
    case 'rate': {
      const read = readPlausibleRate(raw as Cell, spec.use, RATE_LABELS[spec.use](tier));
      if (read.kind === 'rate') return read.rate;
      if (read.kind === 'error') {
        problems.push(policyMessage(spec.use === 'coefficient' ? 'bad_coefficient' : 'bad_cashback_rate', read.text));
        return undefined;
      }
      break;
    }
    case 'tiers':
      if (Array.isArray(raw)) return raw.map((t, i) => tierFromJson(t, i + 1, problems)).filter((t): t is Tier => t !== undefined);
      problems.push(badTiersMessage());
      return undefined;
    case 'dates': {
      if (raw === undefined) break; // a request must carry every option, an empty list included
      const read = readDateList(raw, spec.max);
      if (read.kind === 'dates') return read.dates;
      problems.push(badDatesMessage(spec, read.text));
      return undefined;
    }
  }
  problems.push(badValueMessage(spec, tier, raw));
  return undefined;
}

/**
 * One option's value as a form sends it; null for an optional one left blank; undefined when it
 * is not a value the option holds.
 */
export function readOption(spec: PolicyKeySpec, raw: unknown): unknown {
  if (spec.optional && isBlank(raw)) return null;
  return readValue(spec, raw, undefined, []);
}

/**
 * The keys of `specs` from `obj` into `target`. An optional key left blank keeps what `target`
 * has, and so does any key not given in the policy itself (its default); a tier must give every
 * key that is not optional. A key not in `specs` is a problem.
 */
function readKeys(specs: readonly KeySpec[], obj: Record<string, unknown>, target: Record<string, unknown>, tier: number | undefined, problems: PolicyMessage[]): void {
  Object.keys(obj).forEach((key) => {
    if (!specs.some((spec) => spec.key === key)) problems.push(unknownKeyMessage(key, tier));
  });
  specs.forEach((spec) => {
    const raw = obj[spec.key];
    if ((spec.optional && isBlank(raw)) || (raw === undefined && tier === undefined)) return;
    const value = readValue(spec, raw, tier, problems);
    if (value !== undefined) target[spec.field] = value;
  });
}

/** Options over `base` (the Double 11 defaults); anything not given keeps its value there. */
export function policyFromJson(json: unknown, base: Policy = double11Policy()): PolicyRead {
  if (!isObject(json) || Array.isArray(json)) return { ok: false, problems: [NOT_AN_OBJECT] };
  const problems: PolicyMessage[] = [];
  const policy: Record<string, unknown> = { ...base, tiers: base.tiers.slice() };
  readKeys(POLICY_KEYS, json, policy, undefined, problems);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, policy: policy as Policy };
}

function tierFromJson(t: unknown, n: number, problems: PolicyMessage[]): Tier | undefined {
  if (!isObject(t)) {
    problems.push(badTierMessage(n));
    return undefined;
  }
  const before = problems.length;
  const tier: Record<string, unknown> = {};
  readKeys(TIER_KEYS, t, tier, n, problems);
  // A key that is not optional and not given has been reported by its reader.
  return problems.length > before ? undefined : (tier as Tier);
}

/**
 * A Policy range: one row per tier, its cells in TIER_KEYS order (threshold, cashback rate,
 * daily traffic cap, optional coefficient), with an optional header row (any row whose
 * threshold cell is not a number).
 */
export function policyFromCells(cells: Cell[][], base: Policy = double11Policy()): PolicyRead {
  const problems: PolicyMessage[] = [];
  const rows = cells.filter((row) => row.some((c) => cellText(c).trim() !== ''));
  const body = rows.length > 0 && readNumber(rows[0][0]).kind !== 'number' ? rows.slice(1) : rows;
  const tiers = body
    .map((row, i) => tierFromJson(Object.fromEntries(TIER_KEYS.map((spec, column) => [spec.key, row[column]])), i + 1, problems))
    .filter((t): t is Tier => t !== undefined);
  if (body.length === 0) problems.push(noTierRowsMessage());
  return problems.length > 0 ? { ok: false, problems } : { ok: true, policy: { ...base, tiers } };
}

/** One value as the policy file writes it; undefined for none. */
function writeValue(spec: KeySpec, value: unknown): unknown {
  if (value === undefined) return undefined;
  switch (spec.kind) {
    case 'money':
      return fenToText(value as Fen);
    case 'rate':
      // Decimal's own text: never in exponent form (0.0000001), as Dec is configured.
      return (value as Dec).toString();
    case 'tiers':
      return (value as Tier[]).map(tierToJson);
    case 'dates':
      return (value as string[]).slice();
    default:
      return value;
  }
}

function tierToJson(tier: Tier): TierJson {
  const json: Record<string, unknown> = {};
  TIER_KEYS.forEach((spec: TierKeySpec) => {
    const value = writeValue(spec, tier[spec.field as keyof Tier]);
    if (value !== undefined) json[spec.key] = value;
  });
  return json as TierJson;
}

/** A policy's options by policy key, as a form sets them and a request carries them. */
export function policyOptions(policy: Policy): PolicyOptions {
  const json = policyToJson(policy) as Record<string, unknown>;
  const options: Record<string, unknown> = {};
  POLICY_OPTIONS.forEach((spec) => (options[spec.key] = json[spec.key]));
  return options as PolicyOptions;
}

/** The policy as the run record shows it: the same keys the JSON file takes, in POLICY_KEYS order. */
export function policyToJson(policy: Policy): PolicyJson {
  const json: Record<string, unknown> = {};
  POLICY_KEYS.forEach((spec: PolicyKeySpec) => {
    const value = writeValue(spec, policy[spec.field as keyof Policy]);
    json[spec.key] = value === undefined ? null : value;
  });
  return json as PolicyJson;
}
