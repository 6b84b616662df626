import type { CalendarSettings, UpdateCalendarSettingsInput } from '@atom/contracts';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../platform/auth/actor.js';

export const DEFAULT_LEAD_MINUTES = 10;

export async function getCalendarSettings(ctx: AppContext, actor: Actor): Promise<CalendarSettings> {
  const row = await ctx.database.db.selectFrom('calendar_settings').selectAll().where('user_id', '=', actor.user.id).executeTakeFirst();
  return { eventStartingLeadMinutes: row?.event_starting_lead_minutes ?? DEFAULT_LEAD_MINUTES };
}

export async function updateCalendarSettings(ctx: AppContext, actor: Actor, input: UpdateCalendarSettingsInput): Promise<CalendarSettings> {
  const current = await getCalendarSettings(ctx, actor);
  const lead = input.eventStartingLeadMinutes ?? current.eventStartingLeadMinutes;
  const now = new Date().toISOString();
  await ctx.database.db
    .insertInto('calendar_settings')
    .values({ user_id: actor.user.id, event_starting_lead_minutes: lead, updated_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ event_starting_lead_minutes: lead, updated_at: now }))
    .execute();
  return getCalendarSettings(ctx, actor);
}
