import type { BulkTaskInput, Task } from '@atom/contracts';
import type { AppContext } from '../context.js';
import type { Actor } from '../platform/auth/actor.js';
import { AppError } from '../platform/errors.js';
import { completeInTrx, reopenInTrx } from './complete-task.js';
import { firstOpenColumn, lastSiblingRank } from './create-task.js';
import { deleteInTrx, restoreInTrx } from './delete-task.js';
import { assertNoTaskCycle, descendantIds } from './hierarchy.js';
import { ensureLabels } from './labels.js';
import { presentOne, referencedProject, referencedTask, type Db } from './queries.js';
import { rankBetween } from './rank.js';

async function assertAllExist(db: Db, userId: string, ids: string[], includeDeleted: boolean) {
  let q = db.selectFrom('tasks').select('id').where('user_id', '=', userId).where('id', 'in', ids);
  if (!includeDeleted) q = q.where('deleted_at', 'is', null);
  const found = new Set((await q.execute()).map((r) => r.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new AppError('validation_failed', 400, `ids: ${missing.length} task(s) not found`, { ids: `no such task: ${missing.slice(0, 5).join(', ')}` });
  }
}

/**
 * Undo of a move: each task goes back to the project, parent, column and rank it had.
 * The old rank is reused as is; if another task took it since, ids break the tie.
 */
async function placeInTrx(db: Db, userId: string, ids: string[], places: BulkTaskInput['places'], now: string) {
  const byId = new Map((places ?? []).map((p) => [p.id, p]));
  if (ids.some((id) => !byId.has(id))) {
    throw new AppError('validation_failed', 400, 'places: one entry per id is required', { places: 'needs one entry for every id' });
  }
  for (const id of ids) {
    const place = byId.get(id)!;
    await referencedProject(db, userId, place.projectId, 'places.projectId');
    if (place.parentId !== null) {
      await referencedTask(db, userId, place.parentId, 'places.parentId');
      await assertNoTaskCycle(db, userId, id, place.parentId);
    }
    const column = place.columnId
      ? await db.selectFrom('project_columns').select('id').where('id', '=', place.columnId).where('user_id', '=', userId).where('project_id', '=', place.projectId).executeTakeFirst()
      : undefined;
    if (place.columnId && !column) throw new AppError('validation_failed', 400, 'places.columnId: no such column in that project', { 'places.columnId': 'no such column in that project' });
    await db
      .updateTable('tasks')
      .set({ project_id: place.projectId, parent_id: place.parentId, column_id: place.columnId, rank: place.rank, updated_at: now })
      .where('id', '=', id)
      .execute();
    const subtree = await descendantIds(db, userId, [id]);
    if (subtree.length > 0) await db.updateTable('tasks').set({ project_id: place.projectId, updated_at: now }).where('id', 'in', subtree).execute();
  }
}

/** One action over a multi-selection, all or nothing. */
export async function bulkTasks(ctx: AppContext, actor: Actor, input: BulkTaskInput): Promise<{ updated: number; created: Task[] }> {
  const userId = actor.user.id;
  const ids = [...new Set(input.ids)];
  const result = await ctx.database.db.transaction().execute(async (trx) => {
    await assertAllExist(trx, userId, ids, input.action === 'restore');
    const created: Task[] = [];
    const now = new Date().toISOString();
    switch (input.action) {
      case 'complete':
        for (const id of ids) {
          const r = await completeInTrx(trx, actor, id);
          if (r.next) created.push(await presentOne(trx, userId, r.next));
        }
        break;
      case 'reopen':
        for (const id of ids) await reopenInTrx(trx, actor, id);
        break;
      case 'delete':
        for (const id of ids) await deleteInTrx(trx, userId, id);
        break;
      case 'restore':
        for (const id of ids) await restoreInTrx(trx, userId, id);
        break;
      case 'move': {
        if (!input.projectId) throw new AppError('validation_failed', 400, 'projectId is required to move', { projectId: 'is required for move' });
        const project = await referencedProject(trx, userId, input.projectId, 'projectId');
        const column = await firstOpenColumn(trx, userId, project.id);
        let rank = await lastSiblingRank(trx, userId, project.id, null);
        for (const id of ids) {
          rank = rankBetween(rank, null);
          await trx.updateTable('tasks').set({ project_id: project.id, parent_id: null, column_id: column, rank, updated_at: now }).where('id', '=', id).execute();
          const subtree = await descendantIds(trx, userId, [id]);
          if (subtree.length > 0) await trx.updateTable('tasks').set({ project_id: project.id, updated_at: now }).where('id', 'in', subtree).execute();
        }
        break;
      }
      case 'place':
        await placeInTrx(trx, userId, ids, input.places, now);
        break;
      case 'label':
      case 'unlabel': {
        if (!input.labels?.length) throw new AppError('validation_failed', 400, 'labels are required', { labels: `is required for ${input.action}` });
        const labelIds = await ensureLabels(trx, userId, input.labels);
        if (input.action === 'label') {
          await trx
            .insertInto('task_labels')
            .values(ids.flatMap((task_id) => labelIds.map((label_id) => ({ task_id, label_id, user_id: userId }))))
            .onConflict((oc) => oc.columns(['task_id', 'label_id']).doNothing())
            .execute();
        } else {
          await trx.deleteFrom('task_labels').where('user_id', '=', userId).where('task_id', 'in', ids).where('label_id', 'in', labelIds).execute();
        }
        await trx.updateTable('tasks').set({ updated_at: now }).where('id', 'in', ids).execute();
        break;
      }
    }
    return { updated: ids.length, created };
  });
  for (const id of ids) {
    if (input.action === 'delete') ctx.events.emit('task.deleted', { userId, taskId: id });
  }
  for (const task of result.created) ctx.events.emit('task.created', { userId, task });
  return result;
}
