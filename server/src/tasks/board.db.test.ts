import type { CompleteResult, MoveResult, Project, Task, TaskPage } from '@atom/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUp, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let me: Session;

beforeAll(async () => {
  t = await createTestApp();
  me = await signUp(t.app, { timeZone: 'Europe/Berlin' });
});
afterAll(async () => t.close());

async function api<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  const res = await t.app.inject({ method, url, headers: method === 'GET' ? { cookie: me.cookie } : me.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: (res.body ? res.json() : undefined) as T };
}

async function columnTitles(project: Project) {
  const page = await api<TaskPage>('GET', `/api/v1/tasks?projectId=${project.id}&topLevel=true&status=all&sort=rank`);
  return Object.fromEntries(project.columns.map((c) => [c.name, page.body.items.filter((x) => x.columnId === c.id).map((x) => x.title)]));
}

describe('kanban board', () => {
  it('moves tasks between and within columns, touching only the moved row', async () => {
    const board = (await api<Project>('POST', '/api/v1/projects', { name: 'Board' })).body;
    const [todo, doing, done] = board.columns;
    const ids: Record<string, string> = {};
    for (const title of ['A', 'B', 'C', 'D']) ids[title] = (await api<Task>('POST', '/api/v1/tasks', { title, projectId: board.id })).body.id;
    expect(await columnTitles(board)).toEqual({ 'To do': ['A', 'B', 'C', 'D'], Doing: [], Done: [] });

    const before = await t.ctx.database.db.selectFrom('tasks').select(['id', 'rank', 'updated_at']).where('project_id', '=', board.id).execute();
    const moved = await api<Task>('POST', `/api/v1/tasks/${ids.D}/move`, { column: todo!.id, after: ids.A });
    expect(moved.status).toBe(200);
    expect(await columnTitles(board)).toEqual({ 'To do': ['A', 'D', 'B', 'C'], Doing: [], Done: [] });
    const after = await t.ctx.database.db.selectFrom('tasks').select(['id', 'rank']).where('project_id', '=', board.id).execute();
    const changed = after.filter((r) => before.find((b) => b.id === r.id)?.rank !== r.rank).map((r) => r.id);
    expect(changed).toEqual([ids.D]);

    await api('POST', `/api/v1/tasks/${ids.B}/move`, { column: doing!.id });
    await api('POST', `/api/v1/tasks/${ids.C}/move`, { column: doing!.id, after: ids.B });
    await api('POST', `/api/v1/tasks/${ids.A}/move`, { column: doing!.id, after: null });
    expect(await columnTitles(board)).toEqual({ 'To do': ['D'], Doing: ['A', 'B', 'C'], Done: [] });

    const completed = await api<Task>('POST', `/api/v1/tasks/${ids.C}/move`, { column: done!.id });
    expect(completed.body).toMatchObject({ status: 'done', columnId: done!.id });
    const reopened = await api<Task>('POST', `/api/v1/tasks/${ids.C}/move`, { column: todo!.id });
    expect(reopened.body).toMatchObject({ status: 'open', completedAt: null });

    const bad = await api<{ error: { fields: Record<string, string> } }>('POST', `/api/v1/tasks/${ids.A}/move`, { column: todo!.id, after: ids.B });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.after).toBe('no such task in the target column');
  });

  it('dropping a recurring task into the done column answers with its next occurrence', async () => {
    const board = (await api<Project>('POST', '/api/v1/projects', { name: 'Chores' })).body;
    const done = board.columns.find((c) => c.done)!;
    const task = (await api<Task>('POST', '/api/v1/tasks', { title: 'Bins out', projectId: board.id, recurrence: 'FREQ=WEEKLY;BYDAY=TU', dueDate: '2026-12-01' })).body;
    const moved = await api<MoveResult>('POST', `/api/v1/tasks/${task.id}/move`, { column: done.id });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: task.id, status: 'done', columnId: done.id });
    expect(moved.body.next).toMatchObject({ title: 'Bins out', dueDate: '2026-12-08', status: 'open', projectId: board.id });
    const plain = (await api<Task>('POST', '/api/v1/tasks', { title: 'One-off', projectId: board.id })).body;
    expect((await api<MoveResult>('POST', `/api/v1/tasks/${plain.id}/move`, { column: done.id })).body.next).toBeNull();
  });

  it('keeps custom columns in order and refugees from a deleted column', async () => {
    const board = (await api<Project>('POST', '/api/v1/projects', { name: 'Custom', columns: [{ name: 'Ideas' }, { name: 'Shipped', done: true }] })).body;
    const withReview = (await api<Project>('POST', `/api/v1/projects/${board.id}/columns`, { name: 'Review', after: board.columns[0]!.id })).body;
    expect(withReview.columns.map((c) => c.name)).toEqual(['Ideas', 'Review', 'Shipped']);
    const review = withReview.columns[1]!;
    const task = (await api<Task>('POST', '/api/v1/tasks', { title: 'Draft', projectId: board.id, columnId: review.id })).body;
    const afterDelete = (await api<Project>('DELETE', `/api/v1/projects/${board.id}/columns/${review.id}`)).body;
    expect(afterDelete.columns.map((c) => c.name)).toEqual(['Ideas', 'Shipped']);
    expect((await api<Task>('GET', `/api/v1/tasks/${task.id}`)).body.columnId).toBe(board.columns[0]!.id);
  });
});

