/**
 * What the sync remembers per remote resource (href, etag, local stamp/count at the last
 * sync, the server's last text), for events (caldav_resources, per remote calendar) and for
 * tasks (caldav_task_resources, per task list). Both tables have the same columns but the owner.
 */
import type { CaldavResourcesTable, CaldavTaskResourcesTable } from '../../db/schema.js';
import type { Db } from '../../tasks/queries.js';

export type ResourceRow = Omit<CaldavResourcesTable, 'caldav_calendar_id'>;

export interface ResourceStore {
  all(): Promise<ResourceRow[]>;
  insert(row: ResourceRow): Promise<void>;
  update(id: string, set: Omit<ResourceRow, 'id' | 'uid'>): Promise<void>;
  remove(id: string): Promise<void>;
}

type Owner = { table: 'caldav_resources'; column: 'caldav_calendar_id' } | { table: 'caldav_task_resources'; column: 'task_list_id' };

export function resourceStore(db: Db, owner: Owner, ownerId: string): ResourceStore {
  // The two tables differ only in the owner column's name, so one set of queries serves both.
  const table = owner.table as 'caldav_task_resources';
  const column = owner.column as 'task_list_id';
  return {
    all: () => db.selectFrom(table).select(['id', 'uid', 'href', 'etag', 'local_stamp', 'local_count', 'synced_at', 'remote_ics']).where(column, '=', ownerId).execute(),
    insert: async (row) => {
      const values: CaldavTaskResourcesTable = { ...row, [column]: ownerId };
      await db.insertInto(table).values(values).execute();
    },
    update: async (id, set) => {
      await db.updateTable(table).set(set).where('id', '=', id).where(column, '=', ownerId).execute();
    },
    remove: async (id) => {
      await db.deleteFrom(table).where('id', '=', id).where(column, '=', ownerId).execute();
    },
  };
}
