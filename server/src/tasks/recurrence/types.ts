/**
 * The vocabulary shared by the recurrence module and its callers. Kept apart from the
 * computations so that every file can import it without importing the others.
 */

/** A task's due: a plain calendar date (all-day) or an instant with a time of day. */
export type Due = { kind: 'date'; date: string /* YYYY-MM-DD */ } | { kind: 'instant'; at: string /* ISO 8601 UTC */ };

/** `schedule`: the next due follows the calendar; `completion`: it counts from the day the task was done. */
export type RecurrenceFrom = 'schedule' | 'completion';

/**
 * Anything wrong with a rule, a zone or a due handed to this module. `problem` is a short
 * sentence meant for the user ("COUNT must be between 1 and 1000"); the route that called
 * us turns it into a validation error on the field that held the rule.
 */
export class RecurrenceError extends Error {
  constructor(readonly problem: string) {
    super(`Invalid recurrence: ${problem}`);
    this.name = 'RecurrenceError';
  }
}
