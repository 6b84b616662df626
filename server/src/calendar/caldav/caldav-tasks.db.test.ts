import type { CaldavConnection, CaldavLog, CaldavSyncResult, Event, Task } from '@atom/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, inviteAndSignUp, signUp, type Session, type TestApp } from '../../testing/test-app.js';
import { startRadicale, type Radicale } from './radicale.js';
import { apiCaller, QUIET } from './test-support.js';

let t: TestApp;
let me: Session;
let other: Session;
let rad: Radicale;
let tasksUrl: string;
let eventsOnlyUrl: string;
let workUrl: string;
let conn: CaldavConnection;
let inboxId: string;

beforeAll(async () => {
  rad = await startRadicale();
  tasksUrl = await rad.makeCalendar('tasks', 'Tasks');
  workUrl = await rad.makeCalendar('work', 'Work');
  eventsOnlyUrl = `${rad.url}${rad.username}/events-only/`;
  const made = await rad.client().request('MKCALENDAR', eventsOnlyUrl, {
    body: '<?xml version="1.0" encoding="utf-8"?><c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:set><d:prop><d:displayname>Events only</d:displayname><c:supported-calendar-component-set><c:comp name="VEVENT"/></c:supported-calendar-component-set></d:prop></d:set></c:mkcalendar>',
  });
  await made.body?.cancel();
  t = await createTestApp();
  me = await signUp(t.app, { timeZone: 'Europe/Berlin' });
  other = await inviteAndSignUp(t.app, me);
});
afterAll(async () => {
  await t.close();
  await rad.stop();
});

const api = apiCaller(() => t);

const zero = QUIET;
const sync = async () => {
  const r = await api<CaldavSyncResult>(me, 'POST', `/api/v1/connections/caldav/${conn.id}/sync`);
  expect(r.status).toBe(200);
  return r.body;
};

/** The server's copy, unfolded, as a client would read it. */
async function remoteText(href: string): Promise<{ status: number; text: string }> {
  const res = await rad.client().request('GET', href).catch((err: unknown) => err);
  if (!(res instanceof Response)) return { status: 404, text: '' };
  return { status: res.status, text: (await res.text()).replace(/\r\n[ \t]/g, '') };
}
const putRemote = (href: string, ics: string) => rad.client().put(href, ics, null);
/** An edit by another client: a plain PUT over whatever is there. */
async function replaceRemote(href: string, ics: string): Promise<void> {
  const res = await rad.client().request('PUT', href, { body: ics, headers: { 'content-type': 'text/calendar; charset=utf-8' } });
  await res.body?.cancel();
}
const vtodoPart = (text: string) => /BEGIN:VTODO[\s\S]*END:VTODO/.exec(text)?.[0] ?? '';

function vtodo(lines: string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', 'BEGIN:VTODO', ...lines, 'DTSTAMP:20260101T000000Z', 'END:VTODO', 'END:VCALENDAR', ''].join('\r\n');
}
const taskHref = (uid: string) => `${tasksUrl}${uid.replace(/[^A-Za-z0-9._-]/g, '_')}.ics`;

async function taskRow(uid: string) {
  return t.ctx.database.db.selectFrom('tasks').selectAll().where('user_id', '=', me.userId).where('ical_uid', '=', uid).executeTakeFirst();
}
async function labelsOf(taskId: string) {
  const rows = await t.ctx.database.db.selectFrom('task_labels').innerJoin('labels', 'labels.id', 'task_labels.label_id').select('labels.name').where('task_labels.task_id', '=', taskId).orderBy('labels.name').execute();
  return rows.map((r) => r.name);
}
const uidOf = async (taskId: string) => (await t.ctx.database.db.selectFrom('tasks').select('ical_uid').where('id', '=', taskId).executeTakeFirstOrThrow()).ical_uid!;

