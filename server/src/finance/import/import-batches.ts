import type { BankImportBatch } from '@atom/contracts';
import type { AppContext } from '../../context.js';
import type { FinanceImportBatchesTable } from '../../db/schema.js';
import type { Actor } from '../../platform/auth/actor.js';
import { errors } from '../../platform/errors.js';
import { addActivity } from '../activity-summary.js';
import { getAccountRow } from '../queries.js';
import { presentTransactions } from '../transactions/present.js';
import type { ImportSummary, UpdatedBefore } from './write-import.js';

function summaryOf(batch: FinanceImportBatchesTable, read: (v: unknown) => unknown): ImportSummary {
  return batch.summary === null ? {} : ((read(batch.summary) as ImportSummary | null) ?? {});
}

function updatedOf(batch: FinanceImportBatchesTable, read: (v: unknown) => unknown): UpdatedBefore[] {
  return summaryOf(batch, read).updated ?? [];
}

function present(batch: FinanceImportBatchesTable, read: (v: unknown) => unknown): BankImportBatch {
  return {
    id: batch.id,
    accountId: batch.account_id,
    fileName: batch.file_name,
    format: batch.format,
    transactionCount: batch.transaction_count,
    updatedCount: updatedOf(batch, read).length,
    createdAt: batch.created_at,
    undoneAt: batch.undone_at,
  };
}

export async function listImports(ctx: AppContext, actor: Actor, accountId: string): Promise<BankImportBatch[]> {
  const { db, codec } = ctx.database;
  await getAccountRow(db, actor.user.id, accountId);
  const rows = await db
    .selectFrom('finance_import_batches')
    .selectAll()
    .where('user_id', '=', actor.user.id)
    .where('account_id', '=', accountId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
  return rows.map((r) => present(r, (v) => codec.json.read(v)));
}

/**
 * Undoes an import as a whole: its transactions go, pending ones it posted come back as they
 * were, and transfers its rules made go with both sides (a far side the import created is
 * deleted; an existing row it matched is unlinked and gets its category back). Refused (409)
 * once any of them is reconciled or has become a transfer since: undoing then would change a
 * statement the user already checked, or half a pair.
 */
export async function undoImport(ctx: AppContext, actor: Actor, batchId: string): Promise<BankImportBatch> {
  const { db, codec } = ctx.database;
  const userId = actor.user.id;
  const { batch, deletedIds, dates, unlinkedIds, postedDates } = await db.transaction().execute(async (trx) => {
    const batch = await trx.selectFrom('finance_import_batches').selectAll().where('id', '=', batchId).where('user_id', '=', userId).executeTakeFirst();
    if (!batch) throw errors.notFound('Import');
    if (batch.undone_at) throw errors.conflict('This import was already undone');
    const rows = await trx
      .selectFrom('finance_transactions')
      .select(['id', 'cleared', 'transfer_id', 'date'])
      .where('user_id', '=', userId)
      .where('import_batch_id', '=', batch.id)
      .execute();
    const links = new Map((summaryOf(batch, (v) => codec.json.read(v)).transfers ?? []).map((l) => [l.id, l]));
    const farIds = [...links.values()].map((l) => l.otherId);
    const far = farIds.length === 0 ? [] : await trx.selectFrom('finance_transactions').select(['id', 'cleared', 'transfer_id', 'date']).where('user_id', '=', userId).where('id', 'in', farIds).execute();
    const farById = new Map(far.map((r) => [r.id, r]));
    const lockedRow = (r: { id: string; cleared: string; transfer_id: string | null }) => {
      if (r.cleared === 'reconciled') return true;
      if (r.transfer_id === null) return false;
      // A transfer this import made is undone with it, unless its far side was reconciled or relinked.
      const link = links.get(r.id);
      const other = link && link.otherId === r.transfer_id ? farById.get(link.otherId) : undefined;
      return !other || other.cleared === 'reconciled' || other.transfer_id !== r.id;
    };
    const locked = rows.filter(lockedRow).length;
    if (locked > 0) throw errors.conflict(`${locked} transaction(s) of this import were reconciled or made transfers since; undo those first`);
    const ids = rows.map((r) => r.id);
    const restored = updatedOf(batch, (v) => codec.json.read(v));
    // Everything undo touches leaves the summary; what remains afterwards enters again.
    const touched = [...ids, ...farIds, ...restored.map((r) => r.id)];
    await addActivity(trx, userId, touched, -1);
    const dates = new Map([...rows, ...far].map((r) => [r.id, r.date]));
    const unlinkedIds: string[] = [];
    for (const r of rows) {
      const link = r.transfer_id ? links.get(r.id) : undefined;
      if (!link) continue;
      if (link.created) {
        ids.push(link.otherId);
      } else {
        await trx.updateTable('finance_transactions').set({ transfer_id: null, category_id: link.otherCategoryBefore, updated_at: new Date().toISOString() }).where('user_id', '=', userId).where('id', '=', link.otherId).execute();
        unlinkedIds.push(link.otherId);
      }
    }
    for (let i = 0; i < ids.length; i += 1000) {
      await trx.deleteFrom('finance_transactions').where('user_id', '=', userId).where('id', 'in', ids.slice(i, i + 1000)).execute();
    }
    const postedDates = new Map(
      restored.length === 0 ? [] : (await trx.selectFrom('finance_transactions').select(['id', 'date']).where('user_id', '=', userId).where('id', 'in', restored.map((r) => r.id)).execute()).map((r) => [r.id, r.date]),
    );
    for (const was of restored) {
      await trx
        .updateTable('finance_transactions')
        .set({ date: was.date, amount: was.amount, payee: was.payee, imported_id: was.imported_id, imported_payee: was.imported_payee, cleared: was.cleared, pending: codec.bool.write(was.pending) })
        .where('user_id', '=', userId)
        .where('id', '=', was.id)
        .where('cleared', '!=', 'reconciled')
        .execute();
    }
    await addActivity(trx, userId, touched, 1);
    const undoneAt = new Date().toISOString();
    await trx.updateTable('finance_import_batches').set({ undone_at: undoneAt }).where('id', '=', batch.id).execute();
    return { batch: { ...batch, undone_at: undoneAt }, deletedIds: ids, dates, unlinkedIds, postedDates };
  });
  for (const transactionId of deletedIds) ctx.events.emit('transaction.deleted', { userId, transactionId, date: dates.get(transactionId) });
  const changedIds = [...unlinkedIds, ...postedDates.keys()];
  for (let i = 0; i < changedIds.length; i += 500) {
    const rows = await db.selectFrom('finance_transactions').selectAll().where('user_id', '=', userId).where('id', 'in', changedIds.slice(i, i + 500)).execute();
    for (const transaction of await presentTransactions(db, codec, userId, rows)) {
      const previousDate = postedDates.get(transaction.id);
      ctx.events.emit('transaction.updated', { userId, transaction, changed: previousDate ? ['date', 'amount', 'payee', 'pending'] : ['transfer', 'categoryId'], ...(previousDate ? { previousDate } : {}) });
    }
  }
  return present(batch, (v) => codec.json.read(v));
}
