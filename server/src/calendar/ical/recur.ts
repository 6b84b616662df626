/**
 * Walking an RRULE's occurrences on floating time with rrule, in bounded time.
 *
 * - COUNT: RFC 5545 counts DTSTART as the first occurrence even when the rule does not
 *   produce it; rrule counts only what it produces, so its COUNT is one less then.
 * - Without COUNT, DTSTART is moved forward by whole periods (INTERVAL x FREQ) to shortly
 *   before the window, so that a series that began years ago costs no more than a new one.
 *   The defaults rrule would take from DTSTART (day of month, weekday, time) are made
 *   explicit first, so that the moved start means the same rule.
 * - rrule stops only when it produces a date past the window or reaches the year 9999; a
 *   rule that never matches again would walk on to 9999. The Gregorian calendar repeats
 *   every 400 years (a whole number of weeks), so the whole problem is moved by 400-year
 *   steps to end within 400 years of 9999, and the answers are moved back.
 * - FREQ=DAILY with INTERVAL=1 is walked as FREQ=WEEKLY on every weekday (the same days),
 *   which rrule iterates a week at a time instead of a day at a time.
 */
import { addMonths, DAY_MS, floatingFromWallClock, wallClockFromFloating } from '../../platform/time/calendar.js';
import { RRule, Weekday, type Options } from '../../platform/rrule/library.js';
import { isSimple, simpleProducesStart, simpleWalk } from './recur-simple.js';
import type { Frequency, Rule } from './rule.js';

const CYCLE_MS = 146_097 * DAY_MS;
const LAST_YEAR = 9999;
const FIXED_PERIOD_MS: Partial<Record<Frequency, number>> = { SECONDLY: 1000, MINUTELY: 60_000, HOURLY: 3_600_000, DAILY: DAY_MS, WEEKLY: 7 * DAY_MS };

export interface RuleWalk {
  rule: Rule;
  /** DTSTART, floating. */
  start: number;
  /** The window, floating, both ends inclusive. */
  from: number;
  to: number;
  /** rrule stops after this floating time (UNTIL, loosely; the caller checks it exactly). */
  until: number | null;
  /** Called with each occurrence in order; return false to stop. */
  visit: (floating: number) => boolean;
}

const list = (values: number[]) => (values.length > 0 ? values : null);

/** rrule's options, with the defaults it would derive from `defaultsFrom` spelled out. */
function options(rule: Rule, dtstart: number, defaultsFrom: number, count: number | null, until: number | null): Partial<Options> {
  const d = wallClockFromFloating(defaultsFrom);
  const weekday = (new Date(defaultsFrom).getUTCDay() + 6) % 7; // rrule: 0 = Monday
  const noDayParts = rule.byWeekNo.length + rule.byYearDay.length + rule.byMonthDay.length + rule.byDay.length === 0;
  const daily = rule.freq === 'YEARLY' || rule.freq === 'MONTHLY' || rule.freq === 'WEEKLY' || rule.freq === 'DAILY';
  let byMonth = list(rule.byMonth);
  let byMonthDay = list(rule.byMonthDay);
  let byWeekday = rule.byDay.length > 0 ? rule.byDay.map((day) => new Weekday(day.weekday, day.nth ?? undefined)) : null;
  if (noDayParts && rule.freq === 'YEARLY') {
    byMonth ??= [d.month];
    byMonthDay = [d.day];
  } else if (noDayParts && rule.freq === 'MONTHLY') {
    byMonthDay = [d.day];
  } else if (noDayParts && rule.freq === 'WEEKLY') {
    byWeekday = [new Weekday(weekday)];
  }
  return {
    freq: RRule[rule.freq],
    interval: rule.interval,
    dtstart: new Date(dtstart),
    until: until === null ? null : new Date(until),
    count,
    wkst: rule.wkst,
    bymonth: byMonth,
    byweekno: list(rule.byWeekNo),
    byyearday: list(rule.byYearDay),
    bymonthday: byMonthDay,
    byweekday: byWeekday,
    byhour: list(rule.byHour) ?? (daily ? [d.hour] : null),
    byminute: list(rule.byMinute) ?? (rule.freq !== 'MINUTELY' && rule.freq !== 'SECONDLY' ? [d.minute] : null),
    bysecond: list(rule.bySecond) ?? (rule.freq !== 'SECONDLY' ? [d.second] : null),
    bysetpos: list(rule.bySetPos),
  };
}

