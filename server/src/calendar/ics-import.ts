import type { ImportResult } from '@atom/contracts';
import type { AppContext } from '../context.js';
import type { EventsTable } from '../db/schema.js';
import type { Actor } from '../platform/auth/actor.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { insertTask } from '../tasks/create-task.js';
import type { Db } from '../tasks/queries.js';
import { assertWritable } from './subscriptions/read-only.js';
import { rowToEventData } from './event-rows.js';
import { eventColumns } from './events.js';
import { IcsError, parseICalendar, type EventData, type TodoData } from './ical/index.js';
import { taskPriority } from './todo-priority.js';

/**
 * Inserts or replaces the event with this UID (and recurrence) in the calendar. `changed` is
 * false when the stored event already said the same, in which case the row is left alone.
 */
export async function upsertEvent(ctx: AppContext, trx: Db, userId: string, calendarId: string, e: EventData, seriesId: string | null): Promise<{ id: string; updated: boolean; changed: boolean }> {
  const { codec } = ctx.database;
  const cols = eventColumns(e, codec);
  const now = new Date().toISOString();
  const existing = await trx
    .selectFrom('events')
    .selectAll()
    .where('calendar_id', '=', calendarId)
    .where('uid', '=', cols.uid)
    .where('recurrence_key', '=', cols.recurrence_key)
    .executeTakeFirst();
  if (existing) {
    const same = existing.series_id === seriesId && JSON.stringify(eventColumns(rowToEventData(existing, codec), codec)) === JSON.stringify(cols);
    if (!same) await trx.updateTable('events').set({ ...cols, series_id: seriesId, updated_at: now }).where('id', '=', existing.id).execute();
    return { id: existing.id, updated: true, changed: !same };
  }
  const row: EventsTable = { id: newId(), user_id: userId, calendar_id: calendarId, series_id: seriesId, ...cols, created_at: now, updated_at: now };
  await trx.insertInto('events').values(row).execute();
  return { id: row.id, updated: false, changed: true };
}

async function upsertTodo(ctx: AppContext, trx: Db, actor: Actor, todo: TodoData, warnings: string[]): Promise<void> {
  const due = todo.due ? (todo.due.kind === 'date' ? { dueDate: todo.due.date } : { dueAt: todo.due.at }) : {};
  const existing = await trx.selectFrom('tasks').select('id').where('user_id', '=', actor.user.id).where('ical_uid', '=', todo.uid).where('deleted_at', 'is', null).executeTakeFirst();
  let id = existing?.id;
  if (!id) {
    let recurrence: string | undefined = todo.rrule ?? undefined;
    let row;
    try {
      row = await insertTask(ctx, trx, actor, { title: todo.title || '(untitled)', notes: todo.description, priority: taskPriority(todo.priority), labels: todo.categories.slice(0, 50), ...due, ...(recurrence ? { recurrence } : {}) });
    } catch (err) {
      if (!(recurrence && err instanceof AppError && err.fields?.recurrence)) throw err;
      warnings.push(`Task "${todo.title}": its repetition (${recurrence}) is not supported for tasks and was left out`);
      recurrence = undefined;
      row = await insertTask(ctx, trx, actor, { title: todo.title || '(untitled)', notes: todo.description, priority: taskPriority(todo.priority), labels: todo.categories.slice(0, 50), ...due });
    }
    id = row.id;
  }
  const done = todo.status === 'completed';
  await trx
    .updateTable('tasks')
    .set({ ical_uid: todo.uid, status: done ? 'done' : 'open', completed_at: done ? (todo.completedAt ?? new Date().toISOString()) : null, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
}

/**
 * Imports a whole .ics file into a calendar: events by UID (re-importing updates, never
 * duplicates), edited occurrences attached to their series, VTODOs as tasks. All or nothing.
 */
export async function importIcs(ctx: AppContext, actor: Actor, calendarId: string, text: string): Promise<ImportResult> {
  await assertWritable(ctx, actor.user.id, calendarId);
  let parsed;
  try {
    parsed = parseICalendar(text, { defaultTimeZone: actor.user.time_zone });
  } catch (err) {
    if (err instanceof IcsError) {
      const where = [err.line !== null ? `line ${err.line}` : null, err.component].filter(Boolean).join(', ');
      throw new AppError('validation_failed', 400, `Not imported: ${where ? `${where}: ` : ''}${err.message}`, { file: `${where ? `${where}: ` : ''}${err.message}` });
    }
    throw err;
  }
  const warnings = [...parsed.warnings];
  const result = await ctx.database.db.transaction().execute(async (trx) => {
    let events = 0;
    let updated = 0;
    const masterIdByUid = new Map<string, string>();
    for (const e of parsed.events.filter((x) => x.recurrenceId === null)) {
      const r = await upsertEvent(ctx, trx, actor.user.id, calendarId, e, null);
      masterIdByUid.set(e.uid, r.id);
      events += 1;
      if (r.updated) updated += 1;
    }
    for (const e of parsed.events.filter((x) => x.recurrenceId !== null)) {
      const seriesId =
        masterIdByUid.get(e.uid) ??
        (await trx.selectFrom('events').select('id').where('calendar_id', '=', calendarId).where('uid', '=', e.uid).where('recurrence_key', '=', '').executeTakeFirst())?.id ??
        null;
      const r = await upsertEvent(ctx, trx, actor.user.id, calendarId, e, seriesId);
      events += 1;
      if (r.updated) updated += 1;
    }
    for (const todo of parsed.todos) await upsertTodo(ctx, trx, actor, todo, warnings);
    return { events, tasks: parsed.todos.length, updated };
  });
  return { ...result, warnings };
}
