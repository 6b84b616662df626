import type { Calendar, CreateSubscriptionInput, SubscriptionRefreshResult } from '@atom/contracts';
import type { AppContext } from '../../context.js';
import type { CalendarsTable } from '../../db/schema.js';
import type { Actor } from '../../platform/auth/actor.js';
import { errors } from '../../platform/errors.js';
import { retryDelayMs } from '../../platform/jobs/backoff.js';
import { countCalendars, ensureDefaultCalendar, getCalendarRow, newCalendarRow, presentCalendar } from '../calendars.js';
import { FeedError, feedUrl, fetchFeed, type FetchResult } from './fetch-feed.js';
import { parseFeed, replaceEvents } from './replace-events.js';

export const DEFAULT_REFRESH_MINUTES = 60;
const MINUTE = 60_000;

const later = (ms: number) => new Date(Date.now() + ms).toISOString();

function fetchOptions(ctx: AppContext, etag: string | null, lastModified: string | null) {
  return { etag, lastModified, maxBytes: ctx.config.importLimit, allowPrivate: ctx.config.fetchAllowPrivate };
}

async function userZone(ctx: AppContext, userId: string): Promise<string> {
  return (await ctx.database.db.selectFrom('users').select('time_zone').where('id', '=', userId).executeTakeFirstOrThrow()).time_zone;
}

/**
 * A read-only calendar fed from an .ics URL. The feed is fetched and read before anything is
 * stored: an unreachable, non-iCalendar or oversized feed answers 400 naming the problem.
 */
export async function subscribeCalendar(ctx: AppContext, actor: Actor, input: CreateSubscriptionInput): Promise<Calendar> {
  let url: URL;
  let fetched: FetchResult;
  let parsed;
  try {
    url = feedUrl(input.url);
    fetched = await fetchFeed(url, fetchOptions(ctx, null, null));
    if (fetched.status !== 'ok') throw new FeedError('answered 304 Not Modified to a first request');
    parsed = parseFeed(fetched.body, actor.user.time_zone);
  } catch (err) {
    if (err instanceof FeedError) throw errors.field('url', err.message);
    throw err;
  }
  await ensureDefaultCalendar(ctx, actor.user.id);
  const refreshMinutes = input.refreshMinutes ?? DEFAULT_REFRESH_MINUTES;
  const nowMs = Date.now();
  const now = new Date(nowMs).toISOString();
  const name = input.name ?? (parsed.name?.trim().slice(0, 120) || url.hostname);
  const row: CalendarsTable = {
    ...newCalendarRow(ctx, actor.user.id, { name, ...(input.color ? { color: input.color } : {}) }, false, await countCalendars(ctx, actor.user.id)),
    subscription_url: url.href,
    refresh_minutes: refreshMinutes,
    http_etag: fetched.etag,
    http_last_modified: fetched.lastModified,
    last_refreshed_at: now,
    next_refresh_at: new Date(nowMs + refreshMinutes * MINUTE).toISOString(),
  };
  const replaced = await ctx.database.db.transaction().execute(async (trx) => {
    await trx.insertInto('calendars').values(row).execute();
    return replaceEvents(ctx, trx, actor.user.id, row.id, parsed);
  });
  replaced.emit(ctx);
  return presentCalendar(ctx, await getCalendarRow(ctx, actor.user.id, row.id));
}

/** FeedErrors are worded for the url field ("is not an iCalendar file"); on the calendar they stand alone. */
function asSentence(problem: string): string {
  return /^(is|redirects|sent|must|answered)\b/.test(problem) ? `The feed ${problem}` : problem.charAt(0).toUpperCase() + problem.slice(1);
}

type Outcome = Omit<SubscriptionRefreshResult, 'calendar'>;

// One refresh per calendar at a time in this process ("refresh now" while the scheduled one runs).
const running = new Map<string, Promise<Outcome>>();

/**
 * Fetches the feed (conditionally, with the stored ETag / Last-Modified) and replaces the
 * calendar's events all or nothing. A failure is recorded on the calendar (lastError), the
 * events are left untouched, and the next attempt backs off: 1, 2, 4... minutes, at most the
 * refresh interval.
 */
export function refreshSubscription(ctx: AppContext, userId: string, calendarId: string): Promise<Outcome> {
  const key = `${userId}:${calendarId}`;
  const previous = running.get(key);
  if (previous) return previous;
  const p = refreshOnce(ctx, userId, calendarId).finally(() => running.delete(key));
  running.set(key, p);
  return p;
}

async function refreshOnce(ctx: AppContext, userId: string, calendarId: string): Promise<Outcome> {
  const { db } = ctx.database;
  const cal = await getCalendarRow(ctx, userId, calendarId);
  if (cal.subscription_url === null) throw errors.conflict('This calendar is not a subscription; there is nothing to refresh');
  const everyMs = (cal.refresh_minutes ?? DEFAULT_REFRESH_MINUTES) * MINUTE;
  const nowMs = Date.now();
  const ok = { refresh_error: null, refresh_failures: 0, last_refreshed_at: new Date(nowMs).toISOString(), next_refresh_at: new Date(nowMs + everyMs).toISOString() };
  try {
    const fetched = await fetchFeed(new URL(cal.subscription_url), fetchOptions(ctx, cal.http_etag, cal.http_last_modified));
    if (fetched.status === 'not_modified') {
      await db.updateTable('calendars').set(ok).where('id', '=', cal.id).execute();
      return { status: 'unchanged', created: 0, updated: 0, deleted: 0, error: null };
    }
    const parsed = parseFeed(fetched.body, await userZone(ctx, userId));
    const replaced = await db.transaction().execute(async (trx) => {
      const r = await replaceEvents(ctx, trx, userId, cal.id, parsed);
      await trx.updateTable('calendars').set({ ...ok, http_etag: fetched.etag, http_last_modified: fetched.lastModified }).where('id', '=', cal.id).execute();
      return r;
    });
    replaced.emit(ctx);
    const changed = replaced.created + replaced.updated + replaced.deleted > 0;
    return { status: changed ? 'updated' : 'unchanged', created: replaced.created, updated: replaced.updated, deleted: replaced.deleted, error: null };
  } catch (err) {
    let message: string;
    if (err instanceof FeedError) message = asSentence(err.message);
    else {
      ctx.logger.error({ err, calendarId }, 'subscription refresh failed');
      message = 'Refreshing failed unexpectedly; it will be retried';
    }
    const failures = cal.refresh_failures + 1;
    await db
      .updateTable('calendars')
      .set({ refresh_error: message, refresh_failures: failures, next_refresh_at: later(retryDelayMs(failures, MINUTE, everyMs)) })
      .where('id', '=', cal.id)
      .execute();
    return { status: 'failed', created: 0, updated: 0, deleted: 0, error: message };
  }
}

/** "Refresh now": the same refresh, answered with its outcome and the calendar's new state. */
export async function refreshNow(ctx: AppContext, actor: Actor, calendarId: string): Promise<SubscriptionRefreshResult> {
  const outcome = await refreshSubscription(ctx, actor.user.id, calendarId);
  return { ...outcome, calendar: presentCalendar(ctx, await getCalendarRow(ctx, actor.user.id, calendarId)) };
}
