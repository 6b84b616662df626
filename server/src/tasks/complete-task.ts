import type { CompleteResult, Task } from '@atom/contracts';
import type { AppContext } from '../context.js';
import type { TasksTable } from '../db/schema.js';
import type { Actor } from '../platform/auth/actor.js';
import { newId } from '../platform/ids.js';
import { firstOpenColumn } from './create-task.js';
import { descendantIds } from './hierarchy.js';
import { EMPTY_ROLLUPS, getTaskRow, presentOne, type Db } from './queries.js';
import { dueColumns, dueOf } from './recurrence-rules.js';
import { nextDue, type Due } from './recurrence/index.js';

async function doneColumn(db: Db, userId: string, projectId: string): Promise<string | null> {
  const cols = await db.selectFrom('project_columns').select(['id', 'done']).where('user_id', '=', userId).where('project_id', '=', projectId).orderBy('rank').execute();
  return cols.find((c) => c.done === true || c.done === 1)?.id ?? null;
}

function instantOf(due: Due): number {
  return Date.parse(due.kind === 'instant' ? due.at : `${due.date}T00:00:00Z`);
}

/** Copies a task (and, recursively, its subtasks) as open tasks for the next occurrence. */
async function copyTree(db: Db, userId: string, source: TasksTable, overrides: Partial<TasksTable>, now: string): Promise<TasksTable> {
  const copy: TasksTable = {
    ...source,
    id: newId(),
    status: 'open',
    completed_at: null,
    next_task_id: null,
    ical_uid: null,
    deleted_at: null,
    created_at: now,
    updated_at: now,
    ...EMPTY_ROLLUPS,
    ...overrides,
  };
  await db.insertInto('tasks').values(copy).execute();
  const labels = await db.selectFrom('task_labels').select('label_id').where('task_id', '=', source.id).where('user_id', '=', userId).execute();
  if (labels.length > 0) await db.insertInto('task_labels').values(labels.map((l) => ({ task_id: copy.id, label_id: l.label_id, user_id: userId }))).execute();
  const children = await db.selectFrom('tasks').selectAll().where('user_id', '=', userId).where('parent_id', '=', source.id).where('deleted_at', 'is', null).execute();
  for (const child of children) await copyTree(db, userId, child, { parent_id: copy.id, column_id: null, project_id: copy.project_id }, now);
  return copy;
}

/**
 * Completes a task and its open subtasks. The status flip is a conditional UPDATE, so of
 * several simultaneous completions exactly one wins, and only the winner creates the next
 * occurrence of a recurring task. Completing a done task again is a no-op.
 */
export async function completeInTrx(db: Db, actor: Actor, id: string): Promise<{ task: TasksTable; next: TasksTable | null; changed: boolean }> {
  const userId = actor.user.id;
  const row = await getTaskRow(db, userId, id);
  const now = new Date().toISOString();
  const column = row.parent_id === null ? await doneColumn(db, userId, row.project_id) : null;
  const flipped = await db
    .updateTable('tasks')
    .set({ status: 'done', completed_at: now, updated_at: now, ...(column ? { column_id: column } : {}) })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(flipped.numUpdatedRows) === 0) {
    const current = await getTaskRow(db, userId, id);
    const next = current.next_task_id ? await db.selectFrom('tasks').selectAll().where('id', '=', current.next_task_id).executeTakeFirst() : undefined;
    return { task: current, next: next ?? null, changed: false };
  }

  const subtree = await descendantIds(db, userId, [id]);
  if (subtree.length > 0) {
    await db.updateTable('tasks').set({ status: 'done', completed_at: now, updated_at: now }).where('id', 'in', subtree).where('status', '=', 'open').execute();
  }

  let next: TasksTable | null = null;
  const due = dueOf(row);
  if (row.recurrence && due) {
    const following = nextDue({ rule: row.recurrence, from: row.recurrence_from ?? 'schedule', current: due, completedAt: now, timeZone: actor.user.time_zone });
    if (following) {
      const shift = instantOf(following.due) - instantOf(due);
      next = await copyTree(
        db,
        userId,
        row,
        {
          ...dueColumns(following.due),
          recurrence: following.rule,
          start_at: row.start_at ? new Date(Date.parse(row.start_at) + shift).toISOString() : null,
          column_id: row.parent_id === null ? await firstOpenColumn(db, userId, row.project_id) : null,
          series_id: row.series_id ?? row.id,
        },
        now,
      );
      await db.updateTable('tasks').set({ next_task_id: next.id }).where('id', '=', id).execute();
    }
  }
  return { task: await getTaskRow(db, userId, id), next, changed: true };
}

export async function completeTask(ctx: AppContext, actor: Actor, id: string): Promise<CompleteResult> {
  const result = await ctx.database.db.transaction().execute(async (trx) => {
    const r = await completeInTrx(trx, actor, id);
    return {
      task: await presentOne(trx, actor.user.id, r.task),
      next: r.next ? await presentOne(trx, actor.user.id, r.next) : null,
      changed: r.changed,
    };
  });
  if (result.changed) {
    ctx.events.emit('task.completed', { userId: actor.user.id, task: result.task, next: result.next });
    if (result.next) ctx.events.emit('task.created', { userId: actor.user.id, task: result.next });
  }
  return { task: result.task, next: result.next };
}

/**
 * Reopens a done task. If completing it had created the next occurrence and that one is
 * still untouched (open), it is removed, so complete-then-undo leaves no duplicate.
 */
export async function reopenInTrx(db: Db, actor: Actor, id: string): Promise<{ task: TasksTable; removedNext: string | null }> {
  const userId = actor.user.id;
  const row = await getTaskRow(db, userId, id);
  if (row.status === 'open') return { task: row, removedNext: null };
  const now = new Date().toISOString();
  let removedNext: string | null = null;
  if (row.next_task_id) {
    const next = await db.selectFrom('tasks').select(['id', 'status', 'created_at', 'updated_at']).where('id', '=', row.next_task_id).where('user_id', '=', userId).where('deleted_at', 'is', null).executeTakeFirst();
    if (next && next.status === 'open' && next.updated_at === next.created_at) {
      const ids = [next.id, ...(await descendantIds(db, userId, [next.id]))];
      await db.updateTable('tasks').set({ deleted_at: now }).where('id', 'in', ids).execute();
      removedNext = next.id;
    }
  }
  const inDone = row.column_id !== null && row.column_id === (await doneColumn(db, userId, row.project_id));
  await db
    .updateTable('tasks')
    .set({
      status: 'open',
      completed_at: null,
      next_task_id: null,
      updated_at: now,
      ...(inDone ? { column_id: await firstOpenColumn(db, userId, row.project_id) } : {}),
    })
    .where('id', '=', id)
    .execute();
  return { task: await getTaskRow(db, userId, id), removedNext };
}

export async function reopenTask(ctx: AppContext, actor: Actor, id: string): Promise<Task> {
  const { task, removedNext } = await ctx.database.db.transaction().execute(async (trx) => {
    const r = await reopenInTrx(trx, actor, id);
    return { task: await presentOne(trx, actor.user.id, r.task), removedNext: r.removedNext };
  });
  if (removedNext) ctx.events.emit('task.deleted', { userId: actor.user.id, taskId: removedNext });
  ctx.events.emit('task.updated', { userId: actor.user.id, task, changed: ['status'] });
  return task;
}
