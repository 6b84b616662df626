import type { CaldavConnection, CaldavLogEntry, CaldavSyncResult, CaldavTaskCalendar, CreateCaldavConnectionInput, UpdateCaldavConnectionInput } from '@atom/contracts';
import type { AppContext } from '../../context.js';
import type { CaldavCalendarsTable, CaldavConnectionsTable } from '../../db/schema.js';
import type { Actor } from '../../platform/auth/actor.js';
import { errors } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { createCalendar } from '../calendars.js';
import { DavClient, DavError, type RemoteCalendarInfo } from './dav-client.js';
import { queueRetry } from './job.js';
import { SyncFailed, syncConnection } from './sync.js';
import { prepareTaskCalendar, taskCalendarsOf } from './task-calendar.js';

function present(ctx: AppContext, c: CaldavConnectionsTable, cals: CaldavCalendarsTable[], taskCalendar: CaldavTaskCalendar | null = null): CaldavConnection {
  const { codec } = ctx.database;
  return {
    id: c.id,
    url: c.url,
    username: c.username,
    status: c.status,
    lastError: c.last_error,
    lastSyncAt: c.last_sync_at,
    syncIntervalMinutes: c.sync_interval_minutes,
    nextSyncAt: c.next_sync_at,
    calendars: cals.map((k) => ({
      remoteUrl: k.remote_url,
      displayName: k.display_name,
      color: k.color,
      components: codec.json.read(k.components) as string[],
      // A deleted Atom calendar ends the sync (its link is set to null by the foreign key).
      syncing: codec.bool.read(k.syncing) && k.local_calendar_id !== null,
      localCalendarId: k.local_calendar_id,
      lastSyncAt: k.last_sync_at,
    })),
    taskCalendar,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}

async function getRow(ctx: AppContext, actor: Actor, id: string): Promise<CaldavConnectionsTable> {
  const row = await ctx.database.db.selectFrom('caldav_connections').selectAll().where('id', '=', id).where('user_id', '=', actor.user.id).executeTakeFirst();
  if (!row) throw errors.notFound('Connection');
  return row;
}

async function presentById(ctx: AppContext, actor: Actor, id: string): Promise<CaldavConnection> {
  const row = await getRow(ctx, actor, id);
  const cals = await ctx.database.db.selectFrom('caldav_calendars').selectAll().where('connection_id', '=', id).orderBy('display_name').execute();
  return present(ctx, row, cals, (await taskCalendarsOf(ctx, actor.user.id, [id])).get(id));
}

/** Discovery with the given credentials; a failure is the user's to fix, so it names the field. */
async function discoverOr400(url: string, username: string, password: string): Promise<RemoteCalendarInfo[]> {
  try {
    return await new DavClient(url, username, password).discover();
  } catch (err) {
    if (!(err instanceof DavError)) throw err;
    throw errors.validation(err.kind === 'auth' ? { password: err.message } : { url: err.message }, err.message);
  }
}

async function storeDiscovered(ctx: AppContext, userId: string, connectionId: string, found: RemoteCalendarInfo[]): Promise<void> {
  const { db, codec } = ctx.database;
  const known = new Set((await db.selectFrom('caldav_calendars').select('remote_url').where('connection_id', '=', connectionId).execute()).map((r) => r.remote_url));
  for (const f of found.filter((x) => !known.has(x.url))) {
    await db
      .insertInto('caldav_calendars')
      .values({ id: newId(), user_id: userId, connection_id: connectionId, remote_url: f.url, display_name: f.displayName, color: f.color, components: codec.json.write(f.components), syncing: codec.bool.write(false), local_calendar_id: null, sync_token: null, ctag: null, last_sync_at: null })
      .execute();
  }
}

export async function createConnection(ctx: AppContext, actor: Actor, input: CreateCaldavConnectionInput): Promise<CaldavConnection> {
  const found = await discoverOr400(input.url, input.username, input.password);
  const now = new Date().toISOString();
  const id = newId();
  await ctx.database.db
    .insertInto('caldav_connections')
    .values({ id, user_id: actor.user.id, url: input.url, username: input.username, password_enc: ctx.secrets.encrypt(input.password), status: 'ok', last_error: null, last_sync_at: null, created_at: now, updated_at: now, sync_interval_minutes: input.syncIntervalMinutes ?? 15 })
    .execute();
  await storeDiscovered(ctx, actor.user.id, id, found);
  return presentById(ctx, actor, id);
}

export async function listConnections(ctx: AppContext, actor: Actor): Promise<CaldavConnection[]> {
  const { db } = ctx.database;
  const rows = await db.selectFrom('caldav_connections').selectAll().where('user_id', '=', actor.user.id).orderBy('created_at').execute();
  const cals = rows.length ? await db.selectFrom('caldav_calendars').selectAll().where('user_id', '=', actor.user.id).orderBy('display_name').execute() : [];
  const tasks = await taskCalendarsOf(ctx, actor.user.id, rows.map((r) => r.id));
  return rows.map((r) => present(ctx, r, cals.filter((c) => c.connection_id === r.id), tasks.get(r.id)));
}

/**
 * Choose calendars to sync (each gets its own new Atom calendar) or stop syncing them (the
 * Atom calendar and its events stay, as a plain local calendar). A new password is checked
 * against the server first, and the calendar list is refreshed with it.
 */
export async function updateConnection(ctx: AppContext, actor: Actor, id: string, input: UpdateCaldavConnectionInput): Promise<CaldavConnection> {
  const { db, codec } = ctx.database;
  const conn = await getRow(ctx, actor, id);
  if (input.password !== undefined) {
    const found = await discoverOr400(conn.url, conn.username, input.password);
    await db.updateTable('caldav_connections').set({ password_enc: ctx.secrets.encrypt(input.password), status: 'ok', last_error: null, updated_at: new Date().toISOString() }).where('id', '=', id).execute();
    await storeDiscovered(ctx, actor.user.id, id, found);
  }
  if (input.syncIntervalMinutes !== undefined) {
    // The next background sync follows the new interval from the last one.
    const next = conn.last_sync_at ? new Date(Date.parse(conn.last_sync_at) + input.syncIntervalMinutes * 60_000).toISOString() : null;
    await db.updateTable('caldav_connections').set({ sync_interval_minutes: input.syncIntervalMinutes, next_sync_at: next, updated_at: new Date().toISOString() }).where('id', '=', id).execute();
  }
  const cals = await db.selectFrom('caldav_calendars').selectAll().where('connection_id', '=', id).execute();
  for (const [i, want] of (input.calendars ?? []).entries()) {
    if (!cals.some((c) => c.remote_url === want.remoteUrl)) throw errors.field(`calendars.${i}.remoteUrl`, 'is not a calendar of this connection');
  }
  const storeTaskCalendar = await prepareTaskCalendar(ctx, actor, id, input.taskCalendar);
  for (const want of input.calendars ?? []) {
    const cal = cals.find((c) => c.remote_url === want.remoteUrl)!;
    const syncing = codec.bool.read(cal.syncing) && cal.local_calendar_id !== null;
    if (want.sync && !syncing) {
      const local = await createCalendar(ctx, actor, { name: cal.display_name.slice(0, 120) || 'CalDAV', ...(cal.color ? { color: cal.color } : {}) });
      await db.deleteFrom('caldav_resources').where('caldav_calendar_id', '=', cal.id).execute();
      await db.updateTable('caldav_calendars').set({ syncing: codec.bool.write(true), local_calendar_id: local.id, sync_token: null, ctag: null, last_sync_at: null }).where('id', '=', cal.id).execute();
      // Its initial sync runs at the scheduler's next tick.
      await db.updateTable('caldav_connections').set({ next_sync_at: null }).where('id', '=', id).execute();
    } else if (!want.sync && codec.bool.read(cal.syncing)) {
      await db.deleteFrom('caldav_resources').where('caldav_calendar_id', '=', cal.id).execute();
      await db.updateTable('caldav_calendars').set({ syncing: codec.bool.write(false), local_calendar_id: null, sync_token: null, ctag: null }).where('id', '=', cal.id).execute();
    }
  }
  await storeTaskCalendar();
  return presentById(ctx, actor, id);
}

/** Removes the connection and its sync state; the Atom calendars it filled stay, as local calendars. */
export async function deleteConnection(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await getRow(ctx, actor, id);
  await ctx.database.db.deleteFrom('caldav_connections').where('id', '=', id).where('user_id', '=', actor.user.id).execute();
}

/** Sync now. A connection-level failure is recorded on the connection and retried in the background. */
export async function syncNow(ctx: AppContext, actor: Actor, id: string): Promise<CaldavSyncResult> {
  await getRow(ctx, actor, id);
  try {
    return await syncConnection(ctx, actor.user.id, id);
  } catch (err) {
    if (!(err instanceof SyncFailed)) throw err;
    await queueRetry(ctx, actor.user.id, id);
    return err.result;
  }
}

export async function connectionLog(ctx: AppContext, actor: Actor, id: string): Promise<CaldavLogEntry[]> {
  await getRow(ctx, actor, id);
  const rows = await ctx.database.db.selectFrom('caldav_log').selectAll().where('connection_id', '=', id).where('user_id', '=', actor.user.id).orderBy('at', 'desc').orderBy('id', 'desc').limit(500).execute();
  return rows.map((r) => ({ id: r.id, at: r.at, kind: r.kind, message: r.message, href: r.href }));
}
