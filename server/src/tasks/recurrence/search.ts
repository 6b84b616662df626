/**
 * Bounded walks over a rule's occurrences, on floating times (see platform/time/calendar.ts), with rrule.
 *
 * rrule stops iterating only when it produces a date past the end of the query or reaches
 * the year 9999. A rule that never matches (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30, or
 * FREQ=DAILY;INTERVAL=7;BYDAY=MO from a Tuesday) produces nothing, so a plain query walks
 * day by day to 9999: 8 seconds. The Gregorian calendar repeats exactly every 400 years
 * (146097 days, a whole number of weeks), so we move each query by a multiple of 400 years
 * to end within 400 years of 9999: a hopeless search then costs at most 500 years of
 * iteration (under 0.3 s for the worst, FREQ=DAILY;INTERVAL=2, far less for the others),
 * and every answer is moved back. Every search covers at most 100 years.
 */
import { floatingFromWallClock, wallClockFromFloating } from '../../platform/time/calendar.js';
import { wallClockAt } from '../../platform/time/zone.js';
import { RRule, Weekday, type Options } from '../../platform/rrule/library.js';
import type { Due } from './types.js';
import type { Rule } from './rule.js';

const SEARCH_YEARS = 100;
const CYCLE_MS = 146_097 * 86_400_000;
const LAST_YEAR = 9999;
const FREQUENCIES = { YEARLY: RRule.YEARLY, MONTHLY: RRule.MONTHLY, WEEKLY: RRule.WEEKLY, DAILY: RRule.DAILY };

function addYears(floating: number, years: number): number {
  const wall = wallClockFromFloating(floating);
  return floatingFromWallClock({ ...wall, year: wall.year + years });
}

/**
 * UNTIL on the floating scale of a series. A date covers the whole of that day; a UTC
 * time is read on the user's wall clock; a floating time is already one.
 */
function untilFloating(rule: Rule, kind: Due['kind'], timeZone: string): number | null {
  const until = rule.until;
  if (until === null) return null;
  if (until.form === 'utc') return floatingFromWallClock(wallClockAt(floatingFromWallClock(until.wall), timeZone));
  if (until.form === 'date' && kind === 'instant') return floatingFromWallClock({ ...until.wall, hour: 23, minute: 59, second: 59, millisecond: 999 });
  return floatingFromWallClock(until.wall);
}

/**
 * rrule's DAILY iteration allocates a year-long array for every single day, which makes a
 * hopeless daily rule slow. "Every day that passes these filters" is the same as "every
 * week, on each weekday, the days that pass these filters", which rrule walks a week at a
 * time. (rule.ts refuses BYSETPOS with DAILY, which would pick within a day here but
 * within a week there.) Not with INTERVAL > 1, whose steps do not fit in weeks.
 */
function everyWeekInsteadOfEveryDay(rule: Rule): Rule {
  if (rule.freq !== 'DAILY' || rule.interval !== 1) return rule;
  const byDay = rule.byDay.length > 0 ? rule.byDay : [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, nth: null }));
  return { ...rule, freq: 'WEEKLY', byDay };
}

function options(rule: Rule, dtstart: number, until: number | null): Partial<Options> {
  // null, not [], for absent parts: rrule derives its defaults (the weekday or day of the
  // month of DTSTART) only when a part is missing altogether.
  const list = (values: number[]) => (values.length > 0 ? values : null);
  return {
    freq: FREQUENCIES[rule.freq],
    interval: rule.interval,
    dtstart: new Date(dtstart),
    until: until === null ? null : new Date(until),
    wkst: rule.wkst,
    bymonth: list(rule.byMonth),
    byweekno: list(rule.byWeekNo),
    byyearday: list(rule.byYearDay),
    bymonthday: list(rule.byMonthDay),
    byweekday: rule.byDay.length > 0 ? rule.byDay.map((d) => new Weekday(d.weekday, d.nth ?? undefined)) : null,
    bysetpos: list(rule.bySetPos),
    // COUNT is left out on purpose: callers count from the due they were given (see next-due.ts).
  };
}

export interface Walk {
  rule: Rule;
  kind: Due['kind'];
  timeZone: string;
  /** DTSTART, floating. */
  start: number;
  /** Where to begin looking, floating; at most 100 years past it are looked at. */
  from: number;
  inclusive: boolean;
  /** Called with each occurrence in order; return true to see the next one. */
  visit: (occurrence: number) => boolean;
}

export function walk({ rule, kind, timeZone, start, from, inclusive, visit }: Walk): void {
  const end = addYears(from, SEARCH_YEARS);
  const shift = Math.floor((LAST_YEAR - wallClockFromFloating(end).year) / 400) * CYCLE_MS;
  const until = untilFloating(rule, kind, timeZone);
  const rrule = new RRule(options(everyWeekInsteadOfEveryDay(rule), start + shift, until === null ? null : until + shift), true);
  rrule.between(new Date(from + shift), new Date(end + shift), inclusive, (date) => visit(date.getTime() - shift));
}

/** The first occurrence at or after `from` (after, when not inclusive), or null. */
export function firstFrom(walkArgs: Omit<Walk, 'visit'>): number | null {
  let found = null as number | null;
  walk({
    ...walkArgs,
    visit: (occurrence) => {
      found = occurrence;
      return false;
    },
  });
  return found;
}
