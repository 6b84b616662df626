import type { CaldavConnection } from '@atom/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUp, type Session, type TestApp } from '../../testing/test-app.js';
import { CALDAV_SCHEDULE_TICK, CALDAV_SYNC_JOB } from './job.js';
import { startRadicale, type Radicale } from './radicale.js';

let t: TestApp;
let me: Session;
let rad: Radicale;
let workUrl: string;
let conn: CaldavConnection;
let local: string;

beforeAll(async () => {
  rad = await startRadicale();
  workUrl = await rad.makeCalendar('work', 'Work');
  t = await createTestApp();
  me = await signUp(t.app, { timeZone: 'Europe/Berlin' });
});
afterAll(async () => {
  await t.close();
  await rad.stop();
});

async function api<T>(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) {
  const res = await t.app.inject({ method, url, headers: method === 'GET' ? { cookie: me.cookie } : me.headers, ...(payload === undefined ? {} : { payload: payload as string }) });
  return { status: res.statusCode, body: res.json<T>() };
}

async function putRemote(uid: string, summary: string) {
  const body = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', 'BEGIN:VEVENT', `UID:${uid}`, `SUMMARY:${summary}`, 'DTSTART:20261201T090000Z', 'DTEND:20261201T100000Z', 'DTSTAMP:20260101T000000Z', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
  const res = await fetch(`${workUrl}${uid}.ics`, { method: 'PUT', headers: { authorization: `Basic ${Buffer.from(`${rad.username}:${rad.password}`).toString('base64')}`, 'content-type': 'text/calendar' }, body });
  expect(res.status).toBeLessThan(300);
}

const titles = async () => (await t.ctx.database.db.selectFrom('events').select('title').where('calendar_id', '=', local).orderBy('title').execute()).map((e) => e.title);
const connection = async () => (await api<{ items: CaldavConnection[] }>('GET', '/api/v1/connections/caldav')).body.items[0]!;
const syncJobs = () => t.ctx.database.db.selectFrom('jobs').selectAll().where('name', '=', CALDAV_SYNC_JOB).orderBy('created_at').execute();

/** What the clock would do: the connection's next sync and the scheduler's next tick fall due. */
async function timePasses() {
  const past = new Date(Date.now() - 1000).toISOString();
  await t.ctx.database.db.updateTable('caldav_connections').set({ next_sync_at: past }).execute();
  await t.ctx.database.db.updateTable('jobs').set({ run_at: past }).where('name', '=', CALDAV_SCHEDULE_TICK).where('status', '=', 'queued').execute();
}

describe('scheduled CalDAV sync', () => {
  it('runs the initial sync at the next tick once a calendar is chosen, with no "sync now"', async () => {
    await putRemote('first', 'Already there');
    const created = await api<CaldavConnection>('POST', '/api/v1/connections/caldav', { url: rad.url, username: rad.username, password: rad.password, syncIntervalMinutes: 20 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ syncIntervalMinutes: 20, nextSyncAt: null });
    conn = (await api<CaldavConnection>('PATCH', `/api/v1/connections/caldav/${created.body.id}`, { calendars: [{ remoteUrl: workUrl, sync: true }] })).body;
    local = conn.calendars[0]!.localCalendarId!;
    await t.ctx.jobs.runDue();
    expect(await titles()).toEqual(['Already there']);
    const after = await connection();
    expect(after).toMatchObject({ status: 'ok', lastError: null });
    expect(Date.parse(after.nextSyncAt!) - Date.parse(after.lastSyncAt!)).toBeGreaterThan(19 * 60_000);
    expect(Date.parse(after.nextSyncAt!) - Date.parse(after.lastSyncAt!)).toBeLessThanOrEqual(20 * 60_000);
  });

  it('does not sync again before the interval, then picks up a server-side change when it comes', async () => {
    await putRemote('second', 'Added on the server');
    await t.ctx.database.db.updateTable('jobs').set({ run_at: new Date(Date.now() - 1000).toISOString() }).where('name', '=', CALDAV_SCHEDULE_TICK).where('status', '=', 'queued').execute();
    await t.ctx.jobs.runDue();
    expect(await titles()).toEqual(['Already there']);
    await timePasses();
    await t.ctx.jobs.runDue();
    expect(await titles()).toEqual(['Added on the server', 'Already there']);
    expect((await syncJobs()).map((j) => j.status)).toEqual(['done', 'done']);
  });

  it('marks a wrong password on the connection, leaves local data alone, and retries with backoff', async () => {
    // The password was changed on the server.
    await t.ctx.database.db.updateTable('caldav_connections').set({ password_enc: t.ctx.secrets.encrypt('changed-elsewhere') }).execute();
    await putRemote('third', 'Not seen while failing');
    await timePasses();
    await t.ctx.jobs.runDue();
    expect(await connection()).toMatchObject({ status: 'error', lastError: '401 Unauthorized: wrong username or password' });
    expect(await titles()).toEqual(['Added on the server', 'Already there']);
    const retry = (await syncJobs()).at(-1)!;
    expect(retry).toMatchObject({ status: 'queued', attempts: 1 });
    expect(Date.parse(retry.run_at)).toBeGreaterThan(Date.now());
    // Further ticks before the interval do not pile up more jobs.
    await t.ctx.database.db.updateTable('jobs').set({ run_at: new Date(Date.now() - 1000).toISOString() }).where('name', '=', CALDAV_SCHEDULE_TICK).where('status', '=', 'queued').execute();
    await t.ctx.jobs.runDue();
    expect((await syncJobs()).filter((j) => j.status === 'queued')).toHaveLength(1);
  });

  it('recovers once the password is fixed, and reports an unreachable server clearly', async () => {
    expect((await api<CaldavConnection>('PATCH', `/api/v1/connections/caldav/${conn.id}`, { password: rad.password })).status).toBe(200);
    await t.ctx.database.db.updateTable('jobs').set({ run_at: new Date(Date.now() - 1000).toISOString() }).where('name', '=', CALDAV_SYNC_JOB).where('status', '=', 'queued').execute();
    await t.ctx.jobs.runDue();
    expect(await connection()).toMatchObject({ status: 'ok', lastError: null });
    expect(await titles()).toEqual(['Added on the server', 'Already there', 'Not seen while failing']);

    await rad.stop();
    await timePasses();
    await t.ctx.jobs.runDue();
    expect((await connection()).lastError).toMatch(/^Cannot reach 127\.0\.0\.1:\d+/);
    expect(await titles()).toEqual(['Added on the server', 'Already there', 'Not seen while failing']);
  });

  it('refuses a sync interval outside 5 minutes to a day', async () => {
    const res = await api<{ error: { fields: Record<string, string> } }>('PATCH', `/api/v1/connections/caldav/${conn.id}`, { syncIntervalMinutes: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.syncIntervalMinutes).toBe('must be at least 5 minutes');
    expect((await api<CaldavConnection>('PATCH', `/api/v1/connections/caldav/${conn.id}`, { syncIntervalMinutes: 60 })).body.syncIntervalMinutes).toBe(60);
  });
});
