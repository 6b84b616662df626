import type { CreateScheduledInput, ScheduledTransaction, UpcomingBills, UpdateScheduledInput } from '@atom/contracts';
import type { AppContext } from '../../context.js';
import type { Codec } from '../../db/codec.js';
import type { FinanceScheduledTransactionsTable } from '../../db/schema.js';
import type { Actor } from '../../platform/auth/actor.js';
import { addDays } from '../../platform/time/calendar.js';
import { zonedDate } from '../../platform/time/zone.js';
import { errors } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { referencedAccount, referencedCategory, type Db } from '../queries.js';
import { checkSchedule, occurrenceFrom, occurrencesBetween } from './occurrences.js';

interface Template {
  tags: string[];
}

export async function getScheduledRow(db: Db, userId: string, id: string): Promise<FinanceScheduledTransactionsTable> {
  const row = await db.selectFrom('finance_scheduled_transactions').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  if (!row) throw errors.notFound('Scheduled transaction');
  return row;
}

/** The stored template: text as written (SQLite, or a row not yet read back) or parsed jsonb (PostgreSQL). */
export function templateOf(row: FinanceScheduledTransactionsTable): Template {
  const raw: unknown = row.template;
  const t = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Partial<Template> | null;
  return { tags: t?.tags ?? [] };
}

