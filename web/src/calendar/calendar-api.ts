import type {
  Calendar,
  CreateCalendarInput,
  CreateSubscriptionInput,
  CreateEventInput,
  EditOccurrenceInput,
  Event,
  EventTime,
  ImportResult,
  Occurrence,
  OccurrenceList,
  SubscriptionRefreshResult,
  UpdateCalendarInput,
  UpdateEventInput,
} from '@atom/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUpload } from '../app/api';
import { notifyError } from '../app/notify';
import { CALENDARS_KEY, EVENTS_KEY } from '../app/query-keys';
import { tellOtherTabs } from '../app/tab-sync';

export type { Calendar, Event, EventTime, ImportResult, Occurrence };
export type Scope = 'this' | 'following' | 'all';

export function useCalendars() {
  return useQuery({
    queryKey: CALENDARS_KEY,
    queryFn: () => api<{ items: Calendar[] }>('GET', '/calendars').then((r) => r.items),
  });
}

export interface Range {
  from: string;
  to: string;
  timeZone: string;
}

export function useOccurrences(range: Range | null) {
  return useQuery({
    queryKey: [...EVENTS_KEY, 'range', range],
    enabled: range !== null,
    placeholderData: keepPreviousData,
    queryFn: () => {
      const q = new URLSearchParams(range ? { from: range.from, to: range.to, timeZone: range.timeZone } : {});
      return api<OccurrenceList>('GET', `/events?${q.toString()}`).then((r) => r.items);
    },
  });
}

function useRefresh() {
  const client = useQueryClient();
  return async () => {
    await Promise.all([client.invalidateQueries({ queryKey: EVENTS_KEY }), client.invalidateQueries({ queryKey: CALENDARS_KEY })]);
    tellOtherTabs.changed(EVENTS_KEY);
    tellOtherTabs.changed(CALENDARS_KEY);
  };
}

export function useUpdateCalendar() {
  const refresh = useRefresh();
  return useMutation({
    meta: { handlesErrors: true },
    mutationFn: ({ id, changes }: { id: string; changes: UpdateCalendarInput }) => api<Calendar>('PATCH', `/calendars/${id}`, changes),
    onSuccess: refresh,
    onError: (error) => notifyError(error, 'Could not change the calendar'),
  });
}

export function useCreateCalendar() {
  const refresh = useRefresh();
  return useMutation({
    meta: { handlesErrors: true },
    mutationFn: (input: CreateCalendarInput) => api<Calendar>('POST', '/calendars', input),
    onSuccess: refresh,
  });
}

/** Subscribes to an outside .ics URL; a refused URL comes back with `fields.url` for the form. */
export function useSubscribe() {
  const refresh = useRefresh();
  return useMutation({
    meta: { handlesErrors: true },
    mutationFn: (input: CreateSubscriptionInput) => api<Calendar>('POST', '/calendars/subscriptions', input),
    onSuccess: refresh,
  });
}

export function useRefreshSubscription() {
  const refresh = useRefresh();
  return useMutation({
    meta: { handlesErrors: true },
    mutationFn: (id: string) => api<SubscriptionRefreshResult>('POST', `/calendars/${id}/refresh`),
    onSuccess: refresh,
    onError: (error) => notifyError(error, 'Could not refresh the calendar'),
  });
}

export function useDeleteCalendar() {
  const refresh = useRefresh();
  return useMutation({
    meta: { handlesErrors: true },
    mutationFn: (id: string) => api<undefined>('DELETE', `/calendars/${id}`),
    onSuccess: refresh,
    onError: (error) => notifyError(error, 'Could not delete the calendar'),
  });
}

export function useCreateEvent() {
  const refresh = useRefresh();
  return useMutation({
    meta: { handlesErrors: true },
    mutationFn: (input: CreateEventInput) => api<Event>('POST', '/events', input),
    onSuccess: refresh,
    onError: (error) => notifyError(error, 'Could not create the event'),
  });
}

export type Changes = EditOccurrenceInput['changes'];

/** Changes one occurrence (scope this/following) or the whole event/series (all). */
export function useEditOccurrence() {
  const refresh = useRefresh();
  return useMutation({
    meta: { handlesErrors: true },
    mutationFn: ({ occurrence, scope, changes }: { occurrence: Occurrence; scope: Scope; changes: Changes }) => {
      if (occurrence.overrideId && scope === 'this') {
        return api<Event>('PATCH', `/events/${occurrence.overrideId}`, changes satisfies UpdateEventInput);
      }
      if (!occurrence.recurring || !occurrence.recurrenceId || scope === 'all') {
        return api<Event>('PATCH', `/events/${occurrence.eventId}`, changes satisfies UpdateEventInput);
      }
      return api<Event>('POST', `/events/${occurrence.eventId}/occurrences/edit`, {
        recurrenceId: occurrence.recurrenceId,
        scope,
        changes,
      } satisfies EditOccurrenceInput);
    },
    onSuccess: refresh,
    onError: (error) => notifyError(error, 'Could not change the event'),
  });
}

export function useSetRecurrence() {
  const refresh = useRefresh();
  return useMutation({
    meta: { handlesErrors: true },
    mutationFn: ({ eventId, recurrence }: { eventId: string; recurrence: string | null }) =>
      api<Event>('PATCH', `/events/${eventId}`, { recurrence } satisfies UpdateEventInput),
    onSuccess: refresh,
    onError: (error) => notifyError(error, 'Could not change how the event repeats'),
  });
}

export function useDeleteOccurrence() {
  const refresh = useRefresh();
  return useMutation({
    meta: { handlesErrors: true },
    mutationFn: ({ occurrence, scope }: { occurrence: Occurrence; scope: Scope }) => {
      if (!occurrence.recurring || !occurrence.recurrenceId || scope === 'all') {
        return api<undefined>('DELETE', `/events/${occurrence.eventId}`);
      }
      return api<undefined>('POST', `/events/${occurrence.eventId}/occurrences/delete`, { recurrenceId: occurrence.recurrenceId, scope });
    },
    onSuccess: refresh,
    onError: (error) => notifyError(error, 'Could not delete the event'),
  });
}

/**
 * Sends an .ics file's text to a calendar (as text/calendar, not JSON). A refused file comes back
 * as an ApiError whose message names the line; the caller shows it, so no toast here.
 */
export function useImportIcs() {
  const refresh = useRefresh();
  return useMutation({
    meta: { handlesErrors: true },
    mutationFn: ({ calendarId, text }: { calendarId: string; text: string }) =>
      apiUpload<ImportResult>(`/calendars/${encodeURIComponent(calendarId)}/import`, text, 'text/calendar'),
    onSuccess: refresh,
  });
}

