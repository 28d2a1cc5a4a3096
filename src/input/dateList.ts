/**
 * A list of calendar days as a person writes one (the policy's `baseline_exclude_dates`): a JSON
 * list, or text with the days separated by commas, semicolons, 、 or spaces, and runs of days as
 * `2025-09-09..2025-09-11` (also `~`, `～`, `至`). Each day is read by the one date reader, so
 * every form SPEC §3 accepts works here and a year-last day is refused, never guessed.
 */
import { readDate } from './date';
import type { IssueText } from './issueText';
import type { Cell } from './number';
import { cellText } from './table';

export type DateListRead = { kind: 'dates'; dates: string[] } | { kind: 'error'; text: IssueText };

const RANGE = /\s*(?:\.\.|~|～|至)\s*/;
// Spaces inside a Chinese date (2025 年 9 月 9 日) or around a range mark are not separators.
const JOINED = /\s*(年|月|日|号|\.\.|~|～|至)\s*/g;
const SEPARATORS = /[,;，；、\s]+/;
const DAY_MS = 86400000;

function dayText(item: Cell): { iso: string } | { bad: string } {
  const read = readDate(item);
  return read.kind === 'date' ? { iso: read.iso } : { bad: cellText(item) };
}

/** The days of `raw`, sorted and distinct; at most `max` of them. */
export function readDateList(raw: unknown, max: number): DateListRead {
  const items: Cell[] = Array.isArray(raw)
    ? (raw as Cell[])
    : raw === undefined || raw === null
      ? []
      : cellText(raw as Cell).replace(JOINED, '$1').split(SEPARATORS).filter((item) => item !== '');
  const days = new Set<string>();
  for (const item of items) {
    const text = typeof item === 'string' ? item.trim() : item;
    if (text === '') continue;
    const parts = typeof text === 'string' ? text.split(RANGE) : [text];
    if (parts.length > 2) return { kind: 'error', text: { en: `"${text}" is not a day or a run of days`, zh: `「${text}」不是日期或日期区间` } };
    const read = parts.map(dayText);
    const bad = read.find((r): r is { bad: string } => 'bad' in r);
    if (bad) return { kind: 'error', text: { en: `"${bad.bad}" is not a date with the year first, such as 2025-09-09`, zh: `「${bad.bad}」不是年份在前的日期，如 2025-09-09` } };
    const [from, to] = read.map((r) => (r as { iso: string }).iso);
    const last = to === undefined ? from : to;
    if (last < from) return { kind: 'error', text: { en: `"${text}" ends before it starts`, zh: `「${text}」的结束日期早于开始日期` } };
    // Whole days in UTC: no time zone or DST can skip or repeat one.
    for (let t = Date.parse(from + 'T00:00:00Z'); t <= Date.parse(last + 'T00:00:00Z'); t += DAY_MS) {
      days.add(new Date(t).toISOString().slice(0, 10));
      if (days.size > max) return { kind: 'error', text: { en: `more than ${max} days`, zh: `超过 ${max} 天` } };
    }
  }
  return { kind: 'dates', dates: Array.from(days).sort() };
}
