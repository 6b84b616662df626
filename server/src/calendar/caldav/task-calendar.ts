/** The connection's task calendar: which remote calendar the tasks of which project sync with. */
import type { CaldavTaskCalendar, UpdateCaldavConnectionInput } from '@atom/contracts';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { errors } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { ensureInbox } from '../../tasks/projects.js';
import { referencedProject } from '../../tasks/queries.js';

export async function taskCalendarsOf(ctx: AppContext, userId: string, connectionIds: string[]): Promise<Map<string, CaldavTaskCalendar>> {
  if (connectionIds.length === 0) return new Map();
  const rows = await ctx.database.db
    .selectFrom('caldav_task_lists')
    .innerJoin('caldav_calendars', 'caldav_calendars.id', 'caldav_task_lists.caldav_calendar_id')
    .select(['caldav_task_lists.connection_id', 'caldav_calendars.remote_url', 'caldav_task_lists.project_id', 'caldav_task_lists.last_sync_at'])
    .where('caldav_task_lists.user_id', '=', userId)
    .where('caldav_task_lists.connection_id', 'in', connectionIds)
    .execute();
  return new Map(rows.map((r) => [r.connection_id, { remoteUrl: r.remote_url, projectId: r.project_id, lastSyncAt: r.last_sync_at }]));
}

/**
 * Checks the choice (a VTODO-capable calendar of this connection, a project of this user)
 * and returns what stores it, so that a bad choice refuses the whole update before any write.
 * Choosing another calendar or project starts afresh: nothing is remembered from the old pair.
 */
export async function prepareTaskCalendar(ctx: AppContext, actor: Actor, connectionId: string, want: UpdateCaldavConnectionInput['taskCalendar']): Promise<() => Promise<void>> {
  const { db, codec } = ctx.database;
  if (want === undefined) return async () => {};
  const stop = () => db.deleteFrom('caldav_task_lists').where('connection_id', '=', connectionId).where('user_id', '=', actor.user.id).execute();
  if (want === null)
    return async () => {
      await stop();
    };
  // The full URL as listed, or its path (the href a DAV client would show).
  const cals = await db.selectFrom('caldav_calendars').select(['id', 'remote_url', 'components']).where('connection_id', '=', connectionId).where('user_id', '=', actor.user.id).execute();
  const cal = cals.find((c) => c.remote_url === want.remoteUrl) ?? cals.find((c) => new URL(c.remote_url).pathname === want.remoteUrl);
  if (!cal) throw errors.field('taskCalendar.remoteUrl', 'is not a calendar of this connection');
  if (!(codec.json.read(cal.components) as string[]).includes('VTODO')) throw errors.field('taskCalendar.remoteUrl', 'does not hold tasks (VTODO)');
  const projectId = want.projectId ? (await referencedProject(db, actor.user.id, want.projectId, 'taskCalendar.projectId')).id : (await ensureInbox(ctx, actor.user.id)).id;
  return async () => {
    const current = await db.selectFrom('caldav_task_lists').select(['caldav_calendar_id', 'project_id']).where('connection_id', '=', connectionId).executeTakeFirst();
    if (current?.caldav_calendar_id === cal.id && current.project_id === projectId) return;
    await stop();
    await db.insertInto('caldav_task_lists').values({ id: newId(), user_id: actor.user.id, connection_id: connectionId, caldav_calendar_id: cal.id, project_id: projectId, sync_token: null, ctag: null, last_sync_at: null }).execute();
  };
}
