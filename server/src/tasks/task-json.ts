import { sql, type RawBuilder } from 'kysely';
import type { Dialect } from '../db/database.js';

/**
 * One task row of `tasks` as the API's Task JSON, built by the database itself.
 *
 * Why: listing 1,000 tasks spent most of its time turning 19 columns per row into JS
 * objects, fetching labels and subtask counts in two more queries, then validating and
 * stringifying the result. Letting the database emit each row's JSON (one string per row)
 * removes all three. `presentTask` remains the definition of the shape; the tests compare
 * this SQL with it on both databases, field by field.
 */
export function taskJson(dialect: Dialect): RawBuilder<string> {
  return dialect === 'postgres' ? postgresTaskJson : sqliteTaskJson;
}

// The planner must probe (user_id, parent_id) for each row; without the hint SQLite's
// statistics (parent_id is mostly null) talk it into scanning the user's tasks per row.
const sqliteTaskJson = sql<string>`json_object(
  'id', tasks.id, 'title', tasks.title, 'notes', tasks.notes, 'status', tasks.status, 'priority', tasks.priority,
  'labels', (select json_group_array(l.name order by l.name_key) from task_labels tl join labels l on l.id = tl.label_id
             where tl.task_id = tasks.id and tl.user_id = tasks.user_id),
  'projectId', tasks.project_id, 'parentId', tasks.parent_id, 'columnId', tasks.column_id,
  'dueAt', tasks.due_at, 'dueDate', tasks.due_date, 'startAt', tasks.start_at, 'estimateMinutes', tasks.estimate_minutes,
  'recurrence', tasks.recurrence,
  'recurrenceFrom', case when tasks.recurrence is null then null else coalesce(tasks.recurrence_from, 'schedule') end,
  'completedAt', tasks.completed_at, 'rank', tasks.rank,
  'subtasks', (select json_object('total', count(*), 'done', count(*) filter (where c.status = 'done'))
               from tasks c indexed by tasks_parent_idx
               where c.user_id = tasks.user_id and c.parent_id = tasks.id and c.deleted_at is null),
  'createdAt', tasks.created_at, 'updatedAt', tasks.updated_at)`;

/** Instants as the API writes them (what the pg type parser's toISOString gives). */
const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

const postgresTaskJson = sql<string>`json_build_object(
  'id', tasks.id, 'title', tasks.title, 'notes', tasks.notes, 'status', tasks.status, 'priority', tasks.priority,
  'labels', coalesce((select json_agg(l.name order by l.name_key) from task_labels tl join labels l on l.id = tl.label_id
                      where tl.task_id = tasks.id and tl.user_id = tasks.user_id), '[]'::json),
  'projectId', tasks.project_id, 'parentId', tasks.parent_id, 'columnId', tasks.column_id,
  'dueAt', ${iso('tasks.due_at')}, 'dueDate', tasks.due_date, 'startAt', ${iso('tasks.start_at')},
  'estimateMinutes', tasks.estimate_minutes, 'recurrence', tasks.recurrence,
  'recurrenceFrom', case when tasks.recurrence is null then null else coalesce(tasks.recurrence_from, 'schedule') end,
  'completedAt', ${iso('tasks.completed_at')}, 'rank', tasks.rank,
  'subtasks', (select json_build_object('total', count(*), 'done', count(*) filter (where c.status = 'done'))
               from tasks c where c.user_id = tasks.user_id and c.parent_id = tasks.id and c.deleted_at is null),
  'createdAt', ${iso('tasks.created_at')}, 'updatedAt', ${iso('tasks.updated_at')})::text`;
