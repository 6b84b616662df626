import type { Calendar, Event, FreeBusy, ImportResult, OccurrenceList } from '@atom/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, inviteAndSignUp, signUp, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let me: Session;
let other: Session;

beforeAll(async () => {
  t = await createTestApp();
  me = await signUp(t.app, { timeZone: 'Europe/Berlin' });
  other = await inviteAndSignUp(t.app, me);
});
afterAll(async () => t.close());

async function api<T>(s: Session, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, contentType?: string) {
  const headers = method === 'GET' ? { cookie: s.cookie } : { ...s.headers, ...(contentType ? { 'content-type': contentType } : {}) };
  const res = await t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as string }) });
  const isJson = String(res.headers['content-type'] ?? '').includes('json');
  return { status: res.statusCode, body: (isJson ? res.json() : res.body) as T, headers: res.headers };
}

const range = (from: string, to: string, extra = '') => `/api/v1/events?from=${from}&to=${to}${extra}`;

describe('calendars', () => {
  it('gives a default calendar and manages others', async () => {
    const list = await api<{ items: Calendar[] }>(me, 'GET', '/api/v1/calendars');
    expect(list.body.items).toMatchObject([{ name: 'Personal', isDefault: true, visible: true, feedUrl: null }]);
    const work = await api<Calendar>(me, 'POST', '/api/v1/calendars', { name: 'Work', color: '#fa5252', isDefault: true });
    expect(work.body).toMatchObject({ name: 'Work', isDefault: true });
    const after = await api<{ items: Calendar[] }>(me, 'GET', '/api/v1/calendars');
    expect(after.body.items.filter((c) => c.isDefault).map((c) => c.name)).toEqual(['Work']);
    expect((await api(other, 'PATCH', `/api/v1/calendars/${work.body.id}`, { name: 'mine' })).status).toBe(404);
  });
});

