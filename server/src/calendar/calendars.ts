import type { Calendar, CreateCalendarInput, UpdateCalendarInput } from '@atom/contracts';
import type { AppContext } from '../context.js';
import type { CalendarsTable } from '../db/schema.js';
import type { Actor } from '../platform/auth/actor.js';
import { errors } from '../platform/errors.js';
import { newId, newSecret, sha256 } from '../platform/ids.js';

const PALETTE = ['#4c6ef5', '#12b886', '#fa5252', '#fab005', '#7950f2', '#15aabf', '#fd7e14', '#e64980'];

/** The next refresh `minutes` after the last one (now, when there was none). */
function nextRefreshAfter(last: string | null, minutes: number): string {
  return new Date((last ? Date.parse(last) : Date.now()) + minutes * 60_000).toISOString();
}

export function feedUrl(ctx: AppContext, token: string): string {
  return `${ctx.config.publicUrl}/api/v1/feeds/${token}.ics`;
}

export function presentCalendar(ctx: AppContext, c: CalendarsTable): Calendar {
  const { codec } = ctx.database;
  return {
    id: c.id,
    name: c.name,
    color: c.color,
    visible: codec.bool.read(c.visible),
    isDefault: codec.bool.read(c.is_default),
    feedUrl: c.feed_token_enc ? feedUrl(ctx, ctx.secrets.decrypt(c.feed_token_enc)) : null,
    readOnly: c.subscription_url !== null,
    subscription:
      c.subscription_url === null
        ? null
        : { url: c.subscription_url, refreshMinutes: c.refresh_minutes ?? 60, lastRefreshedAt: c.last_refreshed_at, lastError: c.refresh_error, nextRefreshAt: c.next_refresh_at },
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}

export async function getCalendarRow(ctx: AppContext, userId: string, id: string): Promise<CalendarsTable> {
  const row = await ctx.database.db.selectFrom('calendars').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  if (!row) throw errors.notFound('Calendar');
  return row;
}

/** A new local calendar's row; its colour is the next of the palette after `existing` calendars. */
export function newCalendarRow(ctx: AppContext, userId: string, input: CreateCalendarInput, isDefault: boolean, existing: number): CalendarsTable {
  const { codec } = ctx.database;
  const now = new Date().toISOString();
  return {
    id: newId(),
    user_id: userId,
    name: input.name,
    color: input.color ?? PALETTE[existing % PALETTE.length]!,
    visible: codec.bool.write(input.visible ?? true),
    is_default: codec.bool.write(isDefault),
    feed_token_hash: null,
    feed_token_enc: null,
    subscription_url: null,
    refresh_minutes: null,
    http_etag: null,
    http_last_modified: null,
    last_refreshed_at: null,
    refresh_error: null,
    refresh_failures: 0,
    next_refresh_at: null,
    created_at: now,
    updated_at: now,
  };
}

export async function countCalendars(ctx: AppContext, userId: string): Promise<number> {
  const count = await ctx.database.db.selectFrom('calendars').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
  return count.n;
}

async function insertCalendar(ctx: AppContext, userId: string, input: CreateCalendarInput, isDefault: boolean): Promise<CalendarsTable> {
  const row = newCalendarRow(ctx, userId, input, isDefault, await countCalendars(ctx, userId));
  await ctx.database.db.insertInto('calendars').values(row).execute();
  return row;
}

/** Every user has a default calendar, made on first need. */
export async function ensureDefaultCalendar(ctx: AppContext, userId: string): Promise<CalendarsTable> {
  const { db, codec } = ctx.database;
  const existing = await db.selectFrom('calendars').selectAll().where('user_id', '=', userId).where('is_default', '=', codec.bool.write(true)).executeTakeFirst();
  if (existing) return existing;
  const any = await db.selectFrom('calendars').selectAll().where('user_id', '=', userId).orderBy('created_at').executeTakeFirst();
  if (any) {
    await db.updateTable('calendars').set({ is_default: codec.bool.write(true) }).where('id', '=', any.id).execute();
    return { ...any, is_default: codec.bool.write(true) };
  }
  return insertCalendar(ctx, userId, { name: 'Personal' }, true);
}

export async function listCalendars(ctx: AppContext, actor: Actor): Promise<Calendar[]> {
  await ensureDefaultCalendar(ctx, actor.user.id);
  const rows = await ctx.database.db.selectFrom('calendars').selectAll().where('user_id', '=', actor.user.id).orderBy('created_at').execute();
  return rows.map((r) => presentCalendar(ctx, r));
}

async function makeDefault(ctx: AppContext, userId: string, id: string): Promise<void> {
  const { db, codec } = ctx.database;
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('calendars').set({ is_default: codec.bool.write(false) }).where('user_id', '=', userId).execute();
    await trx.updateTable('calendars').set({ is_default: codec.bool.write(true) }).where('id', '=', id).where('user_id', '=', userId).execute();
  });
}

