import type { Project, Task, TaskPage } from '@atom/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, inviteAndSignUp, signUp, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let me: Session;
let other: Session;

beforeAll(async () => {
  t = await createTestApp();
  me = await signUp(t.app);
  other = await inviteAndSignUp(t.app, me);
});
afterAll(async () => t.close());

async function api<T>(s: Session, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  const res = await t.app.inject({ method, url, headers: method === 'GET' ? { cookie: s.cookie } : s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: (res.body ? res.json() : undefined) as T };
}

const newTask = async (s: Session, input: Record<string, unknown>) => {
  const r = await api<Task>(s, 'POST', '/api/v1/tasks', input);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
};
const newProject = async (s: Session, name: string) => (await api<Project>(s, 'POST', '/api/v1/projects', { name })).body;

describe('projects', () => {
  it('gives every user an Inbox with default kanban columns', async () => {
    const list = await api<{ items: Project[] }>(me, 'GET', '/api/v1/projects');
    const inbox = list.body.items.find((p) => p.isInbox);
    expect(inbox).toMatchObject({ name: 'Inbox', archived: false, parentId: null });
    expect(inbox?.columns.map((c) => [c.name, c.done])).toEqual([['To do', false], ['Doing', false], ['Done', true]]);
  });

  it('nests projects, refuses cycles, duplicate names and archiving the Inbox', async () => {
    const home = await newProject(me, 'Home');
    const garden = (await api<Project>(me, 'POST', '/api/v1/projects', { name: 'Garden', parentId: home.id, color: '#12b886' })).body;
    expect(garden).toMatchObject({ parentId: home.id, color: '#12b886' });
    const cycle = await api<{ error: { fields: Record<string, string> } }>(me, 'PATCH', `/api/v1/projects/${home.id}`, { parentId: garden.id });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.fields.parentId).toMatch(/ancestor/);
    const dup = await api(me, 'POST', '/api/v1/projects', { name: 'home' });
    expect(dup.status).toBe(409);
    const inbox = (await api<{ items: Project[] }>(me, 'GET', '/api/v1/projects')).body.items.find((p) => p.isInbox)!;
    expect((await api(me, 'PATCH', `/api/v1/projects/${inbox.id}`, { archived: true })).status).toBe(400);
    expect((await api(me, 'DELETE', `/api/v1/projects/${inbox.id}`)).status).toBe(409);
  });

  it("answers 404 for another user's project", async () => {
    const mine = await newProject(me, 'Private');
    expect((await api(other, 'GET', `/api/v1/projects/${mine.id}`)).status).toBe(404);
    expect((await api(other, 'PATCH', `/api/v1/projects/${mine.id}`, { name: 'x' })).status).toBe(404);
    expect((await api(other, 'DELETE', `/api/v1/projects/${mine.id}`)).status).toBe(404);
    const r = await api<{ error: { fields: Record<string, string> } }>(other, 'POST', '/api/v1/tasks', { title: 'sneak', projectId: mine.id });
    expect(r.status).toBe(400);
    expect(r.body.error.fields.projectId).toBe('no such project');
  });
});

