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

/**
 * Walks up from `newParentId`; meeting `nodeId` means the move would create a cycle.
 * Shared by tasks (subtasks) and projects (sub-projects).
 */
export async function assertNotOwnAncestor(opts: {
  nodeId: string;
  newParentId: string;
  parentOf: (id: string) => Promise<string | null>;
  cycleProblem: string;
}): Promise<void> {
  let current: string | null = opts.newParentId;
  for (let depth = 0; current !== null; depth++) {
    if (current === opts.nodeId) throw errors.field('parentId', opts.cycleProblem);
    if (depth > MAX_DEPTH) throw errors.field('parentId', `nests deeper than ${MAX_DEPTH} levels`);
    current = await opts.parentOf(current);
  }
}

/** A task may not become a subtask of itself or of its own descendants. */
export function assertNoTaskCycle(db: Db, userId: string, taskId: string, newParentId: string): Promise<void> {
  return assertNotOwnAncestor({
    nodeId: taskId,
    newParentId,
    cycleProblem: 'would make the task a subtask of itself',
    parentOf: async (id) =>
      (await db.selectFrom('tasks').select('parent_id').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst())?.parent_id ?? null,
  });
}
