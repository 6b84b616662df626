import type { CreateTaskInput, Task } from '@atom/contracts';
import type { AppContext } from '../context.js';
import type { TasksTable } from '../db/schema.js';
import type { Actor } from '../platform/auth/actor.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { setTaskLabels } from './labels.js';
import { searchKey } from './presenters.js';
import { ensureInbox } from './projects.js';
import { EMPTY_ROLLUPS, presentOne, referencedProject, referencedTask, type Db } from './queries.js';
import { rankBetween } from './rank.js';
import { dueColumns, resolveRecurrence } from './recurrence-rules.js';
import type { Due } from './recurrence/index.js';

export function dueFromInput(input: { dueAt?: string | null | undefined; dueDate?: string | null | undefined }): Due | null {
  if (input.dueAt && input.dueDate) {
    throw new AppError('validation_failed', 400, 'Give dueAt or dueDate, not both', {
      dueAt: 'give dueAt (with a time) or dueDate (all day), not both',
      dueDate: 'give dueAt (with a time) or dueDate (all day), not both',
    });
  }
  if (input.dueAt) return { kind: 'instant', at: input.dueAt };
  if (input.dueDate) return { kind: 'date', date: input.dueDate };
  return null;
}

/** The first column that does not complete tasks: where new and reopened tasks go. */
export async function firstOpenColumn(db: Db, userId: string, projectId: string): Promise<string | null> {
  const cols = await db
    .selectFrom('project_columns')
    .select(['id', 'done'])
    .where('user_id', '=', userId)
    .where('project_id', '=', projectId)
    .orderBy('rank')
    .execute();
  return (cols.find((c) => !(c.done === true || c.done === 1)) ?? cols[0])?.id ?? null;
}

export async function lastSiblingRank(db: Db, userId: string, projectId: string, parentId: string | null): Promise<string | null> {
  let q = db
    .selectFrom('tasks')
    .select('rank')
    .where('user_id', '=', userId)
    .where('project_id', '=', projectId)
    .where('deleted_at', 'is', null);
  q = parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId);
  return (await q.orderBy('rank', 'desc').limit(1).executeTakeFirst())?.rank ?? null;
}

/** Inserts a task inside the caller's transaction; the caller emits the event after commit. */
export async function insertTask(ctx: AppContext, db: Db, actor: Actor, input: CreateTaskInput): Promise<TasksTable> {
  const userId = actor.user.id;
  let due = dueFromInput(input);
  const parent = input.parentId ? await referencedTask(db, userId, input.parentId, 'parentId') : null;
  if (parent && input.projectId && input.projectId !== parent.project_id) {
    throw new AppError('validation_failed', 400, "A subtask lives in its parent's project", { projectId: "must be the parent task's project" });
  }
  const project = parent
    ? { id: parent.project_id }
    : input.projectId
      ? await referencedProject(db, userId, input.projectId, 'projectId')
      : await ensureInbox(ctx, userId, db);

  let columnId: string | null = null;
  if (input.columnId) {
    const col = await db
      .selectFrom('project_columns')
      .select('id')
      .where('id', '=', input.columnId)
      .where('user_id', '=', userId)
      .where('project_id', '=', project.id)
      .executeTakeFirst();
    if (!col) throw new AppError('validation_failed', 400, 'columnId: no such column in this project', { columnId: 'no such column in this project' });
    columnId = col.id;
  } else if (!parent) {
    columnId = await firstOpenColumn(db, userId, project.id);
  }

  let recurrence: string | null = null;
  if (input.recurrence) {
    const resolved = resolveRecurrence(input.recurrence, due, actor.user.time_zone);
    recurrence = resolved.rule;
    due = resolved.due;
  }

  const now = new Date().toISOString();
  const id = newId();
  const notes = input.notes ?? '';
  const row: TasksTable = {
    id,
    user_id: userId,
    project_id: project.id,
    parent_id: parent?.id ?? null,
    column_id: columnId,
    title: input.title,
    title_key: searchKey(input.title, notes),
    notes,
    status: 'open',
    priority: input.priority ?? 4,
    ...dueColumns(due),
    start_at: input.startAt ?? null,
    estimate_minutes: input.estimateMinutes ?? null,
    recurrence,
    recurrence_from: recurrence ? (input.recurrenceFrom ?? 'schedule') : null,
    series_id: recurrence ? id : null,
    next_task_id: null,
    ical_uid: null,
    completed_at: null,
    rank: rankBetween(await lastSiblingRank(db, userId, project.id, parent?.id ?? null), null),
    deleted_at: null,
    created_at: now,
    updated_at: now,
    ...EMPTY_ROLLUPS,
  };
  await db.insertInto('tasks').values(row).execute();
  if (input.labels && input.labels.length > 0) await setTaskLabels(db, userId, id, input.labels);
  return row;
}

export async function createTask(ctx: AppContext, actor: Actor, input: CreateTaskInput): Promise<Task> {
  const task = await ctx.database.db.transaction().execute(async (trx) => presentOne(trx, actor.user.id, await insertTask(ctx, trx, actor, input)));
  ctx.events.emit('task.created', { userId: actor.user.id, task });
  return task;
}