describe('recurring tasks', () => {
  it('creates the next occurrence on completion, with labels and subtasks reset', async () => {
    const task = (await api<Task>('POST', '/api/v1/tasks', { title: 'Water plants', dueDate: '2030-01-07', recurrence: 'FREQ=WEEKLY;BYDAY=MO', labels: ['home'] })).body;
    await api('POST', '/api/v1/tasks', { title: 'Check soil', parentId: task.id });
    const res = await api<CompleteResult>('POST', `/api/v1/tasks/${task.id}/complete`);
    expect(res.body.task).toMatchObject({ status: 'done' });
    expect(res.body.next).toMatchObject({ title: 'Water plants', status: 'open', dueDate: '2030-01-14', recurrence: 'FREQ=WEEKLY;BYDAY=MO', labels: ['home'], subtasks: { total: 1, done: 0 } });
  });

  it('gives a recurring task without a date its first occurrence', async () => {
    const task = (await api<Task>('POST', '/api/v1/tasks', { title: 'Pay rent', recurrence: 'FREQ=MONTHLY;BYMONTHDAY=1' })).body;
    expect(task.dueDate).toMatch(/^\d{4}-\d{2}-01$/);
    expect(task.dueDate! >= new Date().toISOString().slice(0, 10)).toBe(true);
  });

  it('creates exactly one next occurrence under concurrent and repeated completion', async () => {
    const task = (await api<Task>('POST', '/api/v1/tasks', { title: 'Daily review', dueDate: '2030-03-01', recurrence: 'FREQ=DAILY' })).body;
    const results = await Promise.all(Array.from({ length: 8 }, () => api<CompleteResult>('POST', `/api/v1/tasks/${task.id}/complete`)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const again = await api<CompleteResult>('POST', `/api/v1/tasks/${task.id}/complete`);
    const nextIds = new Set([...results, again].map((r) => r.body.next?.id));
    expect(nextIds.size).toBe(1);
    const series = await t.ctx.database.db.selectFrom('tasks').select(['id', 'status']).where('series_id', '=', task.id).where('deleted_at', 'is', null).execute();
    expect(series.filter((s) => s.status === 'open')).toHaveLength(1);
    expect(series).toHaveLength(2);
  });

  it('undoing a completion removes the untouched next occurrence', async () => {
    const task = (await api<Task>('POST', '/api/v1/tasks', { title: 'Stretch', dueDate: '2030-03-01', recurrence: 'FREQ=DAILY' })).body;
    const done = await api<CompleteResult>('POST', `/api/v1/tasks/${task.id}/complete`);
    const reopened = await api<Task>('POST', `/api/v1/tasks/${task.id}/reopen`);
    expect(reopened.body.status).toBe('open');
    expect((await api('GET', `/api/v1/tasks/${done.body.next!.id}`)).status).toBe(404);
  });

  it('repeats from completion when asked', async () => {
    const task = (await api<Task>('POST', '/api/v1/tasks', { title: 'Haircut', dueDate: '2020-01-01', recurrence: 'FREQ=DAILY;INTERVAL=30', recurrenceFrom: 'completion' })).body;
    const res = await api<CompleteResult>('POST', `/api/v1/tasks/${task.id}/complete`);
    const expected = new Date(Date.now() + 30 * 86_400_000);
    const berlinDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(expected);
    expect(res.body.next?.dueDate).toBe(berlinDate);
  });
});
