import type { Task, UpdateTaskInput } from '@atom/contracts';
import type { AppContext } from '../context.js';
import type { TasksTable } from '../db/schema.js';
import type { Actor } from '../platform/auth/actor.js';
import { AppError } from '../platform/errors.js';
import { completeInTrx, reopenInTrx } from './complete-task.js';
import { dueFromInput, firstOpenColumn, lastSiblingRank } from './create-task.js';
import { assertNoTaskCycle, descendantIds } from './hierarchy.js';
import { setTaskLabels } from './labels.js';
import { searchKey } from './presenters.js';
import { getTaskRow, presentOne, referencedProject, referencedTask, type Db } from './queries.js';
import { rankBetween } from './rank.js';
import { dueColumns, dueOf, resolveRecurrence } from './recurrence-rules.js';

/** Where the task lives after the update: parent and project move together. */
async function placement(db: Db, userId: string, row: TasksTable, input: UpdateTaskInput): Promise<Partial<TasksTable>> {
  const parentId = input.parentId === undefined ? row.parent_id : input.parentId;
  let projectId = input.projectId ?? row.project_id;
  if (parentId !== null && input.parentId !== undefined) {
    await referencedTask(db, userId, parentId, 'parentId');
    await assertNoTaskCycle(db, userId, row.id, parentId);
  }
  if (parentId !== null) {
    const parent = await referencedTask(db, userId, parentId, 'parentId');
    if (input.projectId !== undefined && input.projectId !== parent.project_id) {
      throw new AppError('validation_failed', 400, "A subtask lives in its parent's project", { projectId: "must be the parent task's project (or set parentId to null)" });
    }
    projectId = parent.project_id;
  } else if (projectId !== row.project_id) {
    await referencedProject(db, userId, projectId, 'projectId');
  }
  if (parentId === row.parent_id && projectId === row.project_id) return {};
  return {
    parent_id: parentId,
    project_id: projectId,
    column_id: parentId === null ? await firstOpenColumn(db, userId, projectId) : null,
    rank: rankBetween(await lastSiblingRank(db, userId, projectId, parentId), null),
  };
}

function dueChange(row: TasksTable, input: UpdateTaskInput) {
  if (input.dueAt === undefined && input.dueDate === undefined) return { changed: false, due: dueOf(row) };
  const given = dueFromInput(input);
  // Setting one kind clears the other; nulls clear.
  return { changed: true, due: given };
}

export async function updateTask(ctx: AppContext, actor: Actor, id: string, input: UpdateTaskInput): Promise<Task> {
  const userId = actor.user.id;
  const changed = Object.keys(input);
  const result = await ctx.database.db.transaction().execute(async (trx) => {
    const row = await getTaskRow(trx, userId, id);
    const place = await placement(trx, userId, row, input);
    const due = dueChange(row, input);

    const rule = input.recurrence === undefined ? row.recurrence : input.recurrence;
    let recurrence: { rule: string | null; due: typeof due.due } = { rule, due: due.due };
    if (rule && (input.recurrence !== undefined || due.changed)) recurrence = resolveRecurrence(rule, due.due, actor.user.time_zone);

    const title = input.title ?? row.title;
    const notes = input.notes ?? row.notes;
    const now = new Date().toISOString();
    await trx
      .updateTable('tasks')
      .set({
        ...place,
        title,
        notes,
        title_key: searchKey(title, notes),
        ...(input.priority !== undefined ? { priority: input.priority } : {}),
        ...(due.changed || recurrence.due !== due.due ? dueColumns(recurrence.due) : {}),
        ...(input.startAt !== undefined ? { start_at: input.startAt } : {}),
        ...(input.estimateMinutes !== undefined ? { estimate_minutes: input.estimateMinutes } : {}),
        recurrence: recurrence.rule,
        recurrence_from: recurrence.rule ? (input.recurrenceFrom ?? row.recurrence_from ?? 'schedule') : null,
        series_id: recurrence.rule ? (row.series_id ?? row.id) : row.series_id,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .execute();
    if (place.project_id !== undefined && place.project_id !== row.project_id) {
      const subtree = await descendantIds(trx, userId, [id]);
      if (subtree.length > 0) await trx.updateTable('tasks').set({ project_id: place.project_id, updated_at: now }).where('id', 'in', subtree).execute();
    }
    if (input.labels !== undefined) await setTaskLabels(trx, userId, id, input.labels);

    let next: TasksTable | null = null;
    if (input.status === 'done' && row.status === 'open') next = (await completeInTrx(trx, actor, id)).next;
    if (input.status === 'open' && row.status === 'done') await reopenInTrx(trx, actor, id);
    return {
      task: await presentOne(trx, userId, await getTaskRow(trx, userId, id)),
      next: next ? await presentOne(trx, userId, next) : null,
      completed: input.status === 'done' && row.status === 'open',
    };
  });
  ctx.events.emit('task.updated', { userId, task: result.task, changed });
  if (result.completed) ctx.events.emit('task.completed', { userId, task: result.task, next: result.next });
  if (result.next) ctx.events.emit('task.created', { userId, task: result.next });
  return result.task;
}
