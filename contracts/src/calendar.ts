import { z } from 'zod';
import { DateOnly, Instant, TimeZone } from './dates.js';

const Id = z.string().min(1).max(64);
const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour like #4c6ef5' });

export const CalendarSubscription = z
  .object({
    url: z.string(),
    refreshMinutes: z.number().int(),
    lastRefreshedAt: z.string().nullable().describe('Last time the feed was fetched successfully (changed or not)'),
    lastError: z.string().nullable().describe('Why the last refresh failed; null after a success. The events are left as they were.'),
    nextRefreshAt: z.string().nullable(),
  })
  .meta({ id: 'CalendarSubscription' });
export type CalendarSubscription = z.infer<typeof CalendarSubscription>;

const RefreshMinutes = z
  .number()
  .int({ error: 'must be a whole number of minutes' })
  .min(5, { error: 'must be at least 5 minutes' })
  .max(10_080, { error: 'must be at most 10080 minutes (a week)' });

export const Calendar = z
  .object({
    id: z.string(),
    name: z.string(),
    color: z.string(),
    visible: z.boolean(),
    isDefault: z.boolean(),
    feedUrl: z.string().nullable().describe('Private iCalendar feed other apps can subscribe to; null when none is enabled'),
    readOnly: z.boolean().describe('true for a subscription: its events change only when the feed does'),
    subscription: CalendarSubscription.nullable().describe('Set when this calendar is fed from an external .ics URL'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Calendar' });
export type Calendar = z.infer<typeof Calendar>;
export const CalendarList = z.object({ items: z.array(Calendar) }).meta({ id: 'CalendarList' });

const CalendarName = z.string().trim().min(1, { error: 'is required' }).max(120);
export const CreateCalendarInput = z
  .object({ name: CalendarName, color: Color.optional(), visible: z.boolean().optional(), isDefault: z.boolean().optional() })
  .meta({ id: 'CreateCalendarInput' });
export type CreateCalendarInput = z.infer<typeof CreateCalendarInput>;
export const UpdateCalendarInput = z
  .object({
    name: CalendarName.optional(),
    color: Color.optional(),
    visible: z.boolean().optional(),
    isDefault: z.literal(true).optional().describe('Make this the default calendar'),
    feed: z.enum(['enable', 'rotate', 'disable']).optional().describe('enable or rotate the private feed URL (a new secret), or disable it'),
    refreshMinutes: RefreshMinutes.optional().describe('Subscriptions only: minutes between refreshes'),
  })
  .meta({ id: 'UpdateCalendarInput' });
export type UpdateCalendarInput = z.infer<typeof UpdateCalendarInput>;

/** Either a timed instant with its IANA zone, or an all-day date. */
export const EventTime = z.union([
  z.object({ date: DateOnly }).strict(),
  z.object({ at: Instant, timeZone: TimeZone }).strict(),
]);
export type EventTime = z.infer<typeof EventTime>;

export const Attendee = z.object({
  email: z.email({ error: 'must be a valid email address' }),
  name: z.string().max(200).nullable().default(null),
  status: z.enum(['needs-action', 'accepted', 'declined', 'tentative', 'delegated']).default('needs-action'),
  role: z.enum(['chair', 'required', 'optional', 'non-participant']).default('required'),
});

export const Reminder = z.object({ minutesBefore: z.number().int().min(-40_320).max(40_320).describe("Negative: after the start") });

export const Event = z
  .object({
    id: z.string(),
    calendarId: z.string(),
    uid: z.string().describe('iCalendar UID'),
    title: z.string(),
    description: z.string(),
    location: z.string(),
    start: EventTime,
    end: EventTime,
    allDay: z.boolean(),
    recurrence: z.string().nullable().describe('RRULE, e.g. FREQ=WEEKLY;BYDAY=MO'),
    rdates: z.array(EventTime),
    exdates: z.array(EventTime),
    recurrenceId: EventTime.nullable().describe('Set on an edited single occurrence: the start it replaces'),
    seriesId: z.string().nullable().describe('The series an edited occurrence belongs to'),
    status: z.enum(['confirmed', 'tentative', 'cancelled']),
    transparency: z.enum(['opaque', 'transparent']).describe('transparent events do not count as busy'),
    attendees: z.array(Attendee),
    reminders: z.array(Reminder),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Event' });
export type Event = z.infer<typeof Event>;

const EventFields = z.object({
  calendarId: Id,
  title: z.string().trim().min(1, { error: 'is required' }).max(500),
  description: z.string().max(50_000),
  location: z.string().max(500),
  start: EventTime,
  end: EventTime,
  recurrence: z.string().trim().min(1).max(500).nullable(),
  rdates: z.array(EventTime).max(1000),
  exdates: z.array(EventTime).max(1000),
  status: z.enum(['confirmed', 'tentative', 'cancelled']),
  transparency: z.enum(['opaque', 'transparent']),
  attendees: z.array(Attendee).max(500),
  reminders: z.array(Reminder).max(20),
});

export const CreateEventInput = EventFields.partial()
  .required({ title: true, start: true, end: true })
  .extend({ calendarId: Id.optional().describe('Defaults to the default calendar') })
  .meta({ id: 'CreateEventInput' });
export type CreateEventInput = z.infer<typeof CreateEventInput>;

export const UpdateEventInput = EventFields.partial().meta({ id: 'UpdateEventInput' });
export type UpdateEventInput = z.infer<typeof UpdateEventInput>;

export const Occurrence = z
  .object({
    eventId: z.string().describe('The series (or single event) this occurrence comes from'),
    overrideId: z.string().nullable().describe('The edited-occurrence event, when this one was changed'),
    calendarId: z.string(),
    title: z.string(),
    location: z.string(),
    start: EventTime,
    end: EventTime,
    allDay: z.boolean(),
    recurrenceId: EventTime.nullable().describe('Identifies this occurrence within its series'),
    recurring: z.boolean(),
    status: z.enum(['confirmed', 'tentative', 'cancelled']),
    transparency: z.enum(['opaque', 'transparent']),
    color: z.string(),
  })
  .meta({ id: 'Occurrence' });
export type Occurrence = z.infer<typeof Occurrence>;

export const OccurrenceQuery = z
  .object({
    from: Instant.describe('Range start (inclusive)'),
    to: Instant.describe('Range end (exclusive)'),
    calendarId: Id.optional(),
    timeZone: TimeZone.optional().describe("Viewer's zone for all-day events; defaults to the user's"),
  })
  .meta({ id: 'OccurrenceQuery' });
export type OccurrenceQuery = z.infer<typeof OccurrenceQuery>;

export const OccurrenceList = z.object({ items: z.array(Occurrence), truncated: z.boolean() }).meta({ id: 'OccurrenceList' });
export type OccurrenceList = z.infer<typeof OccurrenceList>;

export const EditOccurrenceInput = z
  .object({
    recurrenceId: EventTime.describe('The original start of the occurrence to change'),
    scope: z.enum(['this', 'following']).describe('this occurrence only, or this and all following'),
    changes: UpdateEventInput.omit({ recurrence: true, rdates: true, exdates: true, calendarId: true }),
  })
  .meta({ id: 'EditOccurrenceInput' });
export type EditOccurrenceInput = z.infer<typeof EditOccurrenceInput>;

export const DeleteOccurrenceInput = z
  .object({ recurrenceId: EventTime, scope: z.enum(['this', 'following']) })
  .meta({ id: 'DeleteOccurrenceInput' });
export type DeleteOccurrenceInput = z.infer<typeof DeleteOccurrenceInput>;

export const ImportResult = z
  .object({
    events: z.number().int(),
    tasks: z.number().int(),
    updated: z.number().int().describe('Events already present (same UID) that were replaced'),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'ImportResult' });
export type ImportResult = z.infer<typeof ImportResult>;

export const BusyBlock = z.object({ start: z.string(), end: z.string() });
export const FreeBusy = z
  .object({ from: z.string(), to: z.string(), busy: z.array(BusyBlock).describe('Merged busy intervals (UTC instants)') })
  .meta({ id: 'FreeBusy' });
export type FreeBusy = z.infer<typeof FreeBusy>;
export const FreeBusyQuery = z.object({ from: Instant, to: Instant }).meta({ id: 'FreeBusyQuery' });

export const CalendarSettings = z
  .object({
    eventStartingLeadMinutes: z
      .number()
      .int()
      .describe('Minutes before each occurrence that `event.starting` fires for automations (reminders on an event fire it too)'),
  })
  .meta({ id: 'CalendarSettings' });
export type CalendarSettings = z.infer<typeof CalendarSettings>;
export const UpdateCalendarSettingsInput = z
  .object({
    eventStartingLeadMinutes: z
      .number()
      .int({ error: 'must be a whole number of minutes' })
      .min(0, { error: 'must be 0 or more' })
      .max(1440, { error: 'must be at most 1440 minutes (a day)' })
      .optional(),
  })
  .meta({ id: 'UpdateCalendarSettingsInput' });
export type UpdateCalendarSettingsInput = z.infer<typeof UpdateCalendarSettingsInput>;

export const CreateSubscriptionInput = z
  .object({
    url: z
      .url({ protocol: /^(https?|webcals?)$/, error: 'must be an http(s) or webcal URL' })
      .max(2000)
      .describe('The .ics feed; webcal:// is fetched over https'),
    name: CalendarName.optional().describe("Defaults to the feed's own name (X-WR-CALNAME), else its host"),
    color: Color.optional(),
    refreshMinutes: RefreshMinutes.optional().describe('Minutes between refreshes (default 60)'),
  })
  .meta({ id: 'CreateSubscriptionInput' });
export type CreateSubscriptionInput = z.infer<typeof CreateSubscriptionInput>;

export const SubscriptionRefreshResult = z
  .object({
    status: z.enum(['updated', 'unchanged', 'failed']).describe('unchanged: the server answered 304 Not Modified, or sent the same events'),
    created: z.number().int(),
    updated: z.number().int(),
    deleted: z.number().int(),
    error: z.string().nullable().describe('Set when status is failed; the events were left as they were'),
    calendar: Calendar,
  })
  .meta({ id: 'SubscriptionRefreshResult' });
export type SubscriptionRefreshResult = z.infer<typeof SubscriptionRefreshResult>;
