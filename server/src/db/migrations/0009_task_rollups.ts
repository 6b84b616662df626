import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Each task row carries its label names and its subtask counts, kept by triggers.
 *
 * Why: listing 1,000 tasks on PostgreSQL spent over half its time in two correlated
 * subqueries per row (labels, subtask counts). Triggers keep the roll-ups right whatever
 * writes the rows (the API verbs, bulk actions, CalDAV sync, .ics import, label renames and
 * deletions through their cascades), so no write path can forget them. Each refresh
 * recomputes from the source rows instead of incrementing, so a roll-up cannot drift.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema.alterTable('tasks').addColumn('label_names', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.alterTable('tasks').addColumn('subtask_total', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('tasks').addColumn('subtask_done', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  for (const statement of dialect === 'postgres' ? postgres : sqlite) await sql.raw(statement).execute(db);
  await sql.raw(dialect === 'postgres' ? 'update tasks set label_names = atom_task_label_names(id)' : `update tasks set label_names = ${sqliteLabelNames('tasks.id')}`).execute(db);
  await sql.raw(`update tasks set (subtask_total, subtask_done) = (${subtaskCounts}) where exists (select 1 from tasks c where c.parent_id = tasks.id)`).execute(db);
}

/** Open and done children of the row being updated (deleted children do not count). */
const subtaskCounts = `select count(*), count(*) filter (where c.status = 'done') from tasks c
  where c.user_id = tasks.user_id and c.parent_id = tasks.id and c.deleted_at is null`;

const sqliteLabelNames = (taskId: string) =>
  `(select json_group_array(l.name order by l.name_key) from task_labels tl join labels l on l.id = tl.label_id where tl.task_id = ${taskId})`;

const sqliteRefreshLabels = (taskId: string) => `update tasks set label_names = ${sqliteLabelNames('tasks.id')} where id = ${taskId};`;
const sqliteRefreshSubtasks = (parentId: string) => `update tasks set (subtask_total, subtask_done) = (${subtaskCounts}) where id = ${parentId};`;

const sqlite = [
  `create trigger task_labels_rollup_insert after insert on task_labels begin ${sqliteRefreshLabels('new.task_id')} end`,
  `create trigger task_labels_rollup_delete after delete on task_labels begin ${sqliteRefreshLabels('old.task_id')} end`,
  `create trigger task_labels_rollup_update after update on task_labels begin ${sqliteRefreshLabels('old.task_id')} ${sqliteRefreshLabels('new.task_id')} end`,
  `create trigger labels_rollup_rename after update of name, name_key on labels begin
     update tasks set label_names = ${sqliteLabelNames('tasks.id')} where id in (select task_id from task_labels where label_id = new.id);
   end`,
  // A new row has no labels or children yet (both reference it); a copied row must not keep its source's roll-ups.
  `create trigger tasks_rollup_reset after insert on tasks when new.label_names <> '[]' or new.subtask_total <> 0 or new.subtask_done <> 0 begin
     update tasks set label_names = '[]', subtask_total = 0, subtask_done = 0 where id = new.id;
   end`,
  `create trigger tasks_rollup_insert after insert on tasks when new.parent_id is not null begin ${sqliteRefreshSubtasks('new.parent_id')} end`,
  `create trigger tasks_rollup_delete after delete on tasks when old.parent_id is not null begin ${sqliteRefreshSubtasks('old.parent_id')} end`,
  `create trigger tasks_rollup_update_old after update of parent_id, status, deleted_at on tasks when old.parent_id is not null begin
     ${sqliteRefreshSubtasks('old.parent_id')}
   end`,
  `create trigger tasks_rollup_update_new after update of parent_id on tasks when new.parent_id is not null and new.parent_id is not old.parent_id begin
     ${sqliteRefreshSubtasks('new.parent_id')}
   end`,
];

const postgres = [
  `create function atom_task_label_names(task text) returns text language sql stable as $$
     select coalesce(json_agg(l.name order by l.name_key)::text, '[]') from task_labels tl join labels l on l.id = tl.label_id where tl.task_id = task
   $$`,
  `create function atom_task_refresh_labels(task text) returns void language sql as $$
     update tasks set label_names = atom_task_label_names(task) where id = task
   $$`,
  `create function atom_task_refresh_subtasks(parent text) returns void language sql as $$
     update tasks set (subtask_total, subtask_done) = (${subtaskCounts}) where id = parent
   $$`,
  `create function atom_task_labels_rollup() returns trigger language plpgsql as $$
   begin
     if tg_op in ('DELETE', 'UPDATE') then perform atom_task_refresh_labels(old.task_id); end if;
     if tg_op in ('INSERT', 'UPDATE') then perform atom_task_refresh_labels(new.task_id); end if;
     return null;
   end $$`,
  `create trigger task_labels_rollup after insert or update or delete on task_labels for each row execute function atom_task_labels_rollup()`,
  `create function atom_labels_rollup() returns trigger language plpgsql as $$
   begin
     perform atom_task_refresh_labels(tl.task_id) from task_labels tl where tl.label_id = new.id;
     return null;
   end $$`,
  `create trigger labels_rollup_rename after update of name, name_key on labels for each row execute function atom_labels_rollup()`,
  `create function atom_tasks_rollup() returns trigger language plpgsql as $$
   begin
     if tg_op = 'INSERT' and (new.label_names <> '[]' or new.subtask_total <> 0 or new.subtask_done <> 0) then
       update tasks set label_names = '[]', subtask_total = 0, subtask_done = 0 where id = new.id;
     end if;
     if tg_op in ('DELETE', 'UPDATE') and old.parent_id is not null then perform atom_task_refresh_subtasks(old.parent_id); end if;
     -- OLD is null on INSERT, so an unchanged parent is refreshed once.
     if tg_op in ('INSERT', 'UPDATE') and new.parent_id is distinct from old.parent_id and new.parent_id is not null then
       perform atom_task_refresh_subtasks(new.parent_id);
     end if;
     return null;
   end $$`,
  `create trigger tasks_rollup after insert or delete or update of parent_id, status, deleted_at on tasks for each row execute function atom_tasks_rollup()`,
];
