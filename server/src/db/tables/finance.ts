/** Finance: accounts, transactions, import batches, budgets, goals, rules, schedules, rates. */
import type { Instant, DbBool, DbJson } from './columns.js';

/** Finance: amounts are integer minor units (bigint on PostgreSQL, read back as numbers); dates are YYYY-MM-DD. */
export interface FinanceSettingsTable {
  user_id: string;
  base_currency: string;
  updated_at: Instant;
}

export type FinanceAccountType = 'checking' | 'savings' | 'credit_card' | 'cash' | 'loan' | 'investment';

export interface FinanceAccountsTable {
  id: string;
  user_id: string;
  name: string;
  type: FinanceAccountType;
  currency: string;
  opening_balance: number;
  opening_date: string;
  closed: DbBool;
  on_budget: DbBool;
  rank: string;
  notes: string;
  created_at: Instant;
  updated_at: Instant;
}

export interface FinanceCategoryGroupsTable {
  id: string;
  user_id: string;
  name: string;
  is_income: DbBool;
  hidden: DbBool;
  rank: string;
  created_at: Instant;
  updated_at: Instant;
}

export interface FinanceCategoriesTable {
  id: string;
  user_id: string;
  group_id: string;
  name: string;
  hidden: DbBool;
  rollover_overspending: DbBool;
  rank: string;
  created_at: Instant;
  updated_at: Instant;
}

export interface FinanceImportBatchesTable {
  id: string;
  user_id: string;
  account_id: string;
  file_name: string;
  format: string;
  transaction_count: number;
  summary: DbJson;
  created_at: Instant;
  undone_at: Instant | null;
}

export type ClearedState = 'uncleared' | 'cleared' | 'reconciled';

export interface FinanceTransactionsTable {
  id: string;
  user_id: string;
  account_id: string;
  date: string;
  payee: string;
  amount: number;
  category_id: string | null;
  notes: string;
  search_key: string;
  cleared: ClearedState;
  pending: DbBool;
  imported_id: string | null;
  imported_payee: string | null;
  import_batch_id: string | null;
  /** The other side of a transfer: that transaction's id. */
  transfer_id: string | null;
  is_split: DbBool;
  scheduled_id: string | null;
  created_at: Instant;
  updated_at: Instant;
  /** Set when deleted (Undo can restore it); purged 30 days later. Every read excludes these rows. */
  deleted_at: Instant | null;
}

/** Sums of live transactions per account, day, category ('' = none) and transfer counterpart ('' = none). */
export interface FinanceActivityTable {
  user_id: string;
  account_id: string;
  day: string;
  category_key: string;
  counter_key: string;
  total: number;
  inflow: number;
  n: number;
}

export interface FinanceTransactionSplitsTable {
  id: string;
  user_id: string;
  transaction_id: string;
  category_id: string | null;
  amount: number;
  notes: string;
  position: number;
}

export interface FinanceTransactionTagsTable {
  transaction_id: string;
  user_id: string;
  tag: string;
  tag_key: string;
}

export interface FinanceCsvMappingsTable {
  id: string;
  user_id: string;
  account_id: string;
  mapping: DbJson;
  created_at: Instant;
  updated_at: Instant;
}

export interface FinanceRulesTable {
  id: string;
  user_id: string;
  name: string;
  conditions: DbJson;
  actions: DbJson;
  enabled: DbBool;
  rank: string;
  created_at: Instant;
  updated_at: Instant;
}

export interface FinanceBudgetsTable {
  id: string;
  user_id: string;
  /** YYYY-MM */
  month: string;
  category_id: string;
  assigned: number;
  created_at: Instant;
  updated_at: Instant;
}

export interface FinanceGoalsTable {
  id: string;
  user_id: string;
  name: string;
  kind: string;
  category_id: string | null;
  account_id: string | null;
  target_amount: number;
  currency: string;
  target_date: string | null;
  reached_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface FinanceScheduledTransactionsTable {
  id: string;
  user_id: string;
  account_id: string;
  payee: string;
  amount: number;
  category_id: string | null;
  transfer_account_id: string | null;
  notes: string;
  rrule: string;
  start_date: string;
  next_date: string | null;
  auto_post: DbBool;
  template: DbJson;
  created_at: Instant;
  updated_at: Instant;
}

export interface FinanceExchangeRatesTable {
  id: string;
  user_id: string;
  base: string;
  quote: string;
  date: string;
  /** "1 base = rate quote", an exact decimal string. */
  rate: string;
  source: string;
  created_at: Instant;
}

export interface FinanceBudgetAlertsTable {
  user_id: string;
  category_id: string;
  /** YYYY-MM */
  month: string;
  created_at: Instant;
}
