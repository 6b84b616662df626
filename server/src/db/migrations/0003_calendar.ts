import type { Kysely } from 'kysely';
import { columnTypes } from '../codec.js';
import type { Dialect } from '../database.js';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);

  await db.schema
    .createTable('calendars')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('color', 'text', (c) => c.notNull())
    .addColumn('visible', t.bool, (c) => c.notNull())
    .addColumn('is_default', t.bool, (c) => c.notNull())
    // The feed secret is looked up by hash and shown again from its encrypted copy.
    .addColumn('feed_token_hash', 'text', (c) => c.unique())
    .addColumn('feed_token_enc', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('calendars_user_idx').on('calendars').column('user_id').execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('calendar_id', 'text', (c) => c.notNull().references('calendars.id').onDelete('cascade'))
    .addColumn('series_id', 'text', (c) => c.references('events.id').onDelete('cascade'))
    .addColumn('uid', 'text', (c) => c.notNull())
    // '' for a series or single event; the original start for an edited occurrence.
    .addColumn('recurrence_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('all_day', t.bool, (c) => c.notNull())
    .addColumn('start_at', t.instant)
    .addColumn('end_at', t.instant)
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('rrule', 'text')
    .addColumn('rdates', t.json, (c) => c.notNull())
    .addColumn('exdates', t.json, (c) => c.notNull())
    .addColumn('recurrence_id', t.json)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('transparency', 'text', (c) => c.notNull())
    .addColumn('attendees', t.json, (c) => c.notNull())
    .addColumn('reminders', t.json, (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    // The span any occurrence can touch, for "what overlaps this week" without expanding everything.
    .addColumn('span_start', t.instant, (c) => c.notNull())
    .addColumn('span_end', t.instant, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('events_calendar_uid_key', ['calendar_id', 'uid', 'recurrence_key'])
    .execute();
  await db.schema.createIndex('events_user_span_idx').on('events').columns(['user_id', 'span_start', 'span_end']).execute();
  await db.schema.createIndex('events_series_idx').on('events').columns(['user_id', 'series_id']).execute();

  // VTODOs imported from (and later synced with) CalDAV keep their iCalendar UID.
  await db.schema.alterTable('tasks').addColumn('ical_uid', 'text').execute();
  await db.schema.createIndex('tasks_ical_uid_idx').on('tasks').columns(['user_id', 'ical_uid']).execute();
}