export async function presentScheduled(db: Db, codec: Codec, userId: string, rows: FinanceScheduledTransactionsTable[]): Promise<ScheduledTransaction[]> {
  const accountIds = [...new Set(rows.map((r) => r.account_id))];
  const currencies = new Map(
    accountIds.length === 0 ? [] : (await db.selectFrom('finance_accounts').select(['id', 'currency']).where('user_id', '=', userId).where('id', 'in', accountIds).execute()).map((a) => [a.id, a.currency]),
  );
  return rows.map((r) => ({
    id: r.id,
    accountId: r.account_id,
    payee: r.payee,
    amount: r.amount,
    currency: currencies.get(r.account_id) ?? '',
    categoryId: r.category_id,
    transferAccountId: r.transfer_account_id,
    notes: r.notes,
    tags: templateOf(r).tags,
    rrule: r.rrule,
    startDate: r.start_date,
    nextDate: r.next_date,
    autoPost: codec.bool.read(r.auto_post),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

/** Account, category and transfer account must be the user's; a transfer stays within one currency. */
async function checkFields(db: Db, userId: string, f: { accountId: string; categoryId: string | null; transferAccountId: string | null }): Promise<void> {
  const account = await referencedAccount(db, userId, f.accountId, 'accountId');
  if (f.categoryId) await referencedCategory(db, userId, f.categoryId, 'categoryId');
  if (f.transferAccountId) {
    if (f.transferAccountId === f.accountId) throw errors.field('transferAccountId', 'must be another account than accountId');
    const other = await referencedAccount(db, userId, f.transferAccountId, 'transferAccountId');
    if (other.currency !== account.currency) throw errors.field('transferAccountId', `must be a ${account.currency} account: a scheduled transfer cannot know a future exchange rate`);
  }
}

export async function listScheduled(ctx: AppContext, actor: Actor): Promise<ScheduledTransaction[]> {
  const { db, codec } = ctx.database;
  const rows = await db.selectFrom('finance_scheduled_transactions').selectAll().where('user_id', '=', actor.user.id).orderBy('next_date').orderBy('id').execute();
  return presentScheduled(db, codec, actor.user.id, rows);
}

export async function createScheduled(ctx: AppContext, actor: Actor, input: CreateScheduledInput): Promise<ScheduledTransaction> {
  const { db, codec } = ctx.database;
  const userId = actor.user.id;
  const fields = { accountId: input.accountId, categoryId: input.categoryId ?? null, transferAccountId: input.transferAccountId ?? null };
  await checkFields(db, userId, fields);
  const rrule = checkSchedule(input.rrule, input.startDate);
  const now = new Date().toISOString();
  const row: FinanceScheduledTransactionsTable = {
    id: newId(),
    user_id: userId,
    account_id: input.accountId,
    payee: input.payee ?? '',
    amount: input.amount,
    category_id: fields.categoryId,
    transfer_account_id: fields.transferAccountId,
    notes: input.notes ?? '',
    rrule,
    start_date: input.startDate,
    next_date: occurrenceFrom(rrule, input.startDate, input.startDate),
    auto_post: codec.bool.write(input.autoPost ?? false),
    template: codec.json.write({ tags: input.tags ?? [] }),
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('finance_scheduled_transactions').values(row).execute();
  return (await presentScheduled(db, codec, userId, [row]))[0]!;
}

export async function updateScheduled(ctx: AppContext, actor: Actor, id: string, input: UpdateScheduledInput): Promise<ScheduledTransaction> {
  const { db, codec } = ctx.database;
  const userId = actor.user.id;
  const row = await getScheduledRow(db, userId, id);
  const fields = {
    accountId: input.accountId ?? row.account_id,
    categoryId: input.categoryId !== undefined ? input.categoryId : row.category_id,
    transferAccountId: input.transferAccountId !== undefined ? input.transferAccountId : row.transfer_account_id,
  };
  await checkFields(db, userId, fields);
  const startDate = input.startDate ?? row.start_date;
  const rrule = input.rrule !== undefined || input.startDate !== undefined ? checkSchedule(input.rrule ?? row.rrule, startDate) : row.rrule;
  let nextDate = row.next_date;
  if (rrule !== row.rrule || startDate !== row.start_date) {
    // A changed rule continues after the last occurrence already posted, never re-posting it.
    const last = await db.selectFrom('finance_transactions').select((eb) => eb.fn.max('date').as('last')).where('user_id', '=', userId).where('scheduled_id', '=', id).executeTakeFirst();
    const from = last?.last && last.last >= startDate ? addDays(last.last, 1) : startDate;
    nextDate = occurrenceFrom(rrule, startDate, from);
  }
  const tags = input.tags ?? templateOf(row).tags;
  const next: FinanceScheduledTransactionsTable = {
    ...row,
    account_id: fields.accountId,
    category_id: fields.categoryId,
    transfer_account_id: fields.transferAccountId,
    payee: input.payee ?? row.payee,
    amount: input.amount ?? row.amount,
    notes: input.notes ?? row.notes,
    rrule,
    start_date: startDate,
    next_date: nextDate,
    auto_post: input.autoPost !== undefined ? codec.bool.write(input.autoPost) : row.auto_post,
    template: codec.json.write({ tags }),
    updated_at: new Date().toISOString(),
  };
  const changes = {
    account_id: next.account_id,
    category_id: next.category_id,
    transfer_account_id: next.transfer_account_id,
    payee: next.payee,
    amount: next.amount,
    notes: next.notes,
    rrule: next.rrule,
    start_date: next.start_date,
    next_date: next.next_date,
    auto_post: next.auto_post,
    template: next.template,
    updated_at: next.updated_at,
  };
  await db.updateTable('finance_scheduled_transactions').set(changes).where('id', '=', id).where('user_id', '=', userId).execute();
  return (await presentScheduled(db, codec, userId, [next]))[0]!;
}

export async function deleteScheduled(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const result = await ctx.database.db.deleteFrom('finance_scheduled_transactions').where('id', '=', id).where('user_id', '=', actor.user.id).executeTakeFirst();
  if (result.numDeletedRows === 0n) throw errors.notFound('Scheduled transaction');
}

/** Every occurrence not yet posted up to `days` from today (overdue ones first), in date order. */
export async function upcomingBills(ctx: AppContext, actor: Actor, days: number): Promise<UpcomingBills> {
  const { db, codec } = ctx.database;
  const today = zonedDate(new Date(), actor.user.time_zone);
  const until = addDays(today, days);
  const rows = await db.selectFrom('finance_scheduled_transactions').selectAll().where('user_id', '=', actor.user.id).where('next_date', 'is not', null).where('next_date', '<=', until).execute();
  const presented = await presentScheduled(db, codec, actor.user.id, rows);
  const items = presented.flatMap((s) =>
    occurrencesBetween(s.rrule, s.startDate, s.nextDate!, until).map((date) => ({
      scheduledId: s.id,
      date,
      payee: s.payee,
      amount: s.amount,
      currency: s.currency,
      accountId: s.accountId,
      categoryId: s.categoryId,
      autoPost: s.autoPost,
      overdue: date < today,
    })),
  );
  items.sort((a, b) => a.date.localeCompare(b.date) || a.scheduledId.localeCompare(b.scheduledId));
  return { items };
}
