import {
  CreateScheduledInput,
  IdParams,
  PostScheduledInput,
  PostScheduledResult,
  ScheduledTransaction,
  ScheduledTransactionList,
  SkipScheduledInput,
  SkipScheduledResult,
  UpcomingBills,
  UpcomingQuery,
  UpdateScheduledInput,
} from '@atom/contracts';
import { route, type RouteDef } from '../../platform/http/route.js';
import { postScheduled } from './post.js';
import { createScheduled, deleteScheduled, listScheduled, updateScheduled, upcomingBills } from './scheduled.js';
import { skipScheduled } from './skip.js';

const tags = ['Finance scheduled transactions'];
const base = '/api/v1/finance/scheduled';

export const scheduledRoutes: RouteDef[] = [
  route({ method: 'GET', url: base, summary: 'Scheduled transactions (bills, salaries, standing orders)', tags, auth: 'user', response: ScheduledTransactionList, handler: async ({ ctx, actor }) => ({ items: await listScheduled(ctx, actor) }) }),
  route({ method: 'POST', url: base, summary: 'Schedule a transaction by RRULE from a start date', tags, auth: 'user', body: CreateScheduledInput, response: ScheduledTransaction, status: 201, handler: async ({ ctx, actor, body }) => createScheduled(ctx, actor, body) }),
  route({ method: 'GET', url: `${base}/upcoming`, summary: 'Occurrences not yet posted, overdue ones included, up to `days` ahead', tags, auth: 'user', query: UpcomingQuery, response: UpcomingBills, handler: async ({ ctx, actor, query }) => upcomingBills(ctx, actor, query.days) }),
  route({ method: 'PATCH', url: `${base}/:id`, summary: 'Change a schedule', tags, auth: 'user', params: IdParams, body: UpdateScheduledInput, response: ScheduledTransaction, handler: async ({ ctx, actor, params, body }) => updateScheduled(ctx, actor, params.id, body) }),
  route({ method: 'DELETE', url: `${base}/:id`, summary: 'Delete a schedule (posted transactions stay)', tags, auth: 'user', params: IdParams, response: null, handler: async ({ ctx, actor, params }) => deleteScheduled(ctx, actor, params.id) }),
  route({
    method: 'POST',
    url: `${base}/:id/post`,
    summary: 'Confirm one occurrence: creates its transaction and advances nextDate (idempotent per date)',
    tags,
    auth: 'user',
    params: IdParams,
    body: PostScheduledInput,
    response: PostScheduledResult,
    handler: async ({ ctx, actor, params, body }) => postScheduled(ctx, actor, params.id, body.date),
  }),
  route({
    method: 'POST',
    url: `${base}/:id/skip`,
    summary: 'Skip one occurrence without posting it: nextDate moves past it (idempotent per date)',
    description: 'Only the next occurrence (nextDate) can be skipped; a later date answers 409 naming the one to handle first. A date already behind nextDate changes nothing.',
    tags,
    auth: 'user',
    params: IdParams,
    body: SkipScheduledInput,
    response: SkipScheduledResult,
    handler: async ({ ctx, actor, params, body }) => skipScheduled(ctx, actor, params.id, body.date),
  }),
];
