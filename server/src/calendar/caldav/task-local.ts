/**
 * The local side of task sync: tasks of one project as TodoData (to push) and a remote VTODO
 * applied to a task (pulled). Field mapping: SUMMARY title, DESCRIPTION notes, DUE due
 * (DATE dueDate, DATE-TIME dueAt), DTSTART startAt, PRIORITY priority (see todo-priority.ts),
 * STATUS:COMPLETED + COMPLETED done/completedAt, RRULE recurrence, CATEGORIES labels,
 * RELATED-TO;RELTYPE=PARENT parent (when both are in the synced project).
 */
import type { AppContext } from '../../context.js';
import type { TasksTable } from '../../db/schema.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { zonedDate } from '../../platform/time/zone.js';
import { completeInTrx, reopenInTrx } from '../../tasks/complete-task.js';
import { firstOpenColumn, insertTask } from '../../tasks/create-task.js';
import { assertNoTaskCycle } from '../../tasks/hierarchy.js';
import { setTaskLabels } from '../../tasks/labels.js';
import { searchKey } from '../../tasks/presenters.js';
import type { Db } from '../../tasks/queries.js';
import { dueColumns, resolveRecurrence } from '../../tasks/recurrence-rules.js';
import type { Due } from '../../tasks/recurrence/index.js';
import type { EventTime, TodoData } from '../ical/index.js';
import { icalPriority, taskPriority } from '../todo-priority.js';

type TaskRow = Pick<TasksTable, 'id' | 'ical_uid' | 'parent_id' | 'title' | 'notes' | 'status' | 'priority' | 'due_at' | 'due_date' | 'start_at' | 'recurrence' | 'next_task_id' | 'completed_at'>;

/** A task as a VTODO. A done task whose next occurrence exists is history: it goes without RRULE. */
export function taskToTodo(t: TaskRow, uid: string, labels: string[], parentUid: string | null, timeZone: string): TodoData {
  const due: EventTime | null = t.due_at ? { kind: 'instant', at: t.due_at, timeZone } : t.due_date ? { kind: 'date', date: t.due_date } : null;
  // DTSTART and DUE must be of one value type (RFC 5545 3.8.2.3): with an all-day due, the start is a date too.
  const start: EventTime | null = t.start_at === null ? null : due?.kind === 'date' ? { kind: 'date', date: zonedDate(new Date(t.start_at), timeZone) } : { kind: 'instant', at: t.start_at, timeZone };
  const done = t.status === 'done';
  return {
    uid,
    title: t.title,
    description: t.notes,
    due,
    start,
    completedAt: done ? t.completed_at : null,
    status: done ? 'completed' : 'needs-action',
    priority: icalPriority(t.priority),
    rrule: done && t.next_task_id !== null ? null : t.recurrence,
    categories: labels,
    parentUid,
  };
}

const dueOfTodo = (t: TodoData): Due | null => (t.due === null ? null : t.due.kind === 'date' ? { kind: 'date', date: t.due.date } : { kind: 'instant', at: t.due.at });
const startOfTodo = (t: TodoData): string | null => (t.start === null ? null : t.start.kind === 'instant' ? t.start.at : `${t.start.date}T00:00:00.000Z`);
const labelsOf = (t: TodoData) => [...new Set(t.categories.map((c) => c.replace(/,/g, ' ').trim().slice(0, 60)).filter(Boolean))].slice(0, 50);
const titleOf = (t: TodoData) => (t.title.trim() || '(untitled)').slice(0, 500);

/** The repetition if Atom can repeat it from this due; null (and a note) otherwise. */
function recurrenceOf(todo: TodoData, due: Due | null, timeZone: string, warn: (m: string) => void): { rule: string; due: Due } | null {
  if (todo.rrule === null) return null;
  try {
    return resolveRecurrence(todo.rrule, due, timeZone);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    warn(`Task "${todo.title}": its repetition (${todo.rrule}) is not supported for tasks and was left out`);
    return null;
  }
}

