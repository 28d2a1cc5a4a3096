/**
 * Every key of a policy, declared once, as HyperFormula declares each function's parameters in
 * one static table: its name in the policy file, its field in `Policy`, what kind of value it
 * holds (choices, range, default), what the sidebar and the messages call it in Chinese and
 * English, and the help the README prints. The `Policy` type below, the policy file's reader
 * and writer (input/policyReader), the option checks, the sidebar's form, the Policy sheet and
 * the README's table are all read off these two tables. A new option is one entry in
 * POLICY_KEYS plus the rule in core that uses its field.
 */
import { Dec, type Fen } from './money';

export interface Words {
  en: string;
  zh: string;
}

export interface Choice {
  value: string;
  label: Words;
}

/** What every key declares. */
interface KeyCommon {
  /** The policy file's key (snake_case, as the README documents it). */
  key: string;
  /** Its field in `Policy` / `Tier`. */
  field: string;
  /** What the sidebar and the Chinese messages call it. */
  label: Words;
  /** One line on what it does: the README's "meaning" (markdown), the sidebar's tooltip. */
  help: Words;
  /** May be absent from a policy (then it has no default). */
  optional?: boolean;
  /** The README's default column, where the default is not a value (a coefficient is never defaulted). */
  defaultText?: string;
}

/**
 * The kinds of value. Each has one reader, writer, check and control, in input/policyReader,
 * input/policyText and sidebar/policyForm; a key of a new kind needs one case in each of them.
 */
export type KeyKind =
  | { kind: 'boolean' }
  | { kind: 'choice'; choices: readonly Choice[] }
  /** A whole number from min to max: days, exposures. */
  | { kind: 'count'; min: number; max?: number; unit: Words; example?: number }
  /** SPEC §2 plausible rates: a coefficient in [0, 1), a cashback rate in [0, 100%]. */
  | { kind: 'rate'; use: 'coefficient' | 'cashback' }
  /** CNY, held in fen. */
  | { kind: 'money' }
  /** The list of tiers, each with the keys of TIER_KEYS. */
  | { kind: 'tiers' }
  /** Calendar days, held as sorted distinct YYYY-MM-DD: `["2025-09-09", "2025-09-10"]`, or typed "2025-09-09..2025-09-10". */
  | { kind: 'dates'; max: number };

export type TierKeySpec = KeyCommon & KeyKind & { kind: 'money' | 'rate' | 'count'; /** The Policy sheet's column heading. */ heading: Words };
export type PolicyKeySpec = KeyCommon & KeyKind & { default?: unknown };

const EXPOSURES: Words = { en: 'exposures', zh: '曝光量' };
const DAYS: Words = { en: 'days', zh: '天数' };

/** A tier's keys, in the Policy sheet's column order. */
export const TIER_KEYS = [
  {
    key: 'min_gmv',
    field: 'minGmvFen',
    kind: 'money',
    label: { en: 'GMV threshold', zh: 'GMV门槛' },
    heading: { en: 'GMV threshold (must exceed)', zh: 'GMV门槛（需超过）' },
    help: { en: "the day's GMV must exceed it (`20万` works too)", zh: '当日GMV须超过此门槛（也可写“20万”）' },
  },
  {
    key: 'cashback_rate',
    field: 'cashbackRate',
    kind: 'rate',
    use: 'cashback',
    label: { en: 'cashback rate', zh: '磁力金牛返还比例' },
    heading: { en: 'Cashback rate', zh: '磁力金牛返还比例' },
    help: { en: 'share of that day\'s ad spend (`0.3` or `"30%"`)', zh: '返还当日磁力金牛消耗的比例（0.3 或 30%）' },
  },
  {
    key: 'traffic_cap_per_day',
    field: 'trafficCapPerDay',
    kind: 'count',
    min: 0,
    unit: EXPOSURES,
    example: 20000,
    label: { en: 'daily traffic cap', zh: '每日流量封顶' },
    heading: { en: 'Daily traffic cap', zh: '每日流量封顶' },
    help: { en: 'exposures granted on a traffic day', zh: '流量扶持日发放的曝光量' },
  },
  {
    key: 'red_packet_coefficient',
    field: 'redPacketCoefficient',
    kind: 'rate',
    use: 'coefficient',
    optional: true,
    defaultText: '—',
    label: { en: 'red-packet coefficient', zh: '奖励系数' },
    heading: { en: 'Red-packet coefficient (optional)', zh: '奖励系数（可选）' },
    help: { en: "this tier's own coefficient (wins over the programme's)", zh: '本档自己的奖励系数（优先于全活动的系数）' },
  },
] as const satisfies readonly TierKeySpec[];

