import type { CreateFinanceAccountInput, FinanceAccount, UpdateFinanceAccountInput } from '@atom/contracts';
import type { AppContext } from '../context.js';
import type { Codec } from '../db/codec.js';
import type { FinanceAccountsTable } from '../db/schema.js';
import type { Actor } from '../platform/auth/actor.js';
import { newId } from '../platform/ids.js';
import { zonedDate } from '../platform/time/zone.js';
import { rankBetween } from '../tasks/rank.js';
import { addActivity } from './activity-summary.js';
import { transactionSums } from './balances.js';
import { assertCurrency, getAccountRow, type Db } from './queries.js';

export async function presentAccounts(db: Db, codec: Codec, userId: string, rows: FinanceAccountsTable[]): Promise<FinanceAccount[]> {
  const sums = await transactionSums(db, userId, rows.map((r) => r.id));
  return rows.map((r) => {
    const s = sums.get(r.id) ?? { total: 0, cleared: 0 };
    return {
      id: r.id,
      name: r.name,
      type: r.type,
      currency: r.currency,
      openingBalance: r.opening_balance,
      openingDate: r.opening_date,
      closed: codec.bool.read(r.closed),
      onBudget: codec.bool.read(r.on_budget),
      notes: r.notes,
      balance: r.opening_balance + s.total,
      clearedBalance: r.opening_balance + s.cleared,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

export async function presentAccount(ctx: AppContext, userId: string, row: FinanceAccountsTable): Promise<FinanceAccount> {
  return (await presentAccounts(ctx.database.db, ctx.database.codec, userId, [row]))[0]!;
}

export async function listAccounts(ctx: AppContext, actor: Actor): Promise<FinanceAccount[]> {
  const rows = await ctx.database.db.selectFrom('finance_accounts').selectAll().where('user_id', '=', actor.user.id).orderBy('rank').orderBy('id').execute();
  return presentAccounts(ctx.database.db, ctx.database.codec, actor.user.id, rows);
}

export async function getAccount(ctx: AppContext, actor: Actor, id: string): Promise<FinanceAccount> {
  return presentAccount(ctx, actor.user.id, await getAccountRow(ctx.database.db, actor.user.id, id));
}

export async function createAccount(ctx: AppContext, actor: Actor, input: CreateFinanceAccountInput): Promise<FinanceAccount> {
  const { db, codec } = ctx.database;
  assertCurrency(input.currency, 'currency');
  const last = await db.selectFrom('finance_accounts').select('rank').where('user_id', '=', actor.user.id).orderBy('rank', 'desc').limit(1).executeTakeFirst();
  const now = new Date().toISOString();
  const row: FinanceAccountsTable = {
    id: newId(),
    user_id: actor.user.id,
    name: input.name,
    type: input.type,
    currency: input.currency,
    opening_balance: input.openingBalance ?? 0,
    opening_date: input.openingDate ?? zonedDate(new Date(), actor.user.time_zone),
    closed: codec.bool.write(false),
    // Loans and investments are tracked, not budgeted from, unless the user says otherwise.
    on_budget: codec.bool.write(input.onBudget ?? !['loan', 'investment'].includes(input.type)),
    rank: rankBetween(last?.rank ?? null, null),
    notes: input.notes ?? '',
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('finance_accounts').values(row).execute();
  return presentAccount(ctx, actor.user.id, row);
}

export async function updateAccount(ctx: AppContext, actor: Actor, id: string, input: UpdateFinanceAccountInput): Promise<FinanceAccount> {
  const { db, codec } = ctx.database;
  await getAccountRow(db, actor.user.id, id);
  await db
    .updateTable('finance_accounts')
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.type !== undefined ? { type: input.type } : {}),
      ...(input.openingBalance !== undefined ? { opening_balance: input.openingBalance } : {}),
      ...(input.openingDate !== undefined ? { opening_date: input.openingDate } : {}),
      ...(input.closed !== undefined ? { closed: codec.bool.write(input.closed) } : {}),
      ...(input.onBudget !== undefined ? { on_budget: codec.bool.write(input.onBudget) } : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .where('user_id', '=', actor.user.id)
    .execute();
  return getAccount(ctx, actor, id);
}

/** Deletes the account and its transactions; the far sides of its transfers stay, as plain transactions. */
export async function deleteAccount(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const userId = actor.user.id;
  await ctx.database.db.transaction().execute(async (trx) => {
    await getAccountRow(trx, userId, id);
    const own = trx.selectFrom('finance_transactions').select('id').where('user_id', '=', userId).where('account_id', '=', id);
    // The far sides stay; in the summary they stop counting as transfers (this account's own rows go with it).
    const farSides = (await trx.selectFrom('finance_transactions').select('id').where('user_id', '=', userId).where('transfer_id', 'in', own).execute()).map((r) => r.id);
    await addActivity(trx, userId, farSides, -1);
    await trx.updateTable('finance_transactions').set({ transfer_id: null }).where('user_id', '=', userId).where('transfer_id', 'in', own).execute();
    await addActivity(trx, userId, farSides, 1);
    await trx.deleteFrom('finance_accounts').where('id', '=', id).where('user_id', '=', userId).execute();
  });
}
