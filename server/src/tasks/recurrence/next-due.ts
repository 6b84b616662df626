/**
 * The due of the task that replaces a completed recurring one.
 *
 * COUNT is counted from the current task: it is occurrence #1 of what remains, so the
 * returned rule's COUNT drops by one, plus one per occurrence skipped because it was
 * already in the past when the task was completed. A chain that starts at COUNT=k thus
 * ends after k tasks, whoever completes them when.
 */
import { floatingFromWallClock, wallClockFromFloating } from '../../platform/time/calendar.js';
import { wallClockAt } from '../../platform/time/zone.js';
import { assertTimeZone, dueToFloating, floatingToDue, parseInstant } from './due.js';
import { formatRule, parseRule } from './rule.js';
import { walk } from './search.js';
import type { Due, RecurrenceFrom } from './types.js';

export interface NextDueArgs {
  rule: string;
  from: RecurrenceFrom;
  current: Due;
  /** ISO 8601 instant. */
  completedAt: string;
  timeZone: string;
}

/**
 * schedule: the first occurrence strictly after the current due and not before the day
 * of completion, so that a daily task completed five days late yields one task due today
 * (or later), not five overdue ones. Completed early, it is just the next occurrence.
 *
 * completion: the series restarts on the day of completion (at the current due's time of
 * day for an instant due), and the next due is its first occurrence after that start:
 * "3 days after I finish it". Completed early, this may come before the current due.
 *
 * null when COUNT is used up, UNTIL has passed, or nothing occurs within 100 years.
 */
export function nextDue(args: NextDueArgs): { due: Due; rule: string } | null {
  const rule = parseRule(args.rule);
  assertTimeZone(args.timeZone);
  const { kind } = args.current;
  const current = dueToFloating(args.current, args.timeZone);
  const completed = wallClockAt(parseInstant(args.completedAt, 'the completion time'), args.timeZone);
  const completionDay = floatingFromWallClock({ ...completed, hour: 0, minute: 0, second: 0, millisecond: 0 });
  // How many more tasks the series allows after this one.
  const left = rule.count === null ? Infinity : rule.count - 1;
  if (left < 1) return null;

  let start: number;
  let threshold: number;
  if (args.from === 'schedule') {
    start = current;
    threshold = completionDay;
  } else {
    const time = wallClockFromFloating(current);
    start = kind === 'date' ? completionDay : floatingFromWallClock({ ...completed, hour: time.hour, minute: time.minute, second: time.second, millisecond: time.millisecond });
    threshold = start;
  }

  let skipped = 0;
  // Assigned in the callback, where TypeScript's narrowing cannot follow.
  let next = null as number | null;
  walk({
    rule,
    kind,
    timeZone: args.timeZone,
    start,
    from: start,
    inclusive: false,
    visit: (occurrence) => {
      if (occurrence >= threshold) {
        next = occurrence;
        return false;
      }
      skipped += 1;
      return skipped < left;
    },
  });
  if (next === null) return null;
  return {
    due: floatingToDue(next, kind, args.timeZone),
    rule: formatRule({ ...rule, count: rule.count === null ? null : rule.count - 1 - skipped }),
  };
}
