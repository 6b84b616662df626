import type { TasksTable } from '../db/schema.js';
import { AppError } from '../platform/errors.js';
import { zonedDate } from '../platform/time/zone.js';
import { firstOccurrence, RecurrenceError, validateRecurrence, type Due } from './recurrence/index.js';

export function dueOf(row: Pick<TasksTable, 'due_at' | 'due_date'>): Due | null {
  if (row.due_at) return { kind: 'instant', at: row.due_at };
  if (row.due_date) return { kind: 'date', date: row.due_date };
  return null;
}

/**
 * A recurring task needs a due: when none was given, the first occurrence from today is it
 * ("every month on the 1st" added on the 10th is due on the 1st of next month).
 * Returns the normalised rule and the due to store.
 */
export function resolveRecurrence(
  rule: string,
  due: Due | null,
  timeZone: string,
): { rule: string; due: Due } {
  try {
    const start: Due = due ?? { kind: 'date', date: zonedDate(new Date(), timeZone) };
    const normalised = validateRecurrence(rule, start, timeZone);
    if (due) return { rule: normalised, due };
    const first = firstOccurrence(normalised, start, timeZone);
    if (!first) throw new RecurrenceError('never occurs');
    return { rule: normalised, due: first };
  } catch (err) {
    if (err instanceof RecurrenceError) {
      throw new AppError('validation_failed', 400, `recurrence: ${err.problem}`, { recurrence: err.problem });
    }
    throw err;
  }
}

export function dueColumns(due: Due | null): { due_at: string | null; due_date: string | null; due_key: string } {
  if (!due) return { due_at: null, due_date: null, due_key: '~' };
  return due.kind === 'instant' ? { due_at: due.at, due_date: null, due_key: due.at } : { due_at: null, due_date: due.date, due_key: due.date };
}
