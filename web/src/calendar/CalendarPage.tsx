import type { DateSelectArg, DatesSetArg, EventClickArg, EventDropArg, EventInput } from '@fullcalendar/core';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin, { type EventResizeDoneArg } from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { Flex, Paper, Stack, Text } from '@mantine/core';
import { useDocumentTitle, useMediaQuery } from '@mantine/hooks';
import { useCallback, useMemo, useState } from 'react';
import { addDays, todayIn } from '../ui/zoned';
import { api } from '../app/api';
import { PageHeader } from '../ui/PageHeader';
import {
  useCalendars,
  useCreateEvent,
  useDeleteOccurrence,
  useEditOccurrence,
  useOccurrences,
  useSetRecurrence,
  type Changes,
  type Event,
  type Occurrence,
  type Range,
  type Scope,
} from './calendar-api';
import { CalendarList } from './CalendarList';
import classes from './calendar.module.css';
import { notifySuccess } from '../app/notify';
import { QuickEditor, type EditorResult, type EditorTarget } from './QuickEditor';
import { ScopeDialog } from './ScopeDialog';
import { twoZoneAxis } from './second-zone';
import { fromCalendarDate, toWall, wallToInstant, withTime } from './time';
import { useViewZones } from './view-zones';
import { ZonePanel } from './ZonePanel';

/** A change waiting for the "which events?" answer; `revert` puts a dragged event back. */
interface Pending {
  action: 'change' | 'delete';
  occurrence: Occurrence;
  changes?: Changes;
  revert?: () => void;
}

const occurrenceKey = (o: Occurrence) =>
  `${o.eventId}|${o.recurrenceId ? ('date' in o.recurrenceId ? o.recurrenceId.date : o.recurrenceId.at) : ''}`;

/** The day whose offsets the second zone's labels use: today when shown, else the first day shown. */
function axisDay(shown: { start: Date; end: Date } | null, timeZone: string): string {
  const today = todayIn(timeZone);
  if (!shown) return today;
  const first = shown.start.toISOString().slice(0, 10);
  const last = addDays(shown.end.toISOString().slice(0, 10), -1);
  return today >= first && today <= last ? today : first;
}

