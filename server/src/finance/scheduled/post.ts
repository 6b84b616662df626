import type { PostScheduledResult } from '@atom/contracts';
import type { AppContext } from '../../context.js';
import type { FinanceScheduledTransactionsTable } from '../../db/schema.js';
import type { Actor } from '../../platform/auth/actor.js';
import { errors } from '../../platform/errors.js';
import { zonedDate } from '../../platform/time/zone.js';
import { insertTransaction } from '../transactions/create-transaction.js';
import { presentTransactions } from '../transactions/present.js';
import type { Db } from '../queries.js';
import { occurrenceFrom } from './occurrences.js';
import { getScheduledRow, presentScheduled, templateOf } from './scheduled.js';

/**
 * Posts one occurrence as a transaction (linked by scheduled_id) and moves next_date past
 * it. Idempotent per date: an occurrence already posted returns its transaction. On
 * PostgreSQL the schedule row is locked, so two simultaneous posts of one date make one
 * transaction; SQLite's single writer gives the same.
 */
async function postOne(ctx: AppContext, userId: string, id: string, date: string | undefined): Promise<{ rowId: string; created: boolean; schedule: FinanceScheduledTransactionsTable }> {
  const { db, codec, dialect } = ctx.database;
  const outcome = await db.transaction().execute(async (trx) => {
    let q = trx.selectFrom('finance_scheduled_transactions').selectAll().where('id', '=', id).where('user_id', '=', userId);
    if (dialect === 'postgres') q = q.forUpdate();
    const schedule = await q.executeTakeFirst();
    if (!schedule) throw errors.notFound('Scheduled transaction');
    const when = date ?? schedule.next_date;
    if (!when) throw errors.conflict('This schedule has no occurrences left to post', { date: 'the schedule has ended' });
    if (occurrenceFrom(schedule.rrule, schedule.start_date, when) !== when) throw errors.field('date', `${when} is not an occurrence of this schedule`);
    // A posting the user deleted does not count: confirming that date again is asked for on purpose.
    // (Automatic posting never comes back to it, since next_date has moved past.)
    const existing = await trx
      .selectFrom('finance_transactions')
      .select('id')
      .where('user_id', '=', userId)
      .where('scheduled_id', '=', id)
      .where('date', '=', when)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (existing) return { rowId: existing.id, created: false, schedule, written: [] as string[] };
    const rows = await insertTransaction(trx, codec, userId, {
      accountId: schedule.account_id,
      date: when,
      amount: schedule.amount,
      payee: schedule.payee,
      notes: schedule.notes,
      categoryId: schedule.transfer_account_id ? null : schedule.category_id,
      tags: templateOf(schedule).tags,
      ...(schedule.transfer_account_id ? { transferAccountId: schedule.transfer_account_id } : {}),
    });
    await trx.updateTable('finance_transactions').set({ scheduled_id: id }).where('id', '=', rows[0]!.id).where('user_id', '=', userId).execute();
    let next = schedule.next_date;
    if (next !== null && when >= next) {
      const [y, m, d] = when.split('-').map(Number) as [number, number, number];
      const dayAfter = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
      next = occurrenceFrom(schedule.rrule, schedule.start_date, dayAfter);
      await trx.updateTable('finance_scheduled_transactions').set({ next_date: next, updated_at: new Date().toISOString() }).where('id', '=', id).where('user_id', '=', userId).execute();
    }
    return { rowId: rows[0]!.id, created: true, schedule: { ...schedule, next_date: next }, written: rows.map((r) => r.id) };
  });
  if (outcome.written.length > 0) {
    const rows = await db.selectFrom('finance_transactions').selectAll().where('user_id', '=', userId).where('id', 'in', outcome.written).execute();
    for (const transaction of await presentTransactions(db, codec, userId, rows)) ctx.events.emit('transaction.created', { userId, transaction });
  }
  return outcome;
}

async function result(ctx: AppContext, db: Db, userId: string, posted: { rowId: string; created: boolean; schedule: FinanceScheduledTransactionsTable }): Promise<PostScheduledResult> {
  const { codec } = ctx.database;
  const row = await db.selectFrom('finance_transactions').selectAll().where('id', '=', posted.rowId).where('user_id', '=', userId).executeTakeFirstOrThrow();
  return {
    transaction: (await presentTransactions(db, codec, userId, [row]))[0]!,
    created: posted.created,
    scheduled: (await presentScheduled(db, codec, userId, [await getScheduledRow(db, userId, posted.schedule.id)]))[0]!,
  };
}

export async function postScheduled(ctx: AppContext, actor: Actor, id: string, date: string | undefined): Promise<PostScheduledResult> {
  return result(ctx, ctx.database.db, actor.user.id, await postOne(ctx, actor.user.id, id, date));
}

/** Per schedule and run: a schedule months behind catches up, but never floods the ledger at once. */
const MAX_CATCH_UP = 100;

/**
 * Posts every automatic schedule's occurrences due on or before today (in its owner's
 * zone). Run by the hourly job; safe to run twice, since each date posts once.
 */
export async function postDueScheduled(ctx: AppContext, now: Date): Promise<number> {
  const { db, codec } = ctx.database;
  const latest = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  const due = await db
    .selectFrom('finance_scheduled_transactions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.user_id', 's.next_date', 'u.time_zone'])
    .where('s.auto_post', '=', codec.bool.write(true))
    .where('s.next_date', 'is not', null)
    .where('s.next_date', '<=', latest)
    .execute();
  let posted = 0;
  for (const s of due) {
    const today = zonedDate(now, s.time_zone);
    let next = s.next_date;
    for (let i = 0; next !== null && next <= today && i < MAX_CATCH_UP; i++) {
      const outcome = await postOne(ctx, s.user_id, s.id, next);
      if (outcome.created) posted += 1;
      if (outcome.schedule.next_date === next) break;
      next = outcome.schedule.next_date;
    }
  }
  return posted;
}
