/** The tasks of one project synced as VTODOs with the connection's chosen task calendar. */
import type { AppContext } from '../../context.js';
import type { CaldavConnectionsTable, UsersTable } from '../../db/schema.js';
import type { Actor } from '../../platform/auth/actor.js';
import { deleteInTrx } from '../../tasks/delete-task.js';
import type { Db } from '../../tasks/queries.js';
import { parseICalendar, serializeCalendar, type TodoData } from '../ical/index.js';
import type { LocalGroup } from './local.js';
import { resourceStore } from './resources.js';
import { addLog, type SyncTarget } from './sync.js';
import { applyTodo, linkParent, taskToTodo } from './task-local.js';

type SyncUser = Pick<UsersTable, 'id' | 'email' | 'name' | 'role' | 'time_zone' | 'created_at'>;

/** Each task is one resource; tasks made in Atom get a UID on their first sync. */
async function taskGroups(db: Db, userId: string, projectId: string): Promise<Map<string, LocalGroup>> {
  // Not touching updated_at: a UID of its own is not an edit.
  const noUid = await db.selectFrom('tasks').select('id').where('user_id', '=', userId).where('project_id', '=', projectId).where('deleted_at', 'is', null).where('ical_uid', 'is', null).execute();
  for (const t of noUid) await db.updateTable('tasks').set({ ical_uid: `${t.id}@atom` }).where('id', '=', t.id).where('user_id', '=', userId).execute();
  const rows = await db.selectFrom('tasks').select(['ical_uid', 'updated_at']).where('user_id', '=', userId).where('project_id', '=', projectId).where('deleted_at', 'is', null).execute();
  return new Map(rows.map((r) => [r.ical_uid!, { uid: r.ical_uid!, stamp: new Date(r.updated_at).toISOString(), count: 1 }]));
}

/** Unmodelled properties of the server's last copy; PERCENT-COMPLETE only while the task is open. */
function leftovers(todo: TodoData, lastRemote: string | null, timeZone: string): TodoData {
  if (lastRemote === null) return todo;
  let remote: TodoData | undefined;
  try {
    remote = parseICalendar(lastRemote, { defaultTimeZone: timeZone, keepExtra: true }).todos.find((t) => t.uid === todo.uid);
  } catch {
    return todo;
  }
  const extra = remote?.extra?.filter((raw) => todo.status !== 'completed' || !/^PERCENT-COMPLETE[;:]/i.test(raw));
  return extra?.length ? { ...todo, extra } : todo;
}

export async function taskTarget(ctx: AppContext, conn: CaldavConnectionsTable, user: SyncUser): Promise<SyncTarget<TodoData> | null> {
  const { db } = ctx.database;
  const list = await db
    .selectFrom('caldav_task_lists')
    .innerJoin('caldav_calendars', 'caldav_calendars.id', 'caldav_task_lists.caldav_calendar_id')
    .select(['caldav_task_lists.id', 'caldav_task_lists.project_id', 'caldav_task_lists.sync_token', 'caldav_task_lists.ctag', 'caldav_calendars.remote_url', 'caldav_calendars.display_name'])
    .where('caldav_task_lists.connection_id', '=', conn.id)
    .where('caldav_task_lists.user_id', '=', user.id)
    .executeTakeFirst();
  if (!list?.project_id) return null;
  const projectId = list.project_id;
  const actor: Actor = { user, via: 'token' };
  const tz = user.time_zone;
  // Subtasks whose parent had not arrived yet when they were applied: task id -> parent UID.
  const pending = new Map<string, string>();
  const warnings: string[] = [];
  const byUid = (q: Db, uid: string) => q.selectFrom('tasks').selectAll().where('user_id', '=', user.id).where('project_id', '=', projectId).where('ical_uid', '=', uid).where('deleted_at', 'is', null).executeTakeFirst();
  return {
    noun: 'a task',
    remoteUrl: list.remote_url,
    syncToken: list.sync_token,
    ctag: list.ctag,
    store: resourceStore(db, { table: 'caldav_task_resources', column: 'task_list_id' }, list.id),
    groups: () => taskGroups(db, user.id, projectId),
    pick(parsed) {
      const todo = parsed.todos[0];
      return todo ? { uid: todo.uid, title: todo.title || todo.uid, data: todo } : null;
    },
    async apply(trx, item) {
      const { id, existed } = await applyTodo(ctx, trx, actor, projectId, item.data, (m) => warnings.push(m));
      if (!(await linkParent(trx, user.id, projectId, id, item.data.parentUid ?? null))) pending.set(id, item.data.parentUid!);
      const row = await trx.selectFrom('tasks').select('updated_at').where('id', '=', id).executeTakeFirstOrThrow();
      return { existed, stamp: new Date(row.updated_at).toISOString(), count: 1 };
    },
    async settle(trx) {
      for (const [id, parentUid] of pending) if (await linkParent(trx, user.id, projectId, id, parentUid)) pending.delete(id);
    },
    async render(uid, lastRemote) {
      const task = await byUid(db, uid);
      if (!task) return null;
      const labels = await db.selectFrom('task_labels').innerJoin('labels', 'labels.id', 'task_labels.label_id').select('labels.name').where('task_labels.task_id', '=', task.id).where('task_labels.user_id', '=', user.id).orderBy('labels.name').execute();
      const parent = task.parent_id ? await db.selectFrom('tasks').select('ical_uid').where('id', '=', task.parent_id).where('deleted_at', 'is', null).executeTakeFirst() : undefined;
      const todo = taskToTodo(task, uid, labels.map((l) => l.name), parent?.ical_uid ?? null, tz);
      return { title: task.title, ics: serializeCalendar({ name: list.display_name, events: [], todos: [leftovers(todo, lastRemote, tz)] }) };
    },
    async deleteLocal(uid) {
      await db.transaction().execute(async (trx) => {
        const task = await byUid(trx, uid);
        if (task) await deleteInTrx(trx, user.id, task.id);
      });
    },
    async saveState(token, ctag) {
      for (const w of warnings.splice(0)) await addLog(ctx, conn, 'info', w);
      await db.updateTable('caldav_task_lists').set({ sync_token: token, ctag, last_sync_at: new Date().toISOString() }).where('id', '=', list.id).execute();
    },
  };
}
