import type { Kysely } from 'kysely';
import { columnTypes } from '../codec.js';
import type { Dialect } from '../database.js';

/**
 * Which category-months are currently overspent and already announced: `budget.overspent`
 * is emitted once per category and month, again only after the category recovered. A row
 * here survives restarts and is shared by every app instance, which in-memory state is not.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('finance_budget_alerts')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('category_id', 'text', (c) => c.notNull().references('finance_categories.id').onDelete('cascade'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('finance_budget_alerts_pk', ['user_id', 'category_id', 'month'])
    .execute();
  // Budgets and reports sum by category over a date range: this index holds every column
  // they read, in category order, so SQLite groups without touching the rows or sorting.
  await db.schema
    .createIndex('finance_transactions_report_idx')
    .on('finance_transactions')
    .columns(['user_id', 'category_id', 'account_id', 'date', 'is_split', 'transfer_id', 'amount'])
    .execute();
}