describe('choosing the task calendar', () => {
  it('reports which components each remote calendar holds', async () => {
    const res = await api<CaldavConnection>(me, 'POST', '/api/v1/connections/caldav', { url: rad.url, username: rad.username, password: rad.password });
    expect(res.status).toBe(201);
    conn = res.body;
    expect(conn.taskCalendar).toBeNull();
    expect(conn.calendars.map((c) => [c.displayName, c.components])).toEqual([
      ['Events only', ['VEVENT']],
      ['Tasks', ['VEVENT', 'VTODO']],
      ['Work', ['VEVENT', 'VTODO']],
    ]);
  });

  it('refuses a calendar without VTODO, an unknown calendar and a project of someone else, storing nothing', async () => {
    const url = `/api/v1/connections/caldav/${conn.id}`;
    type Err = { error: { fields: Record<string, string> } };
    const noTodo = await api<Err>(me, 'PATCH', url, { taskCalendar: { remoteUrl: eventsOnlyUrl } });
    expect(noTodo.status).toBe(400);
    expect(noTodo.body.error.fields['taskCalendar.remoteUrl']).toBe('does not hold tasks (VTODO)');
    const unknown = await api<Err>(me, 'PATCH', url, { taskCalendar: { remoteUrl: 'http://elsewhere/cal/' } });
    expect(unknown.body.error.fields['taskCalendar.remoteUrl']).toBe('is not a calendar of this connection');
    const theirs = await api<{ id: string }>(other, 'POST', '/api/v1/projects', { name: 'Not yours' });
    const foreign = await api<Err>(me, 'PATCH', url, { taskCalendar: { remoteUrl: tasksUrl, projectId: theirs.body.id }, calendars: [{ remoteUrl: workUrl, sync: true }] });
    expect(foreign.status).toBe(400);
    expect(Object.keys(foreign.body.error.fields)).toEqual(['taskCalendar.projectId']);
    // The calendar choice in the same refused request was not applied either.
    const now = await api<{ items: CaldavConnection[] }>(me, 'GET', '/api/v1/connections/caldav');
    expect(now.body.items[0]!.taskCalendar).toBeNull();
    expect(now.body.items[0]!.calendars.every((c) => !c.syncing)).toBe(true);
    expect((await api(other, 'PATCH', url, { taskCalendar: null })).status).toBe(404);
  });

  it('syncs the Inbox by default', async () => {
    // The path alone (the href) names the calendar too.
    const res = await api<CaldavConnection>(me, 'PATCH', `/api/v1/connections/caldav/${conn.id}`, { taskCalendar: { remoteUrl: new URL(tasksUrl).pathname } });
    expect(res.status).toBe(200);
    const projects = await api<{ items: { id: string; name: string; isInbox: boolean }[] }>(me, 'GET', '/api/v1/projects');
    inboxId = projects.body.items.find((p) => p.isInbox)!.id;
    expect(res.body.taskCalendar).toEqual({ remoteUrl: tasksUrl, projectId: inboxId, lastSyncAt: null });
    expect(await sync()).toEqual(zero);
  });
});