describe('events and recurrence', () => {
  it('keeps a weekly 09:00 New York meeting at 09:00 New York time, seen from Berlin across both DST switches', async () => {
    const created = await api<Event>(me, 'POST', '/api/v1/events', {
      title: 'Standup NY',
      start: { at: '2026-03-02T14:00:00Z', timeZone: 'America/New_York' },
      end: { at: '2026-03-02T14:30:00Z', timeZone: 'America/New_York' },
      recurrence: 'FREQ=WEEKLY;BYDAY=MO',
    });
    expect(created.status).toBe(201);
    const occ = await api<OccurrenceList>(me, 'GET', range('2026-03-01T00:00:00Z', '2026-04-07T00:00:00Z'));
    const starts = occ.body.items.filter((o) => o.title === 'Standup NY').map((o) => ('at' in o.start ? o.start.at : ''));
    // 9:00 EST = 14:00Z; from 8 March 9:00 EDT = 13:00Z. Berlin sees 15:00, then 14:00 until 29 March, then 15:00 again.
    expect(starts).toEqual(['2026-03-02T14:00:00.000Z', '2026-03-09T13:00:00.000Z', '2026-03-16T13:00:00.000Z', '2026-03-23T13:00:00.000Z', '2026-03-30T13:00:00.000Z', '2026-04-06T13:00:00.000Z']);
    const berlin = starts.map((s) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(new Date(s)));
    expect(berlin).toEqual(['15:00', '14:00', '14:00', '14:00', '15:00', '15:00']);
  });

  it('keeps an all-day event on its date for every viewer zone', async () => {
    await api<Event>(me, 'POST', '/api/v1/events', { title: 'Holiday', start: { date: '2026-07-14' }, end: { date: '2026-07-15' } });
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC', 'Asia/Tokyo']) {
      const occ = await api<OccurrenceList>(me, 'GET', range('2026-07-13T00:00:00Z', '2026-07-16T00:00:00Z', `&timeZone=${zone}`));
      expect(occ.body.items.filter((o) => o.title === 'Holiday').map((o) => o.start), zone).toEqual([{ date: '2026-07-14' }]);
    }
  });

  it('edits one occurrence, then this-and-following, and deletes one', async () => {
    const series = (
      await api<Event>(me, 'POST', '/api/v1/events', {
        title: 'Review',
        start: { at: '2026-05-04T08:00:00Z', timeZone: 'Asia/Kolkata' },
        end: { at: '2026-05-04T09:00:00Z', timeZone: 'Asia/Kolkata' },
        recurrence: 'FREQ=DAILY;COUNT=10',
      })
    ).body;
    const moved = await api<Event>(me, 'POST', `/api/v1/events/${series.id}/occurrences/edit`, {
      recurrenceId: { at: '2026-05-05T08:00:00Z', timeZone: 'Asia/Kolkata' },
      scope: 'this',
      changes: { start: { at: '2026-05-05T10:00:00Z', timeZone: 'Asia/Kolkata' }, end: { at: '2026-05-05T11:00:00Z', timeZone: 'Asia/Kolkata' }, title: 'Review (moved)' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ seriesId: series.id, title: 'Review (moved)' });
    const del = await api(me, 'POST', `/api/v1/events/${series.id}/occurrences/delete`, { recurrenceId: { at: '2026-05-06T08:00:00Z', timeZone: 'Asia/Kolkata' }, scope: 'this' });
    expect(del.status).toBe(204);
    const following = await api<Event>(me, 'POST', `/api/v1/events/${series.id}/occurrences/edit`, {
      recurrenceId: { at: '2026-05-09T08:00:00Z', timeZone: 'Asia/Kolkata' },
      scope: 'following',
      changes: { title: 'Review v2' },
    });
    expect(following.body).toMatchObject({ title: 'Review v2', recurrence: expect.stringContaining('COUNT=5') as unknown });
    const occ = await api<OccurrenceList>(me, 'GET', range('2026-05-01T00:00:00Z', '2026-06-01T00:00:00Z'));
    const mine = occ.body.items.filter((o) => o.title.startsWith('Review')).map((o) => [o.title, 'at' in o.start ? o.start.at.slice(5, 16) : '']);
    expect(mine).toEqual([
      ['Review', '05-04T08:00'],
      ['Review (moved)', '05-05T10:00'],
      ['Review', '05-07T08:00'],
      ['Review', '05-08T08:00'],
      ['Review v2', '05-09T08:00'],
      ['Review v2', '05-10T08:00'],
      ['Review v2', '05-11T08:00'],
      ['Review v2', '05-12T08:00'],
      ['Review v2', '05-13T08:00'],
    ]);
  });

  it('refuses bad events with field errors', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ title: 'x', start: { date: '2026-01-02' }, end: { date: '2026-01-01' } }, 'end'],
      [{ title: 'x', start: { date: '2026-01-02' }, end: { at: '2026-01-03T00:00:00Z', timeZone: 'UTC' } }, 'end'],
      [{ title: 'x', start: { at: '2026-01-02T10:00:00Z', timeZone: 'Mars/Olympus' }, end: { at: '2026-01-02T11:00:00Z', timeZone: 'UTC' } }, 'start'],
      [{ title: 'x', start: { date: '2026-01-02' }, end: { date: '2026-01-03' }, recurrence: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30' }, 'recurrence'],
      [{ title: 'x', start: { date: '2026-01-02' }, end: { date: '2026-01-03' }, recurrence: 'NOT A RULE' }, 'recurrence'],
      [{ title: 'x', start: { date: '2026-01-02' }, end: { date: '2026-01-03' }, calendarId: '01900000-0000-7000-8000-000000000000' }, 'calendarId'],
    ];
    for (const [input, field] of cases) {
      const r = await api<{ error: { fields?: Record<string, string> } }>(me, 'POST', '/api/v1/events', input);
      expect(r.status, JSON.stringify(input)).toBe(400);
      expect(Object.keys(r.body.error.fields ?? {}).some((k) => k.startsWith(field)), `${JSON.stringify(input)} → ${JSON.stringify(r.body)}`).toBe(true);
    }
  });

  it("hides another user's events", async () => {
    const e = (await api<Event>(me, 'POST', '/api/v1/events', { title: 'Secret', start: { date: '2026-08-01' }, end: { date: '2026-08-02' } })).body;
    expect((await api(other, 'GET', `/api/v1/events/${e.id}`)).status).toBe(404);
    expect((await api(other, 'DELETE', `/api/v1/events/${e.id}`)).status).toBe(404);
    const occ = await api<OccurrenceList>(other, 'GET', range('2026-07-30T00:00:00Z', '2026-08-03T00:00:00Z'));
    expect(occ.body.items).toEqual([]);
  });
});

