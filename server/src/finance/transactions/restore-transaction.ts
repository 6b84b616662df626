import type { Transaction } from '@atom/contracts';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { errors } from '../../platform/errors.js';
import { addActivity } from '../activity-summary.js';
import { presentTransactions } from './present.js';

/**
 * Undo of a delete: the same id comes back with its splits, tags and (for a transfer) its
 * other side, which was deleted with it. Restoring a transaction that is not deleted
 * answers it as it is, so a repeated Undo is harmless; one purged or someone else's is 404.
 */
export async function restoreTransaction(ctx: AppContext, actor: Actor, id: string): Promise<Transaction> {
  const { db, codec } = ctx.database;
  const userId = actor.user.id;
  const { rows, restored } = await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('finance_transactions').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
    if (!row) throw errors.notFound('Transaction');
    const ids = row.transfer_id ? [row.id, row.transfer_id] : [row.id];
    let restored = false;
    if (row.deleted_at !== null) {
      const now = new Date().toISOString();
      await trx.updateTable('finance_transactions').set({ deleted_at: null, updated_at: now }).where('user_id', '=', userId).where('id', 'in', ids).where('deleted_at', 'is not', null).execute();
      await addActivity(trx, userId, ids, 1);
      restored = true;
    }
    const rows = await trx.selectFrom('finance_transactions').selectAll().where('user_id', '=', userId).where('id', 'in', ids).execute();
    return { rows: await presentTransactions(trx, codec, userId, rows), restored };
  });
  // To every listener (budgets, goals, live views) a restored transaction is a new one again.
  if (restored) for (const transaction of rows) ctx.events.emit('transaction.created', { userId, transaction });
  return rows.find((t) => t.id === id)!;
}
