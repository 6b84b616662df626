import type { Task } from '@atom/contracts';
import { dateAsUtc, dateIn, daysBetween } from '../ui/zoned';

/**
 * Due dates as people say them ("Today 17:00", "Tomorrow", "Friday", "3 Mar"), in the
 * browser's language and the user's zone, through Intl only.
 */
const cache = new Map<string, Intl.DateTimeFormat>();

function fmt(key: string, options: Intl.DateTimeFormatOptions, timeZone: string): Intl.DateTimeFormat {
  const id = `${key}|${timeZone}`;
  let f = cache.get(id);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(undefined, { ...options, timeZone });
    } catch {
      f = new Intl.DateTimeFormat(undefined, options);
    }
    cache.set(id, f);
  }
  return f;
}

const relativeDays = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

export type DueTone = 'overdue' | 'today' | 'soon' | 'later';

export interface DueText {
  /** "Today 17:00", "Fri", "3 Mar 2027" */
  text: string;
  /** The full date and time, for a tooltip or screen readers. */
  full: string;
  tone: DueTone;
  /** The plain date in the user's zone. */
  date: string;
}

/** The plain date a task is due on in the zone, or null. */
export function dueDateOf(task: Pick<Task, 'dueAt' | 'dueDate'>, timeZone: string): string | null {
  if (task.dueDate) return task.dueDate;
  if (task.dueAt) return dateIn(task.dueAt, timeZone);
  return null;
}

export function formatTime(instant: string, timeZone: string): string {
  return fmt('time', { hour: 'numeric', minute: '2-digit' }, timeZone).format(new Date(instant));
}

/** A day relative to today: "Today", "Tomorrow", "Yesterday", a weekday this week, else a short date. */
export function formatDay(date: string, today: string): string {
  const diff = daysBetween(today, date);
  if (diff >= -1 && diff <= 1) return capitalise(relativeDays.format(diff, 'day'));
  if (diff > 1 && diff < 7) return fmt('weekday', { weekday: 'long' }, 'UTC').format(dateAsUtc(date));
  const sameYear = date.slice(0, 4) === today.slice(0, 4);
  const options: Intl.DateTimeFormatOptions = sameYear ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' };
  return fmt(sameYear ? 'short' : 'shortYear', options, 'UTC').format(dateAsUtc(date));
}

/** "Tue 3 Mar" */
export function formatWeekdayDate(date: string): string {
  return fmt('wdm', { weekday: 'short', day: 'numeric', month: 'short' }, 'UTC').format(dateAsUtc(date));
}

export function formatDue(task: Pick<Task, 'dueAt' | 'dueDate'>, timeZone: string, today: string, now: Date = new Date()): DueText | null {
  const date = dueDateOf(task, timeZone);
  if (!date) return null;
  const diff = daysBetween(today, date);
  const day = formatDay(date, today);
  const time = task.dueAt ? formatTime(task.dueAt, timeZone) : null;
  const overdue = diff < 0 || (task.dueAt !== null && new Date(task.dueAt) < now);
  const tone: DueTone = overdue ? 'overdue' : diff === 0 ? 'today' : diff < 7 ? 'soon' : 'later';
  const full = task.dueAt
    ? fmt('full', { dateStyle: 'full', timeStyle: 'short' }, timeZone).format(new Date(task.dueAt))
    : fmt('fullDate', { dateStyle: 'full' }, 'UTC').format(dateAsUtc(date));
  return { text: time ? `${day} ${time}` : day, full, tone, date };
}

/** "Tue 3 Mar, 17:00" (or without the time for a date-only due). */
export function formatDueLong(due: { dueAt: string | null; dueDate: string | null }, timeZone: string): string | null {
  if (due.dueAt) {
    const d = new Date(due.dueAt);
    const day = fmt('wdmz', { weekday: 'short', day: 'numeric', month: 'short' }, timeZone).format(d);
    return `${day}, ${formatTime(due.dueAt, timeZone)}`;
  }
  if (due.dueDate) return formatWeekdayDate(due.dueDate);
  return null;
}

/** A heading for a day in a grouped list: "Today · Thu 26 Nov" or "Sat 28 Nov". */
export function dayHeading(date: string, today: string): { title: string; sub: string | null } {
  const diff = daysBetween(today, date);
  const long = fmt('heading', { weekday: 'short', day: 'numeric', month: 'short' }, 'UTC').format(dateAsUtc(date));
  if (diff >= 0 && diff <= 1) return { title: capitalise(relativeDays.format(diff, 'day')), sub: long };
  return { title: long, sub: null };
}