/** DTSTART moved forward by whole periods to at least one period before `from` (or left alone). */
function fastForward(rule: Rule, start: number, from: number): number {
  if (from <= start) return start;
  const fixed = FIXED_PERIOD_MS[rule.freq];
  if (fixed !== undefined) {
    const period = fixed * rule.interval;
    const k = Math.floor((from - start) / period) - 1;
    return k > 0 ? start + k * period : start;
  }
  const s = wallClockFromFloating(start);
  const f = wallClockFromFloating(from);
  if (rule.freq === 'MONTHLY') {
    const k = Math.floor((f.year * 12 + f.month - (s.year * 12 + s.month)) / rule.interval) - 1;
    if (k <= 0) return start;
    return floatingFromWallClock({ ...s, ...addMonths(s.year, s.month, k * rule.interval), day: 1 });
  }
  const k = Math.floor((f.year - s.year) / rule.interval) - 1;
  return k > 0 ? floatingFromWallClock({ ...s, year: s.year + k * rule.interval, month: 1, day: 1 }) : start;
}

/** "Every day" as "every week, on every weekday" (same days; see above). */
function dailyAsWeekly(rule: Rule): Rule {
  if (rule.freq !== 'DAILY' || rule.interval !== 1 || rule.bySetPos.length > 0) return rule;
  const byDay = rule.byDay.length > 0 ? rule.byDay : [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, nth: null }));
  return { ...rule, freq: 'WEEKLY', byDay };
}

interface RawWalk {
  rule: Rule;
  dtstart: number;
  defaultsFrom: number;
  count: number | null;
  until: number | null;
  from: number;
  to: number;
  visit: (floating: number) => boolean;
}

function rawWalk({ rule, dtstart, defaultsFrom, count, until, from, to, visit }: RawWalk): void {
  const endYear = wallClockFromFloating(to).year;
  const shift = Math.max(0, Math.floor((LAST_YEAR - endYear) / 400)) * CYCLE_MS;
  const opts = options(dailyAsWeekly(rule), dtstart + shift, defaultsFrom + shift, count, until === null ? null : until + shift);
  new RRule(opts, true).between(new Date(from + shift), new Date(to + shift), true, (date) => visit(date.getTime() - shift));
}

/** Whether the rule itself produces DTSTART (RFC 5545 makes DTSTART the first occurrence either way). */
export function ruleProducesStart(rule: Rule, start: number): boolean {
  if (isSimple(rule)) return simpleProducesStart(rule, start);
  const found: number[] = [];
  rawWalk({ rule, dtstart: start, defaultsFrom: start, count: null, until: null, from: start, to: start, visit: (f) => found.push(f) < 1 });
  return found[0] === start;
}

/**
 * The rule's occurrences in [from, to], in order (DTSTART itself only if the rule produces
 * it). `engine: 'rrule'` skips the arithmetic for simple rules (for tests that compare both).
 */
export function walkRule({ rule, start, from, to, until, visit }: RuleWalk, engine: 'auto' | 'rrule' = 'auto'): void {
  if (to < from || (until !== null && until < from)) return;
  let count = rule.count;
  if (count !== null && !ruleProducesStart(rule, start)) count -= 1;
  if (count === 0) return;
  if (engine === 'auto' && isSimple(rule)) {
    simpleWalk(rule, start, from, to, count, until, visit);
    return;
  }
  const dtstart = count === null ? fastForward(rule, start, from) : start;
  rawWalk({ rule, dtstart, defaultsFrom: start, count, until, from, to, visit });
}
