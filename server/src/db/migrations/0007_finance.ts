import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../codec.js';
import type { Dialect } from '../database.js';

/**
 * Finance: accounts, categories, transactions (with splits, tags, transfers) and the tables
 * for imports, rules, budgets, goals, schedules and exchange rates. Amounts are integer
 * minor units (bigint on PostgreSQL); a transaction's currency is its account's.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  const date = dialect === 'postgres' ? 'date' : 'text';
  const rankCollation = dialect === 'postgres' ? sql`collate "C"` : sql``;
  const owner = 'user_id';

  await db.schema
    .createTable('finance_settings')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('base_currency', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('finance_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn(owner, 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('opening_balance', t.bigint, (c) => c.notNull())
    .addColumn('opening_date', date, (c) => c.notNull())
    .addColumn('closed', t.bool, (c) => c.notNull())
    .addColumn('on_budget', t.bool, (c) => c.notNull())
    .addColumn('rank', 'text', (c) => c.notNull().modifyEnd(rankCollation))
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('finance_accounts_user_idx').on('finance_accounts').columns(['user_id', 'rank']).execute();

  await db.schema
    .createTable('finance_category_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn(owner, 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('is_income', t.bool, (c) => c.notNull())
    .addColumn('hidden', t.bool, (c) => c.notNull())
    .addColumn('rank', 'text', (c) => c.notNull().modifyEnd(rankCollation))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('finance_category_groups_user_idx').on('finance_category_groups').columns(['user_id', 'rank']).execute();

  await db.schema
    .createTable('finance_categories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn(owner, 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('finance_category_groups.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('hidden', t.bool, (c) => c.notNull())
    .addColumn('rollover_overspending', t.bool, (c) => c.notNull())
    .addColumn('rank', 'text', (c) => c.notNull().modifyEnd(rankCollation))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('finance_categories_user_idx').on('finance_categories').columns(['user_id', 'group_id', 'rank']).execute();

  await db.schema
    .createTable('finance_import_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn(owner, 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('finance_accounts.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('transaction_count', 'integer', (c) => c.notNull())
    .addColumn('summary', t.json)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('undone_at', t.instant)
    .execute();
  await db.schema.createIndex('finance_import_batches_account_idx').on('finance_import_batches').columns(['user_id', 'account_id', 'created_at']).execute();

  await db.schema
    .createTable('finance_transactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn(owner, 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('finance_accounts.id').onDelete('cascade'))
    .addColumn('date', date, (c) => c.notNull())
    .addColumn('payee', 'text', (c) => c.notNull())
    .addColumn('amount', t.bigint, (c) => c.notNull())
    .addColumn('category_id', 'text', (c) => c.references('finance_categories.id').onDelete('set null'))
    .addColumn('notes', 'text', (c) => c.notNull())
    // lower-cased payee + notes: one case-insensitive LIKE on both dialects.
    .addColumn('search_key', 'text', (c) => c.notNull())
    .addColumn('cleared', 'text', (c) => c.notNull())
    .addColumn('pending', t.bool, (c) => c.notNull())
    .addColumn('imported_id', 'text')
    .addColumn('imported_payee', 'text')
    .addColumn('import_batch_id', 'text', (c) => c.references('finance_import_batches.id').onDelete('set null'))
    // The other side of a transfer (its transaction id); both sides point at each other.
    .addColumn('transfer_id', 'text')
    .addColumn('is_split', t.bool, (c) => c.notNull())
    .addColumn('scheduled_id', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  // Keyset pages newest first, per account and across accounts (btrees scan backwards).
  await db.schema.createIndex('finance_transactions_account_date_idx').on('finance_transactions').columns(['user_id', 'account_id', 'date', 'id']).execute();
  await db.schema.createIndex('finance_transactions_user_date_idx').on('finance_transactions').columns(['user_id', 'date', 'id']).execute();
  // Account balances (every GET of accounts) read this index alone, never the rows.
  await db.schema.createIndex('finance_transactions_balance_idx').on('finance_transactions').columns(['user_id', 'account_id', 'cleared', 'amount']).execute();
  await db.schema.createIndex('finance_transactions_category_idx').on('finance_transactions').columns(['user_id', 'category_id', 'date']).execute();
  // Import deduplication: exact by the bank's id, then fuzzy by amount around a date.
  await db.schema.createIndex('finance_transactions_imported_idx').on('finance_transactions').columns(['account_id', 'imported_id']).execute();
  await db.schema.createIndex('finance_transactions_amount_date_idx').on('finance_transactions').columns(['account_id', 'amount', 'date']).execute();
  await db.schema.createIndex('finance_transactions_batch_idx').on('finance_transactions').columns(['import_batch_id']).execute();
  await db.schema.createIndex('finance_transactions_transfer_idx').on('finance_transactions').columns(['transfer_id']).execute();

  await db.schema
    .createTable('finance_transaction_splits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn(owner, 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('transaction_id', 'text', (c) => c.notNull().references('finance_transactions.id').onDelete('cascade'))
    .addColumn('category_id', 'text', (c) => c.references('finance_categories.id').onDelete('set null'))
    .addColumn('amount', t.bigint, (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('finance_splits_transaction_idx').on('finance_transaction_splits').columns(['transaction_id', 'position']).execute();
  await db.schema.createIndex('finance_splits_category_idx').on('finance_transaction_splits').columns(['user_id', 'category_id']).execute();

  await db.schema
    .createTable('finance_transaction_tags')
    .addColumn('transaction_id', 'text', (c) => c.notNull().references('finance_transactions.id').onDelete('cascade'))
    .addColumn(owner, 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('tag_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('finance_transaction_tags_pk', ['transaction_id', 'tag_key'])
    .execute();
  await db.schema.createIndex('finance_transaction_tags_tag_idx').on('finance_transaction_tags').columns(['user_id', 'tag_key']).execute();

  await db.schema
    .createTable('finance_csv_mappings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn(owner, 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('finance_accounts.id').onDelete('cascade'))
    .addColumn('mapping', t.json, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('finance_csv_mappings_account_key', ['account_id'])
    .execute();

  await db.schema
    .createTable('finance_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn(owner, 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('conditions', t.json, (c) => c.notNull())
    .addColumn('actions', t.json, (c) => c.notNull())
    .addColumn('enabled', t.bool, (c) => c.notNull())
    .addColumn('rank', 'text', (c) => c.notNull().modifyEnd(rankCollation))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('finance_rules_user_idx').on('finance_rules').columns(['user_id', 'rank']).execute();

  await db.schema
    .createTable('finance_budgets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn(owner, 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('category_id', 'text', (c) => c.notNull().references('finance_categories.id').onDelete('cascade'))
    .addColumn('assigned', t.bigint, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('finance_budgets_month_category_key', ['user_id', 'month', 'category_id'])
    .execute();

  await db.schema
    .createTable('finance_goals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn(owner, 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('category_id', 'text', (c) => c.references('finance_categories.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.references('finance_accounts.id').onDelete('cascade'))
    .addColumn('target_amount', t.bigint, (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('target_date', date)
    .addColumn('reached_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('finance_goals_user_idx').on('finance_goals').columns(['user_id']).execute();

  await db.schema
    .createTable('finance_scheduled_transactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn(owner, 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('finance_accounts.id').onDelete('cascade'))
    .addColumn('payee', 'text', (c) => c.notNull())
    .addColumn('amount', t.bigint, (c) => c.notNull())
    .addColumn('category_id', 'text', (c) => c.references('finance_categories.id').onDelete('set null'))
    .addColumn('transfer_account_id', 'text', (c) => c.references('finance_accounts.id').onDelete('cascade'))
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('rrule', 'text', (c) => c.notNull())
    .addColumn('start_date', date, (c) => c.notNull())
    .addColumn('next_date', date)
    .addColumn('auto_post', t.bool, (c) => c.notNull())
    // Splits and tags to copy onto each posted transaction.
    .addColumn('template', t.json)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('finance_scheduled_next_idx').on('finance_scheduled_transactions').columns(['user_id', 'next_date']).execute();

  await db.schema
    .createTable('finance_exchange_rates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn(owner, 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('base', 'text', (c) => c.notNull())
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('date', date, (c) => c.notNull())
    // "1 base = rate quote" as an exact decimal string, never a float.
    .addColumn('rate', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('finance_exchange_rates_key', ['user_id', 'base', 'quote', 'date'])
    .execute();
}