describe('two-way task sync', () => {
  let parent: Task;
  let child: Task;
  let timed: Task;

  it('sends tasks made in Atom as VTODOs with their fields', async () => {
    parent = (await api<Task>(me, 'POST', '/api/v1/tasks', { title: 'Plan the trip', notes: 'Book early,\nthen relax', dueDate: '2026-12-20', priority: 1, labels: ['travel', 'home'] })).body;
    child = (await api<Task>(me, 'POST', '/api/v1/tasks', { title: 'Book flights', parentId: parent.id, priority: 3 })).body;
    timed = (await api<Task>(me, 'POST', '/api/v1/tasks', { title: 'Water plants', dueAt: '2026-12-07T17:00:00.000Z', startAt: '2026-12-07T16:00:00.000Z', recurrence: 'FREQ=WEEKLY', priority: 2 })).body;
    expect(await sync()).toEqual({ ...zero, pushed: { created: 3, updated: 0, deleted: 0 } });

    const p = await remoteText(taskHref(await uidOf(parent.id)));
    expect(p.status).toBe(200);
    expect(p.text).toContain('BEGIN:VTODO');
    expect(p.text).toContain('SUMMARY:Plan the trip');
    expect(p.text).toContain('DESCRIPTION:Book early\\,\\nthen relax');
    expect(p.text).toContain('DUE;VALUE=DATE:20261220');
    expect(p.text).toContain('PRIORITY:1');
    expect(p.text).toContain('CATEGORIES:home,travel');
    expect(p.text).toContain('STATUS:NEEDS-ACTION');

    const c = await remoteText(taskHref(await uidOf(child.id)));
    expect(c.text).toContain(`RELATED-TO;RELTYPE=PARENT:${await uidOf(parent.id)}`);
    expect(c.text).toContain('PRIORITY:9');

    const w = await remoteText(taskHref(await uidOf(timed.id)));
    // 17:00Z is 18:00 in Berlin; a weekly task recurs on Berlin's wall clock.
    expect(w.text).toContain('DUE;TZID=Europe/Berlin:20261207T180000');
    expect(w.text).toContain('DTSTART;TZID=Europe/Berlin:20261207T170000');
    expect(w.text).toContain('RRULE:FREQ=WEEKLY');
    expect(w.text).toContain('PRIORITY:5');
    expect(w.text).toContain('BEGIN:VTIMEZONE');
    expect(await sync()).toEqual(zero);
  });

  it('takes VTODOs made on the server as tasks, subtasks linked even when they come before their parent', async () => {
    await putRemote(`${tasksUrl}kid.ics`, vtodo(['UID:kid-1', 'SUMMARY:Pack the bag', 'RELATED-TO:mum-1']));
    await putRemote(
      `${tasksUrl}mum.ics`,
      vtodo(['UID:mum-1', 'SUMMARY:Weekend away', 'DESCRIPTION:Two nights', 'DUE:20261212T090000Z', 'DTSTART:20261211T090000Z', 'PRIORITY:5', 'CATEGORIES:travel,fun', 'STATUS:NEEDS-ACTION', 'X-FOO:kept', 'URL:https://example.org/trip']),
    );
    expect(await sync()).toEqual({ ...zero, pulled: { created: 2, updated: 0, deleted: 0 } });
    const mum = (await taskRow('mum-1'))!;
    expect(mum).toMatchObject({ title: 'Weekend away', notes: 'Two nights', due_at: '2026-12-12T09:00:00.000Z', due_date: null, start_at: '2026-12-11T09:00:00.000Z', priority: 2, status: 'open', project_id: inboxId, parent_id: null });
    expect(await labelsOf(mum.id)).toEqual(['fun', 'travel']);
    const kid = (await taskRow('kid-1'))!;
    expect(kid).toMatchObject({ title: 'Pack the bag', parent_id: mum.id, priority: 4 });
    // And visible through the tasks API like any task.
    const listed = await api<{ items: Task[] }>(me, 'GET', `/api/v1/tasks?projectId=${inboxId}`);
    expect(listed.body.items.map((x) => x.title)).toEqual(expect.arrayContaining(['Weekend away', 'Pack the bag']));
    expect(await sync()).toEqual(zero);
  });

  it('sends a completion made in Atom as STATUS:COMPLETED with COMPLETED', async () => {
    expect((await api(me, 'POST', `/api/v1/tasks/${child.id}/complete`)).status).toBe(200);
    expect(await sync()).toEqual({ ...zero, pushed: { created: 0, updated: 1, deleted: 0 } });
    const c = await remoteText(taskHref(await uidOf(child.id)));
    expect(c.text).toContain('STATUS:COMPLETED');
    const done = await taskRow(await uidOf(child.id));
    const stamp = done!.completed_at!.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    expect(c.text).toContain(`COMPLETED:${stamp}`);
  });

  it('completes a recurring task: the done one goes up without RRULE, the next occurrence as a new VTODO', async () => {
    expect((await api(me, 'POST', `/api/v1/tasks/${timed.id}/complete`)).status).toBe(200);
    expect(await sync()).toEqual({ ...zero, pushed: { created: 1, updated: 1, deleted: 0 } });
    const old = await remoteText(taskHref(await uidOf(timed.id)));
    expect(old.text).toContain('STATUS:COMPLETED');
    expect(vtodoPart(old.text)).not.toContain('RRULE');
    const next = await t.ctx.database.db.selectFrom('tasks').selectAll().where('title', '=', 'Water plants').where('status', '=', 'open').executeTakeFirstOrThrow();
    const fresh = await remoteText(taskHref(next.ical_uid!));
    expect(fresh.text).toContain('DUE;TZID=Europe/Berlin:20261214T180000');
    expect(fresh.text).toContain('RRULE:FREQ=WEEKLY');
  });

  it('takes edits and completions made on the server, keeping unknown properties on the next push', async () => {
    const current = await remoteText(`${tasksUrl}mum.ics`);
    expect(current.text).toContain('X-FOO:kept');
    await replaceRemote(`${tasksUrl}mum.ics`, vtodo(['UID:mum-1', 'SUMMARY:Weekend away (Sat only)', 'DUE;VALUE=DATE:20261219', 'PRIORITY:1', 'CATEGORIES:fun', 'X-FOO:kept', 'URL:https://example.org/trip']));
    await replaceRemote(`${tasksUrl}kid.ics`, vtodo(['UID:kid-1', 'SUMMARY:Pack the bag', 'RELATED-TO:mum-1', 'STATUS:COMPLETED', 'COMPLETED:20261201T120000Z', 'PERCENT-COMPLETE:100']));
    expect(await sync()).toEqual({ ...zero, pulled: { created: 0, updated: 2, deleted: 0 } });
    const mum = (await taskRow('mum-1'))!;
    expect(mum).toMatchObject({ title: 'Weekend away (Sat only)', notes: '', due_date: '2026-12-19', due_at: null, start_at: null, priority: 1 });
    expect(await labelsOf(mum.id)).toEqual(['fun']);
    expect(await taskRow('kid-1')).toMatchObject({ status: 'done', completed_at: '2026-12-01T12:00:00.000Z' });

    // Reopened and edited in Atom: the push keeps X-FOO and URL, and no stale COMPLETED.
    expect((await api(me, 'PATCH', `/api/v1/tasks/${mum.id}`, { notes: 'Only Saturday' })).status).toBe(200);
    const kid = (await taskRow('kid-1'))!;
    expect((await api(me, 'POST', `/api/v1/tasks/${kid.id}/reopen`)).status).toBe(200);
    expect(await sync()).toEqual({ ...zero, pushed: { created: 0, updated: 2, deleted: 0 } });
    const pushed = await remoteText(`${tasksUrl}mum.ics`);
    expect(pushed.text).toContain('DESCRIPTION:Only Saturday');
    expect(pushed.text).toContain('X-FOO:kept');
    expect(pushed.text).toContain('URL:https://example.org/trip');
    const reopened = await remoteText(`${tasksUrl}kid.ics`);
    expect(reopened.text).toContain('STATUS:NEEDS-ACTION');
    expect(reopened.text).not.toContain('COMPLETED:');
    expect(reopened.text).toContain('PERCENT-COMPLETE:100'); // The server's own field, kept as it was while open.
    expect(reopened.text).toContain('RELATED-TO;RELTYPE=PARENT:mum-1');
  });

  it('deletes both ways', async () => {
    const gone = (await api<Task>(me, 'POST', '/api/v1/tasks', { title: 'Short-lived' })).body;
    await sync();
    const href = taskHref(await uidOf(gone.id));
    expect((await remoteText(href)).status).toBe(200);
    expect((await api(me, 'DELETE', `/api/v1/tasks/${gone.id}`)).status).toBe(204);
    expect(await sync()).toEqual({ ...zero, pushed: { created: 0, updated: 0, deleted: 1 } });
    expect((await remoteText(href)).status).toBe(404);

    await rad.client().delete(`${tasksUrl}kid.ics`, null);
    expect(await sync()).toEqual({ ...zero, pulled: { created: 0, updated: 0, deleted: 1 } });
    expect((await taskRow('kid-1'))?.deleted_at).not.toBeNull();
    const listed = await api<{ items: Task[] }>(me, 'GET', `/api/v1/tasks?projectId=${inboxId}`);
    expect(listed.body.items.map((x) => x.title)).not.toContain('Pack the bag');
    expect(await sync()).toEqual(zero);
  });

  it('resolves a conflicting edit: the newer side wins, and both conflicts are logged', async () => {
    const mum = (await taskRow('mum-1'))!;
    const href = `${tasksUrl}mum.ics`;
    await api(me, 'PATCH', `/api/v1/tasks/${mum.id}`, { title: 'Atom edit (newer)' });
    await replaceRemote(href, vtodo(['UID:mum-1', 'SUMMARY:Server edit (older)', 'LAST-MODIFIED:20200101T000000Z']));
    expect(await sync()).toEqual({ ...zero, pushed: { created: 0, updated: 1, deleted: 0 }, conflicts: 1 });
    expect((await remoteText(href)).text).toContain('SUMMARY:Atom edit (newer)');

    await api(me, 'PATCH', `/api/v1/tasks/${mum.id}`, { title: 'Atom edit (older)' });
    await replaceRemote(href, vtodo(['UID:mum-1', 'SUMMARY:Server edit (newer)', 'LAST-MODIFIED:20990101T000000Z']));
    expect(await sync()).toEqual({ ...zero, pulled: { created: 0, updated: 1, deleted: 0 }, conflicts: 1 });
    expect((await taskRow('mum-1'))?.title).toBe('Server edit (newer)');
    const log = await api<CaldavLog>(me, 'GET', `/api/v1/connections/caldav/${conn.id}/log`);
    expect(log.body.items.filter((e) => e.kind === 'conflict').map((e) => e.message)).toEqual([
      expect.stringContaining('"Server edit (newer)" changed on both sides; kept the server\'s version'),
      expect.stringContaining('"Server edit (older)" changed on both sides; kept Atom\'s version'),
    ]);
    expect(await sync()).toEqual(zero);
  });

  it('moves the sync to another project on request, leaving the old tasks where they are', async () => {
    const project = await api<{ id: string }>(me, 'POST', '/api/v1/projects', { name: 'Errands' });
    const res = await api<CaldavConnection>(me, 'PATCH', `/api/v1/connections/caldav/${conn.id}`, { taskCalendar: { remoteUrl: tasksUrl, projectId: project.body.id } });
    expect(res.body.taskCalendar).toMatchObject({ remoteUrl: tasksUrl, projectId: project.body.id });
    const before = await t.ctx.database.db.selectFrom('tasks').select('id').where('project_id', '=', inboxId).where('deleted_at', 'is', null).execute();
    const r = await sync();
    // Everything on the server arrives in the new project; the Inbox keeps its tasks.
    expect(r.pulled.created).toBeGreaterThan(0);
    expect(r.pushed).toEqual({ created: 0, updated: 0, deleted: 0 });
    const after = await t.ctx.database.db.selectFrom('tasks').select('id').where('project_id', '=', inboxId).where('deleted_at', 'is', null).execute();
    expect(after).toHaveLength(before.length);
    expect(await sync()).toEqual(zero);
    expect((await api<CaldavConnection>(me, 'PATCH', `/api/v1/connections/caldav/${conn.id}`, { taskCalendar: null })).body.taskCalendar).toBeNull();
    expect(await sync()).toEqual(zero);
  });

  it('syncs 200 tasks both ways (100 made on each side)', { timeout: 120_000 }, async () => {
    const project = await api<{ id: string }>(me, 'POST', '/api/v1/projects', { name: 'Bulk' });
    const bulkUrl = await rad.makeCalendar('bulk-tasks', 'Bulk tasks');
    await api(me, 'PATCH', `/api/v1/connections/caldav/${conn.id}`, { password: rad.password });
    expect((await api(me, 'PATCH', `/api/v1/connections/caldav/${conn.id}`, { taskCalendar: { remoteUrl: bulkUrl, projectId: project.body.id } })).status).toBe(200);
    for (let i = 0; i < 100; i += 1) {
      await putRemote(`${bulkUrl}r${i}.ics`, vtodo([`UID:r${i}@test`, `SUMMARY:Remote ${i}`, `DUE;VALUE=DATE:202701${String(1 + (i % 28)).padStart(2, '0')}`]));
      await api(me, 'POST', '/api/v1/tasks', { title: `Local ${i}`, projectId: project.body.id, priority: 1 + (i % 4) });
    }
    expect(await sync()).toEqual({ ...zero, pulled: { created: 100, updated: 0, deleted: 0 }, pushed: { created: 100, updated: 0, deleted: 0 } });
    const local = await t.ctx.database.db.selectFrom('tasks').select('title').where('project_id', '=', project.body.id).where('deleted_at', 'is', null).execute();
    expect(local).toHaveLength(200);
    expect(await rad.client().etags(bulkUrl)).toHaveLength(200);
    expect(await sync()).toEqual(zero);
  });
});