export async function createCalendar(ctx: AppContext, actor: Actor, input: CreateCalendarInput): Promise<Calendar> {
  await ensureDefaultCalendar(ctx, actor.user.id);
  const row = await insertCalendar(ctx, actor.user.id, input, false);
  if (input.isDefault) await makeDefault(ctx, actor.user.id, row.id);
  return presentCalendar(ctx, await getCalendarRow(ctx, actor.user.id, row.id));
}

export async function updateCalendar(ctx: AppContext, actor: Actor, id: string, input: UpdateCalendarInput): Promise<Calendar> {
  const { db, codec } = ctx.database;
  const existing = await getCalendarRow(ctx, actor.user.id, id);
  if (existing.subscription_url !== null && input.isDefault) throw errors.field('isDefault', 'a read-only subscription cannot be the default calendar');
  if (existing.subscription_url === null && input.refreshMinutes !== undefined) throw errors.field('refreshMinutes', 'only a subscription is refreshed');
  let feed: { feed_token_hash: string | null; feed_token_enc: string | null } | undefined;
  if (input.feed === 'enable' || input.feed === 'rotate') {
    const current = await getCalendarRow(ctx, actor.user.id, id);
    if (input.feed === 'rotate' || !current.feed_token_hash) {
      const token = newSecret('atom_feed');
      feed = { feed_token_hash: sha256(token), feed_token_enc: ctx.secrets.encrypt(token) };
    }
  } else if (input.feed === 'disable') feed = { feed_token_hash: null, feed_token_enc: null };
  await db
    .updateTable('calendars')
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.color !== undefined ? { color: input.color } : {}),
      ...(input.visible !== undefined ? { visible: codec.bool.write(input.visible) } : {}),
      ...(feed ?? {}),
      ...(input.refreshMinutes !== undefined ? { refresh_minutes: input.refreshMinutes, next_refresh_at: nextRefreshAfter(existing.last_refreshed_at, input.refreshMinutes) } : {}),
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .where('user_id', '=', actor.user.id)
    .execute();
  if (input.isDefault) await makeDefault(ctx, actor.user.id, id);
  return presentCalendar(ctx, await getCalendarRow(ctx, actor.user.id, id));
}

export async function deleteCalendar(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const row = await getCalendarRow(ctx, actor.user.id, id);
  const { db, codec } = ctx.database;
  const others = await db.selectFrom('calendars').select('id').where('user_id', '=', actor.user.id).where('id', '!=', id).orderBy('created_at').execute();
  if (others.length === 0) throw errors.conflict('You need at least one calendar; create another before deleting this one');
  await db.deleteFrom('calendars').where('id', '=', id).where('user_id', '=', actor.user.id).execute();
  if (codec.bool.read(row.is_default)) await makeDefault(ctx, actor.user.id, others[0]!.id);
}

/** The calendar behind a feed secret, for unauthenticated subscribers. */
export async function calendarByFeedToken(ctx: AppContext, token: string): Promise<CalendarsTable> {
  const row = await ctx.database.db.selectFrom('calendars').selectAll().where('feed_token_hash', '=', sha256(token)).executeTakeFirst();
  if (!row) throw errors.notFound('Feed');
  return row;
}
