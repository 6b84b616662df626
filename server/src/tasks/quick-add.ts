import type { QuickAddInput, QuickAddParse, QuickAddResult } from '@atom/contracts';
import type { AppContext } from '../context.js';
import type { Actor } from '../platform/auth/actor.js';
import { AppError } from '../platform/errors.js';
import { createTask } from './create-task.js';
import { parseQuickAdd } from './quick-add/index.js';

/** What the text means for this user: the parse, the project it names, and what would block creation. */
export async function previewQuickAdd(ctx: AppContext, actor: Actor, input: QuickAddInput): Promise<QuickAddParse> {
  const parsed = parseQuickAdd(input.text, { now: new Date(), timeZone: actor.user.time_zone });
  const problems: Record<string, string> = {};
  let projectId: string | null = null;
  if (parsed.projectName) {
    const project = await ctx.database.db
      .selectFrom('projects')
      .select('id')
      .where('user_id', '=', actor.user.id)
      .where('name_key', '=', parsed.projectName.toLowerCase())
      .executeTakeFirst();
    if (project) projectId = project.id;
    else problems.project = `no project named "${parsed.projectName}"`;
  }
  if (!parsed.title) problems.title = 'the text has no title besides dates and tags';
  return { ...parsed, projectId, problems };
}

export async function quickAdd(ctx: AppContext, actor: Actor, input: QuickAddInput): Promise<QuickAddResult> {
  const parsed = await previewQuickAdd(ctx, actor, input);
  const [first] = Object.entries(parsed.problems);
  if (first) {
    throw new AppError('validation_failed', 400, `text: ${first[1]}`, { text: Object.values(parsed.problems).join('; ') });
  }
  const task = await createTask(ctx, actor, {
    title: parsed.title,
    ...(parsed.projectId ? { projectId: parsed.projectId } : input.projectId ? { projectId: input.projectId } : {}),
    ...(parsed.labels.length ? { labels: parsed.labels } : {}),
    ...(parsed.priority ? { priority: parsed.priority } : {}),
    ...(parsed.dueAt ? { dueAt: parsed.dueAt } : {}),
    ...(parsed.dueDate ? { dueDate: parsed.dueDate } : {}),
    ...(parsed.recurrence ? { recurrence: parsed.recurrence, recurrenceFrom: parsed.recurrenceFrom ?? 'schedule' } : {}),
  });
  return { task, parsed };
}
