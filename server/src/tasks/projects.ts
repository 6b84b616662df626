import type { CreateProjectInput, Project, UpdateProjectInput } from '@atom/contracts';
import type { AppContext } from '../context.js';
import type { ProjectsTable } from '../db/schema.js';
import type { Actor } from '../platform/auth/actor.js';
import { AppError, errors } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { presentColumn, presentProject } from './presenters.js';
import { assertNotOwnAncestor } from './hierarchy.js';
import { getProjectRow, referencedProject, type Db } from './queries.js';
import { rankBetween, ranksAfter } from './rank.js';

export const DEFAULT_COLUMNS = [{ name: 'To do' }, { name: 'Doing' }, { name: 'Done', done: true }];
const PALETTE = ['#4c6ef5', '#12b886', '#fab005', '#fa5252', '#7950f2', '#15aabf', '#fd7e14', '#e64980'];

async function lastProjectRank(db: Db, userId: string): Promise<string | null> {
  const row = await db.selectFrom('projects').select('rank').where('user_id', '=', userId).orderBy('rank', 'desc').limit(1).executeTakeFirst();
  return row?.rank ?? null;
}

async function insertProject(
  ctx: AppContext,
  db: Db,
  userId: string,
  fields: { name: string; color?: string | undefined; parentId: string | null; isInbox: boolean; columns: { name: string; done?: boolean | undefined }[] },
): Promise<ProjectsTable> {
  const { codec } = ctx.database;
  const now = new Date().toISOString();
  const count = await db.selectFrom('projects').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
  const row: ProjectsTable = {
    id: newId(),
    user_id: userId,
    name: fields.name,
    name_key: fields.name.toLowerCase(),
    color: fields.color ?? PALETTE[count.n % PALETTE.length]!,
    archived: codec.bool.write(false),
    is_inbox: codec.bool.write(fields.isInbox),
    parent_id: fields.parentId,
    rank: rankBetween(await lastProjectRank(db, userId), null),
    created_at: now,
    updated_at: now,
  };
  const inserted = await db.insertInto('projects').values(row).onConflict((oc) => oc.columns(['user_id', 'name_key']).doNothing()).executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) {
    throw errors.conflict(`A project named "${fields.name}" already exists`, { name: 'is already used by another project' });
  }
  const ranks = ranksAfter(null, fields.columns.length);
  if (fields.columns.length > 0) {
    await db
      .insertInto('project_columns')
      .values(
        fields.columns.map((c, i) => ({
          id: newId(),
          user_id: userId,
          project_id: row.id,
          name: c.name,
          done: codec.bool.write(c.done ?? false),
          rank: ranks[i]!,
          created_at: now,
        })),
      )
      .execute();
  }
  return row;
}

/** Every user has an Inbox; made on first need, safely under concurrency (unique name). */
export async function ensureInbox(ctx: AppContext, userId: string, db: Db = ctx.database.db): Promise<ProjectsTable> {
  const existing = await db
    .selectFrom('projects')
    .selectAll()
    .where('user_id', '=', userId)
    .where('is_inbox', '=', ctx.database.codec.bool.write(true))
    .executeTakeFirst();
  if (existing) return existing;
  try {
    return await insertProject(ctx, db, userId, { name: 'Inbox', color: '#868e96', parentId: null, isInbox: true, columns: DEFAULT_COLUMNS });
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'conflict')) throw err;
    return (await db.selectFrom('projects').selectAll().where('user_id', '=', userId).where('name_key', '=', 'inbox').executeTakeFirst())!;
  }
}

