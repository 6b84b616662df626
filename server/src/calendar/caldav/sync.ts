import type { CaldavSyncResult } from '@atom/contracts';
import type { AppContext } from '../../context.js';
import type { CaldavConnectionsTable } from '../../db/schema.js';
import { newId } from '../../platform/ids.js';
import type { Db } from '../../tasks/queries.js';
import { IcsError, parseICalendar, type ParsedCalendar } from '../ical/index.js';
import { DavClient, DavError } from './dav-client.js';
import { eventTarget, type LocalGroup } from './local.js';
import type { ResourceRow, ResourceStore } from './resources.js';
import { taskTarget } from './task-target.js';

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
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const fileName = (uid: string) => `${uid.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 200)}.ics`;
const isDirty = (r: ResourceRow, g: LocalGroup | undefined) => g !== undefined && (Date.parse(g.stamp) > Date.parse(r.local_stamp) || g.count !== r.local_count);

/** One remote resource's share for a target: its UID, a title for the log, and the data to apply. */
export interface RemoteItem<T> {
  uid: string;
  title: string;
  data: T;
}

/**
 * What the engine syncs one remote collection with: events of an Atom calendar, or tasks of a
 * project. The engine does the CalDAV side (changes, etags, If-Match, conflicts, the log);
 * the target knows the local side.
 */
export interface SyncTarget<T> {
  /** "an event" or "a task", for the log. */
  noun: string;
  remoteUrl: string;
  syncToken: string | null;
  ctag: string | null;
  store: ResourceStore;
  /** The local groups (one per UID) with their newest change and row count. */
  groups(): Promise<Map<string, LocalGroup>>;
  /** This target's part of a remote resource, or null when it holds none (a VTODO for the event target). */
  pick(parsed: ParsedCalendar): RemoteItem<T> | null;
  apply(trx: Db, item: RemoteItem<T>, now: string): Promise<{ existed: boolean; stamp: string; count: number }>;
  /** Runs after each applied batch, in its transaction (e.g. links subtasks to parents that came later). */
  settle?(trx: Db): Promise<void>;
  /** The text to PUT for a local group, carrying what the server's last copy had that Atom does not model. */
  render(uid: string, lastRemote: string | null): Promise<{ title: string; ics: string } | null>;
  deleteLocal(uid: string): Promise<void>;
  saveState(token: string | null, ctag: string | null): Promise<void>;
}

interface State<T> {
  ctx: AppContext;
  conn: CaldavConnectionsTable;
  target: SyncTarget<T>;
  client: DavClient;
  timeZone: string;
  result: CaldavSyncResult;
  byUid: Map<string, ResourceRow>;
  byHref: Map<string, ResourceRow>;
  groups: Map<string, LocalGroup>;
}

async function saveResource<T>(s: State<T>, uid: string, href: string, etag: string | null, stamp: string, count: number, remoteIcs: string | null): Promise<void> {
  const now = new Date().toISOString();
  const prev = s.byUid.get(uid);
  if (prev && normHref(prev.href) !== normHref(href)) s.byHref.delete(normHref(prev.href));
  const set = { href, etag, local_stamp: stamp, local_count: count, synced_at: now, remote_ics: remoteIcs };
  const row: ResourceRow = { id: prev?.id ?? newId(), uid, ...set };
  if (prev) await s.target.store.update(prev.id, set);
  else await s.target.store.insert(row);
  s.byUid.set(uid, row);
  s.byHref.set(normHref(href), row);
}

async function forgetResource<T>(s: State<T>, r: ResourceRow): Promise<void> {
  await s.target.store.remove(r.id);
  s.byUid.delete(r.uid);
  s.byHref.delete(normHref(r.href));
}

