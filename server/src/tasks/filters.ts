import { FilterQuery, type CreateFilterInput, type SavedFilter, type UpdateFilterInput } from '@atom/contracts';
import type { AppContext } from '../context.js';
import type { SavedFiltersTable } from '../db/schema.js';
import type { Actor } from '../platform/auth/actor.js';
import { errors } from '../platform/errors.js';
import { newId } from '../platform/ids.js';

function present(ctx: AppContext, r: SavedFiltersTable): SavedFilter {
  return { id: r.id, name: r.name, query: FilterQuery.parse(ctx.database.codec.json.read(r.query)), createdAt: r.created_at, updatedAt: r.updated_at };
}

async function getRow(ctx: AppContext, actor: Actor, id: string): Promise<SavedFiltersTable> {
  const row = await ctx.database.db.selectFrom('saved_filters').selectAll().where('id', '=', id).where('user_id', '=', actor.user.id).executeTakeFirst();
  if (!row) throw errors.notFound('Filter');
  return row;
}

export async function listFilters(ctx: AppContext, actor: Actor): Promise<SavedFilter[]> {
  const rows = await ctx.database.db.selectFrom('saved_filters').selectAll().where('user_id', '=', actor.user.id).orderBy('created_at').execute();
  return rows.map((r) => present(ctx, r));
}

export async function createFilter(ctx: AppContext, actor: Actor, input: CreateFilterInput): Promise<SavedFilter> {
  const now = new Date().toISOString();
  const row: SavedFiltersTable = { id: newId(), user_id: actor.user.id, name: input.name, query: ctx.database.codec.json.write(input.query), created_at: now, updated_at: now };
  await ctx.database.db.insertInto('saved_filters').values(row).execute();
  return present(ctx, row);
}

export async function updateFilter(ctx: AppContext, actor: Actor, id: string, input: UpdateFilterInput): Promise<SavedFilter> {
  await getRow(ctx, actor, id);
  await ctx.database.db
    .updateTable('saved_filters')
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.query !== undefined ? { query: ctx.database.codec.json.write(input.query) } : {}),
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .where('user_id', '=', actor.user.id)
    .execute();
  return present(ctx, await getRow(ctx, actor, id));
}

export async function deleteFilter(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await getRow(ctx, actor, id);
  await ctx.database.db.deleteFrom('saved_filters').where('id', '=', id).where('user_id', '=', actor.user.id).execute();
}
