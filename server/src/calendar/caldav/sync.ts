import type { CaldavSyncResult } from '@atom/contracts';
import type { AppContext } from '../../context.js';
import type { CaldavCalendarsTable, CaldavConnectionsTable, CaldavResourcesTable } from '../../db/schema.js';
import { newId } from '../../platform/ids.js';
import { IcsError, parseICalendar, serializeCalendar } from '../ical/index.js';
import { DavClient, DavError } from './dav-client.js';
import { applyRemoteGroup, deleteLocalGroup, loadGroup, localGroups, type LocalGroup } from './local.js';

const BATCH = 100;

export function emptyResult(): CaldavSyncResult {
  return { pulled: { created: 0, updated: 0, deleted: 0 }, pushed: { created: 0, updated: 0, deleted: 0 }, conflicts: 0, errors: 0 };
}

export async function addLog(ctx: AppContext, conn: Pick<CaldavConnectionsTable, 'id' | 'user_id'>, kind: 'conflict' | 'error' | 'info', message: string, href: string | null = null): Promise<void> {
  await ctx.database.db.insertInto('caldav_log').values({ id: newId(), user_id: conn.user_id, connection_id: conn.id, at: new Date().toISOString(), kind, message, href }).execute();
}

export function clientFor(ctx: AppContext, conn: CaldavConnectionsTable): DavClient {
  return new DavClient(conn.url, conn.username, ctx.secrets.decrypt(conn.password_enc));
}

/** The newest LAST-MODIFIED in a resource, as an ISO instant (null when the server wrote none). */
export function remoteLastModified(ics: string): string | null {
  const unfolded = ics.replace(/\r?\n[ \t]/g, '');
  let best: string | null = null;
  for (const m of unfolded.matchAll(/^LAST-MODIFIED(?:;[^:\r\n]*)?:(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z?\s*$/gm)) {
    const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z`;
    if (best === null || iso > best) best = iso;
  }
  return best;
}

const normHref = (href: string) => {
  const path = href.startsWith('http') ? new URL(href).pathname : href;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
};
const fileName = (uid: string) => `${uid.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 200)}.ics`;
const isDirty = (r: CaldavResourcesTable, g: LocalGroup | undefined) => g !== undefined && (Date.parse(g.stamp) > Date.parse(r.local_stamp) || g.count !== r.local_count);

interface CalState {
  ctx: AppContext;
  conn: CaldavConnectionsTable;
  cal: CaldavCalendarsTable;
  localId: string;
  client: DavClient;
  timeZone: string;
  result: CaldavSyncResult;
  byUid: Map<string, CaldavResourcesTable>;
  byHref: Map<string, CaldavResourcesTable>;
  groups: Map<string, LocalGroup>;
}

async function saveResource(s: CalState, uid: string, href: string, etag: string | null, stamp: string, count: number): Promise<void> {
  const { db } = s.ctx.database;
  const now = new Date().toISOString();
  const prev = s.byUid.get(uid);
  if (prev && normHref(prev.href) !== normHref(href)) s.byHref.delete(normHref(prev.href));
  const row: CaldavResourcesTable = { id: prev?.id ?? newId(), caldav_calendar_id: s.cal.id, uid, href, etag, local_stamp: stamp, local_count: count, synced_at: now };
  if (prev) await db.updateTable('caldav_resources').set({ href, etag, local_stamp: stamp, local_count: count, synced_at: now }).where('id', '=', prev.id).execute();
  else await db.insertInto('caldav_resources').values(row).execute();
  s.byUid.set(uid, row);
  s.byHref.set(normHref(href), row);
}

async function forgetResource(s: CalState, r: CaldavResourcesTable): Promise<void> {
  await s.ctx.database.db.deleteFrom('caldav_resources').where('id', '=', r.id).execute();
  s.byUid.delete(r.uid);
  s.byHref.delete(normHref(r.href));
}

/** What changed on the server: by sync-collection when it works, else ctag + etag comparison. */
async function remoteChanges(s: CalState): Promise<{ changed: { href: string; etag: string | null }[]; token: string | null; ctag: string | null }> {
  try {
    const r = await s.client.syncCollection(s.cal.remote_url, s.cal.sync_token);
    return { changed: r.changes, token: r.token, ctag: null };
  } catch (err) {
    // An expired token (403/409 valid-sync-token) or no RFC 6578 support: compare etags instead.
    if (!(err instanceof DavError) || err.kind !== 'http') throw err;
  }
  const ctag = await s.client.ctag(s.cal.remote_url);
  if (ctag !== null && ctag === s.cal.ctag) return { changed: [], token: null, ctag };
  const listing = await s.client.etags(s.cal.remote_url);
  const seen = new Set(listing.map((l) => normHref(l.href)));
  const gone = [...s.byHref.values()].filter((r) => !seen.has(normHref(r.href))).map((r) => ({ href: r.href, etag: null }));
  return { changed: [...listing, ...gone], token: null, ctag };
}

/** Applies fetched resources locally, deciding conflicts with locally edited events. */
async function pullFetched(s: CalState, fetched: { href: string; etag: string; data: string }[]): Promise<void> {
  const { ctx, result } = s;
  const now = new Date().toISOString();
  const apply: { href: string; etag: string; events: ReturnType<typeof parseICalendar>['events']; conflictNote: string | null }[] = [];
  for (const f of fetched) {
    let parsed;
    try {
      parsed = parseICalendar(f.data, { defaultTimeZone: s.timeZone });
    } catch (err) {
      if (!(err instanceof IcsError)) throw err;
      result.errors += 1;
      await addLog(ctx, s.conn, 'error', `Could not read ${normHref(f.href)}: ${err.message}`, f.href);
      continue;
    }
    const uid = parsed.events[0]?.uid;
    if (!uid) continue; // VTODO-only resources: task sync is not done yet.
    const events = parsed.events.filter((e) => e.uid === uid);
    const res = s.byUid.get(uid) ?? s.byHref.get(normHref(f.href));
    const group = s.groups.get(uid);
    let note: string | null = null;
    if (res && isDirty(res, group)) {
      result.conflicts += 1;
      const remoteAt = remoteLastModified(f.data);
      const title = events[0]?.title ?? uid;
      if (remoteAt !== null && group && Date.parse(group.stamp) > Date.parse(remoteAt)) {
        // Local wins: keep it dirty, but against the server's new etag so the push succeeds.
        await saveResource(s, uid, f.href, f.etag, res.local_stamp, res.local_count);
        await addLog(ctx, s.conn, 'conflict', `"${title}" changed on both sides; kept Atom's version (edited ${group.stamp}, server's ${remoteAt})`, f.href);
        continue;
      }
      note = `"${title}" changed on both sides; kept the server's version (server ${remoteAt ?? 'time unknown'}, Atom ${group?.stamp ?? '?'})`;
    }
    apply.push({ href: f.href, etag: f.etag, events, conflictNote: note });
  }
  const saved = await ctx.database.db.transaction().execute(async (trx) => {
    const out: { uid: string; href: string; etag: string; stamp: string; count: number; existed: boolean }[] = [];
    for (const a of apply) {
      const r = await applyRemoteGroup(ctx, trx, s.conn.user_id, s.localId, a.events, now);
      out.push({ uid: a.events[0]!.uid, href: a.href, etag: a.etag, ...r });
    }
    return out;
  });
  for (const [i, r] of saved.entries()) {
    await saveResource(s, r.uid, r.href, r.etag, r.stamp, r.count);
    s.groups.set(r.uid, { uid: r.uid, stamp: r.stamp, count: r.count });
    const note = apply[i]?.conflictNote;
    if (note) await addLog(ctx, s.conn, 'conflict', note, r.href);
    if (r.existed) result.pulled.updated += 1;
    else result.pulled.created += 1;
  }
}

