import { sql, type SelectQueryBuilder } from 'kysely';
import type { Dialect } from '../db/database.js';
import type { DB, TasksTable } from '../db/schema.js';
import { presentTask, TASK_VIEW_COLUMNS } from './presenters.js';

/**
 * A page of a task listing, read and written as the API's JSON in one pass.
 *
 * Why: a listing of 1,000 tasks is the hottest read in the app. Each row carries its labels
 * and subtask counts (roll-ups kept by triggers, migration 0009), so one indexed query reads
 * the page, and nothing is validated and re-serialised on the way out. Who writes the JSON
 * differs by database, by measurement (`npm run bench tasks`): on SQLite, json_object in the
 * query is three times faster than materialising 22 columns per row in better-sqlite3; on
 * PostgreSQL, json_build_object costs more than node-pg reading the columns and one
 * JSON.stringify of the whole page of `presentTask` objects. A test holds the SQLite text to
 * `presentTask`, field by field.
 */
// due_key is no part of the JSON: it is read only when the listing sorts by it (for the cursor; see sortKeys).
const TASK_LIST_COLUMNS = [...TASK_VIEW_COLUMNS.filter((c) => c !== 'due_key'), 'label_names', 'subtask_total', 'subtask_done'] as const;

const sqliteTaskJson = sql<string>`json_object(
  'id', tasks.id, 'title', tasks.title, 'notes', tasks.notes, 'status', tasks.status, 'priority', tasks.priority,
  'labels', json(tasks.label_names), 'projectId', tasks.project_id, 'parentId', tasks.parent_id, 'columnId', tasks.column_id,
  'dueAt', tasks.due_at, 'dueDate', tasks.due_date, 'startAt', tasks.start_at, 'estimateMinutes', tasks.estimate_minutes,
  'recurrence', tasks.recurrence,
  'recurrenceFrom', case when tasks.recurrence is null then null else coalesce(tasks.recurrence_from, 'schedule') end,
  'completedAt', tasks.completed_at, 'rank', tasks.rank,
  'subtasks', json_object('total', tasks.subtask_total, 'done', tasks.subtask_done),
  'createdAt', tasks.created_at, 'updatedAt', tasks.updated_at)`;

export type SortKey = 'rank' | 'due_key' | 'priority' | 'created_at' | 'id';
type KeyRow = Pick<TasksTable, SortKey>;

const NO_LABELS: string[] = [];

/**
 * Runs a filtered, ordered listing for `limit` rows (reading one more to learn whether
 * there are more) and returns the items as a JSON array text, with the sort keys of the
 * last item for the cursor.
 */
export async function readTaskPage(
  q: SelectQueryBuilder<DB, 'tasks', object>,
  dialect: Dialect,
  limit: number,
  sortKeys: readonly SortKey[],
): Promise<{ itemsJson: string; last: Partial<KeyRow> | undefined; more: boolean }> {
  const keys = sortKeys.map((c) => `tasks.${c}` as const);
  if (dialect === 'sqlite') {
    const rows = await q.select([sqliteTaskJson.as('json'), ...keys]).limit(limit + 1).execute();
    const page = rows.slice(0, limit);
    return { itemsJson: `[${page.map((r) => r.json).join(',')}]`, last: page.at(-1), more: rows.length > limit };
  }
  const columns = [...new Set([...TASK_LIST_COLUMNS, ...sortKeys])].map((c) => `tasks.${c}` as const);
  const rows = await q.select(columns).limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const items = page.map((r) =>
    presentTask(r, {
      labels: r.label_names === '[]' ? NO_LABELS : (JSON.parse(r.label_names) as string[]),
      subtasks: { total: r.subtask_total, done: r.subtask_done },
    }),
  );
  return { itemsJson: JSON.stringify(items), last: page.at(-1), more: rows.length > limit };
}
