import type { Kysely } from 'kysely';
import { columnTypes } from '../codec.js';
import type { Dialect } from '../database.js';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);

  await db.schema
    .createTable('caldav_connections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    // Encrypted with ctx.secrets (AES-256-GCM, key id inside).
    .addColumn('password_enc', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('last_sync_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('caldav_connections_user_idx').on('caldav_connections').column('user_id').execute();

  await db.schema
    .createTable('caldav_calendars')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('connection_id', 'text', (c) => c.notNull().references('caldav_connections.id').onDelete('cascade'))
    .addColumn('remote_url', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('color', 'text')
    .addColumn('components', t.json, (c) => c.notNull())
    .addColumn('syncing', t.bool, (c) => c.notNull())
    // Deleting the local calendar stops its sync; the remote calendar is left alone.
    .addColumn('local_calendar_id', 'text', (c) => c.references('calendars.id').onDelete('set null'))
    .addColumn('sync_token', 'text')
    .addColumn('ctag', 'text')
    .addColumn('last_sync_at', t.instant)
    .addUniqueConstraint('caldav_calendars_conn_url_key', ['connection_id', 'remote_url'])
    .execute();

  // One row per remote resource (one UID: a series and its edited occurrences). A row whose
  // UID has no local events left is a tombstone: the local deletion still has to be pushed.
  await db.schema
    .createTable('caldav_resources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('caldav_calendar_id', 'text', (c) => c.notNull().references('caldav_calendars.id').onDelete('cascade'))
    .addColumn('uid', 'text', (c) => c.notNull())
    .addColumn('href', 'text', (c) => c.notNull())
    .addColumn('etag', 'text')
    // The local events' newest updated_at and their count when last in step with the server.
    .addColumn('local_stamp', t.instant, (c) => c.notNull())
    .addColumn('local_count', 'integer', (c) => c.notNull())
    .addColumn('synced_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('caldav_resources_cal_uid_key', ['caldav_calendar_id', 'uid'])
    .execute();
  await db.schema.createIndex('caldav_resources_href_idx').on('caldav_resources').columns(['caldav_calendar_id', 'href']).execute();

  await db.schema
    .createTable('caldav_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('connection_id', 'text', (c) => c.notNull().references('caldav_connections.id').onDelete('cascade'))
    .addColumn('at', t.instant, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('href', 'text')
    .execute();
  await db.schema.createIndex('caldav_log_conn_idx').on('caldav_log').columns(['connection_id', 'at']).execute();
}