async function pull(s: CalState): Promise<{ token: string | null; ctag: string | null }> {
  const { changed, token, ctag } = await remoteChanges(s);
  const toFetch: string[] = [];
  for (const c of changed) {
    const res = s.byHref.get(normHref(c.href));
    if (c.etag === null) {
      if (!res) continue;
      const group = s.groups.get(res.uid);
      if (isDirty(res, group)) {
        // Deleted there, edited here since the last sync: the newer edit wins, so it goes back up.
        s.result.conflicts += 1;
        await addLog(s.ctx, s.conn, 'conflict', `An event deleted on the server was edited in Atom after the last sync; it was kept and sent again`, c.href);
        await forgetResource(s, res);
        continue;
      }
      await deleteLocalGroup(s.ctx.database.db, s.localId, res.uid);
      s.groups.delete(res.uid);
      await forgetResource(s, res);
      s.result.pulled.deleted += 1;
    } else if (!res || res.etag !== c.etag) toFetch.push(c.href);
  }
  for (let i = 0; i < toFetch.length; i += BATCH) await pullFetched(s, await s.client.multiget(s.cal.remote_url, toFetch.slice(i, i + BATCH)));
  return { token, ctag };
}

/** Server wins after a refused write: fetch its version and apply it here. */
async function takeServerVersion(s: CalState, res: CaldavResourcesTable, why: string): Promise<void> {
  s.result.conflicts += 1;
  await addLog(s.ctx, s.conn, 'conflict', why, res.href);
  const fetched = await s.client.multiget(s.cal.remote_url, [res.href]);
  if (fetched.length === 0) {
    await deleteLocalGroup(s.ctx.database.db, s.localId, res.uid);
    await forgetResource(s, res);
    return;
  }
  // Make the local copy look clean so the fetched version applies.
  await saveResource(s, res.uid, res.href, null, new Date().toISOString(), s.groups.get(res.uid)?.count ?? 0);
  s.groups.delete(res.uid);
  await pullFetched(s, fetched);
}

