import type {
  CreateCategoryGroupInput,
  CreateCategoryInput,
  FinanceCategory,
  FinanceCategoryGroup,
  UpdateCategoryGroupInput,
  UpdateCategoryInput,
} from '@atom/contracts';
import type { AppContext } from '../context.js';
import type { Codec } from '../db/codec.js';
import type { FinanceCategoriesTable, FinanceCategoryGroupsTable } from '../db/schema.js';
import type { Actor } from '../platform/auth/actor.js';
import { errors } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { rankBetween } from '../tasks/rank.js';
import { addActivity } from './activity-summary.js';
import type { Db } from './queries.js';

function presentCategory(c: FinanceCategoriesTable, codec: Codec): FinanceCategory {
  return {
    id: c.id,
    groupId: c.group_id,
    name: c.name,
    hidden: codec.bool.read(c.hidden),
    rolloverOverspending: codec.bool.read(c.rollover_overspending),
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}

function presentGroup(g: FinanceCategoryGroupsTable, categories: FinanceCategory[], codec: Codec): FinanceCategoryGroup {
  return { id: g.id, name: g.name, isIncome: codec.bool.read(g.is_income), hidden: codec.bool.read(g.hidden), categories, createdAt: g.created_at, updatedAt: g.updated_at };
}

async function getGroupRow(db: Db, userId: string, id: string, field?: string): Promise<FinanceCategoryGroupsTable> {
  const row = await db.selectFrom('finance_category_groups').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  if (!row) throw field ? errors.field(field, 'no such category group') : errors.notFound('Category group');
  return row;
}

async function getCategoryRow(db: Db, userId: string, id: string): Promise<FinanceCategoriesTable> {
  const row = await db.selectFrom('finance_categories').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  if (!row) throw errors.notFound('Category');
  return row;
}

async function lastRank(db: Db, table: 'finance_category_groups' | 'finance_categories', userId: string, groupId?: string): Promise<string | null> {
  let q = db.selectFrom(table).select('rank').where('user_id', '=', userId);
  if (groupId) q = q.where('group_id', '=', groupId);
  return (await q.orderBy('rank', 'desc').limit(1).executeTakeFirst())?.rank ?? null;
}

export async function listCategoryTree(ctx: AppContext, actor: Actor): Promise<FinanceCategoryGroup[]> {
  const { db, codec } = ctx.database;
  const [groups, categories] = await Promise.all([
    db.selectFrom('finance_category_groups').selectAll().where('user_id', '=', actor.user.id).orderBy('rank').orderBy('id').execute(),
    db.selectFrom('finance_categories').selectAll().where('user_id', '=', actor.user.id).orderBy('rank').orderBy('id').execute(),
  ]);
  return groups.map((g) => presentGroup(g, categories.filter((c) => c.group_id === g.id).map((c) => presentCategory(c, codec)), codec));
}

async function groupWithCategories(ctx: AppContext, userId: string, id: string): Promise<FinanceCategoryGroup> {
  const { db, codec } = ctx.database;
  const group = await getGroupRow(db, userId, id);
  const categories = await db.selectFrom('finance_categories').selectAll().where('user_id', '=', userId).where('group_id', '=', id).orderBy('rank').execute();
  return presentGroup(group, categories.map((c) => presentCategory(c, codec)), codec);
}

export async function createCategoryGroup(ctx: AppContext, actor: Actor, input: CreateCategoryGroupInput): Promise<FinanceCategoryGroup> {
  const { db, codec } = ctx.database;
  const now = new Date().toISOString();
  const row: FinanceCategoryGroupsTable = {
    id: newId(),
    user_id: actor.user.id,
    name: input.name,
    is_income: codec.bool.write(input.isIncome ?? false),
    hidden: codec.bool.write(input.hidden ?? false),
    rank: rankBetween(await lastRank(db, 'finance_category_groups', actor.user.id), null),
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('finance_category_groups').values(row).execute();
  return presentGroup(row, [], codec);
}

export async function updateCategoryGroup(ctx: AppContext, actor: Actor, id: string, input: UpdateCategoryGroupInput): Promise<FinanceCategoryGroup> {
  const { db, codec } = ctx.database;
  await getGroupRow(db, actor.user.id, id);
  await db
    .updateTable('finance_category_groups')
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.hidden !== undefined ? { hidden: codec.bool.write(input.hidden) } : {}),
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .where('user_id', '=', actor.user.id)
    .execute();
  return groupWithCategories(ctx, actor.user.id, id);
}

/** Only an empty group goes: deleting its categories would silently uncategorise transactions. */
export async function deleteCategoryGroup(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const { db } = ctx.database;
  await getGroupRow(db, actor.user.id, id);
  const child = await db.selectFrom('finance_categories').select('id').where('user_id', '=', actor.user.id).where('group_id', '=', id).limit(1).executeTakeFirst();
  if (child) throw errors.conflict('The group still has categories; move or delete them first');
  await db.deleteFrom('finance_category_groups').where('id', '=', id).where('user_id', '=', actor.user.id).execute();
}

export async function createCategory(ctx: AppContext, actor: Actor, input: CreateCategoryInput): Promise<FinanceCategory> {
  const { db, codec } = ctx.database;
  await getGroupRow(db, actor.user.id, input.groupId, 'groupId');
  const now = new Date().toISOString();
  const row: FinanceCategoriesTable = {
    id: newId(),
    user_id: actor.user.id,
    group_id: input.groupId,
    name: input.name,
    hidden: codec.bool.write(input.hidden ?? false),
    rollover_overspending: codec.bool.write(input.rolloverOverspending ?? false),
    rank: rankBetween(await lastRank(db, 'finance_categories', actor.user.id, input.groupId), null),
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('finance_categories').values(row).execute();
  return presentCategory(row, codec);
}

export async function updateCategory(ctx: AppContext, actor: Actor, id: string, input: UpdateCategoryInput): Promise<FinanceCategory> {
  const { db, codec } = ctx.database;
  const row = await getCategoryRow(db, actor.user.id, id);
  const moving = input.groupId !== undefined && input.groupId !== row.group_id;
  if (moving) await getGroupRow(db, actor.user.id, input.groupId!, 'groupId');
  await db
    .updateTable('finance_categories')
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.hidden !== undefined ? { hidden: codec.bool.write(input.hidden) } : {}),
      ...(input.rolloverOverspending !== undefined ? { rollover_overspending: codec.bool.write(input.rolloverOverspending) } : {}),
      ...(moving ? { group_id: input.groupId!, rank: rankBetween(await lastRank(db, 'finance_categories', actor.user.id, input.groupId), null) } : {}),
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .where('user_id', '=', actor.user.id)
    .execute();
  return presentCategory(await getCategoryRow(db, actor.user.id, id), codec);
}

/** Transactions and split parts in the category become uncategorised; its budget rows go with it. */
export async function deleteCategory(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const { db } = ctx.database;
  const userId = actor.user.id;
  await getCategoryRow(db, userId, id);
  await db.transaction().execute(async (trx) => {
    // Its transactions and split parts become uncategorised (the foreign keys set null): so do their sums.
    const parts = (await trx.selectFrom('finance_transaction_splits').select('transaction_id').where('user_id', '=', userId).where('category_id', '=', id).execute()).map((r) => r.transaction_id);
    const plain = (await trx.selectFrom('finance_transactions').select('id').where('user_id', '=', userId).where('category_id', '=', id).execute()).map((r) => r.id);
    await addActivity(trx, userId, [...parts, ...plain], -1);
    await trx.deleteFrom('finance_categories').where('id', '=', id).where('user_id', '=', userId).execute();
    await addActivity(trx, userId, [...parts, ...plain], 1);
  });
}
