import type { Event } from '@atom/contracts';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.js';
import type { DomainEvents } from '../../platform/events/domain-events.js';
import { createDbJobQueue } from '../../platform/jobs/db-queue.js';
import { createTestApp, inviteAndSignUp, signUp, type Session, type TestApp } from '../../testing/test-app.js';
import { eventStartingTick, fireStartingEvents } from './scan.js';

type Starting = DomainEvents['event.starting'];

let t: TestApp;
let me: Session;
const fired: Starting[] = [];

beforeAll(async () => {
  t = await createTestApp();
  me = await signUp(t.app, { timeZone: 'Europe/Berlin' });
  t.ctx.events.on('event.starting', (e) => void fired.push(e.payload));
});
afterAll(async () => t.close());

async function api<T>(s: Session, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  const headers = method === 'GET' ? { cookie: s.cookie } : s.headers;
  const res = await t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as string }) });
  return { status: res.statusCode, body: (res.body ? res.json() : null) as T };
}

const MINUTE = 60_000;
const at = (text: string) => Date.parse(text);

/** Runs the scan once a minute over [from, to], as the scheduler would, and returns what fired for one event. */
async function tickEveryMinute(from: string, to: string, eventId: string): Promise<(Starting & { firedAt: string })[]> {
  const out: (Starting & { firedAt: string })[] = [];
  for (let now = at(from); now <= at(to); now += MINUTE) {
    const before = fired.length;
    await fireStartingEvents(t.ctx, now);
    await t.ctx.events.drain();
    for (const e of fired.slice(before)) if (e.eventId === eventId) out.push({ ...e, firedAt: new Date(now).toISOString() });
  }
  return out;
}

const summary = (list: (Starting & { firedAt: string })[]) => list.map((e) => [e.firedAt, e.occurrenceStart, e.leadMinutes, e.startsInMinutes, e.reason]);

