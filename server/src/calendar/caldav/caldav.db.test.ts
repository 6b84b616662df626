import type { CaldavConnection, CaldavLog, CaldavSyncResult, Event } from '@atom/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, inviteAndSignUp, signUp, type Session, type TestApp } from '../../testing/test-app.js';
import { startRadicale, type Radicale } from './radicale.js';
import { apiCaller, QUIET } from './test-support.js';

let t: TestApp;
let me: Session;
let other: Session;
let rad: Radicale;
let workUrl: string;
let bulkUrl: string;
let conn: CaldavConnection;
let workLocal: string;

beforeAll(async () => {
  rad = await startRadicale();
  workUrl = await rad.makeCalendar('work', 'Work');
  bulkUrl = await rad.makeCalendar('bulk', 'Bulk');
  t = await createTestApp();
  me = await signUp(t.app, { timeZone: 'Europe/Berlin' });
  other = await inviteAndSignUp(t.app, me);
});
afterAll(async () => {
  await t.close();
  await rad.stop();
});

const api = apiCaller(() => t);

const sync = async () => {
  const r = await api<CaldavSyncResult>(me, 'POST', `/api/v1/connections/caldav/${conn.id}/sync`);
  expect(r.status).toBe(200);
  return r.body;
};

async function remote(method: string, href: string, body?: string, headers: Record<string, string> = {}) {
  const res = await fetch(new URL(href, rad.url), {
    method,
    headers: { authorization: `Basic ${Buffer.from(`${rad.username}:${rad.password}`).toString('base64')}`, ...(body ? { 'content-type': 'text/calendar' } : {}), ...headers },
    ...(body ? { body } : {}),
  });
  return { status: res.status, text: await res.text() };
}

function ics(...vevents: string[][]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', ...vevents.flatMap((v) => ['BEGIN:VEVENT', ...v, 'DTSTAMP:20260101T000000Z', 'END:VEVENT']), 'END:VCALENDAR', ''].join('\r\n');
}
const vevent = (uid: string, summary: string, start = '20261201T090000Z', end = '20261201T100000Z', extra: string[] = []) => [`UID:${uid}`, `SUMMARY:${summary}`, `DTSTART:${start}`, `DTEND:${end}`, ...extra];

async function localEvents(calendarId: string, uid?: string) {
  let q = t.ctx.database.db.selectFrom('events').selectAll().where('calendar_id', '=', calendarId);
  if (uid) q = q.where('uid', '=', uid);
  return q.orderBy('recurrence_key').execute();
}
const hrefOf = (uid: string) => `${workUrl}${uid.replace(/[^A-Za-z0-9._-]/g, '_')}.ics`;
const zero = QUIET;

