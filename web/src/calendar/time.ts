import type { EventTime } from '@atom/contracts';
import { addDays, dateIn, instantIn, timeIn } from '../ui/zoned';

/**
 * FullCalendar runs in 'UTC' mode and is given wall-clock times in the user's zone, so it shows
 * every event at the user's time whatever the device's zone; these convert both ways.
 */
export function toWall(time: EventTime, timeZone: string): string {
  if ('date' in time) return time.date;
  return `${dateIn(time.at, timeZone)}T${timeIn(time.at, timeZone)}:00`;
}

/** A FullCalendar date (UTC-coerced wall time) back to an API time in the user's zone. */
export function fromCalendarDate(date: Date, allDay: boolean, timeZone: string): EventTime {
  const iso = date.toISOString();
  if (allDay) return { date: iso.slice(0, 10) };
  return { at: instantIn(iso.slice(0, 10), iso.slice(11, 16), timeZone), timeZone };
}

/** The instant a wall time (UTC-coerced Date) is in the zone, for range queries. */
export function wallToInstant(date: Date, timeZone: string): string {
  const iso = date.toISOString();
  return instantIn(iso.slice(0, 10), iso.slice(11, 16), timeZone);
}

/** Replaces the clock time of an API time, keeping its day ("HH:mm"). */
export function withTime(time: EventTime, hhmm: string, timeZone: string): EventTime {
  if ('date' in time) return time;
  return { at: instantIn(dateIn(time.at, time.timeZone), hhmm, timeZone), timeZone };
}

export function clockOf(time: EventTime, timeZone: string): string {
  return 'date' in time ? '' : timeIn(time.at, timeZone);
}

/** "Thu 26 Nov, 09:00 – 10:00" (or the all-day dates). */
export function describeSpan(start: EventTime, end: EventTime, timeZone: string): string {
  const day = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  if ('date' in start) {
    const last = 'date' in end ? addDays(end.date, -1) : start.date;
    const first = day.format(new Date(`${start.date}T00:00:00Z`));
    return last === start.date ? `${first}, all day` : `${first} – ${day.format(new Date(`${last}T00:00:00Z`))}`;
  }
  const date = day.format(new Date(`${dateIn(start.at, timeZone)}T00:00:00Z`));
  return `${date}, ${timeIn(start.at, timeZone)} – ${'date' in end ? '' : timeIn(end.at, timeZone)}`;
}

export const REPEAT_OPTIONS = [
  { value: 'none', label: 'Does not repeat' },
  { value: 'FREQ=DAILY', label: 'Daily' },
  { value: 'FREQ=WEEKLY', label: 'Weekly' },
  { value: 'FREQ=MONTHLY', label: 'Monthly' },
];