type TierKey = (typeof TIER_KEYS)[number];
type TierValue<K> = K extends { kind: 'money' } ? Fen : K extends { kind: 'rate' } ? Dec : K extends { kind: 'count' } ? number : never;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** One tier of a programme; tier k of the SPEC is `tiers[k-1]`. */
export type Tier = Simplify<
  { -readonly [K in TierKey as K extends { optional: true } ? never : K['field']]: TierValue<K> } & {
    -readonly [K in TierKey as K extends { optional: true } ? K['field'] : never]?: TierValue<K>;
  }
>;

/** Every key of the policy file, in the order the README, the writer and the sidebar list them. */
export const POLICY_KEYS = [
  {
    key: 'tiers',
    field: 'tiers',
    kind: 'tiers',
    label: { en: 'tiers', zh: '档位' },
    help: { en: 'the tiers, in ascending threshold order', zh: '各档位，按门槛从低到高' },
    // SPEC §1: the Double 11 2025 tiers, with no coefficient (the article gives none).
    default: [
      { minGmvFen: 200000_00, cashbackRate: new Dec('0.3'), trafficCapPerDay: 20000 },
      { minGmvFen: 500000_00, cashbackRate: new Dec('0.5'), trafficCapPerDay: 75000 },
      { minGmvFen: 1000000_00, cashbackRate: new Dec('1'), trafficCapPerDay: 200000 },
    ] as Tier[],
  },
  {
    key: 'red_packet_coefficient',
    field: 'redPacketCoefficient',
    kind: 'rate',
    use: 'coefficient',
    // SPEC §1: the user must set it; it is never guessed.
    optional: true,
    defaultText: 'none — required',
    label: { en: 'red-packet coefficient', zh: '奖励系数' },
    help: { en: 'the 奖励系数', zh: '奖励系数（全活动统一）' },
  },
  {
    key: 'threshold_inclusive',
    field: 'thresholdInclusive',
    kind: 'boolean',
    default: false,
    label: { en: 'GMV equal to a threshold reaches the tier (≥)', zh: 'GMV 等于门槛也算达档（≥）' },
    help: { en: '`true`: reaching the threshold is enough (`>=`)', zh: '勾选：GMV 达到门槛即算达档（≥）；默认须超过门槛（>）' },
  },
  {
    key: 'incremental_basis',
    field: 'incrementalBasis',
    kind: 'choice',
    choices: [
      { value: 'actual', label: { en: 'the day GMV (actual)', zh: '当日实际GMV' } },
      { value: 'tier_threshold', label: { en: 'the tier threshold reached', zh: '所达档位门槛' } },
    ],
    default: 'actual',
    label: { en: 'Incremental GMV measured from', zh: '增量GMV的计算基准' },
    help: { en: '`"tier_threshold"`: red packet on (threshold reached − baseline)', zh: '所达档位门槛：红包按（所达档位门槛 − 过往日均）计算；默认按当日实际GMV' },
  },
  {
    key: 'traffic_max_days',
    field: 'trafficMaxDays',
    kind: 'count',
    min: 0,
    // A year: more days than any campaign has; a larger figure is a typing mistake.
    max: 366,
    unit: DAYS,
    default: 5,
    label: { en: 'Traffic support days per merchant', zh: '每个商家流量扶持天数' },
    help: { en: 'traffic days per merchant', zh: '每个商家最多获得流量扶持的天数' },
  },
  {
    key: 'traffic_day_selection',
    field: 'trafficDaySelection',
    kind: 'choice',
    choices: [
      { value: 'first', label: { en: 'first qualified days', zh: '最先达标的几天' } },
      { value: 'best', label: { en: 'days with the highest caps', zh: '封顶最高的几天' } },
    ],
    default: 'first',
    label: { en: 'Traffic days granted', zh: '流量发放日' },
    help: { en: '`"best"`: the days with the highest caps, earliest first on ties', zh: '封顶最高的几天：按封顶从高到低选，相同时取较早的日期；默认取最先达标的几天' },
  },
  {
    key: 'new_merchant_baseline',
    field: 'newMerchantBaseline',
    kind: 'choice',
    choices: [
      { value: 'none', label: { en: 'no baseline, no payout', zh: '无均值，不发放' } },
      { value: 'zero', label: { en: 'baseline 0', zh: '均值按 0 计' } },
    ],
    default: 'none',
    label: { en: 'Baseline of a merchant with no history', zh: '无历史数据商家的过往日均' },
    help: { en: '`"zero"`: a merchant with no history has baseline 0', zh: '均值按 0 计：没有历史数据的商家过往日均按 0 计；默认无均值，不发放' },
  },
  {
    key: 'invited_only',
    field: 'invitedOnly',
    kind: 'boolean',
    default: false,
    label: { en: 'Only merchants on the targets list', zh: '仅限目标名单中的商家' },
    help: { en: '`true`: only merchants on the targets list are settled; needs `--targets`', zh: '勾选：只结算目标名单中的商家，须提供目标名单' },
  },
  // SPEC §8 baseline choices: the programme says only 过往均值, so its window is a policy.
  {
    key: 'baseline_window_days',
    field: 'baselineWindowDays',
    kind: 'count',
    min: 1,
    // Ten years: far more history than any export holds; a larger figure is a typing mistake.
    max: 3660,
    unit: DAYS,
    optional: true,
    defaultText: 'none — all history',
    label: { en: 'Baseline: only the last N days before the campaign', zh: '过往日均：只取活动首日前 N 天' },
    help: {
      en: 'only history dated within the N calendar days before the first campaign day counts towards the baseline',
      zh: '只用活动首日之前 N 个自然日内的历史数据计算过往日均；留空则用全部历史',
    },
  },
  {
    key: 'baseline_exclude_dates',
    field: 'baselineExcludeDates',
    kind: 'dates',
    // Three years of days: a list longer than that is not a list of promotions.
    max: 1096,
    default: [] as string[],
    label: { en: 'Baseline: dates left out', zh: '过往日均：剔除的日期' },
    help: {
      en: 'history dates left out of the baseline (an earlier promotion, say): `["2025-09-09", "2025-09-10"]` or `"2025-09-09..2025-09-10"`',
      zh: '不计入过往日均的历史日期（如以往大促）：如 2025-09-09, 2025-09-10 或 2025-09-09..2025-09-10',
    },
  },
  {
    key: 'baseline_min_days',
    field: 'baselineMinDays',
    kind: 'count',
    min: 1,
    max: 3660,
    unit: DAYS,
    default: 1,
    label: { en: 'Baseline: at least this many history days', zh: '过往日均：至少需要的历史天数' },
    help: {
      en: 'a merchant with fewer usable history days is `no_baseline` (a ready baseline is used as is)',
      zh: '可用历史天数少于此数的商家视为无均值，不发放（直接给出的过往日均不受影响）',
    },
  },
  {
    // SPEC §7: a true-up whose delta is negative is recovered by default (QuotaPath's clawback).
    key: 'clawback',
    field: 'clawback',
    kind: 'boolean',
    default: true,
    label: { en: 'Recover a negative true-up (clawback)', zh: '重新结算少于已付时追回差额' },
    help: {
      en: '`false`: a re-settlement recovers nothing; a merchant\'s shortfall is shown as waived',
      zh: '取消勾选：重新结算不追回任何款项，商家少于已付的差额记为豁免；默认追回',
    },
  },
  {
    key: 'gmv_basis',
    field: 'gmvBasis',
    kind: 'choice',
    choices: [
      { value: 'paid', label: { en: 'GMV as given (paid)', zh: '按支付GMV（原值）' } },
      { value: 'net_of_refunds', label: { en: 'GMV minus refunds', zh: 'GMV 扣除退款' } },
    ],
    default: 'paid',
    label: { en: 'GMV basis', zh: 'GMV 口径' },
    help: {
      en: '`"net_of_refunds"`: each row\'s refunds column (退款金额 / refund_amount) is subtracted from its GMV, in history and campaign; a missing refunds column is an error',
      zh: 'GMV 扣除退款：历史数据和活动日数据的每一行都从GMV中减去退款金额列（退款金额 / refund_amount），缺少该列即报错；默认按支付GMV原值',
    },
  },
] as const satisfies readonly PolicyKeySpec[];