/**
 * Writes one remote VTODO into the project: a new task, or the existing one (same UID)
 * updated in place; completing and reopening go through the task verbs, so a completed
 * recurring task makes its next occurrence as it would in Atom.
 */
export async function applyTodo(ctx: AppContext, trx: Db, actor: Actor, projectId: string, todo: TodoData, warn: (m: string) => void): Promise<{ id: string; existed: boolean }> {
  const userId = actor.user.id;
  const existing = await trx.selectFrom('tasks').selectAll().where('user_id', '=', userId).where('project_id', '=', projectId).where('ical_uid', '=', todo.uid).where('deleted_at', 'is', null).executeTakeFirst();
  const rec = recurrenceOf(todo, dueOfTodo(todo), actor.user.time_zone, warn);
  const due = rec?.due ?? dueOfTodo(todo);
  const title = titleOf(todo);
  let id: string;
  if (!existing) {
    const row = await insertTask(ctx, trx, actor, {
      title,
      notes: todo.description.slice(0, 50_000),
      priority: taskPriority(todo.priority),
      labels: labelsOf(todo),
      projectId,
      ...(due === null ? {} : due.kind === 'date' ? { dueDate: due.date } : { dueAt: due.at }),
      startAt: startOfTodo(todo),
      ...(rec ? { recurrence: rec.rule } : {}),
    });
    id = row.id;
    const done = todo.status === 'completed';
    await trx
      .updateTable('tasks')
      .set({ ical_uid: todo.uid, ...(done ? { status: 'done', completed_at: todo.completedAt ?? new Date().toISOString() } : {}) })
      .where('id', '=', id)
      .execute();
    return { id, existed: false };
  }
  id = existing.id;
  const notes = todo.description.slice(0, 50_000);
  await trx
    .updateTable('tasks')
    .set({
      title,
      notes,
      title_key: searchKey(title, notes),
      priority: taskPriority(todo.priority),
      ...dueColumns(due),
      start_at: startOfTodo(todo),
      recurrence: rec?.rule ?? null,
      recurrence_from: rec ? (existing.recurrence_from ?? 'schedule') : null,
      series_id: rec ? (existing.series_id ?? existing.id) : existing.series_id,
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .execute();
  await setTaskLabels(trx, userId, id, labelsOf(todo));
  const done = todo.status === 'completed';
  if (done && existing.status === 'open') await completeInTrx(trx, actor, id);
  if (!done && existing.status === 'done') await reopenInTrx(trx, actor, id);
  if (done && todo.completedAt) await trx.updateTable('tasks').set({ completed_at: todo.completedAt }).where('id', '=', id).execute();
  return { id, existed: true };
}

/** Sets a task's parent by UID within the project (null: top level). False when the parent is not there (yet). */
export async function linkParent(trx: Db, userId: string, projectId: string, taskId: string, parentUid: string | null): Promise<boolean> {
  const row = await trx.selectFrom('tasks').select(['parent_id', 'column_id']).where('id', '=', taskId).executeTakeFirstOrThrow();
  let parentId: string | null = null;
  if (parentUid !== null) {
    const parent = await trx.selectFrom('tasks').select('id').where('user_id', '=', userId).where('project_id', '=', projectId).where('ical_uid', '=', parentUid).where('deleted_at', 'is', null).executeTakeFirst();
    if (!parent) return false;
    parentId = parent.id;
  }
  if (parentId === row.parent_id) return true;
  if (parentId !== null) {
    try {
      await assertNoTaskCycle(trx, userId, taskId, parentId);
    } catch (err) {
      if (err instanceof AppError) return true; // A loop of parents: keep the task where it is.
      throw err;
    }
  }
  // Subtasks sit in no kanban column; a task made top-level goes to the first open one.
  const column = parentId === null ? (row.column_id ?? (await firstOpenColumn(trx, userId, projectId))) : null;
  await trx.updateTable('tasks').set({ parent_id: parentId, column_id: column }).where('id', '=', taskId).execute();
  return true;
}
