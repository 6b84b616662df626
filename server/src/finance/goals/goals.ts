import type { CreateGoalInput, Goal, UpdateGoalInput } from '@atom/contracts';
import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import type { FinanceGoalsTable } from '../../db/schema.js';
import type { Actor } from '../../platform/auth/actor.js';
import { errors } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { zonedDate } from '../../platform/time/zone.js';
import { transactionSums } from '../balances.js';
import { loadBudgetState } from '../budgets/budget-month.js';
import { addMonth, monthOfDate } from '../budgets/months.js';
import { baseCurrencyOf } from '../rates/settings.js';
import { referencedAccount, referencedCategory, sumToNumber, type Db } from '../queries.js';
import { goalOutlook } from './outlook.js';

async function getGoalRow(db: Db, userId: string, id: string): Promise<FinanceGoalsTable> {
  const row = await db.selectFrom('finance_goals').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  if (!row) throw errors.notFound('Goal');
  return row;
}

/** Current amount and the net contribution of each of the last three whole months, per goal. */
async function measure(ctx: AppContext, userId: string, goals: FinanceGoalsTable[], today: string): Promise<Map<string, { current: number; recent: number[] }>> {
  const { db, dialect } = ctx.database;
  const month = monthOfDate(today);
  const window = [addMonth(month, -3), addMonth(month, -2), addMonth(month, -1)];
  const out = new Map<string, { current: number; recent: number[] }>();
  const accountIds = [...new Set(goals.flatMap((g) => (g.account_id ? [g.account_id] : [])))];
  if (accountIds.length > 0) {
    const sums = await transactionSums(db, userId, accountIds);
    const openings = new Map((await db.selectFrom('finance_accounts').select(['id', 'opening_balance']).where('user_id', '=', userId).where('id', 'in', accountIds).execute()).map((a) => [a.id, a.opening_balance]));
    const monthExpr = dialect === 'postgres' ? sql<string>`to_char(date, 'YYYY-MM')` : sql<string>`substr(date, 1, 7)`;
    const monthly = await db
      .selectFrom('finance_transactions')
      .select(['account_id', monthExpr.as('month'), sql<string | number | null>`sum(amount)`.as('total')])
      .where('user_id', '=', userId)
      .where('account_id', 'in', accountIds)
      .where('deleted_at', 'is', null)
      .where('date', '>=', `${window[0]}-01`)
      .where('date', '<', `${month}-01`)
      .groupBy(['account_id', sql`2`])
      .execute();
    for (const g of goals) {
      if (!g.account_id) continue;
      const recent = window.map((m) => sumToNumber(monthly.find((r) => r.account_id === g.account_id && r.month === m)?.total ?? null));
      out.set(g.id, { current: (openings.get(g.account_id) ?? 0) + (sums.get(g.account_id)?.total ?? 0), recent });
    }
  }
  if (goals.some((g) => g.category_id)) {
    const state = await loadBudgetState(ctx, userId, month);
    const at = (m: string) => state.months.find((r) => r.month === m);
    for (const g of goals) {
      if (!g.category_id) continue;
      const recent = window.map((m) => {
        const c = at(m)?.categories.get(g.category_id!);
        return c ? c.assigned + c.spent : 0;
      });
      out.set(g.id, { current: at(month)?.categories.get(g.category_id)?.available ?? 0, recent });
    }
  }
  return out;
}

async function presentGoals(ctx: AppContext, userId: string, timeZone: string, rows: FinanceGoalsTable[]): Promise<Goal[]> {
  const today = zonedDate(new Date(), timeZone);
  const measured = await measure(ctx, userId, rows, today);
  const goals: Goal[] = [];
  for (const r of rows) {
    const m = measured.get(r.id) ?? { current: 0, recent: [0, 0, 0] };
    const outlook = goalOutlook({ kind: r.kind === 'keep' ? 'keep' : 'save', target: r.target_amount, targetDate: r.target_date, current: m.current, recent: m.recent, today });
    let reachedAt = r.reached_at;
    if (outlook.status === 'reached' && !reachedAt) reachedAt = await markReached(ctx, r);
    goals.push({
      id: r.id,
      name: r.name,
      kind: r.kind === 'keep' ? 'keep' : 'save',
      categoryId: r.category_id,
      accountId: r.account_id,
      targetAmount: r.target_amount,
      currency: r.currency,
      targetDate: r.target_date,
      ...outlook,
      reachedAt,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    });
  }
  for (const g of goals) if (g.reachedAt && !rows.find((r) => r.id === g.id)?.reached_at) ctx.events.emit('goal.reached', { userId, goal: g });
  return goals;
}

