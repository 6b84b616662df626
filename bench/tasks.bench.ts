import { sql } from 'kysely';
import type { AppContext } from '../server/src/context.js';
import { newId } from '../server/src/platform/ids.js';
import { EMPTY_ROLLUPS } from '../server/src/tasks/queries.js';
import { ranksAfter } from '../server/src/tasks/rank.js';
import { measureGetPair, printComparison } from './lib/measure.js';
import { signUpForBench, startAtom, startBare } from './lib/servers.js';

const TOTAL = 100_000;
const PAGE = 1000;

/** 100,000 tasks over 20 projects, a third open, a fifth labelled, some with subtasks. */
export async function seed(ctx: AppContext, userId: string): Promise<void> {
  const { db, codec } = ctx.database;
  const now = new Date().toISOString();
  const projects = Array.from({ length: 20 }, (_, i) => ({
    id: newId(),
    user_id: userId,
    name: `Project ${i}`,
    name_key: `project ${i}`,
    color: '#4c6ef5',
    archived: codec.bool.write(false),
    is_inbox: codec.bool.write(i === 0),
    parent_id: null,
    rank: ranksAfter(null, 20)[i]!,
    created_at: now,
    updated_at: now,
  }));
  await db.insertInto('projects').values(projects).execute();
  const label = { id: newId(), user_id: userId, name: 'work', name_key: 'work', color: '#12b886', created_at: now };
  await db.insertInto('labels').values(label).execute();
  const ranks = ranksAfter(null, TOTAL);
  for (let start = 0; start < TOTAL; start += 1000) {
    const rows = Array.from({ length: 1000 }, (_, j) => {
      const i = start + j;
      const due = i % 3 === 0 ? new Date(Date.UTC(2026, 0, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10) : null;
      return {
        id: newId(),
        user_id: userId,
        project_id: projects[i % 20]!.id,
        parent_id: null,
        column_id: null,
        title: `Task number ${i}`,
        title_key: `task number ${i}\n`,
        notes: '',
        status: i % 3 === 0 ? ('open' as const) : ('done' as const),
        priority: (i % 4) + 1,
        due_date: due,
        due_at: null,
        due_key: due ?? '~',
        start_at: null,
        estimate_minutes: null,
        recurrence: null,
        recurrence_from: null,
        series_id: null,
        next_task_id: null,
        ical_uid: null,
        completed_at: i % 3 === 0 ? null : now,
        rank: ranks[i]!,
        deleted_at: null,
        created_at: now,
        updated_at: now,
        ...EMPTY_ROLLUPS,
      };
    });
    await db.insertInto('tasks').values(rows).execute();
    const labelled = rows.filter((_, j) => j % 5 === 0).map((r) => ({ task_id: r.id, label_id: label.id, user_id: userId }));
    await db.insertInto('task_labels').values(labelled).execute();
  }
  // A long-lived database has planner statistics (autovacuum, PRAGMA optimize); a fresh bulk load does not yet.
  await sql`analyze`.execute(db);
}

export async function tasksBench(dialect: 'sqlite' | 'postgres'): Promise<void> {
  const atom = await startAtom(dialect);
  try {
    const { userId, token } = await signUpForBench(atom.url);
    const t0 = performance.now();
    await seed(atom.ctx, userId);
    const seedMs = performance.now() - t0;
    const auth = { authorization: `Bearer ${token}` };

    const first = await fetch(`${atom.url}/api/v1/tasks?limit=${PAGE}&sort=rank`, { headers: auth });
    const body = (await first.json()) as { items: unknown[] };
    if (body.items.length !== PAGE) throw new Error(`expected ${PAGE} tasks, got ${body.items.length}`);
    const bare = await startBare(body.items);
    try {
      const n = 200;
      const [ours, base] = await measureGetPair({ url: `${atom.url}/api/v1/tasks?limit=${PAGE}&sort=rank`, headers: auth }, { url: `${bare.url}/bare` }, n);
      printComparison(
        `[tasks] list ${PAGE} open tasks of a user with ${TOTAL.toLocaleString('en')} tasks (${dialect}; seeded in ${(seedMs / 1000).toFixed(1)} s)`,
        [`GET /api/v1/tasks?limit=${PAGE} (${dialect})`, ours],
        [`bare Fastify route, static ${PAGE}-item array`, base],
        ' (aim: within 3x)',
      );
    } finally {
      await bare.stop();
    }

    // The Tasks screens load the labels with their open-task counts; the seed's one label is on 20,000 tasks.
    const labels = (await (await fetch(`${atom.url}/api/v1/labels`, { headers: auth })).json()) as { items: { openTaskCount: number }[] };
    const bareLabels = await startBare(labels);
    try {
      const [ours, base] = await measureGetPair({ url: `${atom.url}/api/v1/labels`, headers: auth }, { url: `${bareLabels.url}/bare` }, 200);
      printComparison(
        `[tasks] labels with open-task counts, one label on ${(TOTAL / 5).toLocaleString('en')} tasks (${labels.items[0]?.openTaskCount ?? 0} open; ${dialect})`,
        [`GET /api/v1/labels (${dialect})`, ours],
        ['bare Fastify route, the same body', base],
      );
    } finally {
      await bareLabels.stop();
    }
  } finally {
    await atom.stop();
  }
}
