/**
 * Policy options that SPEC §7–8 name and the SQL already settles, but that core/policyKeys does
 * not declare yet: issue 9 adds `gmv_basis` and `clawback`, issue 11 the baseline choices, each
 * with its rule in core. Until they land, the SQL reads them from here, under the names and with
 * the defaults the SPEC and the issues give; when they land, `SqlPolicy` is simply `Policy`, this
 * file goes, and the readers below give way to the policy file's own.
 */
import type { Policy } from '../core/policy';

export interface PendingOptions {
  /** SPEC §7: "paid" uses GMV as given; "net_of_refunds" subtracts refund_amount row by row, in history and campaign. */
  gmvBasis: 'paid' | 'net_of_refunds';
  /** SPEC §7: a true-up recovers a negative delta (true) or waives it (false). */
  clawback: boolean;
  /** SPEC §8: only history dated within the N calendar days before the first campaign day; undefined = all. */
  baselineWindowDays?: number;
  /** SPEC §8: history dates left out of the baseline (YYYY-MM-DD). */
  baselineExcludeDates: string[];
  /** SPEC §8: fewer usable history days than this makes a merchant no_baseline. */
  baselineMinDays: number;
}

export type SqlPolicy = Policy & Partial<PendingOptions>;

export const PENDING_DEFAULTS: PendingOptions = { gmvBasis: 'paid', clawback: true, baselineExcludeDates: [], baselineMinDays: 1 };

export function pendingOptions(policy: SqlPolicy): PendingOptions {
  return {
    gmvBasis: policy.gmvBasis ?? PENDING_DEFAULTS.gmvBasis,
    clawback: policy.clawback ?? PENDING_DEFAULTS.clawback,
    baselineWindowDays: policy.baselineWindowDays,
    baselineExcludeDates: policy.baselineExcludeDates ?? PENDING_DEFAULTS.baselineExcludeDates,
    baselineMinDays: policy.baselineMinDays ?? PENDING_DEFAULTS.baselineMinDays,
  };
}

/** The policy file's keys for these options, as issues 9 and 11 name them. */
export const PENDING_KEYS = ['gmv_basis', 'clawback', 'baseline_window_days', 'baseline_exclude_dates', 'baseline_min_days'] as const;

export interface PendingRead {
  options: Partial<PendingOptions>;
  /** The policy file without these keys, for the policy reader. */
  rest: Record<string, unknown>;
  problems: { en: string; zh: string }[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function wholeNumber(value: unknown, min: number, max: number): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

/** Takes the pending keys out of a policy file's JSON; null or "" means not set, like the other optional keys. */
export function readPendingOptions(json: Record<string, unknown>): PendingRead {
  const rest: Record<string, unknown> = { ...json };
  const options: Partial<PendingOptions> = {};
  const problems: PendingRead['problems'] = [];
  const bad = (key: string, en: string, zh: string) => problems.push({ en: `"${key}" must be ${en}`, zh: `「${key}」须为${zh}` });
  for (const key of PENDING_KEYS) {
    const value = rest[key];
    delete rest[key];
    if (value === undefined || value === null || value === '') continue;
    if (key === 'gmv_basis') {
      if (value === 'paid' || value === 'net_of_refunds') options.gmvBasis = value;
      else bad(key, '"paid" or "net_of_refunds"', ' "paid" 或 "net_of_refunds"');
    } else if (key === 'clawback') {
      if (typeof value === 'boolean') options.clawback = value;
      else bad(key, 'true or false', ' true 或 false');
    } else if (key === 'baseline_window_days') {
      const n = wholeNumber(value, 1, 3660);
      if (n === undefined) bad(key, 'a whole number of days from 1 to 3660', '1 至 3660 之间的整数天数');
      else options.baselineWindowDays = n;
    } else if (key === 'baseline_min_days') {
      const n = wholeNumber(value, 1, 3660);
      if (n === undefined) bad(key, 'a whole number of days from 1 to 3660', '1 至 3660 之间的整数天数');
      else options.baselineMinDays = n;
    } else if (Array.isArray(value) && value.every((date) => typeof date === 'string' && ISO_DATE.test(date) && !Number.isNaN(Date.parse(date)))) {
      options.baselineExcludeDates = Array.from(new Set(value as string[])).sort();
    } else bad(key, 'a list of dates such as ["2025-10-20"]', '日期列表，如 ["2025-10-20"]');
  }
  return { options, rest, problems };
}
