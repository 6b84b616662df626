/** Months as "YYYY-MM" text, the way budgets and reports address them. */

export { todayIn } from '../ui/zoned';

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function isMonth(text: string | undefined): text is string {
  return text !== undefined && /^\d{4}-(0[1-9]|1[0-2])$/.test(text);
}

/** The month `delta` months after `month` (negative for before). */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function firstDay(month: string): string {
  return `${month}-01`;
}

export function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

const long = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });
const short = new Intl.DateTimeFormat(undefined, { month: 'short', year: '2-digit', timeZone: 'UTC' });

/** "November 2026" in the user's language. */
export function formatMonth(month: string): string {
  return long.format(new Date(`${month}-01T00:00:00Z`));
}

/** "Nov 26", for chart axes. */
export function formatMonthShort(month: string): string {
  return short.format(new Date(`${month.slice(0, 7)}-01T00:00:00Z`));
}
