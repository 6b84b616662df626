import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../codec.js';
import type { Dialect } from '../database.js';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  // Fractional ranks compare byte-wise; PostgreSQL's default collation might not.
  const rankCollation = dialect === 'postgres' ? sql`collate "C"` : sql``;

  await db.schema.alterTable('users').addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('UTC')).execute();

  await db.schema
    .createTable('projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('color', 'text', (c) => c.notNull())
    .addColumn('archived', t.bool, (c) => c.notNull())
    .addColumn('is_inbox', t.bool, (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('projects.id').onDelete('set null'))
    .addColumn('rank', 'text', (c) => c.notNull().modifyEnd(rankCollation))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('projects_user_name_key', ['user_id', 'name_key'])
    .execute();

  await db.schema
    .createTable('project_columns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('done', t.bool, (c) => c.notNull())
    .addColumn('rank', 'text', (c) => c.notNull().modifyEnd(rankCollation))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('project_columns_project_idx').on('project_columns').columns(['project_id', 'rank']).execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('parent_id', 'text', (c) => c.references('tasks.id').onDelete('cascade'))
    .addColumn('column_id', 'text', (c) => c.references('project_columns.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_key', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('due_at', t.instant)
    .addColumn('due_key', 'text', (c) => c.notNull())
    .addColumn('start_at', t.instant)
    .addColumn('estimate_minutes', 'integer')
    .addColumn('recurrence', 'text')
    .addColumn('recurrence_from', 'text')
    .addColumn('series_id', 'text')
    .addColumn('next_task_id', 'text')
    .addColumn('completed_at', t.instant)
    .addColumn('rank', 'text', (c) => c.notNull().modifyEnd(rankCollation))
    .addColumn('deleted_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  // The list views: a user's open tasks by project order, by due date, and subtasks by parent.
  await db.schema.createIndex('tasks_user_status_rank_idx').on('tasks').columns(['user_id', 'status', 'rank', 'id']).execute();
  await db.schema.createIndex('tasks_user_status_due_idx').on('tasks').columns(['user_id', 'status', 'due_key', 'priority', 'id']).execute();
  await db.schema.createIndex('tasks_user_status_priority_idx').on('tasks').columns(['user_id', 'status', 'priority', 'due_key', 'id']).execute();
  await db.schema.createIndex('tasks_user_status_created_idx').on('tasks').columns(['user_id', 'status', 'created_at', 'id']).execute();
  await db.schema.createIndex('tasks_project_idx').on('tasks').columns(['project_id', 'status', 'rank', 'id']).execute();
  // Subtasks of a page of tasks: (user_id, parent_id IN ...) must not fall back to a scan of the user's tasks.
  await db.schema.createIndex('tasks_parent_idx').on('tasks').columns(['user_id', 'parent_id', 'status']).execute();

  await db.schema
    .createTable('labels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('color', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('labels_user_name_key', ['user_id', 'name_key'])
    .execute();

  await db.schema
    .createTable('task_labels')
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('label_id', 'text', (c) => c.notNull().references('labels.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('task_labels_pk', ['task_id', 'label_id'])
    .execute();
  await db.schema.createIndex('task_labels_label_idx').on('task_labels').columns(['label_id']).execute();

  await db.schema
    .createTable('saved_filters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('query', t.json, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('saved_filters_user_idx').on('saved_filters').columns(['user_id']).execute();
}
