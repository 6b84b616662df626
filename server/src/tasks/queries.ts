import type { Kysely } from 'kysely';
import type { Task } from '@atom/contracts';
import type { DB, ProjectsTable, TasksTable } from '../db/schema.js';
import { AppError, errors } from '../platform/errors.js';
import { presentTask, type TaskExtras, type TaskViewRow } from './presenters.js';

/** What a new task row starts with; triggers keep these roll-ups from then on (migration 0009). */
export const EMPTY_ROLLUPS = { label_names: '[]', subtask_total: 0, subtask_done: 0 } as const;

export type Db = Kysely<DB>;

/** Labels and subtask progress for a page of tasks: two queries, whatever the page size. */
export async function withExtras(db: Db, userId: string, rows: TaskViewRow[]): Promise<Task[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [labelRows, subRows] = await Promise.all([
    db
      .selectFrom('task_labels')
      .innerJoin('labels', 'labels.id', 'task_labels.label_id')
      .select(['task_labels.task_id', 'labels.name'])
      .where('task_labels.user_id', '=', userId)
      .where('task_labels.task_id', 'in', ids)
      .orderBy('labels.name_key')
      .execute(),
    db
      .selectFrom('tasks')
      .select(['parent_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('user_id', '=', userId)
      .where('parent_id', 'in', ids)
      .where('deleted_at', 'is', null)
      .groupBy(['parent_id', 'status'])
      .execute(),
  ]);
  const extras = new Map<string, TaskExtras>(ids.map((id) => [id, { labels: [], subtasks: { total: 0, done: 0 } }]));
  for (const l of labelRows) extras.get(l.task_id)?.labels.push(l.name);
  for (const s of subRows) {
    const e = s.parent_id ? extras.get(s.parent_id) : undefined;
    if (!e) continue;
    e.subtasks.total += s.n;
    if (s.status === 'done') e.subtasks.done += s.n;
  }
  return rows.map((r) => presentTask(r, extras.get(r.id)!));
}

export async function presentOne(db: Db, userId: string, row: TasksTable): Promise<Task> {
  return (await withExtras(db, userId, [row]))[0]!;
}

async function findTaskRow(db: Db, userId: string, id: string): Promise<TasksTable | undefined> {
  return db
    .selectFrom('tasks')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** A task of this user, not deleted; anything else is a 404. */
export async function getTaskRow(db: Db, userId: string, id: string): Promise<TasksTable> {
  const row = await findTaskRow(db, userId, id);
  if (!row) throw errors.notFound('Task');
  return row;
}

export async function getProjectRow(db: Db, userId: string, id: string): Promise<ProjectsTable> {
  const row = await db.selectFrom('projects').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  if (!row) throw errors.notFound('Project');
  return row;
}

/** For ids named inside a body: an unknown one is the caller's input error, not a missing resource. */
export async function referencedProject(db: Db, userId: string, id: string, field: string): Promise<ProjectsTable> {
  const row = await db.selectFrom('projects').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  if (!row) throw new AppError('validation_failed', 400, `${field}: no such project`, { [field]: 'no such project' });
  return row;
}

export async function referencedTask(db: Db, userId: string, id: string, field: string): Promise<TasksTable> {
  const row = await findTaskRow(db, userId, id);
  if (!row) throw new AppError('validation_failed', 400, `${field}: no such task`, { [field]: 'no such task' });
  return row;
}
