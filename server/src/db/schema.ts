/**
 * Column types as the application sees them after the per-dialect codecs:
 * instants are ISO 8601 UTC strings, booleans are 0/1 numbers on SQLite and booleans on
 * PostgreSQL (read through `codec.bool`), JSON is text on SQLite and jsonb on PostgreSQL
 * (read through `codec.json`).
 */
export type Instant = string;
export type DbBool = number | boolean;
export type DbJson = unknown;

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: 'admin' | 'member';
  time_zone: string;
  created_at: Instant;
  updated_at: Instant;
}

export interface SessionsTable {
  /** sha256 of the cookie secret: a stolen database cannot be replayed as cookies. */
  id: string;
  user_id: string;
  created_at: Instant;
  expires_at: Instant;
  last_seen_at: Instant;
  user_agent: string | null;
  ip: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: Instant;
  last_used_at: Instant | null;
}

export interface InvitesTable {
  id: string;
  user_id: string;
  email: string | null;
  token_hash: string;
  created_at: Instant;
  expires_at: Instant;
  used_at: Instant | null;
  used_by: string | null;
}

export interface AuthFailuresTable {
  id: string;
  key: string;
  created_at: Instant;
}

export interface JobsTable {
  id: string;
  user_id: string | null;
  name: string;
  payload: DbJson;
  status: 'queued' | 'running' | 'done' | 'failed';
  attempts: number;
  max_attempts: number;
  run_at: Instant;
  locked_by: string | null;
  locked_until: Instant | null;
  last_error: string | null;
  created_at: Instant;
  updated_at: Instant;
  finished_at: Instant | null;
  /** Unique when set: enqueueing the same key again stores nothing (recurring slots, per-entity runs). */
  dedupe_key: string | null;
}

export interface ProjectsTable {
  id: string;
  user_id: string;
  name: string;
  /** lower-cased name: one project per name per user, found case-insensitively by quick add. */
  name_key: string;
  color: string;
  archived: DbBool;
  is_inbox: DbBool;
  parent_id: string | null;
  rank: string;
  created_at: Instant;
  updated_at: Instant;
}

export interface ProjectColumnsTable {
  id: string;
  user_id: string;
  project_id: string;
  name: string;
  done: DbBool;
  rank: string;
  created_at: Instant;
}