describe('event.starting', () => {
  let weekly: Event;

  it('fires once per occurrence of a weekly series, the lead before its start', async () => {
    // Mondays 09:00 Berlin (08:00 UTC in winter), three times.
    weekly = (await api<Event>(me, 'POST', '/api/v1/events', { title: 'Stand-up', start: { at: '2026-01-05T08:00:00.000Z', timeZone: 'Europe/Berlin' }, end: { at: '2026-01-05T08:15:00.000Z', timeZone: 'Europe/Berlin' }, recurrence: 'FREQ=WEEKLY;BYDAY=MO;COUNT=3' })).body;
    const got = [];
    for (const day of ['2026-01-05', '2026-01-12', '2026-01-19']) got.push(...(await tickEveryMinute(`${day}T07:30:00.000Z`, `${day}T08:20:00.000Z`, weekly.id)));
    expect(summary(got)).toEqual([
      ['2026-01-05T07:50:00.000Z', '2026-01-05T08:00:00.000Z', 10, 10, 'lead'],
      ['2026-01-12T07:50:00.000Z', '2026-01-12T08:00:00.000Z', 10, 10, 'lead'],
      ['2026-01-19T07:50:00.000Z', '2026-01-19T08:00:00.000Z', 10, 10, 'lead'],
    ]);
    expect(got[0]).toMatchObject({ userId: me.userId, occurrenceEnd: '2026-01-05T08:15:00.000Z', allDay: false, event: { id: weekly.id, title: 'Stand-up' } });
    // Ticking the same minutes again (a restart, another worker) fires nothing more.
    expect(await tickEveryMinute('2026-01-12T07:45:00.000Z', '2026-01-12T08:00:00.000Z', weekly.id)).toEqual([]);
  });

  it('follows the lead setting and the event reminders', async () => {
    expect((await api(me, 'GET', '/api/v1/calendar/settings')).body).toEqual({ eventStartingLeadMinutes: 10 });
    const bad = await api<{ error: { fields: Record<string, string> } }>(me, 'PATCH', '/api/v1/calendar/settings', { eventStartingLeadMinutes: -5 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.eventStartingLeadMinutes).toBe('must be 0 or more');
    const set = await api(me, 'PATCH', '/api/v1/calendar/settings', { eventStartingLeadMinutes: 30 });
    expect(set.body).toEqual({ eventStartingLeadMinutes: 30 });

    const e = (await api<Event>(me, 'POST', '/api/v1/events', { title: 'Dentist', start: { at: '2026-02-03T14:00:00.000Z', timeZone: 'Europe/Berlin' }, end: { at: '2026-02-03T15:00:00.000Z', timeZone: 'Europe/Berlin' }, reminders: [{ minutesBefore: 60 }, { minutesBefore: 5 }] })).body;
    const got = await tickEveryMinute('2026-02-03T12:50:00.000Z', '2026-02-03T14:10:00.000Z', e.id);
    expect(summary(got)).toEqual([
      ['2026-02-03T13:00:00.000Z', '2026-02-03T14:00:00.000Z', 60, 60, 'reminder'],
      ['2026-02-03T13:30:00.000Z', '2026-02-03T14:00:00.000Z', 30, 30, 'lead'],
      ['2026-02-03T13:55:00.000Z', '2026-02-03T14:00:00.000Z', 5, 5, 'reminder'],
    ]);
    await api(me, 'PATCH', '/api/v1/calendar/settings', { eventStartingLeadMinutes: 10 });
  });

  it('fires an all-day event before midnight in the user zone', async () => {
    const e = (await api<Event>(me, 'POST', '/api/v1/events', { title: 'Holiday', start: { date: '2026-03-02' }, end: { date: '2026-03-03' } })).body;
    const got = await tickEveryMinute('2026-03-01T22:45:00.000Z', '2026-03-01T23:05:00.000Z', e.id);
    expect(summary(got)).toEqual([['2026-03-01T22:50:00.000Z', '2026-03-01T23:00:00.000Z', 10, 10, 'lead']]);
    expect(got[0]!.allDay).toBe(true);
  });

  it('fires again for a moved occurrence, and never for a cancelled or deleted one', async () => {
    const first = await tickEveryMinute('2026-01-26T07:45:00.000Z', '2026-01-26T07:55:00.000Z', weekly.id);
    expect(first).toEqual([]); // COUNT=3 ended the series on the 19th.
    const daily = (await api<Event>(me, 'POST', '/api/v1/events', { title: 'Walk', start: { at: '2026-04-06T16:00:00.000Z', timeZone: 'UTC' }, end: { at: '2026-04-06T17:00:00.000Z', timeZone: 'UTC' }, recurrence: 'FREQ=DAILY' })).body;
    expect(summary(await tickEveryMinute('2026-04-06T15:45:00.000Z', '2026-04-06T15:55:00.000Z', daily.id))).toEqual([['2026-04-06T15:50:00.000Z', '2026-04-06T16:00:00.000Z', 10, 10, 'lead']]);
    // Moved by half an hour after it fired: a new start, a new firing.
    const moved = await api(me, 'POST', `/api/v1/events/${daily.id}/occurrences/edit`, { recurrenceId: { at: '2026-04-06T16:00:00.000Z', timeZone: 'UTC' }, scope: 'this', changes: { title: 'Later walk', start: { at: '2026-04-06T16:30:00.000Z', timeZone: 'UTC' }, end: { at: '2026-04-06T17:30:00.000Z', timeZone: 'UTC' } } });
    expect(moved.status).toBe(200);
    const again = await tickEveryMinute('2026-04-06T15:56:00.000Z', '2026-04-06T16:25:00.000Z', daily.id);
    expect(summary(again)).toEqual([['2026-04-06T16:20:00.000Z', '2026-04-06T16:30:00.000Z', 10, 10, 'lead']]);
    expect(again[0]!.event.title).toBe('Later walk');
    // Cancelled occurrence: silent.
    await api(me, 'POST', `/api/v1/events/${daily.id}/occurrences/edit`, { recurrenceId: { at: '2026-04-07T16:00:00.000Z', timeZone: 'UTC' }, scope: 'this', changes: { status: 'cancelled' } });
    expect(await tickEveryMinute('2026-04-07T15:45:00.000Z', '2026-04-07T16:00:00.000Z', daily.id)).toEqual([]);
    // Deleted series: silent.
    expect((await api(me, 'DELETE', `/api/v1/events/${daily.id}`)).status).toBe(204);
    expect(await tickEveryMinute('2026-04-08T15:45:00.000Z', '2026-04-08T16:00:00.000Z', daily.id)).toEqual([]);
  });

  it('does not announce an occurrence that has already started, but keeps reminders set for after the start', async () => {
    const e = (await api<Event>(me, 'POST', '/api/v1/events', { title: 'Late', start: { at: '2026-05-04T10:00:00.000Z', timeZone: 'UTC' }, end: { at: '2026-05-04T11:00:00.000Z', timeZone: 'UTC' }, reminders: [{ minutesBefore: -5 }] })).body;
    // The scheduler was down from 09:45 to 10:03: the 09:50 announcement is not sent late.
    const got = await tickEveryMinute('2026-05-04T10:03:00.000Z', '2026-05-04T10:10:00.000Z', e.id);
    expect(summary(got)).toEqual([['2026-05-04T10:05:00.000Z', '2026-05-04T10:00:00.000Z', -5, -5, 'reminder']]);
  });

  it('fires once when two job queues on the same database run the tick', async () => {
    const other = await inviteAndSignUp(t.app, me);
    const soon = Math.ceil((Date.now() + 5 * MINUTE) / MINUTE) * MINUTE;
    const e = (await api<Event>(other, 'POST', '/api/v1/events', { title: 'Call', start: { at: new Date(soon).toISOString(), timeZone: 'UTC' }, end: { at: new Date(soon + 30 * MINUTE).toISOString(), timeZone: 'UTC' } })).body;
    const second = openDatabase({ databaseUrl: t.testDb.databaseUrl, dataDir: t.testDb.dataDir });
    const secondJobs = createDbJobQueue({ database: second, logger: pino({ level: 'silent' }) });
    secondJobs.every(eventStartingTick({ ...t.ctx, database: second, jobs: secondJobs }));
    const before = fired.length;
    await Promise.all([t.ctx.jobs.runDue(), secondJobs.runDue(), t.ctx.jobs.runDue()]);
    await t.ctx.events.drain();
    const mine = fired.slice(before).filter((f) => f.eventId === e.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ userId: other.userId, occurrenceStart: new Date(soon).toISOString(), leadMinutes: 10 });
    expect(mine[0]!.startsInMinutes).toBeGreaterThanOrEqual(4);
    await secondJobs.stop();
    await second.destroy();
  });
});
