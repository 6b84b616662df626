import { errors } from '../platform/errors.js';
import type { Db } from './queries.js';

const MAX_DEPTH = 50;

/** Every descendant of the given tasks (any depth), level by level. */
export async function descendantIds(db: Db, userId: string, rootIds: string[], includeDeleted = false): Promise<string[]> {
  const found: string[] = [];
  let level = rootIds;
  for (let depth = 0; level.length > 0 && depth < MAX_DEPTH; depth++) {
    let q = db.selectFrom('tasks').select('id').where('user_id', '=', userId).where('parent_id', 'in', level);
    if (!includeDeleted) q = q.where('deleted_at', 'is', null);
    level = (await q.execute()).map((r) => r.id);
    found.push(...level);
  }
  return found;
}

/** A task may not become a subtask of itself or of its own descendants. */
export async function assertNoTaskCycle(db: Db, userId: string, taskId: string, newParentId: string): Promise<void> {
  let current: string | null = newParentId;
  for (let depth = 0; current !== null; depth++) {
    if (current === taskId) throw errors.field('parentId', 'would make the task a subtask of itself');
    if (depth > MAX_DEPTH) throw errors.field('parentId', `nests subtasks deeper than ${MAX_DEPTH} levels`);
    const row: { parent_id: string | null } | undefined = await db
      .selectFrom('tasks')
      .select('parent_id')
      .where('id', '=', current)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    current = row?.parent_id ?? null;
  }
}
