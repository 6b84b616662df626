/**
 * Dates of a schedule: RRULE from a start date, read by the same RRULE module as tasks
 * (date-only, so no zone can move a bill to another day). COUNT counts from the start.
 */
import { formatDate, wallClockFromFloating } from '../../platform/time/calendar.js';
import { errors } from '../../platform/errors.js';
import { dueToFloating } from '../../tasks/recurrence/due.js';
import { RecurrenceError, validateRecurrence } from '../../tasks/recurrence/index.js';
import { parseRule } from '../../tasks/recurrence/rule.js';
import { walk } from '../../tasks/recurrence/search.js';

/** The rule in canonical form; a rule that is wrong or never occurs is a 400 on `rrule`. */
export function checkSchedule(rule: string, startDate: string): string {
  try {
    return validateRecurrence(rule, { kind: 'date', date: startDate }, 'UTC');
  } catch (err) {
    if (err instanceof RecurrenceError) throw errors.field('rrule', err.problem);
    throw err;
  }
}

/** Calls `visit` with each occurrence date in order until it returns false. */
export function eachOccurrence(rule: string, startDate: string, visit: (date: string) => boolean): void {
  const parsed = parseRule(rule);
  const start = dueToFloating({ kind: 'date', date: startDate }, 'UTC');
  let n = 0;
  walk({
    rule: parsed,
    kind: 'date',
    timeZone: 'UTC',
    start,
    from: start,
    inclusive: true,
    visit: (occurrence) => {
      n += 1;
      if (parsed.count !== null && n > parsed.count) return false;
      return visit(formatDate(wallClockFromFloating(occurrence)));
    },
  });
}

/** The first occurrence on or after `date`, or null once the rule has ended. */
export function occurrenceFrom(rule: string, startDate: string, date: string): string | null {
  let found: string | null = null;
  eachOccurrence(rule, startDate, (d) => {
    if (d < date) return true;
    found = d;
    return false;
  });
  return found;
}

/** Occurrences in [from, to], at most `max`. */
export function occurrencesBetween(rule: string, startDate: string, from: string, to: string, max = 400): string[] {
  const out: string[] = [];
  eachOccurrence(rule, startDate, (d) => {
    if (d > to) return false;
    if (d >= from) out.push(d);
    return out.length < max;
  });
  return out;
}