export interface TasksTable {
  id: string;
  user_id: string;
  project_id: string;
  parent_id: string | null;
  column_id: string | null;
  title: string;
  /** lower-cased title + notes, for case-insensitive search on both dialects. */
  title_key: string;
  notes: string;
  status: 'open' | 'done';
  priority: number;
  due_date: string | null;
  due_at: Instant | null;
  /** due_at or due_date as sortable text; '~' (after every digit) when there is no due. */
  due_key: string;
  start_at: Instant | null;
  estimate_minutes: number | null;
  recurrence: string | null;
  recurrence_from: 'schedule' | 'completion' | null;
  series_id: string | null;
  next_task_id: string | null;
  /** The VTODO UID when the task came from an iCalendar file or CalDAV. */
  ical_uid: string | null;
  completed_at: Instant | null;
  rank: string;
  deleted_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface LabelsTable {
  id: string;
  user_id: string;
  name: string;
  name_key: string;
  color: string;
  created_at: Instant;
}

export interface TaskLabelsTable {
  task_id: string;
  label_id: string;
  user_id: string;
}

export interface SavedFiltersTable {
  id: string;
  user_id: string;
  name: string;
  query: DbJson;
  created_at: Instant;
  updated_at: Instant;
}

export interface CalendarsTable {
  id: string;
  user_id: string;
  name: string;
  color: string;
  visible: DbBool;
  is_default: DbBool;
  feed_token_hash: string | null;
  feed_token_enc: string | null;
  /** Set on a read-only calendar fed from an external .ics URL. */
  subscription_url: string | null;
  refresh_minutes: number | null;
  http_etag: string | null;
  http_last_modified: string | null;
  last_refreshed_at: Instant | null;
  refresh_error: string | null;
  refresh_failures: number;
  next_refresh_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface EventsTable {
  id: string;
  user_id: string;
  calendar_id: string;
  series_id: string | null;
  uid: string;
  recurrence_key: string;
  title: string;
  description: string;
  location: string;
  all_day: DbBool;
  start_at: Instant | null;
  end_at: Instant | null;
  start_date: string | null;
  end_date: string | null;
  time_zone: string;
  rrule: string | null;
  rdates: DbJson;
  exdates: DbJson;
  recurrence_id: DbJson;
  status: 'confirmed' | 'tentative' | 'cancelled';
  transparency: 'opaque' | 'transparent';
  attendees: DbJson;
  reminders: DbJson;
  sequence: number;
  span_start: Instant;
  span_end: Instant;
  created_at: Instant;
  updated_at: Instant;
}

export interface CaldavConnectionsTable {
  id: string;
  user_id: string;
  url: string;
  username: string;
  password_enc: string;
  status: 'ok' | 'error';
  last_error: string | null;
  last_sync_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
  sync_interval_minutes: number;
  /** When the scheduler next syncs this connection; null: at its next tick. */
  next_sync_at: Instant | null;
}

export interface CaldavCalendarsTable {
  id: string;
  user_id: string;
  connection_id: string;
  remote_url: string;
  display_name: string;
  color: string | null;
  components: DbJson;
  syncing: DbBool;
  local_calendar_id: string | null;
  sync_token: string | null;
  ctag: string | null;
  last_sync_at: Instant | null;
}

export interface CaldavResourcesTable {
  id: string;
  caldav_calendar_id: string;
  uid: string;
  href: string;
  etag: string | null;
  local_stamp: Instant;
  local_count: number;
  synced_at: Instant;
  /** The server's last-seen iCalendar text, for the properties Atom does not model. */
  remote_ics: string | null;
}

export interface CaldavLogTable {
  id: string;
  user_id: string;
  connection_id: string;
  at: Instant;
  kind: 'conflict' | 'error' | 'info';
  message: string;
  href: string | null;
}

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

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  invites: InvitesTable;
  auth_failures: AuthFailuresTable;
  jobs: JobsTable;
  projects: ProjectsTable;
  project_columns: ProjectColumnsTable;
  tasks: TasksTable;
  labels: LabelsTable;
  task_labels: TaskLabelsTable;
  saved_filters: SavedFiltersTable;
  calendars: CalendarsTable;
  events: EventsTable;
  caldav_connections: CaldavConnectionsTable;
  caldav_calendars: CaldavCalendarsTable;
  caldav_resources: CaldavResourcesTable;
  caldav_log: CaldavLogTable;
  finance_settings: FinanceSettingsTable;
  finance_accounts: FinanceAccountsTable;
  finance_category_groups: FinanceCategoryGroupsTable;
  finance_categories: FinanceCategoriesTable;
  finance_import_batches: FinanceImportBatchesTable;
  finance_transactions: FinanceTransactionsTable;
  finance_transaction_splits: FinanceTransactionSplitsTable;
  finance_transaction_tags: FinanceTransactionTagsTable;
  finance_csv_mappings: FinanceCsvMappingsTable;
  finance_rules: FinanceRulesTable;
  finance_budgets: FinanceBudgetsTable;
  finance_goals: FinanceGoalsTable;
  finance_scheduled_transactions: FinanceScheduledTransactionsTable;
  finance_exchange_rates: FinanceExchangeRatesTable;
  caldav_task_lists: CaldavTaskListsTable;
  caldav_task_resources: CaldavTaskResourcesTable;
  calendar_settings: CalendarSettingsTable;
  event_starting_fired: EventStartingFiredTable;
  finance_budget_alerts: FinanceBudgetAlertsTable;
}

export interface CalendarSettingsTable {
  user_id: string;
  event_starting_lead_minutes: number;
  updated_at: Instant;
}

export interface EventStartingFiredTable {
  id: string;
  user_id: string;
  /** The series (or single event) the occurrence belongs to. */
  event_id: string;
  /** The occurrence's actual start as an ISO instant: a moved occurrence is a new key. */
  occurrence_start: string;
  lead_minutes: number;
  fired_at: Instant;
}

export interface CaldavTaskListsTable {
  id: string;
  user_id: string;
  connection_id: string;
  caldav_calendar_id: string;
  project_id: string | null;
  sync_token: string | null;
  ctag: string | null;
  last_sync_at: Instant | null;
}

/** The same bookkeeping as caldav_resources, owned by a task list instead of a remote calendar. */
export type CaldavTaskResourcesTable = Omit<CaldavResourcesTable, 'caldav_calendar_id'> & { task_list_id: string };
