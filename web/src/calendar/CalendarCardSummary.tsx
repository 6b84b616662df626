import { Group, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useUser } from '../app/auth';
import { addDays, dateAsUtc, dateIn, instantIn, timeIn, todayIn } from '../ui/zoned';
import { useOccurrences, type Occurrence } from './calendar-api';
import classes from './calendar.module.css';

const SHOWN = 4;

const startKey = (o: Occurrence, timeZone: string) => ('date' in o.start ? `${o.start.date}T00:00` : `${dateIn(o.start.at, timeZone)}T${timeIn(o.start.at, timeZone)}`);

function dayLabel(date: string, today: string): string {
  if (date === today) return 'Today';
  if (date === addDays(today, 1)) return 'Tomorrow';
  return new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(dateAsUtc(date));
}

/** The Calendar card on Home: what is left of today and the next few events of the coming week. */
export function CalendarCardSummary() {
  const { timeZone } = useUser();
  // The moment the page was opened: what has ended by then is left out.
  const [now] = useState(() => Date.now());
  const today = todayIn(timeZone, new Date(now));
  const range = useMemo(
    () => ({ from: instantIn(today, '00:00', timeZone), to: instantIn(addDays(today, 7), '00:00', timeZone), timeZone }),
    [today, timeZone],
  );
  const occurrences = useOccurrences(range);
  if (!occurrences.isSuccess) return null;

  const upcoming = occurrences.data
    .filter((o) => o.status !== 'cancelled' && ('date' in o.end ? o.end.date > today : Date.parse(o.end.at) > now))
    .sort((a, b) => startKey(a, timeZone).localeCompare(startKey(b, timeZone)));
  const todays = upcoming.filter((o) => startKey(o, timeZone).slice(0, 10) <= today).length;
  const headline = todays > 0 ? `${todays} event${todays === 1 ? '' : 's'} left today` : 'Nothing else today';

  return (
    <Stack gap={6} mt={8} data-testid="calendar-summary">
      <Text size="sm" fw={500} c="bright">
        {headline}
      </Text>
      {upcoming.slice(0, SHOWN).map((o) => {
        const start = startKey(o, timeZone);
        const day = start.slice(0, 10) < today ? today : start.slice(0, 10);
        return (
          <Group key={`${o.eventId}|${start}`} gap={8} wrap="nowrap" className={classes.summaryRow} data-testid="calendar-summary-item">
            <span className={classes.summaryDot} style={{ background: o.color }} aria-hidden />
            <Text size="xs" c="dimmed" className={classes.summaryWhen}>
              {dayLabel(day, today)} {o.allDay ? '' : start.slice(11)}
            </Text>
            <Text size="sm" truncate miw={0}>
              {o.title}
            </Text>
          </Group>
        );
      })}
      {upcoming.length === 0 && (
        <Text size="sm" c="dimmed">
          No events in the next 7 days.
        </Text>
      )}
    </Stack>
  );
}
