import type { Calendar, Event, OccurrenceList, SubscriptionRefreshResult } from '@atom/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../platform/events/domain-events.js';
import { createTestApp, inviteAndSignUp, signUp, type Session, type TestApp } from '../../testing/test-app.js';
import { startFeedServer, type FeedServer } from './feed-server.js';

let t: TestApp;
let me: Session;
let other: Session;
let feed: FeedServer;
const seen: DomainEvent[] = [];

function ics(name: string, ...vevents: string[][]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', `X-WR-CALNAME:${name}`, ...vevents.flatMap((v) => ['BEGIN:VEVENT', ...v, 'DTSTAMP:20260101T000000Z', 'END:VEVENT']), 'END:VCALENDAR', ''].join('\r\n');
}
const vevent = (uid: string, summary: string, day: string) => [`UID:${uid}`, `SUMMARY:${summary}`, `DTSTART:${day}T090000Z`, `DTEND:${day}T100000Z`];

beforeAll(async () => {
  feed = await startFeedServer(ics('Football', vevent('m1@club', 'Home match', '20261205'), vevent('m2@club', 'Away match', '20261212')));
  t = await createTestApp({ ATOM_IMPORT_LIMIT: '65536' });
  me = await signUp(t.app, { timeZone: 'Europe/Berlin' });
  other = await inviteAndSignUp(t.app, me);
  t.ctx.events.onAny((e) => void seen.push(e));
});
afterAll(async () => {
  await t.close();
  await feed.close();
});

async function api<T>(s: Session, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  const headers = method === 'GET' ? { cookie: s.cookie } : s.headers;
  const res = await t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as string }) });
  return { status: res.statusCode, body: (res.body ? res.json() : null) as T };
}
type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

async function titles(calendarId: string): Promise<string[]> {
  const res = await api<OccurrenceList>(me, 'GET', `/api/v1/events?from=2026-12-01T00:00:00.000Z&to=2027-01-01T00:00:00.000Z&calendarId=${calendarId}`);
  return res.body.items.map((o) => o.title);
}
const calendarCount = async () => (await t.ctx.database.db.selectFrom('calendars').select('id').execute()).length;

let sub: Calendar;

