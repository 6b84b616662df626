/**
 * The database as Kysely sees it. Each area's tables live in `tables/<area>.ts`; this file
 * assembles them and re-exports every row type so callers import from one place.
 */
import type { UsersTable, SessionsTable, ApiTokensTable, InvitesTable, AuthFailuresTable } from './tables/accounts.js';
import type { JobsTable } from './tables/jobs.js';
import type { ProjectsTable, ProjectColumnsTable, TasksTable, LabelsTable, TaskLabelsTable, SavedFiltersTable } from './tables/tasks.js';
import type { CalendarsTable, EventsTable, CalendarSettingsTable, EventStartingFiredTable, CaldavConnectionsTable, CaldavCalendarsTable, CaldavResourcesTable, CaldavLogTable, CaldavTaskListsTable, CaldavTaskResourcesTable } from './tables/calendar.js';
import type { FinanceSettingsTable, FinanceAccountsTable, FinanceCategoryGroupsTable, FinanceCategoriesTable, FinanceImportBatchesTable, FinanceTransactionsTable, FinanceTransactionSplitsTable, FinanceTransactionTagsTable, FinanceCsvMappingsTable, FinanceRulesTable, FinanceBudgetsTable, FinanceGoalsTable, FinanceScheduledTransactionsTable, FinanceExchangeRatesTable, FinanceBudgetAlertsTable, FinanceActivityTable } from './tables/finance.js';

export type * from './tables/columns.js';
export type * from './tables/accounts.js';
export type * from './tables/jobs.js';
export type * from './tables/tasks.js';
export type * from './tables/calendar.js';
export type * from './tables/finance.js';

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
  finance_activity: FinanceActivityTable;
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
