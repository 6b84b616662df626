import type { Task } from '@atom/contracts';
import type { AppContext } from '../context.js';
import type { Actor } from '../platform/auth/actor.js';
import { errors } from '../platform/errors.js';
import { descendantIds } from './hierarchy.js';
import { getTaskRow, presentOne, type Db } from './queries.js';

/**
 * Deleting marks the task and its subtasks with one timestamp, so the web app's "Undo" can
 * bring back exactly that set. Deleted tasks are invisible everywhere else.
 */
export async function deleteInTrx(db: Db, userId: string, id: string): Promise<void> {
  await getTaskRow(db, userId, id);
  const ids = [id, ...(await descendantIds(db, userId, [id]))];
  await db.updateTable('tasks').set({ deleted_at: new Date().toISOString() }).where('id', 'in', ids).where('user_id', '=', userId).execute();
}

export async function restoreInTrx(db: Db, userId: string, id: string): Promise<void> {
  const row = await db.selectFrom('tasks').select(['id', 'deleted_at', 'parent_id']).where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  if (!row) throw errors.notFound('Task');
  if (row.deleted_at === null) return;
  if (row.parent_id) {
    const parent = await db.selectFrom('tasks').select('deleted_at').where('id', '=', row.parent_id).executeTakeFirst();
    if (parent?.deleted_at) throw errors.conflict('Restore the parent task first');
  }
  const ids = [id, ...(await descendantIds(db, userId, [id], true))];
  await db.updateTable('tasks').set({ deleted_at: null }).where('id', 'in', ids).where('user_id', '=', userId).where('deleted_at', '=', row.deleted_at).execute();
}

export async function deleteTask(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await ctx.database.db.transaction().execute((trx) => deleteInTrx(trx, actor.user.id, id));
  ctx.events.emit('task.deleted', { userId: actor.user.id, taskId: id });
}

export async function restoreTask(ctx: AppContext, actor: Actor, id: string): Promise<Task> {
  const task = await ctx.database.db.transaction().execute(async (trx) => {
    await restoreInTrx(trx, actor.user.id, id);
    return presentOne(trx, actor.user.id, await getTaskRow(trx, actor.user.id, id));
  });
  ctx.events.emit('task.created', { userId: actor.user.id, task });
  return task;
}