describe('subscribing to an .ics feed', () => {
  it('refuses a bad scheme, an unreachable host, a non-iCalendar body, an error status or an oversized feed, storing nothing', async () => {
    await api(me, 'GET', '/api/v1/calendars'); // the default calendar exists
    const before = await calendarCount();
    const ftp = await api<ErrorBody>(me, 'POST', '/api/v1/calendars/subscriptions', { url: 'ftp://example.com/a.ics' });
    expect(ftp.status).toBe(400);
    expect(ftp.body.error.fields?.url).toBe('must be an http(s) or webcal URL');

    const down = await api<ErrorBody>(me, 'POST', '/api/v1/calendars/subscriptions', { url: 'http://127.0.0.1:9/feed.ics' });
    expect(down.status).toBe(400);
    expect(down.body.error.fields?.url).toBe('cannot reach 127.0.0.1:9: connection refused');

    const missing = await api<ErrorBody>(me, 'POST', '/api/v1/calendars/subscriptions', { url: feed.url.replace('feed.ics', 'nothing.ics') });
    expect(missing.body.error.fields?.url).toBe('the server answered 404 Not Found');

    const good = feed.body;
    feed.body = '<!DOCTYPE html><html><body>Log in</body></html>';
    const html = await api<ErrorBody>(me, 'POST', '/api/v1/calendars/subscriptions', { url: feed.url });
    expect(html.status).toBe(400);
    expect(html.body.error.fields?.url).toBe('is not an iCalendar file (it starts with "<!DOCTYPE html><html><body>Log in</body>")');

    feed.body = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:nonsense\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    const broken = await api<ErrorBody>(me, 'POST', '/api/v1/calendars/subscriptions', { url: feed.url });
    expect(broken.status).toBe(400);
    expect(broken.body.error.fields?.url).toMatch(/^is not a valid iCalendar file: line 5/);

    feed.body = ics('Huge', ...Array.from({ length: 700 }, (_, i) => vevent(`big${i}@x`, `Event number ${i}`, '20261201')));
    const huge = await api<ErrorBody>(me, 'POST', '/api/v1/calendars/subscriptions', { url: feed.url });
    expect(huge.status).toBe(400);
    expect(huge.body.error.fields?.url).toBe('is larger than the 64 KB limit (ATOM_IMPORT_LIMIT)');

    feed.body = good;
    expect(await calendarCount()).toBe(before);
    expect(await t.ctx.database.db.selectFrom('events').select('id').execute()).toEqual([]);
  });

  it('creates a read-only calendar holding the feed, named after it, following a redirect', async () => {
    const res = await api<Calendar>(me, 'POST', '/api/v1/calendars/subscriptions', { url: feed.url.replace('feed.ics', 'moved.ics'), refreshMinutes: 30 });
    expect(res.status).toBe(201);
    sub = res.body;
    expect(sub).toMatchObject({ name: 'Football', readOnly: true, isDefault: false, subscription: { url: feed.url.replace('feed.ics', 'moved.ics'), refreshMinutes: 30, lastError: null } });
    expect(Date.parse(sub.subscription!.nextRefreshAt!) - Date.parse(sub.subscription!.lastRefreshedAt!)).toBe(30 * 60_000);
    expect(await titles(sub.id)).toEqual(['Home match', 'Away match']);
    const list = await api<{ items: Calendar[] }>(me, 'GET', '/api/v1/calendars');
    expect(list.body.items.find((c) => c.id === sub.id)?.readOnly).toBe(true);
    expect(list.body.items.filter((c) => !c.readOnly).every((c) => c.subscription === null)).toBe(true);
  });

  it('refuses local edits to the subscription and its events with 409', async () => {
    const [row] = await t.ctx.database.db.selectFrom('events').selectAll().where('calendar_id', '=', sub.id).where('uid', '=', 'm1@club').execute();
    const patch = await api<ErrorBody>(me, 'PATCH', `/api/v1/events/${row!.id}`, { title: 'Mine now' });
    expect(patch.status).toBe(409);
    expect(patch.body.error.message).toMatch(/"Football" is a read-only subscription to http:\/\/127\.0\.0\.1:\d+\/moved\.ics/);
    expect((await api(me, 'DELETE', `/api/v1/events/${row!.id}`)).status).toBe(409);
    const create = await api<ErrorBody>(me, 'POST', '/api/v1/events', { calendarId: sub.id, title: 'x', start: { date: '2026-12-01' }, end: { date: '2026-12-02' } });
    expect(create.status).toBe(409);
    expect(create.body.error.fields?.calendarId).toBe('is a read-only subscription');
    const mine = await api<Event>(me, 'POST', '/api/v1/events', { title: 'Mine', start: { date: '2026-12-01' }, end: { date: '2026-12-02' } });
    expect((await api(me, 'PATCH', `/api/v1/events/${mine.body.id}`, { calendarId: sub.id })).status).toBe(409);
    const imported = await t.app.inject({ method: 'POST', url: `/api/v1/calendars/${sub.id}/import`, headers: { ...me.headers, 'content-type': 'text/calendar' }, payload: ics('x', vevent('sneak@x', 'Sneaky', '20261203')) });
    expect(imported.statusCode).toBe(409);
    const makeDefault = await api<ErrorBody>(me, 'PATCH', `/api/v1/calendars/${sub.id}`, { isDefault: true });
    expect(makeDefault.body.error.fields?.isDefault).toBe('a read-only subscription cannot be the default calendar');
    expect(await titles(sub.id)).toEqual(['Home match', 'Away match']);
    // Renaming and recolouring are local and allowed.
    expect((await api<Calendar>(me, 'PATCH', `/api/v1/calendars/${sub.id}`, { name: 'Club', color: '#123456' })).body).toMatchObject({ name: 'Club', readOnly: true });
  });

  it('answers 304 Not Modified to an unchanged feed, and replaces events all or nothing when it changes', async () => {
    const same = await api<SubscriptionRefreshResult>(me, 'POST', `/api/v1/calendars/${sub.id}/refresh`);
    expect(same.body).toMatchObject({ status: 'unchanged', created: 0, updated: 0, deleted: 0, error: null });
    expect(feed.log.at(-1)).toMatchObject({ path: '/feed.ics', answered: 304 });
    expect(feed.log.at(-1)?.ifNoneMatch).toMatch(/^"[0-9a-f]{16}"$/);

    feed.body = ics('Football', vevent('m1@club', 'Home match (moved)', '20261206'), vevent('m3@club', 'Cup final', '20261219'));
    seen.length = 0;
    const changed = await api<SubscriptionRefreshResult>(me, 'POST', `/api/v1/calendars/${sub.id}/refresh`);
    expect(changed.body).toMatchObject({ status: 'updated', created: 1, updated: 1, deleted: 1, error: null });
    expect(await titles(sub.id)).toEqual(['Home match (moved)', 'Cup final']);
    await t.ctx.events.drain();
    expect(seen.map((e) => e.name).sort()).toEqual(['event.created', 'event.deleted', 'event.updated']);
  });

  it('records a failing refresh on the calendar, keeps the events, backs off, and recovers', async () => {
    const good = feed.body;
    feed.body = 'Service temporarily unavailable';
    feed.status = 503;
    feed.contentType = 'text/plain';
    const failed = await api<SubscriptionRefreshResult>(me, 'POST', `/api/v1/calendars/${sub.id}/refresh`);
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({ status: 'failed', error: 'The server answered 503 Service Unavailable' });
    expect(failed.body.calendar.subscription?.lastError).toBe('The server answered 503 Service Unavailable');
    // First retry a minute later, not at the 30-minute interval.
    const wait = Date.parse(failed.body.calendar.subscription!.nextRefreshAt!) - Date.now();
    expect(wait).toBeGreaterThan(50_000);
    expect(wait).toBeLessThanOrEqual(60_000);
    expect(await titles(sub.id)).toEqual(['Home match (moved)', 'Cup final']);

    feed.status = 200;
    feed.contentType = 'text/calendar';
    feed.body = 'garbage';
    const garbage = await api<SubscriptionRefreshResult>(me, 'POST', `/api/v1/calendars/${sub.id}/refresh`);
    expect(garbage.body.error).toBe('The feed is not an iCalendar file (it starts with "garbage")');
    const row = await t.ctx.database.db.selectFrom('calendars').select(['refresh_failures', 'next_refresh_at']).where('id', '=', sub.id).executeTakeFirstOrThrow();
    expect(row.refresh_failures).toBe(2);
    expect(Date.parse(row.next_refresh_at!) - Date.now()).toBeGreaterThan(110_000);
    expect(await titles(sub.id)).toEqual(['Home match (moved)', 'Cup final']);

    feed.body = good;
    const back = await api<SubscriptionRefreshResult>(me, 'POST', `/api/v1/calendars/${sub.id}/refresh`);
    expect(back.body.calendar.subscription).toMatchObject({ lastError: null });
  });

  it('is refreshed by the scheduler when its time comes, without "refresh now"', async () => {
    feed.body = ics('Football', vevent('m4@club', 'Friendly', '20261220'));
    expect(await titles(sub.id)).toEqual(['Home match (moved)', 'Cup final']);
    // Time passes: the refresh falls due.
    await t.ctx.database.db.updateTable('calendars').set({ next_refresh_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', sub.id).execute();
    await t.ctx.database.db.updateTable('jobs').set({ run_at: new Date(Date.now() - 1000).toISOString() }).where('name', '=', 'calendar.subscriptions').where('status', '=', 'queued').execute();
    await t.ctx.jobs.runDue();
    expect(await titles(sub.id)).toEqual(['Friendly']);
    const jobs = await t.ctx.database.db.selectFrom('jobs').select(['status']).where('name', '=', 'calendar.subscription.refresh').execute();
    expect(jobs).toEqual([{ status: 'done' }]);
    const cal = (await api<{ items: Calendar[] }>(me, 'GET', '/api/v1/calendars')).body.items.find((c) => c.id === sub.id)!;
    expect(Date.parse(cal.subscription!.nextRefreshAt!)).toBeGreaterThan(Date.now() + 29 * 60_000);
  });

  it("answers 404 for another user's subscription, and 409 to refresh a local calendar", async () => {
    expect((await api(other, 'POST', `/api/v1/calendars/${sub.id}/refresh`)).status).toBe(404);
    expect((await api(other, 'PATCH', `/api/v1/calendars/${sub.id}`, { refreshMinutes: 10 })).status).toBe(404);
    const local = (await api<{ items: Calendar[] }>(me, 'GET', '/api/v1/calendars')).body.items.find((c) => !c.readOnly)!;
    expect((await api(me, 'POST', `/api/v1/calendars/${local.id}/refresh`)).status).toBe(409);
    const tooOften = await api<ErrorBody>(me, 'PATCH', `/api/v1/calendars/${sub.id}`, { refreshMinutes: 1 });
    expect(tooOften.body.error.fields?.refreshMinutes).toBe('must be at least 5 minutes');
    expect((await api<Calendar>(me, 'PATCH', `/api/v1/calendars/${sub.id}`, { refreshMinutes: 120 })).body.subscription?.refreshMinutes).toBe(120);
  });
});