describe('free/busy', () => {
  it('merges overlapping busy time and ignores transparent and cancelled events', async () => {
    const cal = (await api<Calendar>(me, 'POST', '/api/v1/calendars', { name: 'FB', visible: false })).body;
    const at = (h: number, m = 0) => ({ at: `2027-01-05T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00Z`, timeZone: 'UTC' });
    await api(me, 'POST', '/api/v1/events', { calendarId: cal.id, title: 'a', start: at(9), end: at(10) });
    await api(me, 'POST', '/api/v1/events', { calendarId: cal.id, title: 'b', start: at(9, 30), end: at(11) });
    await api(me, 'POST', '/api/v1/events', { calendarId: cal.id, title: 'c', start: at(13), end: at(14), transparency: 'transparent' });
    await api(me, 'POST', '/api/v1/events', { calendarId: cal.id, title: 'd', start: at(15), end: at(16), status: 'cancelled' });
    const fb = await api<FreeBusy>(me, 'GET', '/api/v1/freebusy?from=2027-01-05T08:00:00Z&to=2027-01-05T18:00:00Z');
    expect(fb.body.busy).toEqual([{ start: '2027-01-05T09:00:00.000Z', end: '2027-01-05T11:00:00.000Z' }]);
  });
});

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Test//EN',
  'BEGIN:VEVENT',
  'UID:weekly-1@example.com',
  'DTSTAMP:20260101T000000Z',
  'DTSTART;TZID=Europe/Berlin:20260105T100000',
  'DTEND;TZID=Europe/Berlin:20260105T110000',
  'RRULE:FREQ=WEEKLY;COUNT=4',
  'EXDATE;TZID=Europe/Berlin:20260112T100000',
  'SUMMARY:Imported weekly',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:weekly-1@example.com',
  'DTSTAMP:20260101T000000Z',
  'RECURRENCE-ID;TZID=Europe/Berlin:20260119T100000',
  'DTSTART;TZID=Europe/Berlin:20260119T120000',
  'DTEND;TZID=Europe/Berlin:20260119T130000',
  'SUMMARY:Imported weekly (moved)',
  'END:VEVENT',
  'BEGIN:VTODO',
  'UID:todo-1@example.com',
  'DTSTAMP:20260101T000000Z',
  'SUMMARY:Imported task',
  'DUE;VALUE=DATE:20260110',
  'PRIORITY:1',
  'END:VTODO',
  'END:VCALENDAR',
  '',
].join('\r\n');

