import { addDays, addMonths, compareDates, daysInMonth, nextWeekday, weekdayOf, type PlainDate } from '../../platform/time/calendar.js';

/**
 * The small subset of RFC 5545 RRULE the quick-add grammar can produce, the text form of
 * it, and its first occurrence on or after a day (used to fill the due date when the user
 * gave a time or a start: "every monday at 10:00" is due next Monday at 10:00).
 */
export interface Rule {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
  interval: number;
  /** "MO" for weekly rules, "2TU" / "-1FR" (nth weekday of the month) for monthly ones. */
  byDay: string[];
  /** 1..31, or -1 for the last day of the month. */
  byMonthDay: number | null;
  byMonth: number | null;
  until: PlainDate | null;
  count: number | null;
}

const WEEKDAY_CODES: readonly string[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** 0 = Sunday for "SU", "2SU" or "-1SU". */
const weekdayIndex = (code: string) => WEEKDAY_CODES.indexOf(code.slice(-2));

export function newRule(freq: Rule['freq'], patch: Partial<Rule> = {}): Rule {
  return { freq, interval: 1, byDay: [], byMonthDay: null, byMonth: null, until: null, count: null, ...patch };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Weekly BYDAY in the calendar order Monday first, as people read a week. */
const dayOrder = (code: string) => (weekdayIndex(code) + 6) % 7;

export function formatRule(rule: Rule): string {
  const out = [`FREQ=${rule.freq}`];
  if (rule.interval > 1) out.push(`INTERVAL=${rule.interval}`);
  if (rule.byMonth !== null) out.push(`BYMONTH=${rule.byMonth}`);
  if (rule.byMonthDay !== null) out.push(`BYMONTHDAY=${rule.byMonthDay}`);
  if (rule.byDay.length > 0) {
    const days = [...new Set(rule.byDay)].sort((a, b) => dayOrder(a) - dayOrder(b));
    out.push(`BYDAY=${days.join(',')}`);
  }
  if (rule.until) out.push(`UNTIL=${pad(rule.until.year, 4)}${pad(rule.until.month)}${pad(rule.until.day)}`);
  if (rule.count !== null) out.push(`COUNT=${rule.count}`);
  return out.join(';');
}

/** The `n`th (1..5, or -1 = last) `weekday` of a month, or null when the month has none. */
function nthWeekday(year: number, month: number, weekday: number, n: number): PlainDate | null {
  const last = daysInMonth(year, month);
  if (n < 0) {
    const end = { year, month, day: last };
    return addDays(end, -((weekdayOf(end) - weekday + 7) % 7));
  }
  const day = nextWeekday({ year, month, day: 1 }, weekday).day + 7 * (n - 1);
  return day <= last ? { year, month, day } : null;
}

/** Candidate days of one month for a monthly or yearly rule. */
function dayInMonth(rule: Rule, year: number, month: number): PlainDate | null {
  const nth = /^(-?\d)(\w\w)$/.exec(rule.byDay[0] ?? '');
  if (nth) return nthWeekday(year, month, weekdayIndex(nth[2]!), Number(nth[1]));
  const last = daysInMonth(year, month);
  if (rule.byMonthDay === -1) return { year, month, day: last };
  const day = rule.byMonthDay ?? 0;
  return day >= 1 && day <= last ? { year, month, day } : null; // RFC 5545: invalid days are skipped
}

/** The first day on or after `from` that the rule produces (the series starts there). */
export function firstOccurrence(rule: Rule, from: PlainDate): PlainDate {
  if (rule.freq === 'WEEKLY' && rule.byDay.length > 0) {
    const candidates = rule.byDay.map((code) => nextWeekday(from, weekdayIndex(code)));
    return candidates.reduce((a, b) => (compareDates(a, b) <= 0 ? a : b));
  }
  const monthly = rule.freq === 'MONTHLY' && (rule.byDay.length > 0 || rule.byMonthDay !== null);
  const yearly = rule.freq === 'YEARLY' && rule.byMonth !== null;
  if (!monthly && !yearly) return from;
  // A 5th Tuesday or a 29 February can be months or years away; 8 years covers every case.
  for (let i = 0; i < 12 * 8; i++) {
    const { year, month } = addMonths(from.year, from.month, i);
    if (yearly && month !== rule.byMonth) continue;
    const day = dayInMonth(rule, year, month);
    if (day && compareDates(day, from) >= 0) return day;
  }
  return from;
}