async function push(s: CalState): Promise<void> {
  const { ctx, result } = s;
  for (const g of s.groups.values()) {
    const res = s.byUid.get(g.uid);
    if (res && !isDirty(res, g)) continue;
    const events = await loadGroup(ctx, s.localId, g.uid);
    if (events.length === 0) continue;
    const ics = serializeCalendar({ name: s.cal.display_name, events });
    const href = res?.href ?? new URL(fileName(g.uid), s.cal.remote_url).pathname;
    try {
      const etag = await s.client.put(href, ics, res ? (res.etag ?? '*') : null);
      await saveResource(s, g.uid, href, etag, g.stamp, g.count);
      if (res) result.pushed.updated += 1;
      else result.pushed.created += 1;
    } catch (err) {
      if (!(err instanceof DavError) || err.kind === 'network' || err.kind === 'auth') throw err;
      if (err.kind === 'precondition' && res) await takeServerVersion(s, res, `"${events[0]?.title ?? g.uid}" changed on the server while Atom sent its edit; kept the server's version`);
      else {
        result.errors += 1;
        await addLog(ctx, s.conn, 'error', `Could not send "${events[0]?.title ?? g.uid}": ${err.message}`, href);
      }
    }
  }
  // Tombstones: known remotely, gone locally.
  for (const res of [...s.byUid.values()]) {
    if (s.groups.has(res.uid)) continue;
    try {
      await s.client.delete(res.href, res.etag);
      await forgetResource(s, res);
      result.pushed.deleted += 1;
    } catch (err) {
      if (!(err instanceof DavError) || err.kind === 'network' || err.kind === 'auth') throw err;
      if (err.kind === 'precondition') await takeServerVersion(s, res, `An event deleted in Atom was changed on the server; kept the server's version`);
      else {
        result.errors += 1;
        await addLog(ctx, s.conn, 'error', `Could not delete ${normHref(res.href)}: ${err.message}`, res.href);
      }
    }
  }
}

async function syncCalendar(ctx: AppContext, conn: CaldavConnectionsTable, cal: CaldavCalendarsTable, client: DavClient, timeZone: string, result: CaldavSyncResult): Promise<void> {
  if (!cal.local_calendar_id) return;
  const { db } = ctx.database;
  const resources = await db.selectFrom('caldav_resources').selectAll().where('caldav_calendar_id', '=', cal.id).execute();
  const s: CalState = {
    ctx,
    conn,
    cal,
    localId: cal.local_calendar_id,
    client,
    timeZone,
    result,
    byUid: new Map(resources.map((r) => [r.uid, r])),
    byHref: new Map(resources.map((r) => [normHref(r.href), r])),
    groups: await localGroups(db, cal.local_calendar_id),
  };
  const { token, ctag } = await pull(s);
  await push(s);
  await db
    .updateTable('caldav_calendars')
    .set({ sync_token: token, ctag: ctag ?? cal.ctag, last_sync_at: new Date().toISOString() })
    .where('id', '=', cal.id)
    .execute();
}

export class SyncFailed extends Error {
  constructor(
    message: string,
    readonly result: CaldavSyncResult,
  ) {
    super(message);
  }
}

/**
 * Two-way sync of every synced calendar of one connection: pull (server changes, remote
 * deletions, conflicts), then push (new, edited and deleted local events with If-Match).
 * A connection-level failure (unreachable, wrong password) marks the connection and throws
 * SyncFailed; local data is left as it was before the failing request.
 */
export async function syncConnection(ctx: AppContext, userId: string, connectionId: string): Promise<CaldavSyncResult> {
  // One sync per connection at a time in this process ("sync now" while the retry job runs):
  // the second waits for the first, then finds little left to do.
  const previous = running.get(connectionId) ?? Promise.resolve();
  const mine = previous.catch(() => undefined).then(() => syncOnce(ctx, userId, connectionId));
  const settled = mine.catch(() => undefined);
  running.set(connectionId, settled);
  try {
    return await mine;
  } finally {
    if (running.get(connectionId) === settled) running.delete(connectionId);
  }
}

const running = new Map<string, Promise<unknown>>();

async function syncOnce(ctx: AppContext, userId: string, connectionId: string): Promise<CaldavSyncResult> {
  const { db, codec } = ctx.database;
  const conn = await db.selectFrom('caldav_connections').selectAll().where('id', '=', connectionId).where('user_id', '=', userId).executeTakeFirstOrThrow();
  const user = await db.selectFrom('users').select('time_zone').where('id', '=', userId).executeTakeFirstOrThrow();
  const cals = await db.selectFrom('caldav_calendars').selectAll().where('connection_id', '=', conn.id).execute();
  const client = clientFor(ctx, conn);
  const result = emptyResult();
  try {
    for (const cal of cals.filter((c) => codec.bool.read(c.syncing))) await syncCalendar(ctx, conn, cal, client, user.time_zone, result);
  } catch (err) {
    if (!(err instanceof DavError)) throw err;
    result.errors += 1;
    await db.updateTable('caldav_connections').set({ status: 'error', last_error: err.message, updated_at: new Date().toISOString() }).where('id', '=', conn.id).execute();
    await addLog(ctx, conn, 'error', `Sync failed: ${err.message}`);
    throw new SyncFailed(err.message, result);
  }
  const now = new Date().toISOString();
  await db.updateTable('caldav_connections').set({ status: 'ok', last_error: null, last_sync_at: now, updated_at: now }).where('id', '=', conn.id).execute();
  return result;
}