type PolicyKey = (typeof POLICY_KEYS)[number];
export type ChoiceValue<K> = K extends { choices: readonly (infer C)[] } ? (C extends { value: infer V } ? V : never) : never;
type KeyValue<K> = K extends { kind: 'boolean' }
  ? boolean
  : K extends { kind: 'choice' }
    ? ChoiceValue<K>
    : K extends { kind: 'count' }
      ? number
      : K extends { kind: 'rate' }
        ? Dec
        : K extends { kind: 'tiers' }
          ? Tier[]
          : K extends { kind: 'dates' }
            ? string[]
            : never;

/** A programme's rules as data (SPEC §1–2): one field per entry of POLICY_KEYS. */
export type Policy = Simplify<
  { -readonly [K in PolicyKey as K extends { optional: true } ? never : K['field']]: KeyValue<K> } & {
    -readonly [K in PolicyKey as K extends { optional: true } ? K['field'] : never]?: KeyValue<K>;
  }
>;

/**
 * The options: the keys with one value a form sets with one control (a box, a list, a number, a
 * line of dates),
 * by the policy file's key. The sidebar shows each of them; the tiers come from the Policy sheet
 * and the coefficient has a field of its own.
 */
export type OptionSpec = Extract<PolicyKey, { kind: 'boolean' | 'choice' | 'count' | 'dates' }>;
/** An optional option (a count with no default, say) is null when it is not set. */
export type PolicyOptions = { -readonly [K in OptionSpec as K['key']]: KeyValue<K> | (K extends { optional: true } ? null : never) };
export type OptionKey = OptionSpec['key'];