describe('connecting', () => {
  it('refuses a wrong password or an unreachable URL with a field error, storing nothing', async () => {
    const wrong = await api<{ error: { fields: Record<string, string> } }>(me, 'POST', '/api/v1/connections/caldav', { url: rad.url, username: rad.username, password: 'nope' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.password).toBe('401 Unauthorized: wrong username or password');
    const down = await api<{ error: { fields: Record<string, string> } }>(me, 'POST', '/api/v1/connections/caldav', { url: 'http://127.0.0.1:9/', username: 'x', password: 'y' });
    expect(down.status).toBe(400);
    expect(down.body.error.fields.url).toMatch(/Cannot reach 127.0.0.1:9/);
    expect((await api<{ items: unknown[] }>(me, 'GET', '/api/v1/connections/caldav')).body.items).toEqual([]);
    expect(await t.ctx.database.db.selectFrom('caldav_connections').select('id').execute()).toEqual([]);
  });

  it('connects, discovers the calendars, stores the password encrypted, and hides it from others', async () => {
    const res = await api<CaldavConnection>(me, 'POST', '/api/v1/connections/caldav', { url: rad.url, username: rad.username, password: rad.password });
    expect(res.status).toBe(201);
    conn = res.body;
    expect(conn).toMatchObject({ status: 'ok', lastError: null, username: rad.username });
    expect(conn.calendars.map((c) => [c.remoteUrl, c.displayName, c.syncing, c.localCalendarId])).toEqual([
      [bulkUrl, 'Bulk', false, null],
      [workUrl, 'Work', false, null],
    ]);
    expect(conn.calendars[0]!.components).toEqual(['VEVENT', 'VTODO']);
    const row = await t.ctx.database.db.selectFrom('caldav_connections').selectAll().executeTakeFirstOrThrow();
    expect(row.password_enc).not.toContain(rad.password);
    expect(t.ctx.secrets.decrypt(row.password_enc)).toBe(rad.password);
    expect((await api(other, 'GET', `/api/v1/connections/caldav/${conn.id}/log`)).status).toBe(404);
    expect((await api(other, 'POST', `/api/v1/connections/caldav/${conn.id}/sync`)).status).toBe(404);
    expect((await api(other, 'PATCH', `/api/v1/connections/caldav/${conn.id}`, { calendars: [] })).status).toBe(404);
    expect((await api(other, 'DELETE', `/api/v1/connections/caldav/${conn.id}`)).status).toBe(404);
    expect((await api<{ items: unknown[] }>(other, 'GET', '/api/v1/connections/caldav')).body.items).toEqual([]);
  });

  it('syncs a chosen calendar into a new Atom calendar', async () => {
    const res = await api<CaldavConnection>(me, 'PATCH', `/api/v1/connections/caldav/${conn.id}`, { calendars: [{ remoteUrl: workUrl, sync: true }] });
    expect(res.status).toBe(200);
    const work = res.body.calendars.find((c) => c.remoteUrl === workUrl)!;
    expect(work.syncing).toBe(true);
    workLocal = work.localCalendarId!;
    const cals = await api<{ items: { id: string; name: string }[] }>(me, 'GET', '/api/v1/calendars');
    expect(cals.body.items.find((c) => c.id === workLocal)?.name).toBe('Work');
    expect(await sync()).toEqual(zero);
    const bad = await api(me, 'PATCH', `/api/v1/connections/caldav/${conn.id}`, { calendars: [{ remoteUrl: 'http://elsewhere/', sync: true }] });
    expect(bad.status).toBe(400);
  });
});

describe('two-way sync', () => {
  it('sends an event created in Atom to the server (If-None-Match: *)', async () => {
    const created = await api<Event>(me, 'POST', '/api/v1/events', { calendarId: workLocal, title: 'Made in Atom', start: { at: '2026-12-02T09:00:00Z', timeZone: 'Europe/Berlin' }, end: { at: '2026-12-02T10:00:00Z', timeZone: 'Europe/Berlin' } });
    expect(created.status).toBe(201);
    expect(await sync()).toEqual({ ...zero, pushed: { created: 1, updated: 0, deleted: 0 } });
    const got = await remote('GET', hrefOf(created.body.uid));
    expect(got.status).toBe(200);
    expect(got.text).toContain('SUMMARY:Made in Atom');
    expect(got.text).toContain(`UID:${created.body.uid}`);
    // Nothing changed since: a quiet sync.
    expect(await sync()).toEqual(zero);
  });

  it('takes events created, edited and deleted on the server', async () => {
    const href = `${workUrl}remote-1.ics`;
    expect((await remote('PUT', href, ics(vevent('remote-1', 'From the server')))).status).toBe(201);
    expect(await sync()).toEqual({ ...zero, pulled: { created: 1, updated: 0, deleted: 0 } });
    expect((await localEvents(workLocal, 'remote-1')).map((e) => e.title)).toEqual(['From the server']);

    await remote('PUT', href, ics(vevent('remote-1', 'Edited on the server', '20261201T100000Z', '20261201T110000Z')));
    // Incremental (sync-token): only the one changed resource is touched.
    expect(await sync()).toEqual({ ...zero, pulled: { created: 0, updated: 1, deleted: 0 } });
    const [edited] = await localEvents(workLocal, 'remote-1');
    expect(edited).toMatchObject({ title: 'Edited on the server', start_at: '2026-12-01T10:00:00.000Z' });

    expect((await remote('DELETE', href)).status).toBe(200);
    expect(await sync()).toEqual({ ...zero, pulled: { created: 0, updated: 0, deleted: 1 } });
    expect(await localEvents(workLocal, 'remote-1')).toEqual([]);
  });

  it('takes a remotely edited occurrence of a series as an override', async () => {
    const href = `${workUrl}weekly.ics`;
    const master = vevent('weekly', 'Weekly', '20261207T090000Z', '20261207T093000Z', ['RRULE:FREQ=WEEKLY;COUNT=4']);
    await remote('PUT', href, ics(master));
    expect((await sync()).pulled.created).toBe(1);
    await remote('PUT', href, ics(master, vevent('weekly', 'Weekly (moved)', '20261214T150000Z', '20261214T153000Z', ['RECURRENCE-ID:20261214T090000Z'])));
    expect(await sync()).toEqual({ ...zero, pulled: { created: 0, updated: 1, deleted: 0 } });
    const rows = await localEvents(workLocal, 'weekly');
    expect(rows).toHaveLength(2);
    const [m, o] = rows;
    expect(o).toMatchObject({ title: 'Weekly (moved)', series_id: m!.id, recurrence_key: '2026-12-14T09:00:00.000Z', start_at: '2026-12-14T15:00:00.000Z' });
  });

  it('pushes local edits with If-Match, including occurrence edits, as one resource per UID', async () => {
    const [m] = await localEvents(workLocal, 'weekly');
    const edit = await api(me, 'POST', `/api/v1/events/${m!.id}/occurrences/edit`, { recurrenceId: { at: '2026-12-21T09:00:00Z', timeZone: 'UTC' }, scope: 'this', changes: { title: 'Weekly (Atom edit)' } });
    expect(edit.status).toBeLessThan(300);
    expect(await sync()).toEqual({ ...zero, pushed: { created: 0, updated: 1, deleted: 0 } });
    const got = await remote('GET', `${workUrl}weekly.ics`);
    expect(got.text).toContain('SUMMARY:Weekly (Atom edit)');
    expect(got.text).toContain('SUMMARY:Weekly (moved)');
    expect(got.text.match(/BEGIN:VEVENT/g)).toHaveLength(3);
  });

  it('resolves a conflicting edit: the newer local edit wins over an older server edit, the server wins otherwise; both are logged', async () => {
    const created = await api<Event>(me, 'POST', '/api/v1/events', { calendarId: workLocal, title: 'Both sides', start: { at: '2026-12-03T09:00:00Z', timeZone: 'UTC' }, end: { at: '2026-12-03T10:00:00Z', timeZone: 'UTC' } });
    await sync();
    const href = hrefOf(created.body.uid);

    await api(me, 'PATCH', `/api/v1/events/${created.body.id}`, { title: 'Atom edit (newer)' });
    await remote('PUT', href, ics(vevent(created.body.uid, 'Server edit (older)', '20261203T090000Z', '20261203T100000Z', ['LAST-MODIFIED:20200101T000000Z'])));
    expect(await sync()).toEqual({ ...zero, pushed: { created: 0, updated: 1, deleted: 0 }, conflicts: 1 });
    expect((await remote('GET', href)).text).toContain('SUMMARY:Atom edit (newer)');
    expect((await localEvents(workLocal, created.body.uid))[0]?.title).toBe('Atom edit (newer)');

    await api(me, 'PATCH', `/api/v1/events/${created.body.id}`, { title: 'Atom edit (older)' });
    await remote('PUT', href, ics(vevent(created.body.uid, 'Server edit (newer)', '20261203T090000Z', '20261203T100000Z', ['LAST-MODIFIED:20990101T000000Z'])));
    expect(await sync()).toEqual({ ...zero, pulled: { created: 0, updated: 1, deleted: 0 }, conflicts: 1 });
    expect((await localEvents(workLocal, created.body.uid))[0]?.title).toBe('Server edit (newer)');
    expect((await remote('GET', href)).text).toContain('SUMMARY:Server edit (newer)');

    const log = await api<CaldavLog>(me, 'GET', `/api/v1/connections/caldav/${conn.id}/log`);
    expect(log.body.items.filter((e) => e.kind === 'conflict').map((e) => e.message)).toEqual([
      expect.stringContaining("kept the server's version"),
      expect.stringContaining("kept Atom's version"),
    ]);
  });

  it('deletes on the server what was deleted in Atom (If-Match)', async () => {
    const created = await api<Event>(me, 'POST', '/api/v1/events', { calendarId: workLocal, title: 'Short-lived', start: { date: '2026-12-05' }, end: { date: '2026-12-06' } });
    await sync();
    expect((await remote('GET', hrefOf(created.body.uid))).status).toBe(200);
    expect((await api(me, 'DELETE', `/api/v1/events/${created.body.id}`)).status).toBe(204);
    expect(await sync()).toEqual({ ...zero, pushed: { created: 0, updated: 0, deleted: 1 } });
    expect((await remote('GET', hrefOf(created.body.uid))).status).toBe(404);
    expect(await sync()).toEqual(zero);
  });

  it('keeps a local edit of an event deleted on the server, and the server edit of an event deleted locally', async () => {
    const a = await api<Event>(me, 'POST', '/api/v1/events', { calendarId: workLocal, title: 'Edited here, deleted there', start: { date: '2026-12-10' }, end: { date: '2026-12-11' } });
    const b = await api<Event>(me, 'POST', '/api/v1/events', { calendarId: workLocal, title: 'Deleted here, edited there', start: { date: '2026-12-12' }, end: { date: '2026-12-13' } });
    await sync();
    await api(me, 'PATCH', `/api/v1/events/${a.body.id}`, { title: 'Edited here' });
    await remote('DELETE', hrefOf(a.body.uid));
    await api(me, 'DELETE', `/api/v1/events/${b.body.id}`);
    await remote('PUT', hrefOf(b.body.uid), ics(vevent(b.body.uid, 'Edited there', '20261212T090000Z', '20261212T100000Z')));
    const r = await sync();
    // b's new server version is a plain change seen by the pull (it comes back); a goes up again.
    expect(r).toMatchObject({ conflicts: 1, errors: 0, pushed: { created: 1, updated: 0, deleted: 0 }, pulled: { created: 1, updated: 0, deleted: 0 } });
    expect((await remote('GET', hrefOf(a.body.uid))).text).toContain('SUMMARY:Edited here');
    expect((await localEvents(workLocal, b.body.uid)).map((e) => e.title)).toEqual(['Edited there']);
    expect(await sync()).toEqual(zero);
  });

  it('falls back to ctag + etag comparison when the sync token is refused', async () => {
    await t.ctx.database.db.updateTable('caldav_calendars').set({ sync_token: 'http://radicale.org/ns/sync/expired' }).where('remote_url', '=', workUrl).execute();
    // Same ctag: nothing to list.
    expect(await sync()).toEqual(zero);
    const href = `${workUrl}weekly.ics`;
    const current = await remote('GET', href);
    await remote('PUT', href, current.text.replace('SUMMARY:Weekly (moved)', 'SUMMARY:Weekly (moved again)'));
    await t.ctx.database.db.updateTable('caldav_calendars').set({ sync_token: 'http://radicale.org/ns/sync/expired' }).where('remote_url', '=', workUrl).execute();
    expect(await sync()).toEqual({ ...zero, pulled: { created: 0, updated: 1, deleted: 0 } });
    expect((await localEvents(workLocal, 'weekly')).map((e) => e.title)).toContain('Weekly (moved again)');
    // And back to sync tokens afterwards.
    expect(await sync()).toEqual(zero);
    const cal = await t.ctx.database.db.selectFrom('caldav_calendars').select('sync_token').where('remote_url', '=', workUrl).executeTakeFirstOrThrow();
    expect(cal.sync_token).toMatch(/^http:\/\/radicale.org\/ns\/sync\//);
  });

  it('syncs 500 events both ways (250 made on each side)', { timeout: 120_000 }, async () => {
    const res = await api<CaldavConnection>(me, 'PATCH', `/api/v1/connections/caldav/${conn.id}`, { calendars: [{ remoteUrl: bulkUrl, sync: true }] });
    const bulkLocal = res.body.calendars.find((c) => c.remoteUrl === bulkUrl)!.localCalendarId!;
    for (let i = 0; i < 250; i += 1) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      await remote('PUT', `${bulkUrl}r${i}.ics`, ics(vevent(`r${i}@test`, `Remote ${i}`, `202701${day}T080000Z`, `202701${day}T090000Z`)));
      await api(me, 'POST', '/api/v1/events', { calendarId: bulkLocal, title: `Local ${i}`, start: { at: `2027-02-${day}T08:00:00Z`, timeZone: 'UTC' }, end: { at: `2027-02-${day}T09:00:00Z`, timeZone: 'UTC' } });
    }
    expect(await sync()).toEqual({ ...zero, pulled: { created: 250, updated: 0, deleted: 0 }, pushed: { created: 250, updated: 0, deleted: 0 } });
    expect(await localEvents(bulkLocal)).toHaveLength(500);
    const listing = await rad.client().etags(bulkUrl);
    expect(listing).toHaveLength(500);
    expect(await sync()).toEqual(zero);
    await remote('PUT', `${bulkUrl}r7.ics`, ics(vevent('r7@test', 'Remote 7 changed', '20270108T080000Z', '20270108T090000Z')));
    expect(await sync()).toEqual({ ...zero, pulled: { created: 0, updated: 1, deleted: 0 } });
  });

  it('checks a new password before storing it', async () => {
    const wrong = await api<{ error: { fields: Record<string, string> } }>(me, 'PATCH', `/api/v1/connections/caldav/${conn.id}`, { password: 'not it' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.password).toMatch(/^401 Unauthorized/);
    const right = await api<CaldavConnection>(me, 'PATCH', `/api/v1/connections/caldav/${conn.id}`, { password: rad.password });
    expect(right.status).toBe(200);
    expect(await sync()).toEqual(zero);
  });

  it('runs two simultaneous syncs of one connection one after the other', async () => {
    await api(me, 'POST', '/api/v1/events', { calendarId: workLocal, title: 'Raced', start: { date: '2026-12-09' }, end: { date: '2026-12-10' } });
    const [a, b] = await Promise.all([sync(), sync()]);
    expect([a.pushed.created, b.pushed.created].sort()).toEqual([0, 1]);
    expect(a.errors + b.errors).toBe(0);
  });

  it('marks the connection as failing when the server is down, leaves local data alone and queues a retry', async () => {
    const before = await localEvents(workLocal);
    await rad.stop();
    const result = await sync();
    expect(result.errors).toBe(1);
    const list = await api<{ items: CaldavConnection[] }>(me, 'GET', '/api/v1/connections/caldav');
    expect(list.body.items[0]).toMatchObject({ status: 'error', lastError: expect.stringMatching(/^Cannot reach 127\.0\.0\.1:\d+/) as unknown });
    expect(await localEvents(workLocal)).toEqual(before);
    const jobs = await t.ctx.database.db.selectFrom('jobs').selectAll().where('name', '=', 'caldav.sync').execute();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ status: 'queued', user_id: me.userId });
    // A second failure does not pile up retries.
    await sync();
    expect(await t.ctx.database.db.selectFrom('jobs').select('id').where('name', '=', 'caldav.sync').execute()).toHaveLength(1);
    const log = await api<CaldavLog>(me, 'GET', `/api/v1/connections/caldav/${conn.id}/log`);
    expect(log.body.items[0]).toMatchObject({ kind: 'error', message: expect.stringContaining('Sync failed: Cannot reach') as unknown });
    // The queued job runs the same sync; still down, so it fails and is queued again with backoff.
    await t.ctx.database.db.updateTable('jobs').set({ run_at: new Date(Date.now() - 1000).toISOString() }).where('name', '=', 'caldav.sync').execute();
    await t.ctx.jobs.runDue(); // also runs the scheduler's recurring ticks; the retry is checked below
    const [retry] = await t.ctx.database.db.selectFrom('jobs').selectAll().where('name', '=', 'caldav.sync').execute();
    expect(retry).toMatchObject({ status: 'queued', attempts: 1, last_error: expect.stringContaining('Cannot reach') as unknown });
    expect(Date.parse(retry!.run_at)).toBeGreaterThan(Date.now());
    expect(await localEvents(workLocal)).toEqual(before);
  });

  it('disconnects, keeping the local calendars', async () => {
    expect((await api(me, 'DELETE', `/api/v1/connections/caldav/${conn.id}`)).status).toBe(204);
    expect((await api<{ items: unknown[] }>(me, 'GET', '/api/v1/connections/caldav')).body.items).toEqual([]);
    expect((await localEvents(workLocal)).length).toBeGreaterThan(0);
  });
});
