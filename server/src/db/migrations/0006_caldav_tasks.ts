import type { Kysely } from 'kysely';
import { columnTypes } from '../codec.js';
import type { Dialect } from '../database.js';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);

  // The server's last-seen text of a resource: what Atom does not model (ORGANIZER, X- and
  // other properties) is read back from it and sent again with the next push.
  await db.schema.alterTable('caldav_resources').addColumn('remote_ics', 'text').execute();

  // At most one task calendar per connection: the tasks of one project sync as VTODOs there.
  await db.schema
    .createTable('caldav_task_lists')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('connection_id', 'text', (c) => c.notNull().unique().references('caldav_connections.id').onDelete('cascade'))
    .addColumn('caldav_calendar_id', 'text', (c) => c.notNull().references('caldav_calendars.id').onDelete('cascade'))
    // Deleting the project ends the task sync; the remote calendar is left alone.
    .addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('set null'))
    .addColumn('sync_token', 'text')
    .addColumn('ctag', 'text')
    .addColumn('last_sync_at', t.instant)
    .execute();

  // One row per remote VTODO resource, as caldav_resources is for events (a row whose task is
  // gone locally is a tombstone: the deletion still has to be pushed).
  await db.schema
    .createTable('caldav_task_resources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_list_id', 'text', (c) => c.notNull().references('caldav_task_lists.id').onDelete('cascade'))
    .addColumn('uid', 'text', (c) => c.notNull())
    .addColumn('href', 'text', (c) => c.notNull())
    .addColumn('etag', 'text')
    .addColumn('local_stamp', t.instant, (c) => c.notNull())
    .addColumn('local_count', 'integer', (c) => c.notNull())
    .addColumn('synced_at', t.instant, (c) => c.notNull())
    .addColumn('remote_ics', 'text')
    .addUniqueConstraint('caldav_task_resources_list_uid_key', ['task_list_id', 'uid'])
    .execute();
  await db.schema.createIndex('caldav_task_resources_href_idx').on('caldav_task_resources').columns(['task_list_id', 'href']).execute();
}
