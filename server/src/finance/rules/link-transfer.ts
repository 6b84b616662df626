import type { AppContext } from '../../context.js';
import type { FinanceTransactionsTable } from '../../db/schema.js';
import { addDays } from '../../platform/time/calendar.js';
import { newTransactionRow } from '../transactions/create-transaction.js';
import { addActivity } from '../activity-summary.js';
import type { Db } from '../queries.js';

/** What linking did, so an import can be undone exactly. */
export interface TransferLink {
  /** The row that became one side. */
  id: string;
  /** The other side. */
  otherId: string;
  /** True when the other side was created by the link; false when an existing row was matched. */
  created: boolean;
  /** A matched row's category before it became a transfer (put back on undo). */
  otherCategoryBefore: string | null;
  /** This row's category before it became a transfer. */
  categoryBefore: string | null;
}

/**
 * Makes `row` one side of a transfer to `accountId`: an unlinked opposite amount there
 * within three days (both sides imported) becomes the other side; otherwise one is created.
 * Used by "apply rules" and by the import, so both link exactly alike. Null when the row
 * is already linked (an earlier change of the same run linked it as the far side of another).
 */
export async function linkTransfer(db: Db, ctx: AppContext, userId: string, row: FinanceTransactionsTable, accountId: string): Promise<TransferLink | null> {
  const current = await db.selectFrom('finance_transactions').select(['transfer_id', 'category_id']).where('id', '=', row.id).where('user_id', '=', userId).executeTakeFirst();
  if (!current || current.transfer_id) return null;
  const match = await db
    .selectFrom('finance_transactions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('account_id', '=', accountId)
    .where('amount', '=', 0 - row.amount)
    .where('transfer_id', 'is', null)
    .where('deleted_at', 'is', null)
    .where('is_split', '=', ctx.database.codec.bool.write(false))
    .where('date', '>=', addDays(row.date, -3))
    .where('date', '<=', addDays(row.date, 3))
    .orderBy('date')
    .orderBy('id')
    .executeTakeFirst();
  const now = new Date().toISOString();
  await addActivity(db, userId, [row.id, match?.id], -1);
  let otherId: string;
  if (match) {
    otherId = match.id;
    await db.updateTable('finance_transactions').set({ transfer_id: row.id, category_id: null, updated_at: now }).where('id', '=', match.id).where('user_id', '=', userId).execute();
  } else {
    const far = newTransactionRow(ctx.database.codec, userId, { account_id: accountId, date: row.date, amount: 0 - row.amount, payee: row.payee, notes: row.notes, transfer_id: row.id });
    await db.insertInto('finance_transactions').values(far).execute();
    otherId = far.id;
  }
  await db.updateTable('finance_transactions').set({ transfer_id: otherId, category_id: null, updated_at: now }).where('id', '=', row.id).where('user_id', '=', userId).execute();
  await addActivity(db, userId, [row.id, otherId], 1);
  return { id: row.id, otherId, created: !match, otherCategoryBefore: match?.category_id ?? null, categoryBefore: current.category_id };
}
