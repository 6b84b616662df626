/** Calendar: calendars, events, `event.starting` bookkeeping, CalDAV sync state. */
import type { Instant, DbBool, DbJson } from './columns.js';

export interface CalendarsTable {
  id: string;
  user_id: string;
  name: string;
  color: string;
  visible: DbBool;
  is_default: DbBool;
  feed_token_hash: string | null;
  feed_token_enc: string | null;
  /** Set on a read-only calendar fed from an external .ics URL. */
  subscription_url: string | null;
  refresh_minutes: number | null;
  http_etag: string | null;
  http_last_modified: string | null;
  last_refreshed_at: Instant | null;
  refresh_error: string | null;
  refresh_failures: number;
  next_refresh_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface EventsTable {
  id: string;
  user_id: string;
  calendar_id: string;
  series_id: string | null;
  uid: string;
  recurrence_key: string;
  title: string;
  description: string;
  location: string;
  all_day: DbBool;
  start_at: Instant | null;
  end_at: Instant | null;
  start_date: string | null;
  end_date: string | null;
  time_zone: string;
  rrule: string | null;
  rdates: DbJson;
  exdates: DbJson;
  recurrence_id: DbJson;
  status: 'confirmed' | 'tentative' | 'cancelled';
  transparency: 'opaque' | 'transparent';
  attendees: DbJson;
  reminders: DbJson;
  sequence: number;
  span_start: Instant;
  span_end: Instant;
  created_at: Instant;
  updated_at: Instant;
}

export interface CalendarSettingsTable {
  user_id: string;
  event_starting_lead_minutes: number;
  updated_at: Instant;
}

export interface EventStartingFiredTable {
  id: string;
  user_id: string;
  /** The series (or single event) the occurrence belongs to. */
  event_id: string;
  /** The occurrence's actual start as an ISO instant: a moved occurrence is a new key. */
  occurrence_start: string;
  lead_minutes: number;
  fired_at: Instant;
}

export interface CaldavConnectionsTable {
  id: string;
  user_id: string;
  url: string;
  username: string;
  password_enc: string;
  status: 'ok' | 'error';
  last_error: string | null;
  last_sync_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
  sync_interval_minutes: number;
  /** When the scheduler next syncs this connection; null: at its next tick. */
  next_sync_at: Instant | null;
}

export interface CaldavCalendarsTable {
  id: string;
  user_id: string;
  connection_id: string;
  remote_url: string;
  display_name: string;
  color: string | null;
  components: DbJson;
  syncing: DbBool;
  local_calendar_id: string | null;
  sync_token: string | null;
  ctag: string | null;
  last_sync_at: Instant | null;
}

export interface CaldavResourcesTable {
  id: string;
  caldav_calendar_id: string;
  uid: string;
  href: string;
  etag: string | null;
  local_stamp: Instant;
  local_count: number;
  synced_at: Instant;
  /** The server's last-seen iCalendar text, for the properties Atom does not model. */
  remote_ics: string | null;
}

export interface CaldavLogTable {
  id: string;
  user_id: string;
  connection_id: string;
  at: Instant;
  kind: 'conflict' | 'error' | 'info';
  message: string;
  href: string | null;
}

export interface CaldavTaskListsTable {
  id: string;
  user_id: string;
  connection_id: string;
  caldav_calendar_id: string;
  project_id: string | null;
  sync_token: string | null;
  ctag: string | null;
  last_sync_at: Instant | null;
}

/** The same bookkeeping as caldav_resources, owned by a task list instead of a remote calendar. */
export type CaldavTaskResourcesTable = Omit<CaldavResourcesTable, 'caldav_calendar_id'> & { task_list_id: string };