describe('events keep what Atom does not model', () => {
  it('pushes an edited event with the server copy\'s ORGANIZER and X- properties', async () => {
    const res = await api<CaldavConnection>(me, 'PATCH', `/api/v1/connections/caldav/${conn.id}`, { calendars: [{ remoteUrl: workUrl, sync: true }] });
    const workLocal = res.body.calendars.find((c) => c.remoteUrl === workUrl)!.localCalendarId!;
    const href = `${workUrl}meeting.ics`;
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Test//EN',
      'BEGIN:VEVENT',
      'UID:meeting-1',
      'DTSTAMP:20260101T000000Z',
      'DTSTART:20261201T090000Z',
      'DTEND:20261201T100000Z',
      'SUMMARY:Board meeting',
      'ORGANIZER;CN=Boss:mailto:boss@example.org',
      'ATTENDEE;CN=Alice;PARTSTAT=ACCEPTED:mailto:alice@example.org',
      'X-FOO:bar',
      'X-MICROSOFT-CDO-IMPORTANCE:2',
      'CLASS:PRIVATE',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    await putRemote(href, ics);
    expect((await sync()).pulled.created).toBe(1);
    const row = await t.ctx.database.db.selectFrom('events').select('id').where('calendar_id', '=', workLocal).where('uid', '=', 'meeting-1').executeTakeFirstOrThrow();
    expect((await api<Event>(me, 'PATCH', `/api/v1/events/${row.id}`, { title: 'Board meeting (moved room)' })).status).toBe(200);
    expect(await sync()).toEqual({ ...zero, pushed: { created: 0, updated: 1, deleted: 0 } });
    const pushed = (await remoteText(href)).text;
    expect(pushed).toContain('SUMMARY:Board meeting (moved room)');
    expect(pushed).toContain('ORGANIZER;CN=Boss:mailto:boss@example.org');
    expect(pushed).toContain('X-FOO:bar');
    expect(pushed).toContain('X-MICROSOFT-CDO-IMPORTANCE:2');
    expect(pushed).toContain('CLASS:PRIVATE');
    expect(pushed.match(/^ORGANIZER/gm)).toHaveLength(1);
    // A second edit still carries them (the pushed copy is the new "last seen").
    await api(me, 'PATCH', `/api/v1/events/${row.id}`, { title: 'Board meeting (final)' });
    await sync();
    const again = (await remoteText(href)).text;
    expect(again).toContain('SUMMARY:Board meeting (final)');
    expect(again).toContain('X-FOO:bar');
    expect(again).toContain('ORGANIZER;CN=Boss:mailto:boss@example.org');
  });

  it('syncs events and tasks of one remote calendar side by side, each kind to its own place', async () => {
    const project = await api<{ id: string }>(me, 'POST', '/api/v1/projects', { name: 'Work tasks' });
    const res = await api<CaldavConnection>(me, 'PATCH', `/api/v1/connections/caldav/${conn.id}`, { taskCalendar: { remoteUrl: workUrl, projectId: project.body.id } });
    const workLocal = res.body.calendars.find((c) => c.remoteUrl === workUrl)!.localCalendarId!;
    // The existing event comes back to nobody as a task, and the event calendar is untouched.
    expect(await sync()).toEqual(zero);
    await putRemote(`${workUrl}todo-w.ics`, vtodo(['UID:todo-w', 'SUMMARY:Prepare slides']));
    const made = await api<Task>(me, 'POST', '/api/v1/tasks', { title: 'Send minutes', projectId: project.body.id });
    const ev = await api<Event>(me, 'POST', '/api/v1/events', { calendarId: workLocal, title: 'Retro', start: { date: '2026-12-18' }, end: { date: '2026-12-19' } });
    expect(ev.status).toBe(201);
    expect(await sync()).toEqual({ ...zero, pulled: { created: 1, updated: 0, deleted: 0 }, pushed: { created: 2, updated: 0, deleted: 0 } });
    expect(await taskRow('todo-w')).toMatchObject({ title: 'Prepare slides', project_id: project.body.id });
    const events = await t.ctx.database.db.selectFrom('events').select('title').where('calendar_id', '=', workLocal).orderBy('title').execute();
    expect(events.map((e) => e.title)).toEqual(['Board meeting (final)', 'Retro']);
    expect((await remoteText(`${workUrl}${(await uidOf(made.body.id)).replace(/[^A-Za-z0-9._-]/g, '_')}.ics`)).text).toContain('SUMMARY:Send minutes');
    expect(await rad.client().etags(workUrl)).toHaveLength(4);
    // Deleting a task does not touch the events, and the reverse.
    await api(me, 'DELETE', `/api/v1/tasks/${made.body.id}`);
    await api(me, 'DELETE', `/api/v1/events/${ev.body.id}`);
    expect(await sync()).toEqual({ ...zero, pushed: { created: 0, updated: 0, deleted: 2 } });
    expect(await rad.client().etags(workUrl)).toHaveLength(2);
    // Both kinds also survive the etag fallback (an expired token) without mixing.
    await t.ctx.database.db.updateTable('caldav_calendars').set({ sync_token: 'http://radicale.org/ns/sync/expired', ctag: null }).where('remote_url', '=', workUrl).execute();
    await t.ctx.database.db.updateTable('caldav_task_lists').set({ sync_token: 'http://radicale.org/ns/sync/expired', ctag: null }).execute();
    expect(await sync()).toEqual(zero);
    expect(await sync()).toEqual(zero);
  });
});
