/** Tasks: projects, kanban columns, tasks, labels, saved filters. */
import type { Generated } from 'kysely';
import type { Instant, DbBool, DbJson } from './columns.js';

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
  /** Roll-ups kept by triggers (migration 0009): label names as a JSON array by name_key, live subtask counts. Insert them as '[]', 0, 0. */
  label_names: string;
  subtask_total: number;
  subtask_done: number;
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
  /** 1 while the task is open and not deleted; kept by triggers (migration 0012). */
  task_open: Generated<number>;
}

export interface SavedFiltersTable {
  id: string;
  user_id: string;
  name: string;
  query: DbJson;
  created_at: Instant;
  updated_at: Instant;
}