/** What changed on the server: by sync-collection when it works, else ctag + etag comparison. */
async function remoteChanges<T>(s: State<T>): Promise<{ changed: { href: string; etag: string | null }[]; token: string | null; ctag: string | null }> {
  const { target } = s;
  try {
    const r = await s.client.syncCollection(target.remoteUrl, target.syncToken);
    return { changed: r.changes, token: r.token, ctag: null };
  } catch (err) {
    // An expired token (403/409 valid-sync-token) or no RFC 6578 support: compare etags instead.
    if (!(err instanceof DavError) || err.kind !== 'http') throw err;
  }
  const ctag = await s.client.ctag(target.remoteUrl);
  if (ctag !== null && ctag === target.ctag) return { changed: [], token: null, ctag };
  const listing = await s.client.etags(target.remoteUrl);
  const seen = new Set(listing.map((l) => normHref(l.href)));
  const gone = [...s.byHref.values()].filter((r) => !seen.has(normHref(r.href))).map((r) => ({ href: r.href, etag: null }));
  // Resources already known with the same etag need no fetch; the rest (new, changed, or of
  // another kind, which pick() then skips) are fetched.
  return { changed: [...listing, ...gone], token: null, ctag };
}

/** Applies fetched resources locally, deciding conflicts with locally edited ones. */
async function pullFetched<T>(s: State<T>, fetched: { href: string; etag: string; data: string }[]): Promise<void> {
  const { ctx, result, target } = s;
  const now = new Date().toISOString();
  const apply: { href: string; etag: string; data: string; item: RemoteItem<T>; conflictNote: string | null }[] = [];
  for (const f of fetched) {
    let parsed;
    try {
      parsed = parseICalendar(f.data, { defaultTimeZone: s.timeZone, keepExtra: true });
    } catch (err) {
      if (!(err instanceof IcsError)) throw err;
      result.errors += 1;
      await addLog(ctx, s.conn, 'error', `Could not read ${normHref(f.href)}: ${err.message}`, f.href);
      continue;
    }
    const item = target.pick(parsed);
    if (!item) continue; // A resource of another kind (a VTODO in an event calendar, or the reverse).
    const { uid } = item;
    const res = s.byUid.get(uid) ?? s.byHref.get(normHref(f.href));
    const group = s.groups.get(uid);
    let note: string | null = null;
    if (res && isDirty(res, group)) {
      result.conflicts += 1;
      const remoteAt = remoteLastModified(f.data);
      if (remoteAt !== null && group && Date.parse(group.stamp) > Date.parse(remoteAt)) {
        // Local wins: keep it dirty, but against the server's new etag so the push succeeds.
        await saveResource(s, uid, f.href, f.etag, res.local_stamp, res.local_count, f.data);
        await addLog(ctx, s.conn, 'conflict', `"${item.title}" changed on both sides; kept Atom's version (edited ${group.stamp}, server's ${remoteAt})`, f.href);
        continue;
      }
      note = `"${item.title}" changed on both sides; kept the server's version (server ${remoteAt ?? 'time unknown'}, Atom ${group?.stamp ?? '?'})`;
    }
    apply.push({ href: f.href, etag: f.etag, data: f.data, item, conflictNote: note });
  }
  const saved = await ctx.database.db.transaction().execute(async (trx) => {
    const out: { uid: string; stamp: string; count: number; existed: boolean }[] = [];
    for (const a of apply) out.push({ uid: a.item.uid, ...(await target.apply(trx, a.item, now)) });
    await target.settle?.(trx);
    return out;
  });
  for (const [i, r] of saved.entries()) {
    const a = apply[i]!;
    await saveResource(s, r.uid, a.href, a.etag, r.stamp, r.count, a.data);
    s.groups.set(r.uid, { uid: r.uid, stamp: r.stamp, count: r.count });
    if (a.conflictNote) await addLog(ctx, s.conn, 'conflict', a.conflictNote, a.href);
    if (r.existed) result.pulled.updated += 1;
    else result.pulled.created += 1;
  }
}

async function pull<T>(s: State<T>): Promise<{ token: string | null; ctag: string | null }> {
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
        await addLog(s.ctx, s.conn, 'conflict', `${capital(s.target.noun)} deleted on the server was edited in Atom after the last sync; it was kept and sent again`, c.href);
        await forgetResource(s, res);
        continue;
      }
      await s.target.deleteLocal(res.uid);
      s.groups.delete(res.uid);
      await forgetResource(s, res);
      s.result.pulled.deleted += 1;
    } else if (!res || res.etag !== c.etag) toFetch.push(c.href);
  }
  for (let i = 0; i < toFetch.length; i += BATCH) await pullFetched(s, await s.client.multiget(s.target.remoteUrl, toFetch.slice(i, i + BATCH)));
  return { token, ctag };
}

