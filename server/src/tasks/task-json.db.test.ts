import { Task, TaskPage } from '@atom/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUp, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let me: Session;

beforeAll(async () => {
  t = await createTestApp();
  me = await signUp(t.app);
});
afterAll(async () => t.close());

async function api<T>(method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) {
  const res = await t.app.inject({ method, url, headers: method === 'GET' ? { cookie: me.cookie } : me.headers, ...(payload ? { payload } : {}) });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return { body: (res.body ? res.json() : undefined) as T, type: res.headers['content-type'] };
}

/**
 * The task list is written as JSON in one pass from the roll-up columns (task-json.ts: by
 * SQLite's json_object, or from PostgreSQL's columns); a single task goes through presentTask
 * with labels and subtasks counted from their own tables. Both must say the same thing about
 * every field, on each database.
 */
describe('task list JSON written in one pass', () => {
  it('matches the single-task view field by field, for every kind of task', async () => {
    const parent = (await api<Task>('POST', '/api/v1/tasks', {
      title: 'Plan the trip "Lisbon" \\ 🧳',
      notes: '# Notes\n- line with "quotes"\n- tab\there',
      priority: 1,
      labels: ['travel', 'Admin', 'zeta'],
      dueAt: '2026-12-01T09:30:00.000Z',
      startAt: '2026-11-20T08:00:00.000Z',
      estimateMinutes: 90,
    })).body;
    const sub1 = (await api<Task>('POST', '/api/v1/tasks', { title: 'Book flights', parentId: parent.id, dueDate: '2026-11-28' })).body;
    await api('POST', '/api/v1/tasks', { title: 'Book hotel', parentId: parent.id });
    const gone = (await api<Task>('POST', '/api/v1/tasks', { title: 'Deleted child', parentId: parent.id })).body;
    await api('POST', `/api/v1/tasks/${sub1.id}/complete`);
    await api('DELETE', `/api/v1/tasks/${gone.id}`);
    await api('POST', '/api/v1/tasks', { title: 'Water plants', recurrence: 'FREQ=WEEKLY;BYDAY=MO', dueDate: '2026-11-30' });
    await api('POST', '/api/v1/tasks', { title: 'Haircut', recurrence: 'FREQ=MONTHLY', recurrenceFrom: 'completion', dueDate: '2026-12-05' });
    const done = (await api<Task>('POST', '/api/v1/tasks', { title: 'Already done', priority: 3 })).body;
    await api('POST', `/api/v1/tasks/${done.id}/complete`);

    const list = await api<TaskPage>('GET', '/api/v1/tasks?status=all&limit=100&sort=created');
    expect(list.type).toMatch(/^application\/json/);
    const page = TaskPage.parse(list.body); // the text satisfies the published contract
    const titles = page.items.map((i) => i.title);
    expect(titles).toContain('Book flights');
    expect(titles).not.toContain('Deleted child');
    expect(page.items).toHaveLength(6);

    for (const item of page.items) {
      const one = Task.parse((await api<Task>('GET', `/api/v1/tasks/${item.id}`)).body);
      expect(item).toStrictEqual(one);
    }
    const listedParent = page.items.find((i) => i.id === parent.id)!;
    expect(listedParent.labels).toEqual(['Admin', 'travel', 'zeta']);
    expect(listedParent.subtasks).toEqual({ total: 2, done: 1 });
    expect(listedParent.dueAt).toBe('2026-12-01T09:30:00.000Z');
    expect(page.items.find((i) => i.title === 'Haircut')!.recurrenceFrom).toBe('completion');
    expect(page.items.find((i) => i.title === 'Water plants')!.recurrenceFrom).toBe('schedule');
  });

  it('pages with a cursor without gaps or repeats', async () => {
    const all = (await api<TaskPage>('GET', '/api/v1/tasks?status=all&limit=100&sort=due')).body.items.map((i) => i.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: TaskPage = (await api<TaskPage>('GET', `/api/v1/tasks?status=all&limit=2&sort=due${cursor ? `&cursor=${cursor}` : ''}`)).body;
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });
});
