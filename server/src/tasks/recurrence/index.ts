/**
 * Task recurrence: RFC 5545 RRULEs expanded with rrule, on wall-clock time in the user's
 * zone. Pure functions; the caller stores rules and dues and makes completing a task
 * create its successor exactly once.
 */
export { RecurrenceError, type Due, type RecurrenceFrom } from './types.js';
export { validateRecurrence, firstOccurrence, upcomingOccurrences } from './occurrences.js';
export { nextDue, type NextDueArgs } from './next-due.js';
