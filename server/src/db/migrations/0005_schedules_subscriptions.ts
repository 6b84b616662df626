import type { Kysely } from 'kysely';
import { columnTypes } from '../codec.js';
import type { Dialect } from '../database.js';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);

  // A job with a dedupe key is stored once whoever enqueues it: recurring slots, per-entity runs.
  await db.schema.alterTable('jobs').addColumn('dedupe_key', 'text').execute();
  await db.schema.createIndex('jobs_dedupe_key_idx').on('jobs').column('dedupe_key').unique().execute();

  await db.schema
    .createTable('calendar_settings')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('event_starting_lead_minutes', 'integer', (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();

  // One row per `event.starting` fired: the insert is the claim, so no occurrence fires twice.
  await db.schema
    .createTable('event_starting_fired')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('occurrence_start', 'text', (c) => c.notNull())
    .addColumn('lead_minutes', 'integer', (c) => c.notNull())
    .addColumn('fired_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('event_starting_fired_key', ['event_id', 'occurrence_start', 'lead_minutes'])
    .execute();
  await db.schema.createIndex('event_starting_fired_start_idx').on('event_starting_fired').column('occurrence_start').execute();

  // A calendar with a subscription URL is a read-only copy of an external .ics feed.
  const calendarColumns: [string, string, boolean][] = [
    ['subscription_url', 'text', false],
    ['refresh_minutes', 'integer', false],
    ['http_etag', 'text', false],
    ['http_last_modified', 'text', false],
    ['last_refreshed_at', t.instant, false],
    ['refresh_error', 'text', false],
    ['next_refresh_at', t.instant, false],
  ];
  // SQLite takes one ADD COLUMN per statement.
  for (const [name, type] of calendarColumns) await db.schema.alterTable('calendars').addColumn(name, type as 'text').execute();
  await db.schema.alterTable('calendars').addColumn('refresh_failures', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('calendars_next_refresh_idx').on('calendars').column('next_refresh_at').execute();

  await db.schema.alterTable('caldav_connections').addColumn('sync_interval_minutes', 'integer', (c) => c.notNull().defaultTo(15)).execute();
  await db.schema.alterTable('caldav_connections').addColumn('next_sync_at', t.instant).execute();
}
