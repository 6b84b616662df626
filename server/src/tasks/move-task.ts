import type { MoveResult, MoveTaskInput } from '@atom/contracts';
import type { AppContext } from '../context.js';
import type { Actor } from '../platform/auth/actor.js';
import { AppError } from '../platform/errors.js';
import { completeInTrx, reopenInTrx } from './complete-task.js';
import { firstOpenColumn } from './create-task.js';
import { descendantIds } from './hierarchy.js';
import { getTaskRow, presentOne, referencedProject, type Db } from './queries.js';
import { rankBetween } from './rank.js';

const bad = (field: string, problem: string) => new AppError('validation_failed', 400, `${field}: ${problem}`, { [field]: problem });

/**
 * Drag and drop: puts a top-level task into a project's column right after another task
 * (or at the top). Only the moved row's rank changes: the rank between its new neighbours.
 * Moving into a "done" column completes the task; moving out of one reopens it.
 */
async function moveInTrx(ctx: AppContext, db: Db, actor: Actor, id: string, input: MoveTaskInput) {
  const userId = actor.user.id;
  const task = await getTaskRow(db, userId, id);
  if (task.parent_id !== null) throw bad('id', 'subtasks move with their parent; change parentId to re-nest one');
  const projectId = input.projectId ?? task.project_id;
  if (projectId !== task.project_id) await referencedProject(db, userId, projectId, 'projectId');

  const columns = await db.selectFrom('project_columns').select(['id', 'done']).where('user_id', '=', userId).where('project_id', '=', projectId).orderBy('rank').execute();
  let columnId: string | null;
  if (input.column === undefined) columnId = projectId === task.project_id ? task.column_id : await firstOpenColumn(db, userId, projectId);
  else if (input.column === null) columnId = columns[0]?.id ?? null;
  else {
    if (!columns.some((c) => c.id === input.column)) throw bad('column', 'no such column in the target project');
    columnId = input.column;
  }

  // Neighbours: the target column's top-level tasks of the same status group, in order, without the moved one.
  let siblings = db
    .selectFrom('tasks')
    .select(['id', 'rank'])
    .where('user_id', '=', userId)
    .where('project_id', '=', projectId)
    .where('parent_id', 'is', null)
    .where('deleted_at', 'is', null)
    .where('id', '!=', id);
  siblings = columnId === null ? siblings.where('column_id', 'is', null) : siblings.where('column_id', '=', columnId);
  const ordered = await siblings.orderBy('rank').orderBy('id').execute();

  let rank: string;
  if (input.after === undefined || input.after === null) rank = rankBetween(null, ordered[0]?.rank ?? null);
  else {
    const i = ordered.findIndex((t) => t.id === input.after);
    if (i < 0) throw bad('after', input.after === id ? 'a task cannot go after itself' : 'no such task in the target column');
    const before = ordered[i]!.rank;
    // Equal ranks (tie broken by id) leave no room between; extend the key instead.
    const nextRank = ordered.slice(i + 1).find((t) => t.rank > before)?.rank ?? null;
    rank = rankBetween(before, nextRank);
  }

  const now = new Date().toISOString();
  await db.updateTable('tasks').set({ project_id: projectId, column_id: columnId, rank, updated_at: now }).where('id', '=', id).execute();
  if (projectId !== task.project_id) {
    const subtree = await descendantIds(db, userId, [id]);
    if (subtree.length > 0) await db.updateTable('tasks').set({ project_id: projectId, updated_at: now }).where('id', 'in', subtree).execute();
  }

  const targetDone = columns.find((c) => c.id === columnId)?.done;
  const isDoneColumn = targetDone === true || targetDone === 1;
  if (isDoneColumn && task.status === 'open') {
    const r = await completeInTrx(db, actor, id);
    await db.updateTable('tasks').set({ column_id: columnId, rank }).where('id', '=', id).execute();
    return { next: r.next, completed: true };
  }
  if (!isDoneColumn && task.status === 'done' && columnId !== null) {
    await reopenInTrx(db, actor, id);
    await db.updateTable('tasks').set({ column_id: columnId, rank }).where('id', '=', id).execute();
  }
  return { next: null, completed: false };
}

export async function moveTask(ctx: AppContext, actor: Actor, id: string, input: MoveTaskInput): Promise<MoveResult> {
  const { task, next, completed } = await ctx.database.db.transaction().execute(async (trx) => {
    const r = await moveInTrx(ctx, trx, actor, id, input);
    return {
      task: await presentOne(trx, actor.user.id, await getTaskRow(trx, actor.user.id, id)),
      next: r.next ? await presentOne(trx, actor.user.id, r.next) : null,
      completed: r.completed,
    };
  });
  ctx.events.emit('task.updated', { userId: actor.user.id, task, changed: ['projectId', 'columnId', 'rank'] });
  if (completed) ctx.events.emit('task.completed', { userId: actor.user.id, task, next });
  if (next) ctx.events.emit('task.created', { userId: actor.user.id, task: next });
  return { ...task, next };
}
