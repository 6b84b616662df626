/**
 * Questions about a rule seen from a start: does it ever occur, when first, which next few.
 * The start is also the rule's DTSTART, so FREQ=MONTHLY from 2026-01-31 means "on the
 * 31st" (skipping shorter months, as RFC 5545 says; BYMONTHDAY=-1 means "the last day").
 */
import { assertTimeZone, dueToFloating, floatingToDue } from './due.js';
import { formatRule, parseRule } from './rule.js';
import { firstFrom, walk } from './search.js';
import { RecurrenceError, type Due } from './types.js';

const MAX_LISTED = 1000;

/**
 * Checks a rule's syntax and that it occurs at least once on or after `start` (within 100
 * years). Returns the rule in canonical form, without `RRULE:`. Throws RecurrenceError.
 */
export function validateRecurrence(rule: string, start: Due, timeZone: string): string {
  const parsed = parseRule(rule);
  if (firstOccurrence(rule, start, timeZone) === null) {
    const withoutUntil = parsed.until !== null && firstOccurrence(formatRule({ ...parsed, until: null }), start, timeZone) !== null;
    throw new RecurrenceError(withoutUntil ? 'never occurs before UNTIL' : 'never occurs');
  }
  return formatRule(parsed);
}

/** The first occurrence on or after `start`, or null if none within 100 years. */
export function firstOccurrence(rule: string, start: Due, timeZone: string): Due | null {
  const parsed = parseRule(rule);
  assertTimeZone(timeZone);
  const from = dueToFloating(start, timeZone);
  const found = firstFrom({ rule: parsed, kind: start.kind, timeZone, start: from, from, inclusive: true });
  return found === null ? null : floatingToDue(found, start.kind, timeZone);
}

/** Up to `count` occurrences from `start` (inclusive) within 100 years, for display. COUNT counts from `start`. */
export function upcomingOccurrences(rule: string, start: Due, timeZone: string, count: number): Due[] {
  const parsed = parseRule(rule);
  assertTimeZone(timeZone);
  if (!Number.isInteger(count) || count < 0 || count > MAX_LISTED) {
    throw new RecurrenceError(`the number of occurrences to list must be a whole number between 0 and ${MAX_LISTED}`);
  }
  const wanted = Math.min(count, parsed.count ?? Infinity);
  const from = dueToFloating(start, timeZone);
  const found: number[] = [];
  if (wanted > 0) {
    walk({
      rule: parsed,
      kind: start.kind,
      timeZone,
      start: from,
      from,
      inclusive: true,
      visit: (occurrence) => found.push(occurrence) < wanted,
    });
  }
  return found.map((occurrence) => floatingToDue(occurrence, start.kind, timeZone));
}