export function isOption(spec: PolicyKeySpec): spec is OptionSpec {
  return spec.kind === 'boolean' || spec.kind === 'choice' || spec.kind === 'count' || spec.kind === 'dates';
}

export const POLICY_OPTIONS: readonly OptionSpec[] = POLICY_KEYS.filter(isOption);

/** A real calendar day written YYYY-MM-DD (the readers' own date check is in input/date). */
export function isIsoDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/** Whether a value is one `spec` holds: the one check of booleans, choices and counts. */
export function fitsKey(spec: KeyKind, value: unknown): boolean {
  switch (spec.kind) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'choice':
      return spec.choices.some((choice) => choice.value === value);
    case 'count':
      return typeof value === 'number' && Number.isInteger(value) && value >= spec.min && (spec.max === undefined || value <= spec.max);
    case 'dates':
      return Array.isArray(value) && value.length <= spec.max && value.every((day, i) => isIsoDay(day) && (i === 0 || day > value[i - 1]));
    default:
      return true;
  }
}

type OptionalField = Extract<PolicyKey, { optional: true }>['field'];
type Defaults = { -readonly [K in PolicyKey as K extends { default: unknown } ? K['field'] : never]: K extends { default: infer D } ? D : never };
/**
 * Compiles only while every default is a value of its key (a choice's default one of its
 * choices) and every key that is not optional has one: what makes double11Policy's cast safe.
 */
export const DEFAULTS_FIT: Defaults extends Required<Pick<Policy, keyof Defaults>> ? (keyof Policy extends keyof Defaults | OptionalField ? true : never) : never = true;