/** Only the request that sets reached_at announces the goal: one `goal.reached`, ever. */
async function markReached(ctx: AppContext, row: FinanceGoalsTable): Promise<string | null> {
  const now = new Date().toISOString();
  const result = await ctx.database.db.updateTable('finance_goals').set({ reached_at: now }).where('id', '=', row.id).where('reached_at', 'is', null).executeTakeFirst();
  return result.numUpdatedRows > 0n ? now : null;
}

export async function listGoals(ctx: AppContext, actor: Actor): Promise<Goal[]> {
  const rows = await ctx.database.db.selectFrom('finance_goals').selectAll().where('user_id', '=', actor.user.id).orderBy('created_at').orderBy('id').execute();
  return presentGoals(ctx, actor.user.id, actor.user.time_zone, rows);
}

export async function getGoal(ctx: AppContext, actor: Actor, id: string): Promise<Goal> {
  return (await presentGoals(ctx, actor.user.id, actor.user.time_zone, [await getGoalRow(ctx.database.db, actor.user.id, id)]))[0]!;
}

export async function createGoal(ctx: AppContext, actor: Actor, input: CreateGoalInput): Promise<Goal> {
  const { db } = ctx.database;
  const userId = actor.user.id;
  if (Boolean(input.categoryId) === Boolean(input.accountId)) throw errors.field('categoryId', 'link the goal to exactly one of categoryId and accountId');
  if (input.kind === 'keep' && input.targetDate) throw errors.field('targetDate', 'a "keep" goal has no date: it asks for at least targetAmount at all times');
  let currency: string;
  if (input.accountId) currency = (await referencedAccount(db, userId, input.accountId, 'accountId')).currency;
  else {
    await referencedCategory(db, userId, input.categoryId!, 'categoryId');
    currency = (await baseCurrencyOf(db, userId)).baseCurrency;
  }
  const now = new Date().toISOString();
  const row: FinanceGoalsTable = {
    id: newId(),
    user_id: userId,
    name: input.name,
    kind: input.kind,
    category_id: input.categoryId ?? null,
    account_id: input.accountId ?? null,
    target_amount: input.targetAmount,
    currency,
    target_date: input.targetDate ?? null,
    reached_at: null,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('finance_goals').values(row).execute();
  return (await presentGoals(ctx, userId, actor.user.time_zone, [row]))[0]!;
}

export async function updateGoal(ctx: AppContext, actor: Actor, id: string, input: UpdateGoalInput): Promise<Goal> {
  const { db } = ctx.database;
  const row = await getGoalRow(db, actor.user.id, id);
  if (row.kind === 'keep' && input.targetDate) throw errors.field('targetDate', 'a "keep" goal has no date');
  const next: FinanceGoalsTable = {
    ...row,
    name: input.name ?? row.name,
    target_amount: input.targetAmount ?? row.target_amount,
    target_date: input.targetDate !== undefined ? input.targetDate : row.target_date,
    updated_at: new Date().toISOString(),
  };
  await db.updateTable('finance_goals').set({ name: next.name, target_amount: next.target_amount, target_date: next.target_date, updated_at: next.updated_at }).where('id', '=', id).where('user_id', '=', actor.user.id).execute();
  return (await presentGoals(ctx, actor.user.id, actor.user.time_zone, [next]))[0]!;
}

export async function deleteGoal(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await getGoalRow(ctx.database.db, actor.user.id, id);
  await ctx.database.db.deleteFrom('finance_goals').where('id', '=', id).where('user_id', '=', actor.user.id).execute();
}

/** After a transaction change: marks (and announces, once) the save goals now reached. */
export async function checkGoalsReached(ctx: AppContext, userId: string): Promise<void> {
  const { db } = ctx.database;
  const rows = await db.selectFrom('finance_goals').selectAll().where('user_id', '=', userId).where('kind', '=', 'save').where('reached_at', 'is', null).execute();
  if (rows.length === 0) return;
  const user = await db.selectFrom('users').select('time_zone').where('id', '=', userId).executeTakeFirst();
  await presentGoals(ctx, userId, user?.time_zone ?? 'UTC', rows);
}
