import type { CreateColumnInput, Project, UpdateColumnInput } from '@atom/contracts';
import type { AppContext } from '../context.js';
import type { ProjectColumnsTable } from '../db/schema.js';
import type { Actor } from '../platform/auth/actor.js';
import { AppError, errors } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { getProject } from './projects.js';
import { getProjectRow, type Db } from './queries.js';
import { rankBetween } from './rank.js';

async function columnsOf(db: Db, userId: string, projectId: string): Promise<ProjectColumnsTable[]> {
  return db.selectFrom('project_columns').selectAll().where('user_id', '=', userId).where('project_id', '=', projectId).orderBy('rank').orderBy('id').execute();
}

/** The rank that puts a column right after `after` (null: first), skipping the column being moved. */
function rankAfterColumn(columns: ProjectColumnsTable[], after: string | null, moving?: string): string {
  const others = columns.filter((c) => c.id !== moving);
  if (after === null) return rankBetween(null, others[0]?.rank ?? null);
  const i = others.findIndex((c) => c.id === after);
  if (i < 0) throw new AppError('validation_failed', 400, 'after: no such column in this project', { after: 'no such column in this project' });
  return rankBetween(others[i]!.rank, others[i + 1]?.rank ?? null);
}

export async function createColumn(ctx: AppContext, actor: Actor, projectId: string, input: CreateColumnInput): Promise<Project> {
  await ctx.database.db.transaction().execute(async (trx) => {
    await getProjectRow(trx, actor.user.id, projectId);
    const columns = await columnsOf(trx, actor.user.id, projectId);
    if (columns.length >= 20) throw errors.conflict('A board has at most 20 columns');
    const rank = input.after === undefined ? rankBetween(columns.at(-1)?.rank ?? null, null) : rankAfterColumn(columns, input.after);
    await trx
      .insertInto('project_columns')
      .values({
        id: newId(),
        user_id: actor.user.id,
        project_id: projectId,
        name: input.name,
        done: ctx.database.codec.bool.write(input.done ?? false),
        rank,
        created_at: new Date().toISOString(),
      })
      .execute();
  });
  return getProject(ctx, actor, projectId);
}

export async function updateColumn(ctx: AppContext, actor: Actor, projectId: string, columnId: string, input: UpdateColumnInput): Promise<Project> {
  await ctx.database.db.transaction().execute(async (trx) => {
    await getProjectRow(trx, actor.user.id, projectId);
    const columns = await columnsOf(trx, actor.user.id, projectId);
    if (!columns.some((c) => c.id === columnId)) throw errors.notFound('Column');
    await trx
      .updateTable('project_columns')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.done !== undefined ? { done: ctx.database.codec.bool.write(input.done) } : {}),
        ...(input.after !== undefined ? { rank: rankAfterColumn(columns, input.after, columnId) } : {}),
      })
      .where('id', '=', columnId)
      .where('user_id', '=', actor.user.id)
      .execute();
  });
  return getProject(ctx, actor, projectId);
}

/** Tasks of a deleted column go to the first remaining column, never into limbo. */
export async function deleteColumn(ctx: AppContext, actor: Actor, projectId: string, columnId: string): Promise<Project> {
  await ctx.database.db.transaction().execute(async (trx) => {
    await getProjectRow(trx, actor.user.id, projectId);
    const columns = await columnsOf(trx, actor.user.id, projectId);
    if (!columns.some((c) => c.id === columnId)) throw errors.notFound('Column');
    const remaining = columns.filter((c) => c.id !== columnId);
    if (remaining.length === 0) throw errors.conflict('A board needs at least one column');
    await trx
      .updateTable('tasks')
      .set({ column_id: remaining[0]!.id })
      .where('column_id', '=', columnId)
      .where('user_id', '=', actor.user.id)
      .execute();
    await trx.deleteFrom('project_columns').where('id', '=', columnId).where('user_id', '=', actor.user.id).execute();
  });
  return getProject(ctx, actor, projectId);
}
