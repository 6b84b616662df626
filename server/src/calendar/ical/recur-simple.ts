/**
 * The commonest rules, FREQ=DAILY and FREQ=WEEKLY (with INTERVAL, BYDAY and WKST and no
 * other BYxxx part), by plain arithmetic on floating time. rrule builds a year of masks
 * for every query, which makes it cost about half a millisecond per series and year; the
 * arithmetic costs next to nothing. recur.test.ts checks both give the same occurrences.
 */
import { DAY_MS } from '../../platform/time/calendar.js';
import type { Rule } from './rule.js';

const WEEK_MS = 7 * DAY_MS;

export function isSimple(rule: Rule): boolean {
  const others = [rule.byMonth, rule.byWeekNo, rule.byYearDay, rule.byMonthDay, rule.byHour, rule.byMinute, rule.bySecond, rule.bySetPos];
  if (others.some((list) => list.length > 0)) return false;
  return rule.freq === 'WEEKLY' || (rule.freq === 'DAILY' && rule.byDay.length === 0);
}

/** 0 = Monday, like rrule. */
const weekdayOf = (floating: number) => (new Date(floating).getUTCDay() + 6) % 7;

/** The offsets (ms from the week's start) at which a simple rule occurs within one period, and the period. */
function pattern(rule: Rule, start: number): { base: number; period: number; offsets: number[] } {
  const tod = ((start % DAY_MS) + DAY_MS) % DAY_MS;
  if (rule.freq === 'DAILY') return { base: start, period: rule.interval * DAY_MS, offsets: [0] };
  const wkst = rule.wkst ?? 0;
  const weekday = weekdayOf(start);
  const base = start - tod - ((weekday - wkst + 7) % 7) * DAY_MS;
  const days = rule.byDay.length > 0 ? rule.byDay.map((d) => d.weekday) : [weekday];
  const offsets = [...new Set(days.map((d) => ((d - wkst + 7) % 7) * DAY_MS + tod))].sort((a, b) => a - b);
  return { base, period: rule.interval * WEEK_MS, offsets };
}

/** Whether the rule produces its DTSTART. */
export const simpleProducesStart = (rule: Rule, start: number): boolean =>
  rule.freq === 'DAILY' || rule.byDay.length === 0 || rule.byDay.some((d) => d.weekday === weekdayOf(start));

/**
 * Visits the occurrences (>= start) in [from, to], in order, stopping after `count` of
 * them counted from the start, after `until`, or when `visit` returns false.
 */
export function simpleWalk(rule: Rule, start: number, from: number, to: number, count: number | null, until: number | null, visit: (f: number) => boolean): void {
  const { base, period, offsets } = pattern(rule, start);
  const last = until === null ? to : Math.min(to, until);
  // With COUNT every occurrence from the start is counted; without, begin a period before `from`.
  let k = count === null ? Math.max(0, Math.floor((from - base) / period) - 1) : 0;
  let seen = 0;
  for (; ; k++) {
    const periodStart = base + k * period;
    if (periodStart > last) return;
    for (const offset of offsets) {
      const t = periodStart + offset;
      if (t < start) continue;
      if (t > last) return;
      seen++;
      if (t >= from && !visit(t)) return;
      if (count !== null && seen >= count) return;
    }
  }
}