describe('tasks', () => {
  it('creates a task in the Inbox with defaults, labels and a date', async () => {
    const task = await newTask(me, { title: 'Buy milk', labels: ['errands', 'Errands', 'home'], dueDate: '2030-05-01', estimateMinutes: 15 });
    expect(task).toMatchObject({ title: 'Buy milk', status: 'open', priority: 4, labels: ['errands', 'home'], dueDate: '2030-05-01', dueAt: null, estimateMinutes: 15, notes: '' });
    const labels = await api<{ items: { name: string; openTaskCount: number }[] }>(me, 'GET', '/api/v1/labels');
    expect(labels.body.items.find((l) => l.name === 'errands')?.openTaskCount).toBe(1);
  });

  it('nests subtasks at any depth and shows progress on the parent', async () => {
    const parent = await newTask(me, { title: 'Plan trip' });
    const child = await newTask(me, { title: 'Book flights', parentId: parent.id });
    await newTask(me, { title: 'Compare prices', parentId: child.id });
    const child2 = await newTask(me, { title: 'Pack', parentId: parent.id });
    await api(me, 'POST', `/api/v1/tasks/${child2.id}/complete`);
    const p = await api<Task>(me, 'GET', `/api/v1/tasks/${parent.id}`);
    expect(p.body.subtasks).toEqual({ total: 2, done: 1 });
    const cycle = await api<{ error: { fields: Record<string, string> } }>(me, 'PATCH', `/api/v1/tasks/${parent.id}`, { parentId: child.id });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.fields.parentId).toMatch(/itself/);
    const subs = await api<TaskPage>(me, 'GET', `/api/v1/tasks?parentId=${parent.id}&status=all`);
    expect(subs.body.items.map((x) => x.title)).toEqual(['Book flights', 'Pack']);
  });

  it('refuses bad input with field errors and stores nothing', async () => {
    const before = (await api<TaskPage>(me, 'GET', '/api/v1/tasks?status=all&limit=1000')).body.items.length;
    const cases: [Record<string, unknown>, string][] = [
      [{ title: 'x'.repeat(10_000) }, 'title'],
      [{ title: '' }, 'title'],
      [{ title: 'a', dueDate: '2026-02-30' }, 'dueDate'],
      [{ title: 'a', dueAt: 'tomorrow' }, 'dueAt'],
      [{ title: 'a', dueAt: '2026-01-01T10:00:00Z', dueDate: '2026-01-01' }, 'dueAt'],
      [{ title: 'a', priority: 0 }, 'priority'],
      [{ title: 'a', priority: 5 }, 'priority'],
      [{ title: 'a', recurrence: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30' }, 'recurrence'],
      [{ title: 'a', recurrence: 'EVERY TUESDAY' }, 'recurrence'],
      [{ title: 'a', projectId: '01900000-0000-7000-8000-000000000000' }, 'projectId'],
      [{ title: 'a', parentId: '01900000-0000-7000-8000-000000000000' }, 'parentId'],
      [{ title: 'a', labels: ['a,b'] }, 'labels.0'],
      [{ title: 'a', estimateMinutes: -5 }, 'estimateMinutes'],
    ];
    for (const [input, field] of cases) {
      const r = await api<{ error: { fields?: Record<string, string> } }>(me, 'POST', '/api/v1/tasks', input);
      expect(r.status, JSON.stringify(input)).toBe(400);
      expect(Object.keys(r.body.error.fields ?? {}), JSON.stringify(input)).toContain(field);
    }
    expect((await api<TaskPage>(me, 'GET', '/api/v1/tasks?status=all&limit=1000')).body.items.length).toBe(before);
  });

  it("hides another user's tasks behind 404", async () => {
    const task = await newTask(me, { title: 'Mine' });
    for (const [method, url] of [
      ['GET', `/api/v1/tasks/${task.id}`],
      ['PATCH', `/api/v1/tasks/${task.id}`],
      ['DELETE', `/api/v1/tasks/${task.id}`],
      ['POST', `/api/v1/tasks/${task.id}/complete`],
      ['POST', `/api/v1/tasks/${task.id}/move`],
    ] as const) {
      expect((await api(other, method, url, method === 'GET' || method === 'DELETE' ? undefined : {})).status, `${method} ${url}`).toBe(404);
    }
    const list = await api<TaskPage>(other, 'GET', '/api/v1/tasks?status=all');
    expect(list.body.items.some((x) => x.id === task.id)).toBe(false);
    const bulk = await api(other, 'POST', '/api/v1/tasks/bulk', { ids: [task.id], action: 'delete' });
    expect(bulk.status).toBe(400);
    expect((await api<Task>(me, 'GET', `/api/v1/tasks/${task.id}`)).status).toBe(200);
  });

  it('filters by text, label, priority and due range, and pages with a cursor', async () => {
    const p = await newProject(me, 'Filters');
    for (let i = 1; i <= 7; i++) {
      await newTask(me, { title: `Report ${i}`, projectId: p.id, priority: (i % 4) + 1, labels: i % 2 ? ['odd'] : [], dueDate: `2031-01-0${i}` });
    }
    await newTask(me, { title: '100% done_ish', projectId: p.id });
    const q = (s: string) => api<TaskPage>(me, 'GET', `/api/v1/tasks?projectId=${p.id}&${s}`);
    expect((await q('q=REPORT')).body.items).toHaveLength(7);
    expect((await q('q=100%25')).body.items.map((x) => x.title)).toEqual(['100% done_ish']);
    expect((await q('q=_')).body.items.map((x) => x.title)).toEqual(['100% done_ish']);
    expect((await q('labels=odd')).body.items.map((x) => x.title)).toEqual(['Report 1', 'Report 3', 'Report 5', 'Report 7']);
    expect((await q('priority=1,2')).body.items.map((x) => x.priority).sort()).toEqual([1, 2, 2]);
    expect((await q('dueFrom=2031-01-03&dueTo=2031-01-05&sort=due')).body.items.map((x) => x.dueDate)).toEqual(['2031-01-03', '2031-01-04', '2031-01-05']);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: TaskPage } = await q(`sort=due&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((x) => x.title));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Report 1', 'Report 2', 'Report 3', 'Report 4', 'Report 5', 'Report 6', 'Report 7', '100% done_ish']);
    const badCursor = await q('cursor=nonsense');
    expect(badCursor.status).toBe(400);
  });

  it('shows overdue and due-today in Today, and the next 14 days in Upcoming', async () => {
    const today = new Date().toISOString().slice(0, 10); // the user is in UTC
    const add = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
    const p = await newProject(me, 'Views');
    await newTask(me, { title: 'overdue', projectId: p.id, dueDate: add(-3) });
    await newTask(me, { title: 'today', projectId: p.id, dueDate: today });
    await newTask(me, { title: 'in a week', projectId: p.id, dueDate: add(7) });
    await newTask(me, { title: 'in a month', projectId: p.id, dueDate: add(30) });
    await newTask(me, { title: 'hidden until later', projectId: p.id, dueDate: today, startAt: new Date(Date.now() + 3_600_000).toISOString() });
    const todayView = await api<TaskPage>(me, 'GET', `/api/v1/tasks?view=today&projectId=${p.id}&sort=due`);
    expect(todayView.body.items.map((x) => x.title)).toEqual(['overdue', 'today']);
    const upcoming = await api<TaskPage>(me, 'GET', `/api/v1/tasks?view=upcoming&projectId=${p.id}&sort=due`);
    expect(upcoming.body.items.map((x) => x.title)).toEqual(['today', 'in a week']);
  });

  it('deletes with its subtasks and restores them (undo)', async () => {
    const parent = await newTask(me, { title: 'Temporary' });
    const child = await newTask(me, { title: 'Temporary child', parentId: parent.id });
    expect((await api(me, 'DELETE', `/api/v1/tasks/${parent.id}`)).status).toBe(204);
    expect((await api(me, 'GET', `/api/v1/tasks/${child.id}`)).status).toBe(404);
    const restored = await api<Task>(me, 'POST', `/api/v1/tasks/${parent.id}/restore`);
    expect(restored.body.subtasks.total).toBe(1);
    expect((await api(me, 'GET', `/api/v1/tasks/${child.id}`)).status).toBe(200);
  });

  it('applies bulk actions all or nothing', async () => {
    const p = await newProject(me, 'Bulk target');
    const a = await newTask(me, { title: 'bulk a' });
    const b = await newTask(me, { title: 'bulk b' });
    const labelled = await api<{ updated: number }>(me, 'POST', '/api/v1/tasks/bulk', { ids: [a.id, b.id], action: 'label', labels: ['batch'] });
    expect(labelled.body.updated).toBe(2);
    await api(me, 'POST', '/api/v1/tasks/bulk', { ids: [a.id, b.id], action: 'move', projectId: p.id });
    const moved = await api<TaskPage>(me, 'GET', `/api/v1/tasks?projectId=${p.id}`);
    expect(moved.body.items.map((x) => [x.title, x.labels])).toEqual([['bulk a', ['batch']], ['bulk b', ['batch']]]);
    const failing = await api(me, 'POST', '/api/v1/tasks/bulk', { ids: [a.id, '01900000-0000-7000-8000-000000000000'], action: 'complete' });
    expect(failing.status).toBe(400);
    expect((await api<Task>(me, 'GET', `/api/v1/tasks/${a.id}`)).body.status).toBe('open');
    await api(me, 'POST', '/api/v1/tasks/bulk', { ids: [a.id, b.id], action: 'complete' });
    expect((await api<Task>(me, 'GET', `/api/v1/tasks/${b.id}`)).body.status).toBe('done');
  });

  it('undoes a bulk move exactly: project, parent, column and position come back', async () => {
    const home = await newProject(me, 'Placed home');
    const away = await newProject(me, 'Placed away');
    const doing = home.columns[1]!;
    const first = await newTask(me, { title: 'first', projectId: home.id });
    const second = await newTask(me, { title: 'second', projectId: home.id, columnId: doing.id });
    const parent = await newTask(me, { title: 'parent', projectId: home.id });
    const child = await newTask(me, { title: 'child', parentId: parent.id });
    const before = await Promise.all([first, second, child].map(async (x) => (await api<Task>(me, 'GET', `/api/v1/tasks/${x.id}`)).body));
    await api(me, 'POST', '/api/v1/tasks/bulk', { ids: before.map((x) => x.id), action: 'move', projectId: away.id });
    expect((await api<Task>(me, 'GET', `/api/v1/tasks/${child.id}`)).body).toMatchObject({ projectId: away.id, parentId: null });

    const places = before.map((x) => ({ id: x.id, projectId: x.projectId, parentId: x.parentId, columnId: x.columnId, rank: x.rank }));
    const undone = await api(me, 'POST', '/api/v1/tasks/bulk', { ids: places.map((p) => p.id), action: 'place', places });
    expect(undone.status).toBe(200);
    for (const was of before) {
      const now = (await api<Task>(me, 'GET', `/api/v1/tasks/${was.id}`)).body;
      expect(now).toMatchObject({ projectId: was.projectId, parentId: was.parentId, columnId: was.columnId, rank: was.rank });
    }
    const missing = await api<{ error: { fields: Record<string, string> } }>(me, 'POST', '/api/v1/tasks/bulk', { ids: [first.id], action: 'place', places: [] });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.places).toMatch(/one entry/);
    const cycle = await api<{ error: { fields: Record<string, string> } }>(me, 'POST', '/api/v1/tasks/bulk', {
      ids: [parent.id],
      action: 'place',
      places: [{ id: parent.id, projectId: home.id, parentId: child.id, columnId: null, rank: 'm' }],
    });
    expect(cycle.status).toBe(400);
    expect((await api<Task>(me, 'GET', `/api/v1/tasks/${parent.id}`)).body.parentId).toBeNull();
  });

  it('emits domain events for each change', async () => {
    const seen: string[] = [];
    const off = t.ctx.events.onAny((e) => void seen.push(e.name));
    const task = await newTask(me, { title: 'evented' });
    await api(me, 'PATCH', `/api/v1/tasks/${task.id}`, { title: 'evented!' });
    await api(me, 'POST', `/api/v1/tasks/${task.id}/complete`);
    await api(me, 'DELETE', `/api/v1/tasks/${task.id}`);
    await t.ctx.events.drain();
    off();
    expect(seen).toEqual(['task.created', 'task.updated', 'task.completed', 'task.deleted']);
  });
});