/** Server wins after a refused write: fetch its version and apply it here. */
async function takeServerVersion<T>(s: State<T>, res: ResourceRow, why: string): Promise<void> {
  s.result.conflicts += 1;
  await addLog(s.ctx, s.conn, 'conflict', why, res.href);
  const fetched = await s.client.multiget(s.target.remoteUrl, [res.href]);
  if (fetched.length === 0) {
    await s.target.deleteLocal(res.uid);
    await forgetResource(s, res);
    return;
  }
  // Make the local copy look clean so the fetched version applies.
  await saveResource(s, res.uid, res.href, null, new Date().toISOString(), s.groups.get(res.uid)?.count ?? 0, res.remote_ics);
  s.groups.delete(res.uid);
  await pullFetched(s, fetched);
}

async function push<T>(s: State<T>): Promise<void> {
  const { ctx, result, target } = s;
  for (const g of s.groups.values()) {
    const res = s.byUid.get(g.uid);
    if (res && !isDirty(res, g)) continue;
    const out = await target.render(g.uid, res?.remote_ics ?? null);
    if (!out) continue;
    const href = res?.href ?? new URL(fileName(g.uid), target.remoteUrl).pathname;
    try {
      const etag = await s.client.put(href, out.ics, res ? (res.etag ?? '*') : null);
      // What was sent is now the server's copy, unmodelled properties included.
      await saveResource(s, g.uid, href, etag, g.stamp, g.count, out.ics);
      if (res) result.pushed.updated += 1;
      else result.pushed.created += 1;
    } catch (err) {
      if (!(err instanceof DavError) || err.kind === 'network' || err.kind === 'auth') throw err;
      if (err.kind === 'precondition' && res) await takeServerVersion(s, res, `"${out.title}" changed on the server while Atom sent its edit; kept the server's version`);
      else {
        result.errors += 1;
        await addLog(ctx, s.conn, 'error', `Could not send "${out.title}": ${err.message}`, href);
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
      if (err.kind === 'precondition') await takeServerVersion(s, res, `${capital(target.noun)} deleted in Atom was changed on the server; kept the server's version`);
      else {
        result.errors += 1;
        await addLog(ctx, s.conn, 'error', `Could not delete ${normHref(res.href)}: ${err.message}`, res.href);
      }
    }
  }
}

/** Pull, then push, one remote collection against one target; remembers the new sync token or ctag. */
export async function syncTarget<T>(ctx: AppContext, conn: CaldavConnectionsTable, client: DavClient, target: SyncTarget<T>, timeZone: string, result: CaldavSyncResult): Promise<void> {
  const resources = await target.store.all();
  const s: State<T> = {
    ctx,
    conn,
    target,
    client,
    timeZone,
    result,
    byUid: new Map(resources.map((r) => [r.uid, r])),
    byHref: new Map(resources.map((r) => [normHref(r.href), r])),
    groups: await target.groups(),
  };
  const { token, ctag } = await pull(s);
  // Applying may have made local rows of its own (the next occurrence of a completed task).
  s.groups = await target.groups();
  await push(s);
  await target.saveState(token, ctag ?? target.ctag);
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
 * Two-way sync of every synced calendar of one connection, and of its task calendar: pull
 * (server changes, remote deletions, conflicts), then push (new, edited and deleted local
 * events and tasks with If-Match).
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
  const user = await db.selectFrom('users').select(['id', 'email', 'name', 'role', 'time_zone', 'created_at']).where('id', '=', userId).executeTakeFirstOrThrow();
  const cals = await db.selectFrom('caldav_calendars').selectAll().where('connection_id', '=', conn.id).execute();
  const client = clientFor(ctx, conn);
  const result = emptyResult();
  try {
    for (const cal of cals.filter((c) => codec.bool.read(c.syncing) && c.local_calendar_id !== null)) await syncTarget(ctx, conn, client, eventTarget(ctx, cal, user.time_zone), user.time_zone, result);
    const tasks = await taskTarget(ctx, conn, user);
    if (tasks) await syncTarget(ctx, conn, client, tasks, user.time_zone, result);
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
