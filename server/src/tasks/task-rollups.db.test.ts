import { Task, type Label, type Project, type TaskPage } from '@atom/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUp, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let me: Session;

beforeAll(async () => {
  t = await createTestApp();
  me = await signUp(t.app);
});
afterAll(async () => t.close());

async function api<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object): Promise<T> {
  const res = await t.app.inject({ method, url, headers: method === 'GET' ? { cookie: me.cookie } : me.headers, ...(payload ? { payload } : {}) });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return (res.body ? res.json() : undefined) as T;
}

const create = (body: object) => api<Task>('POST', '/api/v1/tasks', body);
const listed = async () => (await api<TaskPage>('GET', '/api/v1/tasks?status=all&limit=500&sort=created')).items;
const byTitle = async (title: string) => (await listed()).find((i) => i.title === title)!;

/**
 * The list reads labels and subtask counts from roll-up columns kept by triggers; the
 * single-task view computes them from task_labels and the children. After every kind of
 * write, each listed task must say exactly what its own view says.
 */
async function expectListMatchesViews(): Promise<void> {
  for (const item of await listed()) expect(item, item.title).toStrictEqual(Task.parse(await api<Task>('GET', `/api/v1/tasks/${item.id}`)));
  // Each label's open-task count (kept on task_labels by triggers) is what filtering the open tasks by it finds.
  for (const label of (await api<{ items: Label[] }>('GET', '/api/v1/labels')).items) {
    const open = await api<TaskPage>('GET', `/api/v1/tasks?status=open&limit=500&labels=${encodeURIComponent(label.name)}`);
    expect(label.openTaskCount, label.name).toBe(open.items.length);
  }
}

describe('label and subtask roll-ups on the task row, and open-task counts of labels', () => {
  it('follow labels through tagging, renames, bulk changes and deletion', async () => {
    const a = await create({ title: 'Alpha', labels: ['home', 'Errands'] });
    const b = await create({ title: 'Beta', labels: ['home'] });
    expect((await byTitle('Alpha')).labels).toEqual(['Errands', 'home']);

    await api('PATCH', `/api/v1/tasks/${b.id}`, { labels: ['work', 'home'] });
    expect((await byTitle('Beta')).labels).toEqual(['home', 'work']);

    const labels = (await api<{ items: Label[] }>('GET', '/api/v1/labels')).items;
    const home = labels.find((l) => l.name === 'home')!;
    await api('PATCH', `/api/v1/labels/${home.id}`, { name: 'Zhome' });
    expect((await byTitle('Alpha')).labels).toEqual(['Errands', 'Zhome']);
    expect((await byTitle('Beta')).labels).toEqual(['work', 'Zhome']);

    await api('POST', '/api/v1/tasks/bulk', { ids: [a.id, b.id], action: 'label', labels: ['bulk'] });
    expect((await byTitle('Alpha')).labels).toEqual(['bulk', 'Errands', 'Zhome']);
    await api('POST', '/api/v1/tasks/bulk', { ids: [a.id, b.id], action: 'unlabel', labels: ['Zhome'] });
    expect((await byTitle('Beta')).labels).toEqual(['bulk', 'work']);

    const work = (await api<{ items: Label[] }>('GET', '/api/v1/labels')).items.find((l) => l.name === 'work')!;
    await api('DELETE', `/api/v1/labels/${work.id}`);
    expect((await byTitle('Beta')).labels).toEqual(['bulk']);
    await expectListMatchesViews();
  });

  it('follow subtasks through completion, moves between parents, deletion and restore', async () => {
    const p1 = await create({ title: 'Parent one' });
    const p2 = await create({ title: 'Parent two' });
    const c1 = await create({ title: 'Child 1', parentId: p1.id });
    const c2 = await create({ title: 'Child 2', parentId: p1.id });
    const grandchild = await create({ title: 'Grandchild', parentId: c1.id });
    expect((await byTitle('Parent one')).subtasks).toEqual({ total: 2, done: 0 });
    expect((await byTitle('Child 1')).subtasks).toEqual({ total: 1, done: 0 });

    await api('POST', `/api/v1/tasks/${c2.id}/complete`);
    expect((await byTitle('Parent one')).subtasks).toEqual({ total: 2, done: 1 });
    await api('POST', `/api/v1/tasks/${c2.id}/reopen`);
    expect((await byTitle('Parent one')).subtasks).toEqual({ total: 2, done: 0 });

    await api('PATCH', `/api/v1/tasks/${c2.id}`, { parentId: p2.id });
    expect((await byTitle('Parent one')).subtasks).toEqual({ total: 1, done: 0 });
    expect((await byTitle('Parent two')).subtasks).toEqual({ total: 1, done: 0 });

    await api('DELETE', `/api/v1/tasks/${grandchild.id}`);
    expect((await byTitle('Child 1')).subtasks).toEqual({ total: 0, done: 0 });
    await api('POST', `/api/v1/tasks/${grandchild.id}/restore`);
    expect((await byTitle('Child 1')).subtasks).toEqual({ total: 1, done: 0 });

    await api('POST', '/api/v1/tasks/bulk', { ids: [c1.id, c2.id], action: 'complete' });
    expect((await byTitle('Parent one')).subtasks).toEqual({ total: 1, done: 1 });
    expect((await byTitle('Parent two')).subtasks).toEqual({ total: 1, done: 1 });
    await expectListMatchesViews();
  });

  it('start empty on the next occurrence of a recurring task, which gets its own copies', async () => {
    const series = await create({ title: 'Weekly review', labels: ['ritual'], recurrence: 'FREQ=WEEKLY', dueDate: '2026-12-07' });
    await create({ title: 'Inbox zero', parentId: series.id });
    await create({ title: 'Plan week', parentId: series.id });
    const done = await api<{ next: Task | null }>('POST', `/api/v1/tasks/${series.id}/complete`);
    expect(done.next).not.toBeNull();
    const next = (await listed()).find((i) => i.id === done.next!.id)!;
    expect(next.labels).toEqual(['ritual']);
    expect(next.subtasks).toEqual({ total: 2, done: 0 });
    expect((await listed()).find((i) => i.id === series.id)!.subtasks).toEqual({ total: 2, done: 2 });
    await expectListMatchesViews();
  });

  it('forget the tasks of a deleted project', async () => {
    const project = await api<Project>('POST', '/api/v1/projects', { name: 'Short-lived' });
    const parent = await create({ title: 'In project', projectId: project.id, labels: ['temp'] });
    await create({ title: 'Its child', parentId: parent.id });
    await api('DELETE', `/api/v1/projects/${project.id}`);
    expect((await listed()).map((i) => i.title)).not.toContain('In project');
    await expectListMatchesViews();
  });
});
