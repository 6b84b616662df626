import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Each task_labels row says whether its task is open (1) or done or deleted (0), kept by
 * triggers, so a label's open-task count is an index scan of task_labels alone.
 *
 * Why: listing labels with their open-task counts joined task_labels to tasks; a label on
 * 20,000 tasks took about 40 ms on PostgreSQL, on every Tasks screen. A counter on labels
 * would be cheaper still, but cannot be kept right when a task is deleted outright: its
 * task_labels rows cascade after the task is gone, so nobody could tell whether it was open.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema.alterTable('task_labels').addColumn('task_open', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await sql.raw(`update task_labels set task_open = ${openOf('task_labels.task_id')}`).execute(db);
  await db.schema.createIndex('task_labels_open_idx').on('task_labels').columns(['label_id', 'task_open']).execute();
  for (const statement of dialect === 'postgres' ? postgres : sqlite) await sql.raw(statement).execute(db);
}

const openOf = (taskId: string) =>
  `(select case when t.status = 'open' and t.deleted_at is null then 1 else 0 end from tasks t where t.id = ${taskId})`;

const sqlite = [
  `create trigger task_labels_open_insert after insert on task_labels begin
     update task_labels set task_open = ${openOf('new.task_id')} where task_id = new.task_id and label_id = new.label_id;
   end`,
  `create trigger tasks_label_open_update after update of status, deleted_at on tasks begin
     update task_labels set task_open = case when new.status = 'open' and new.deleted_at is null then 1 else 0 end where task_id = new.id;
   end`,
];

const postgres = [
  `create function atom_task_labels_open() returns trigger language plpgsql as $$
   begin
     new.task_open := ${openOf('new.task_id')};
     return new;
   end $$`,
  `create trigger task_labels_open before insert on task_labels for each row execute function atom_task_labels_open()`,
  `create function atom_tasks_label_open() returns trigger language plpgsql as $$
   begin
     update task_labels set task_open = case when new.status = 'open' and new.deleted_at is null then 1 else 0 end where task_id = new.id;
     return null;
   end $$`,
  `create trigger tasks_label_open after update of status, deleted_at on tasks for each row execute function atom_tasks_label_open()`,
];
