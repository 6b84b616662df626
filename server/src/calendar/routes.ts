import {
  Calendar,
  CalendarList,
  CalendarSettings,
  CreateCalendarInput,
  CreateEventInput,
  CreateSubscriptionInput,
  DeleteOccurrenceInput,
  EditOccurrenceInput,
  Event,
  FreeBusy,
  FreeBusyQuery,
  IdParams,
  ImportResult,
  OccurrenceList,
  OccurrenceQuery,
  SubscriptionRefreshResult,
  UpdateCalendarInput,
  UpdateCalendarSettingsInput,
  UpdateEventInput,
} from '@atom/contracts';
import { z } from 'zod';
import { errors } from '../platform/errors.js';
import { route, type RouteDef } from '../platform/http/route.js';
import { calendarByFeedToken, createCalendar, deleteCalendar, getCalendarRow, listCalendars, updateCalendar } from './calendars.js';
import { createEvent, deleteEvent, getEvent, updateEvent } from './events.js';
import { freeBusy } from './freebusy.js';
import { exportCalendar } from './ics-export.js';
import { importIcs } from './ics-import.js';
import { deleteOccurrence, editOccurrence } from './occurrence-edits.js';
import { listOccurrences } from './occurrences.js';
import { getCalendarSettings, updateCalendarSettings } from './starting/settings.js';
import { refreshNow, subscribeCalendar } from './subscriptions/subscriptions.js';

const ICS = { contentType: 'text/calendar; charset=utf-8', description: 'An iCalendar (RFC 5545) file' };