describe('iCalendar import, export and feeds', () => {
  let cal: Calendar;
  it('imports events, overrides and tasks, and re-importing adds nothing', async () => {
    cal = (await api<Calendar>(me, 'POST', '/api/v1/calendars', { name: 'Imported' })).body;
    const first = await api<ImportResult>(me, 'POST', `/api/v1/calendars/${cal.id}/import`, ICS, 'text/calendar');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ events: 2, tasks: 1, updated: 0 });
    const again = await api<ImportResult>(me, 'POST', `/api/v1/calendars/${cal.id}/import`, ICS, 'text/calendar');
    expect(again.body).toMatchObject({ events: 2, updated: 2 });
    const occ = await api<OccurrenceList>(me, 'GET', range('2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', `&calendarId=${cal.id}`));
    expect(occ.body.items.map((o) => [o.title, 'at' in o.start ? o.start.at : ''])).toEqual([
      ['Imported weekly', '2026-01-05T09:00:00.000Z'],
      ['Imported weekly (moved)', '2026-01-19T11:00:00.000Z'],
      ['Imported weekly', '2026-01-26T09:00:00.000Z'],
    ]);
    const tasks = await api<{ items: { title: string; dueDate: string; priority: number }[] }>(me, 'GET', '/api/v1/tasks?q=Imported%20task');
    expect(tasks.body.items).toMatchObject([{ title: 'Imported task', dueDate: '2026-01-10', priority: 1 }]);
  });

  it('exports what it imported, occurrence for occurrence', async () => {
    const exported = await api<string>(me, 'GET', `/api/v1/calendars/${cal.id}/export.ics`);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toMatch(/text\/calendar/);
    expect(exported.body).toContain('BEGIN:VTIMEZONE');
    const copy = (await api<Calendar>(me, 'POST', '/api/v1/calendars', { name: 'Round trip' })).body;
    await api(me, 'POST', `/api/v1/calendars/${copy.id}/import`, exported.body, 'text/calendar');
    const seen = async (id: string) =>
      (await api<OccurrenceList>(me, 'GET', range('2025-12-01T00:00:00Z', '2027-12-01T00:00:00Z', `&calendarId=${id}`))).body.items.map((o) => [o.title, o.start, o.end]);
    expect(await seen(copy.id)).toEqual(await seen(cal.id));
  });

  it('serves a private feed without login, and rotating the secret kills the old URL', async () => {
    const enabled = await api<Calendar>(me, 'PATCH', `/api/v1/calendars/${cal.id}`, { feed: 'enable' });
    const url = new URL(enabled.body.feedUrl!);
    const feed = await t.app.inject({ method: 'GET', url: url.pathname });
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain('SUMMARY:Imported weekly');
    const rotated = await api<Calendar>(me, 'PATCH', `/api/v1/calendars/${cal.id}`, { feed: 'rotate' });
    expect(rotated.body.feedUrl).not.toBe(enabled.body.feedUrl);
    expect((await t.app.inject({ method: 'GET', url: url.pathname })).statusCode).toBe(404);
  });

  it('refuses a broken file naming the line, and imports nothing', async () => {
    const before = (await api<OccurrenceList>(me, 'GET', range('2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z'))).body.items.length;
    const broken = ICS.replace('DTSTART;TZID=Europe/Berlin:20260105T100000\r\n', '').replace('SUMMARY:Imported task', 'SUMMARY:New task that must not appear');
    const r = await api<{ error: { message: string; fields: Record<string, string> } }>(me, 'POST', `/api/v1/calendars/${cal.id}/import`, broken, 'text/calendar');
    expect(r.status).toBe(400);
    expect(r.body.error.fields.file).toMatch(/line \d+/);
    expect(r.body.error.fields.file).toMatch(/VEVENT/);
    expect((await api<OccurrenceList>(me, 'GET', range('2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z'))).body.items.length).toBe(before);
    const count = await api(me, 'POST', `/api/v1/calendars/${cal.id}/import`, ICS.replace('COUNT=4', 'COUNT=10000000'), 'text/calendar');
    expect(count.status).toBe(400);
    const tasks = await api<{ items: unknown[] }>(me, 'GET', '/api/v1/tasks?q=must%20not%20appear&status=all');
    expect(tasks.body.items).toEqual([]);
    const json = await api(me, 'POST', `/api/v1/calendars/${cal.id}/import`, { not: 'ics' });
    expect(json.status).toBe(415);
  });

  it('refuses a file over the import limit with 413', async () => {
    const huge = `BEGIN:VCALENDAR\r\n${'X-FILLER:'.padEnd(70, 'x')}\r\n`.repeat(160_000);
    const r = await api<{ error: { code: string } }>(me, 'POST', `/api/v1/calendars/${cal.id}/import`, huge, 'text/calendar');
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('payload_too_large');
  });
});
