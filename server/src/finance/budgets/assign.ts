import type { BudgetMonth } from '@atom/contracts';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { errors } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { divideHalfEven } from '../money/index.js';
import type { Db } from '../queries.js';
import { getBudgetMonth, loadBudgetState, parseMonth } from './budget-month.js';
import { addMonth } from './months.js';

async function upsertAssigned(db: Db, userId: string, month: string, entries: { categoryId: string; assigned: number }[]): Promise<void> {
  const now = new Date().toISOString();
  for (const e of entries) {
    await db
      .insertInto('finance_budgets')
      .values({ id: newId(), user_id: userId, month, category_id: e.categoryId, assigned: e.assigned, created_at: now, updated_at: now })
      .onConflict((oc) => oc.columns(['user_id', 'month', 'category_id']).doUpdateSet({ assigned: e.assigned, updated_at: now }))
      .execute();
  }
}

/** Budget money goes into spending categories; income categories only receive. */
async function expenseCategory(db: Db, userId: string, categoryId: string): Promise<void> {
  const row = await db
    .selectFrom('finance_categories as c')
    .innerJoin('finance_category_groups as g', 'g.id', 'c.group_id')
    .select(['c.id', 'g.is_income'])
    .where('c.id', '=', categoryId)
    .where('c.user_id', '=', userId)
    .executeTakeFirst();
  if (!row) throw errors.notFound('Category');
  if (row.is_income === true || row.is_income === 1) throw errors.field('categoryId', 'is an income category: money is assigned to spending categories only');
}

export async function assignToCategory(ctx: AppContext, actor: Actor, monthText: string, categoryId: string, assigned: number): Promise<BudgetMonth> {
  const month = parseMonth(monthText);
  await expenseCategory(ctx.database.db, actor.user.id, categoryId);
  await upsertAssigned(ctx.database.db, actor.user.id, month, [{ categoryId, assigned }]);
  return getBudgetMonth(ctx, actor.user.id, month);
}

/** Every category's assignment of the month before, copied over this month's. */
export async function copyLastMonth(ctx: AppContext, actor: Actor, monthText: string): Promise<BudgetMonth> {
  const month = parseMonth(monthText);
  const { db } = ctx.database;
  const previous = await db.selectFrom('finance_budgets').select(['category_id', 'assigned']).where('user_id', '=', actor.user.id).where('month', '=', addMonth(month, -1)).execute();
  await db.transaction().execute((trx) => upsertAssigned(trx, actor.user.id, month, previous.map((p) => ({ categoryId: p.category_id, assigned: p.assigned }))));
  return getBudgetMonth(ctx, actor.user.id, month);
}

/**
 * Each spending category gets the average of what it spent over the `months` before this
 * one (rounded half to even to the minor unit); one that received more than it spent gets 0.
 */
export async function assignAverage(ctx: AppContext, actor: Actor, monthText: string, months: number): Promise<BudgetMonth> {
  const month = parseMonth(monthText);
  const state = await loadBudgetState(ctx, actor.user.id, addMonth(month, -1));
  const window = state.months.filter((m) => m.month >= addMonth(month, -months));
  const entries = state.categories
    .filter((c) => !c.isIncome)
    .map((c) => {
      const spent = window.reduce((s, m) => s + (m.categories.get(c.id)?.spent ?? 0), 0);
      return { categoryId: c.id, assigned: Math.max(0, Number(divideHalfEven(BigInt(-spent), BigInt(months)))) };
    });
  await ctx.database.db.transaction().execute((trx) => upsertAssigned(trx, actor.user.id, month, entries));
  return getBudgetMonth(ctx, actor.user.id, month);
}
