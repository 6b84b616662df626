import type { CreateLabelInput, Label, UpdateLabelInput } from '@atom/contracts';
import type { AppContext } from '../context.js';
import type { LabelsTable } from '../db/schema.js';
import type { Actor } from '../platform/auth/actor.js';
import { errors } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import type { Db } from './queries.js';

const LABEL_COLORS = ['#868e96', '#4c6ef5', '#12b886', '#fab005', '#fa5252', '#7950f2', '#15aabf', '#fd7e14'];

function colorFor(name: string): string {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return LABEL_COLORS[h % LABEL_COLORS.length]!;
}

/** Labels by name, created on first use (as Todoist does): returns their ids in input order. */
export async function ensureLabels(db: Db, userId: string, names: string[]): Promise<string[]> {
  // The first spelling of a name wins: ['errands', 'Errands'] is one label, 'errands'.
  const byKey = new Map<string, string>();
  for (const n of names) if (!byKey.has(n.toLowerCase())) byKey.set(n.toLowerCase(), n);
  const unique = [...byKey.values()];
  if (unique.length === 0) return [];
  const now = new Date().toISOString();
  await db
    .insertInto('labels')
    .values(unique.map((name) => ({ id: newId(), user_id: userId, name, name_key: name.toLowerCase(), color: colorFor(name.toLowerCase()), created_at: now })))
    .onConflict((oc) => oc.columns(['user_id', 'name_key']).doNothing())
    .execute();
  const rows = await db
    .selectFrom('labels')
    .select(['id', 'name_key'])
    .where('user_id', '=', userId)
    .where('name_key', 'in', unique.map((n) => n.toLowerCase()))
    .execute();
  const idByKey = new Map(rows.map((r) => [r.name_key, r.id]));
  return unique.map((n) => idByKey.get(n.toLowerCase())!);
}

export async function setTaskLabels(db: Db, userId: string, taskId: string, names: string[]): Promise<void> {
  const ids = await ensureLabels(db, userId, names);
  await db.deleteFrom('task_labels').where('task_id', '=', taskId).where('user_id', '=', userId).execute();
  if (ids.length > 0) await db.insertInto('task_labels').values(ids.map((label_id) => ({ task_id: taskId, label_id, user_id: userId }))).execute();
}

async function present(db: Db, userId: string, rows: LabelsTable[]): Promise<Label[]> {
  if (rows.length === 0) return [];
  // task_open is kept by triggers (migration 0012): the count never touches the tasks table.
  const counts = await db
    .selectFrom('task_labels')
    .select(['label_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('user_id', '=', userId)
    .where('label_id', 'in', rows.map((r) => r.id))
    .where('task_open', '=', 1)
    .groupBy('label_id')
    .execute();
  const by = new Map(counts.map((c) => [c.label_id, c.n]));
  return rows.map((r) => ({ id: r.id, name: r.name, color: r.color, openTaskCount: by.get(r.id) ?? 0, createdAt: r.created_at }));
}

async function getLabelRow(db: Db, userId: string, id: string): Promise<LabelsTable> {
  const row = await db.selectFrom('labels').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  if (!row) throw errors.notFound('Label');
  return row;
}

export async function listLabels(ctx: AppContext, actor: Actor): Promise<Label[]> {
  const rows = await ctx.database.db.selectFrom('labels').selectAll().where('user_id', '=', actor.user.id).orderBy('name_key').execute();
  return present(ctx.database.db, actor.user.id, rows);
}

export async function createLabel(ctx: AppContext, actor: Actor, input: CreateLabelInput): Promise<Label> {
  const { db } = ctx.database;
  const clash = await db.selectFrom('labels').select('id').where('user_id', '=', actor.user.id).where('name_key', '=', input.name.toLowerCase()).executeTakeFirst();
  if (clash) throw errors.conflict(`A label named "${input.name}" already exists`, { name: 'is already used by another label' });
  const row: LabelsTable = {
    id: newId(),
    user_id: actor.user.id,
    name: input.name,
    name_key: input.name.toLowerCase(),
    color: input.color ?? colorFor(input.name.toLowerCase()),
    created_at: new Date().toISOString(),
  };
  await db.insertInto('labels').values(row).execute();
  return (await present(db, actor.user.id, [row]))[0]!;
}

export async function updateLabel(ctx: AppContext, actor: Actor, id: string, input: UpdateLabelInput): Promise<Label> {
  const { db } = ctx.database;
  const row = await getLabelRow(db, actor.user.id, id);
  if (input.name !== undefined && input.name.toLowerCase() !== row.name_key) {
    const clash = await db.selectFrom('labels').select('id').where('user_id', '=', actor.user.id).where('name_key', '=', input.name.toLowerCase()).executeTakeFirst();
    if (clash) throw errors.conflict(`A label named "${input.name}" already exists`, { name: 'is already used by another label' });
  }
  await db
    .updateTable('labels')
    .set({ ...(input.name !== undefined ? { name: input.name, name_key: input.name.toLowerCase() } : {}), ...(input.color !== undefined ? { color: input.color } : {}) })
    .where('id', '=', id)
    .where('user_id', '=', actor.user.id)
    .execute();
  return (await present(db, actor.user.id, [await getLabelRow(db, actor.user.id, id)]))[0]!;
}

export async function deleteLabel(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await getLabelRow(ctx.database.db, actor.user.id, id);
  await ctx.database.db.deleteFrom('labels').where('id', '=', id).where('user_id', '=', actor.user.id).execute();
}
