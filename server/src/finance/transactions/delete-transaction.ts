import type { AppContext } from '../../context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { addActivity } from '../activity-summary.js';
import { getTransactionRow } from './present.js';

/**
 * Deleting either side of a transfer deletes the pair: half a transfer would invent money.
 * The rows are marked, not removed, so Undo (`restoreTransaction`) brings back the same ids
 * with their splits and tags; `purgeDeletedTransactions` removes them 30 days later.
 */
export async function deleteTransaction(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const userId = actor.user.id;
  const { ids, date } = await ctx.database.db.transaction().execute(async (trx) => {
    const row = await getTransactionRow(trx, userId, id);
    const ids = row.transfer_id ? [row.id, row.transfer_id] : [row.id];
    const now = new Date().toISOString();
    await addActivity(trx, userId, ids, -1);
    await trx.updateTable('finance_transactions').set({ deleted_at: now, updated_at: now }).where('user_id', '=', userId).where('id', 'in', ids).where('deleted_at', 'is', null).execute();
    return { ids, date: row.date };
  });
  // Both sides of a transfer share the date.
  for (const transactionId of ids) ctx.events.emit('transaction.deleted', { userId, transactionId, date });
}