export async function presentProjects(ctx: AppContext, userId: string, rows: ProjectsTable[]): Promise<Project[]> {
  if (rows.length === 0) return [];
  const { db, codec } = ctx.database;
  const ids = rows.map((r) => r.id);
  const [columns, counts] = await Promise.all([
    db.selectFrom('project_columns').selectAll().where('user_id', '=', userId).where('project_id', 'in', ids).orderBy('rank').execute(),
    db
      .selectFrom('tasks')
      .select(['project_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('user_id', '=', userId)
      .where('project_id', 'in', ids)
      .where('status', '=', 'open')
      .where('deleted_at', 'is', null)
      .groupBy('project_id')
      .execute(),
  ]);
  const countBy = new Map(counts.map((c) => [c.project_id, c.n]));
  return rows.map((p) =>
    presentProject(
      p,
      columns.filter((c) => c.project_id === p.id).map((c) => presentColumn(c, codec)),
      countBy.get(p.id) ?? 0,
      codec,
    ),
  );
}

export async function listProjects(ctx: AppContext, actor: Actor): Promise<Project[]> {
  await ensureInbox(ctx, actor.user.id);
  const rows = await ctx.database.db.selectFrom('projects').selectAll().where('user_id', '=', actor.user.id).orderBy('rank').execute();
  return presentProjects(ctx, actor.user.id, rows);
}

export async function getProject(ctx: AppContext, actor: Actor, id: string): Promise<Project> {
  const row = await getProjectRow(ctx.database.db, actor.user.id, id);
  return (await presentProjects(ctx, actor.user.id, [row]))[0]!;
}

/** A parent chain may not loop back to the project itself. */
function assertNoProjectCycle(db: Db, userId: string, projectId: string, parentId: string): Promise<void> {
  return assertNotOwnAncestor({
    nodeId: projectId,
    newParentId: parentId,
    cycleProblem: 'would make the project its own ancestor',
    parentOf: async (id) =>
      (await db.selectFrom('projects').select('parent_id').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst())?.parent_id ?? null,
  });
}

export async function createProject(ctx: AppContext, actor: Actor, input: CreateProjectInput): Promise<Project> {
  const project = await ctx.database.db.transaction().execute(async (trx) => {
    if (input.parentId) await referencedProject(trx, actor.user.id, input.parentId, 'parentId');
    return insertProject(ctx, trx, actor.user.id, {
      name: input.name,
      color: input.color,
      parentId: input.parentId ?? null,
      isInbox: false,
      columns: input.columns ?? DEFAULT_COLUMNS,
    });
  });
  const presented = (await presentProjects(ctx, actor.user.id, [project]))[0]!;
  ctx.events.emit('project.created', { userId: actor.user.id, project: presented });
  return presented;
}

export async function updateProject(ctx: AppContext, actor: Actor, id: string, input: UpdateProjectInput): Promise<Project> {
  const { codec } = ctx.database;
  await ctx.database.db.transaction().execute(async (trx) => {
    const row = await getProjectRow(trx, actor.user.id, id);
    if (codec.bool.read(row.is_inbox) && (input.archived === true || (input.parentId !== undefined && input.parentId !== null))) {
      throw errors.field(input.archived === true ? 'archived' : 'parentId', 'the Inbox cannot be archived or nested');
    }
    if (input.parentId) {
      await referencedProject(trx, actor.user.id, input.parentId, 'parentId');
      await assertNoProjectCycle(trx, actor.user.id, id, input.parentId);
    }
    if (input.name !== undefined && input.name.toLowerCase() !== row.name_key) {
      const clash = await trx
        .selectFrom('projects')
        .select('id')
        .where('user_id', '=', actor.user.id)
        .where('name_key', '=', input.name.toLowerCase())
        .executeTakeFirst();
      if (clash) throw errors.conflict(`A project named "${input.name}" already exists`, { name: 'is already used by another project' });
    }
    await trx
      .updateTable('projects')
      .set({
        ...(input.name !== undefined ? { name: input.name, name_key: input.name.toLowerCase() } : {}),
        ...(input.color !== undefined ? { color: input.color } : {}),
        ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}),
        ...(input.archived !== undefined ? { archived: codec.bool.write(input.archived) } : {}),
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .where('user_id', '=', actor.user.id)
      .execute();
  });
  const project = await getProject(ctx, actor, id);
  ctx.events.emit('project.updated', { userId: actor.user.id, project });
  return project;
}

export async function deleteProject(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const row = await getProjectRow(ctx.database.db, actor.user.id, id);
  if (ctx.database.codec.bool.read(row.is_inbox)) throw errors.conflict('The Inbox cannot be deleted');
  await ctx.database.db.transaction().execute(async (trx) => {
    // Children move up to the deleted project's parent rather than vanishing with it.
    await trx.updateTable('projects').set({ parent_id: row.parent_id }).where('parent_id', '=', id).where('user_id', '=', actor.user.id).execute();
    await trx.deleteFrom('projects').where('id', '=', id).where('user_id', '=', actor.user.id).execute();
  });
  ctx.events.emit('project.deleted', { userId: actor.user.id, projectId: id });
}