export function CalendarPage() {
  useDocumentTitle('Calendar · Atom');
  const zones = useViewZones();
  const timeZone = zones.viewZone;
  const narrow = useMediaQuery('(max-width: 48em)', undefined, { getInitialValueInEffect: false });
  /** What FullCalendar shows, as UTC-coerced wall dates; the API range follows from it and the zone. */
  const [shown, setShown] = useState<{ start: Date; end: Date } | null>(null);
  const calendars = useCalendars();
  const range = useMemo<Range | null>(
    () => (shown ? { from: wallToInstant(shown.start, timeZone), to: wallToInstant(shown.end, timeZone), timeZone } : null),
    [shown, timeZone],
  );
  const occurrences = useOccurrences(range);
  const createEvent = useCreateEvent();
  const editOccurrence = useEditOccurrence();
  const setRecurrence = useSetRecurrence();
  const deleteOccurrence = useDeleteOccurrence();
  const [editor, setEditor] = useState<EditorTarget | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);

  const readOnly = useMemo(() => new Set((calendars.data ?? []).filter((c) => c.readOnly).map((c) => c.id)), [calendars.data]);
  const events = useMemo<EventInput[]>(
    () =>
      (occurrences.data ?? []).map((o) => ({
        id: occurrenceKey(o),
        title: o.title,
        start: toWall(o.start, timeZone),
        end: toWall(o.end, timeZone),
        allDay: o.allDay,
        // Darkened a little so white text on any calendar colour stays readable (WCAG AA).
        backgroundColor: `color-mix(in srgb, ${o.color} 78%, black)`,
        borderColor: `color-mix(in srgb, ${o.color} 78%, black)`,
        // A subscribed calendar follows its feed: its events do not move here.
        editable: !readOnly.has(o.calendarId),
        extendedProps: { occurrence: o },
      })),
    [occurrences.data, timeZone, readOnly],
  );

  const occurrenceOf = (arg: { event: { extendedProps: Record<string, unknown> } }) => arg.event.extendedProps.occurrence as Occurrence;

  function onDatesSet(arg: DatesSetArg) {
    // FullCalendar's toolbar icons are role="img" without a name; the buttons carry the name.
    document.querySelectorAll('.fc-icon[role="img"]').forEach((icon) => icon.setAttribute('aria-hidden', 'true'));
    setShown((prev) => (prev && prev.start.getTime() === arg.start.getTime() && prev.end.getTime() === arg.end.getTime() ? prev : { start: arg.start, end: arg.end }));
  }

  function onSelect(arg: DateSelectArg) {
    arg.view.calendar.unselect();
    setEditor({ mode: 'create', start: fromCalendarDate(arg.start, arg.allDay, timeZone), end: fromCalendarDate(arg.end, arg.allDay, timeZone) });
  }

  async function onEventClick(arg: EventClickArg) {
    const occurrence = occurrenceOf(arg);
    if (readOnly.has(occurrence.calendarId)) {
      const from = calendars.data?.find((c) => c.id === occurrence.calendarId)?.name ?? 'a subscribed calendar';
      notifySuccess(`It comes from “${from}”, a subscription: it changes when the feed does.`, occurrence.title || 'Read-only event');
      return;
    }
    let recurrence: string | null = null;
    if (occurrence.recurring) {
      recurrence = await api<Event>('GET', `/events/${occurrence.eventId}`)
        .then((e) => e.recurrence)
        .catch(() => null);
    }
    setEditor({ mode: 'edit', occurrence, recurrence });
  }

  function applyChange(occurrence: Occurrence, changes: Changes, revert?: () => void) {
    if (occurrence.recurring) {
      setPending({ action: 'change', occurrence, changes, revert });
      return;
    }
    editOccurrence.mutate({ occurrence, scope: 'all', changes }, { onError: () => revert?.() });
  }

  function onMove(arg: EventDropArg | EventResizeDoneArg) {
    const occurrence = occurrenceOf(arg);
    const { start, end, allDay } = arg.event;
    if (!start) return arg.revert();
    const endDate = end ?? new Date(start.getTime() + (allDay ? 86_400_000 : 3_600_000));
    applyChange(occurrence, { start: fromCalendarDate(start, allDay, timeZone), end: fromCalendarDate(endDate, allDay, timeZone) }, arg.revert);
  }

  async function onSave(result: EditorResult) {
    if (!editor) return;
    const recurrence = result.repeat === 'none' ? null : result.repeat;
    if (editor.mode === 'create') {
      await createEvent
        .mutateAsync({
          title: result.title,
          calendarId: result.calendarId || undefined,
          start: editor.start,
          end: editor.end,
          ...(recurrence ? { recurrence } : {}),
        })
        .then(() => setEditor(null))
        .catch(() => undefined);
      return;
    }
    const { occurrence } = editor;
    try {
      if (recurrence !== editor.recurrence) {
        await setRecurrence.mutateAsync({ eventId: occurrence.eventId, recurrence });
      }
      const changes: Changes = {};
      if (result.title !== occurrence.title) changes.title = result.title;
      if (result.location !== occurrence.location) changes.location = result.location;
      const start = withTime(occurrence.start, result.startTime, timeZone);
      const end = withTime(occurrence.end, result.endTime, timeZone);
      if (JSON.stringify(start) !== JSON.stringify(occurrence.start) || JSON.stringify(end) !== JSON.stringify(occurrence.end)) {
        changes.start = start;
        changes.end = end;
      }
      setEditor(null);
      if (Object.keys(changes).length > 0) applyChange(occurrence, changes);
    } catch {
      // The mutation already told the user.
    }
  }

  function onDelete() {
    if (editor?.mode !== 'edit') return;
    const { occurrence } = editor;
    setEditor(null);
    if (occurrence.recurring) setPending({ action: 'delete', occurrence });
    else deleteOccurrence.mutate({ occurrence, scope: 'all' });
  }

  function onScope(scope: Scope) {
    if (!pending) return;
    const { occurrence, changes, revert } = pending;
    setPending(null);
    if (pending.action === 'delete') deleteOccurrence.mutate({ occurrence, scope });
    else if (changes) editOccurrence.mutate({ occurrence, scope, changes }, { onError: () => revert?.() });
  }

  function onScopeCancel() {
    pending?.revert?.();
    setPending(null);
  }

  const empty = occurrences.isSuccess && occurrences.data.length === 0;
  const day = axisDay(shown, timeZone);
  // Stable functions: FullCalendar re-renders its axis whenever these change identity.
  const axis = useMemo(() => (zones.secondZone ? twoZoneAxis(timeZone, zones.secondZone, day) : null), [timeZone, zones.secondZone, day]);
  const now = useCallback(() => new Date(`${toWall({ at: new Date().toISOString(), timeZone }, timeZone)}Z`), [timeZone]);

  return (
    <>
      <PageHeader title="Calendar" description="Your events in week, day, month and agenda views." />
      <Flex gap="lg" direction={{ base: 'column', md: 'row' }} align="flex-start">
        <Stack gap="xl" className={classes.panel}>
          <CalendarList calendars={calendars.data ?? []} />
          <ZonePanel zones={zones} collapsible={narrow} />
        </Stack>
        <Paper withBorder p={{ base: 'xs', sm: 'md' }} className={classes.calendar} data-testid="calendar">
          {empty && (
            <Text size="sm" c="dimmed" mb="sm" data-testid="calendar-empty">
              Nothing here yet. Drag across the week view to create an event, or import an .ics file from a calendar’s menu.
            </Text>
          )}
          <FullCalendar
            plugins={[timeGridPlugin, dayGridPlugin, listPlugin, interactionPlugin]}
            initialView={narrow ? 'listWeek' : 'timeGridWeek'}
            timeZone="UTC"
            firstDay={1}
            views={{ timeGrid: { dayHeaderFormat: { weekday: 'short', day: 'numeric' }, weekNumbers: axis !== null } }}
            headerToolbar={{ left: 'prev,next today', center: 'title', right: 'timeGridDay,timeGridWeek,dayGridMonth,listWeek' }}
            buttonText={{ today: 'Today', day: 'Day', week: 'Week', month: 'Month', list: 'Agenda' }}
            buttonHints={{ prev: 'Previous $0', next: 'Next $0', today: 'Go to today' }}
            height={narrow ? 'auto' : 'max(560px, calc(100dvh - 240px))'}
            scrollTime="08:00:00"
            slotMinTime="00:00:00"
            nowIndicator
            now={now}
            editable
            selectable
            selectMirror
            dayMaxEvents
            eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
            slotLabelFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
            {...(axis ? { slotLabelContent: axis.slotLabelContent, weekNumberContent: axis.weekNumberContent } : {})}
            events={events}
            datesSet={onDatesSet}
            select={onSelect}
            eventClick={(arg) => void onEventClick(arg)}
            eventDrop={onMove}
            eventResize={onMove}
          />
        </Paper>
      </Flex>
      <QuickEditor
        target={editor}
        calendars={calendars.data ?? []}
        timeZone={timeZone}
        saving={createEvent.isPending || setRecurrence.isPending}
        onSave={(result) => void onSave(result)}
        onDelete={onDelete}
        onClose={() => setEditor(null)}
      />
      <ScopeDialog action={pending?.action ?? null} onChoose={onScope} onCancel={onScopeCancel} />
    </>
  );
}
