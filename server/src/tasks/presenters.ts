import type { Column, Project, Task } from '@atom/contracts';
import type { Codec } from '../db/codec.js';
import type { ProjectColumnsTable, ProjectsTable, TasksTable } from '../db/schema.js';

export interface TaskExtras {
  labels: string[];
  subtasks: { total: number; done: number };
}

/** The columns a task's API view needs: lists select only these. */
export const TASK_VIEW_COLUMNS = [
  'id', 'title', 'notes', 'status', 'priority', 'project_id', 'parent_id', 'column_id', 'due_at', 'due_date', 'due_key',
  'start_at', 'estimate_minutes', 'recurrence', 'recurrence_from', 'completed_at', 'rank', 'created_at', 'updated_at',
] as const satisfies readonly (keyof TasksTable)[];
export type TaskViewRow = Pick<TasksTable, (typeof TASK_VIEW_COLUMNS)[number]>;

export function presentTask(t: TaskViewRow, extras: TaskExtras): Task {
  return {
    id: t.id,
    title: t.title,
    notes: t.notes,
    status: t.status,
    priority: t.priority,
    labels: extras.labels,
    projectId: t.project_id,
    parentId: t.parent_id,
    columnId: t.column_id,
    dueAt: t.due_at,
    dueDate: t.due_date,
    startAt: t.start_at,
    estimateMinutes: t.estimate_minutes,
    recurrence: t.recurrence,
    recurrenceFrom: t.recurrence ? (t.recurrence_from ?? 'schedule') : null,
    completedAt: t.completed_at,
    rank: t.rank,
    subtasks: extras.subtasks,
    createdAt: t.created_at,
    updatedAt: t.updated_at,
  };
}

export function presentColumn(c: ProjectColumnsTable, codec: Codec): Column {
  return { id: c.id, name: c.name, done: codec.bool.read(c.done) };
}

export function presentProject(p: ProjectsTable, columns: Column[], openTaskCount: number, codec: Codec): Project {
  return {
    id: p.id,
    name: p.name,
    color: p.color,
    archived: codec.bool.read(p.archived),
    parentId: p.parent_id,
    isInbox: codec.bool.read(p.is_inbox),
    columns,
    openTaskCount,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  };
}

export function searchKey(title: string, notes: string): string {
  return `${title}\n${notes}`.toLowerCase();
}
