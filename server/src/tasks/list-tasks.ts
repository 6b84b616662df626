import type { TaskQuery } from '@atom/contracts';
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { AppContext } from '../context.js';
import type { DB } from '../db/schema.js';
import type { Actor } from '../platform/auth/actor.js';
import { AppError } from '../platform/errors.js';
import { JsonText } from '../platform/http/json-text.js';
import { addDays } from '../platform/time/calendar.js';
import { zonedDate, zonedDayRange } from '../platform/time/zone.js';
import { readTaskPage, type SortKey } from './task-json.js';

type Sort = NonNullable<TaskQuery['sort']>;
type Q = SelectQueryBuilder<DB, 'tasks', object>;

/** Each sort is a key tuple, all in one direction, so a cursor is one row-value comparison. */
const SORTS: Record<Sort, { columns: SortKey[]; desc: boolean }> = {
  rank: { columns: ['rank', 'id'], desc: false },
  due: { columns: ['due_key', 'priority', 'id'], desc: false },
  priority: { columns: ['priority', 'due_key', 'id'], desc: false },
  created: { columns: ['created_at', 'id'], desc: true },
};

const UPCOMING_DAYS = 14;

function escapeLike(s: string): string {
  return s.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
}

function decodeCursor(cursor: string, length: number): (string | number)[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === length && values.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return values;
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation_failed', 400, 'cursor: not a cursor from this listing', { cursor: 'is not a cursor from this listing (it depends on sort)' });
}

/** Due between two dates in the user's zone: date-only dues compare as dates, timed dues as instants. */
function dueWithin(eb: ExpressionBuilder<DB, 'tasks'>, from: string | null, to: string, timeZone: string) {
  const range = zonedDayRange(from ?? '0001-01-01', to, timeZone);
  const byDate = from === null ? eb('due_date', '<=', to) : eb.and([eb('due_date', '>=', from), eb('due_date', '<=', to)]);
  const byInstant = from === null ? eb('due_at', '<', range.end) : eb.and([eb('due_at', '>=', range.start), eb('due_at', '<', range.end)]);
  return eb.or([byDate, byInstant]);
}

function applyFilters(q: Q, query: TaskQuery, timeZone: string, userId: string): Q {
  if (query.status !== 'all') q = q.where('tasks.status', '=', query.status);
  if (query.projectId) q = q.where('tasks.project_id', '=', query.projectId);
  if (query.parentId) q = q.where('tasks.parent_id', '=', query.parentId);
  if (query.topLevel === 'true') q = q.where('tasks.parent_id', 'is', null);
  if (query.q?.trim()) q = q.where(sql<boolean>`tasks.title_key like ${`%${escapeLike(query.q.trim())}%`} escape '\\'`);
  if (query.priority?.length) q = q.where('tasks.priority', 'in', query.priority);
  for (const name of query.labels ?? []) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('task_labels')
          .innerJoin('labels', 'labels.id', 'task_labels.label_id')
          .select(sql`1`.as('one'))
          .whereRef('task_labels.task_id', '=', 'tasks.id')
          .where('task_labels.user_id', '=', userId)
          .where('labels.name_key', '=', name.toLowerCase()),
      ),
    );
  }
  if (query.dueFrom || query.dueTo) {
    const to = query.dueTo ?? '9999-12-30';
    q = q.where((eb) => dueWithin(eb, query.dueFrom ?? null, to, timeZone));
  }
  const today = zonedDate(new Date(), timeZone);
  if (query.view) {
    const now = new Date().toISOString();
    q = q.where((eb) => eb.or([eb('tasks.start_at', 'is', null), eb('tasks.start_at', '<=', now)]));
    if (query.view === 'today') q = q.where((eb) => dueWithin(eb, null, today, timeZone));
    else q = q.where((eb) => dueWithin(eb, today, addDays(today, UPCOMING_DAYS), timeZone));
  }
  return q;
}

/** A page of tasks as TaskPage JSON text (see task-json.ts for why it is written directly). */
export async function listTasks(ctx: AppContext, actor: Actor, query: TaskQuery): Promise<JsonText> {
  const { db } = ctx.database;
  const userId = actor.user.id;
  const sortName: Sort = query.sort ?? (query.projectId || query.parentId ? 'rank' : 'due');
  const sort = SORTS[sortName];
  let q: Q = db
    .selectFrom('tasks')
    .where('tasks.user_id', '=', userId).where('tasks.deleted_at', 'is', null);
  q = applyFilters(q, query, actor.user.time_zone, userId);
  if (query.cursor) {
    const values = decodeCursor(query.cursor, sort.columns.length);
    // A row-value comparison (a, b, id) > (x, y, z): both SQLite and PostgreSQL use the index for it.
    const keys = sql.join(sort.columns.map((c) => sql.ref(`tasks.${c}`)));
    q = q.where(sql<boolean>`(${keys}) ${sql.raw(sort.desc ? '<' : '>')} (${sql.join(values)})`);
  }
  for (const c of sort.columns) q = q.orderBy(`tasks.${c}`, sort.desc ? 'desc' : 'asc');
  const { itemsJson, last, more } = await readTaskPage(q, ctx.database.dialect, query.limit, sort.columns);
  const nextCursor = more && last ? Buffer.from(JSON.stringify(sort.columns.map((c) => last[c]))).toString('base64url') : null;
  return new JsonText(`{"items":${itemsJson},"nextCursor":${JSON.stringify(nextCursor)}}`);
}
