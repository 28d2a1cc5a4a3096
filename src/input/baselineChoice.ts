/**
 * The baseline choices of SPEC §8 that decide which history days count: only the last N calendar
 * days before the first campaign day (`baseline_window_days`), and not the listed dates
 * (`baseline_exclude_dates`). Applied by the history reader as it sums each merchant's days, so
 * a 3-million-row history still never exists as objects. Days left out this way were read and set
 * aside by the policy, not rejected: they are counted per reason, and reported once per reason
 * (a note naming the dates), rather than once per row, which would list every day of every
 * merchant outside a 30-day window.
 */
import type { Policy } from '../core/policy';
import { isoToSerial, serialToIso } from './date';
import type { IssueText } from './issueText';
import { fenToDisplay } from '../core/money';

/** The policy's baseline choices a reader needs. */
export interface BaselineChoice {
  windowDays?: number;
  excludeDates: string[];
}

export function baselineChoiceOf(policy: Policy): BaselineChoice {
  return { windowDays: policy.baselineWindowDays, excludeDates: policy.baselineExcludeDates || [] };
}

/** What the choices did to a history, for the run record. */
export interface BaselineDays {
  /** The window's first and last day, when there is a window and a first campaign day. */
  window?: { from: string; to: string };
  excludeDates: string[];
  /** History days (with a GMV) before the window, and on an excluded date inside it. */
  leftOutByWindow: number;
  leftOutByExclusion: number;
}

/** 12345 → "12,345" (output/counts has the same, but input/ may not import output/). */
const grouped = (n: number) => fenToDisplay(n * 100).slice(0, -3);

export class BaselineFilter {
  readonly days: BaselineDays;
  private readonly fromSerial: number;
  private readonly excluded: Set<number>;

  constructor(choice: BaselineChoice, firstCampaignDay: string | undefined) {
    const first = firstCampaignDay === undefined ? undefined : isoToSerial(firstCampaignDay);
    // The N calendar days before the first campaign day: first − N … first − 1.
    this.fromSerial = choice.windowDays === undefined || first === undefined ? -Infinity : first - choice.windowDays;
    this.excluded = new Set(choice.excludeDates.map(isoToSerial));
    this.days = {
      window: first === undefined || choice.windowDays === undefined ? undefined : { from: serialToIso(this.fromSerial), to: serialToIso(first - 1) },
      excludeDates: choice.excludeDates.slice(),
      leftOutByWindow: 0,
      leftOutByExclusion: 0,
    };
  }

  /** A filter only when a choice leaves anything out: the reader's hot loop skips the check otherwise. */
  static of(choice: BaselineChoice | undefined, firstCampaignDay: string | undefined): BaselineFilter | undefined {
    return choice && (choice.windowDays !== undefined || choice.excludeDates.length > 0) ? new BaselineFilter(choice, firstCampaignDay) : undefined;
  }

  /** Whether a history day counts towards the baseline; a day left out is counted by its reason. */
  keeps(serial: number): boolean {
    if (serial < this.fromSerial) {
      this.days.leftOutByWindow += 1;
      return false;
    }
    if (this.excluded.has(serial)) {
      this.days.leftOutByExclusion += 1;
      return false;
    }
    return true;
  }

  /** One note per choice that left days out: (value shown, words). */
  notes(): { value: string; text: IssueText }[] {
    const d = this.days;
    const notes: { value: string; text: IssueText }[] = [];
    if (d.window && d.leftOutByWindow > 0)
      notes.push({ value: BASELINE_NOTE.windowValue(d.window.from), text: BASELINE_NOTE.window(grouped(d.leftOutByWindow), d.window.from, d.window.to) });
    if (d.leftOutByExclusion > 0) notes.push({ value: BASELINE_NOTE.excludedValue(d.excludeDates), text: BASELINE_NOTE.excluded(grouped(d.leftOutByExclusion)) });
    return notes;
  }
}

/**
 * The notes' values and words, for the history reader and for the SQL (src/sql/issuesSql fills
 * the slots with column expressions): the counts as grouped text ("12,345"), the dates as ISO.
 */
export const BASELINE_NOTE = {
  windowValue: (from: string) => `< ${from}`,
  window: (days: string, from: string, to: string): IssueText => ({
    en: `baseline_window_days: ${days} history days before ${from} are left out of the baseline (it uses ${from} … ${to})`,
    zh: `过往日均只取 ${from} 至 ${to}：${from} 之前的 ${days} 个历史日未计入过往日均`,
  }),
  excludedValue: (dates: string[]) => (dates.length > 6 ? `${dates.slice(0, 6).join(', ')} …` : dates.join(', ')),
  excluded: (days: string): IssueText => ({
    en: `baseline_exclude_dates: ${days} history days on the excluded dates are left out of the baseline`,
    zh: `剔除日期：${days} 个落在剔除日期上的历史日未计入过往日均`,
  }),
};
