import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../codec.js';
import type { Dialect } from '../database.js';

/**
 * Deleting a transaction marks it (`deleted_at`) instead of removing it, so Undo can bring
 * the same id back with its splits, tags and transfer side; rows deleted over 30 days ago
 * are purged by a recurring job. Every read of finance_transactions excludes marked rows.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema.alterTable('finance_transactions').addColumn('deleted_at', t.instant).execute();
  // Balances read this index alone: it now holds only live rows.
  await db.schema.dropIndex('finance_transactions_balance_idx').execute();
  await db.schema
    .createIndex('finance_transactions_balance_idx')
    .on('finance_transactions')
    .columns(['user_id', 'account_id', 'cleared', 'amount'])
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
  // The purge finds old deleted rows without a scan.
  await db.schema
    .createIndex('finance_transactions_deleted_idx')
    .on('finance_transactions')
    .columns(['deleted_at'])
    .where(sql.ref('deleted_at'), 'is not', null)
    .execute();
}