export const calendarRoutes: RouteDef[] = [
  route({ method: 'GET', url: '/api/v1/calendars', summary: 'List calendars (a default one is made on first use)', tags: ['Calendars'], auth: 'user', response: CalendarList, handler: async ({ ctx, actor }) => ({ items: await listCalendars(ctx, actor) }) }),
  route({ method: 'POST', url: '/api/v1/calendars', summary: 'Create a calendar', tags: ['Calendars'], auth: 'user', body: CreateCalendarInput, response: Calendar, status: 201, handler: async ({ ctx, actor, body }) => createCalendar(ctx, actor, body) }),
  route({
    method: 'POST',
    url: '/api/v1/calendars/subscriptions',
    summary: 'Subscribe to an external .ics feed (http, https or webcal URL) as a read-only calendar, refreshed on a schedule; fetched now, and an unreachable, non-iCalendar or oversized feed answers 400 storing nothing',
    tags: ['Calendars'],
    auth: 'user',
    body: CreateSubscriptionInput,
    response: Calendar,
    status: 201,
    handler: async ({ ctx, actor, body }) => subscribeCalendar(ctx, actor, body),
  }),
  route({
    method: 'POST',
    url: '/api/v1/calendars/:id/refresh',
    summary: "Refresh a subscription now; a failing feed answers status failed with the reason, and the events stay as they were",
    tags: ['Calendars'],
    auth: 'user',
    params: IdParams,
    response: SubscriptionRefreshResult,
    handler: async ({ ctx, actor, params }) => refreshNow(ctx, actor, params.id),
  }),
  route({ method: 'PATCH', url: '/api/v1/calendars/:id', summary: 'Rename, recolour, show/hide, make default, or enable/rotate/disable the private feed', tags: ['Calendars'], auth: 'user', params: IdParams, body: UpdateCalendarInput, response: Calendar, handler: async ({ ctx, actor, params, body }) => updateCalendar(ctx, actor, params.id, body) }),
  route({ method: 'DELETE', url: '/api/v1/calendars/:id', summary: 'Delete a calendar and its events', tags: ['Calendars'], auth: 'user', params: IdParams, response: null, handler: async ({ ctx, actor, params }) => deleteCalendar(ctx, actor, params.id) }),
  route({
    method: 'POST',
    url: '/api/v1/calendars/:id/import',
    summary: 'Import an .ics file (events by UID, edited occurrences, VTODOs as tasks); all or nothing',
    tags: ['Calendars'],
    auth: 'user',
    params: IdParams,
    bodyContentType: 'text/calendar',
    body: z.string({ error: 'send the .ics file as the request body' }).min(1, { error: 'the file is empty' }),
    response: ImportResult,
    handler: async ({ ctx, actor, params, body }) => importIcs(ctx, actor, params.id, body),
  }),
  route({
    method: 'GET',
    url: '/api/v1/calendars/:id/export.ics',
    summary: 'Export a calendar as an .ics file',
    tags: ['Calendars'],
    auth: 'user',
    params: IdParams,
    response: null,
    rawResponse: ICS,
    handler: async ({ ctx, actor, params, reply }) => {
      const calendar = await getCalendarRow(ctx, actor.user.id, params.id);
      void reply.header('content-disposition', `attachment; filename="${calendar.name.replace(/[^\w .-]/g, '_')}.ics"`);
      return exportCalendar(ctx, calendar);
    },
  }),
  route({
    method: 'GET',
    url: '/api/v1/feeds/:file',
    summary: "A calendar's private feed (the secret URL from the calendar's feedUrl)",
    tags: ['Calendars'],
    auth: 'public',
    params: z.object({ file: z.string().max(64) }),
    response: null,
    rawResponse: ICS,
    handler: async ({ ctx, params }) => {
      if (!params.file.endsWith('.ics')) throw errors.notFound('Feed');
      return exportCalendar(ctx, await calendarByFeedToken(ctx, params.file.slice(0, -4)));
    },
  }),
  route({ method: 'GET', url: '/api/v1/events', summary: 'Occurrences overlapping [from, to), recurring series expanded', tags: ['Events'], auth: 'user', query: OccurrenceQuery, response: OccurrenceList, handler: async ({ ctx, actor, query }) => listOccurrences(ctx, actor, query) }),
  route({ method: 'POST', url: '/api/v1/events', summary: 'Create an event', tags: ['Events'], auth: 'user', body: CreateEventInput, response: Event, status: 201, handler: async ({ ctx, actor, body }) => createEvent(ctx, actor, body) }),
  route({ method: 'GET', url: '/api/v1/events/:id', summary: 'One event (a series, a single event, or an edited occurrence)', tags: ['Events'], auth: 'user', params: IdParams, response: Event, handler: async ({ ctx, actor, params }) => getEvent(ctx, actor, params.id) }),
  route({ method: 'PATCH', url: '/api/v1/events/:id', summary: 'Update an event (for a series: every occurrence)', tags: ['Events'], auth: 'user', params: IdParams, body: UpdateEventInput, response: Event, handler: async ({ ctx, actor, params, body }) => updateEvent(ctx, actor, params.id, body) }),
  route({ method: 'DELETE', url: '/api/v1/events/:id', summary: 'Delete an event (a series with all its occurrences)', tags: ['Events'], auth: 'user', params: IdParams, response: null, handler: async ({ ctx, actor, params }) => deleteEvent(ctx, actor, params.id) }),
  route({ method: 'POST', url: '/api/v1/events/:id/occurrences/edit', summary: 'Change one occurrence, or this and all following', tags: ['Events'], auth: 'user', params: IdParams, body: EditOccurrenceInput, response: Event, handler: async ({ ctx, actor, params, body }) => editOccurrence(ctx, actor, params.id, body) }),
  route({ method: 'POST', url: '/api/v1/events/:id/occurrences/delete', summary: 'Delete one occurrence, or this and all following', tags: ['Events'], auth: 'user', params: IdParams, body: DeleteOccurrenceInput, response: null, handler: async ({ ctx, actor, params, body }) => deleteOccurrence(ctx, actor, params.id, body) }),
  route({ method: 'GET', url: '/api/v1/calendar/settings', summary: 'Calendar settings: how long before each occurrence `event.starting` fires', tags: ['Calendars'], auth: 'user', response: CalendarSettings, handler: async ({ ctx, actor }) => getCalendarSettings(ctx, actor) }),
  route({ method: 'PATCH', url: '/api/v1/calendar/settings', summary: 'Change calendar settings', tags: ['Calendars'], auth: 'user', body: UpdateCalendarSettingsInput, response: CalendarSettings, handler: async ({ ctx, actor, body }) => updateCalendarSettings(ctx, actor, body) }),
  route({ method: 'GET', url: '/api/v1/freebusy', summary: 'Merged busy intervals across all calendars', tags: ['Events'], auth: 'user', query: FreeBusyQuery, response: FreeBusy, handler: async ({ ctx, actor, query }) => freeBusy(ctx, actor, query.from, query.to) }),
];
