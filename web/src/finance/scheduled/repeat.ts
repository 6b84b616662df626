import { describeRule, parseRule } from '../../tasks/rrule';
import { daysBetween } from '../../ui/zoned';
import { formatPlainDate } from '../plain-date';

/**
 * How a schedule repeats, in the choices people think in. Each is one RRULE counted from
 * the start date (weekly and yearly keep its weekday and day); anything else is `custom`.
 */
export type RepeatKind = 'weekly' | 'biweekly' | 'monthly' | 'monthly-last' | 'yearly' | 'custom';

export interface Repeat {
  kind: RepeatKind;
  /** Day of the month for `monthly` (1–31; months without it are skipped by RRULE, so the form offers 1–28 and "last day"). */
  day: number;
  /** The RRULE for `custom`. */
  custom: string;
}

export const repeatChoices: { value: RepeatKind; label: string }[] = [
  { value: 'weekly', label: 'Every week' },
  { value: 'biweekly', label: 'Every 2 weeks' },
  { value: 'monthly', label: 'Monthly on a day' },
  { value: 'monthly-last', label: 'Monthly on the last day' },
  { value: 'yearly', label: 'Every year' },
  { value: 'custom', label: 'Custom (RRULE)' },
];

export function toRule(repeat: Repeat): string {
  switch (repeat.kind) {
    case 'weekly':
      return 'FREQ=WEEKLY';
    case 'biweekly':
      return 'FREQ=WEEKLY;INTERVAL=2';
    case 'monthly':
      return `FREQ=MONTHLY;BYMONTHDAY=${repeat.day}`;
    case 'monthly-last':
      return 'FREQ=MONTHLY;BYMONTHDAY=-1';
    case 'yearly':
      return 'FREQ=YEARLY';
    case 'custom':
      return repeat.custom.trim().replace(/^RRULE:/i, '');
  }
}

/** The choice a stored rule came from; a rule no choice makes is `custom`, kept as written. */
export function fromRule(rule: string, startDate: string): Repeat {
  const p = parseRule(rule);
  const keys = [...p.keys()].filter((k) => k !== 'WKST').sort().join(',');
  const freq = p.get('FREQ');
  const interval = p.get('INTERVAL') ?? '1';
  const fallbackDay = Math.min(Number(startDate.slice(8, 10)) || 1, 28);
  const base = { day: fallbackDay, custom: rule };
  if (freq === 'WEEKLY' && (keys === 'FREQ' || (keys === 'FREQ,INTERVAL' && interval === '1'))) return { ...base, kind: 'weekly' };
  if (freq === 'WEEKLY' && keys === 'FREQ,INTERVAL' && interval === '2') return { ...base, kind: 'biweekly' };
  if (freq === 'MONTHLY' && keys === 'BYMONTHDAY,FREQ' && p.get('BYMONTHDAY') === '-1') return { ...base, kind: 'monthly-last' };
  if (freq === 'MONTHLY' && keys === 'BYMONTHDAY,FREQ' && /^([1-9]|1\d|2[0-8])$/.test(p.get('BYMONTHDAY') ?? '')) return { ...base, kind: 'monthly', day: Number(p.get('BYMONTHDAY')) };
  if (freq === 'YEARLY' && keys === 'FREQ') return { ...base, kind: 'yearly' };
  return { ...base, kind: 'custom' };
}

const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'long', timeZone: 'UTC' });
const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', timeZone: 'UTC' });

/** "Every 2 weeks on Friday", "Monthly on day 1", "Every year on 3 March", else the rule in words. */
export function describeRepeat(rule: string, startDate: string): string {
  const start = new Date(`${startDate}T12:00:00Z`);
  const repeat = fromRule(rule, startDate);
  switch (repeat.kind) {
    case 'weekly':
      return `Every week on ${weekday.format(start)}`;
    case 'biweekly':
      return `Every 2 weeks on ${weekday.format(start)}`;
    case 'monthly':
      return `Monthly on day ${repeat.day}`;
    case 'monthly-last':
      return 'Monthly on the last day';
    case 'yearly':
      return `Every year on ${dayMonth.format(start)}`;
    case 'custom': {
      const text = describeRule(rule);
      return text.charAt(0).toUpperCase() + text.slice(1);
    }
  }
}

/** "Today", "Tomorrow", "In 3 days", "2 days overdue"; null further out, where the date says it all. */
export function relativeDay(date: string, today: string): string | null {
  const days = daysBetween(today, date);
  if (days === 0) return 'Today';
  if (days === 1) return 'Tomorrow';
  if (days === -1) return '1 day overdue';
  if (days < 0) return `${-days} days overdue`;
  if (days < 7) return `In ${days} days`;
  return null;
}

/** "Tomorrow · 27 Nov 2026", or the date alone. */
export function friendlyDate(date: string, today: string): string {
  const relative = relativeDay(date, today);
  return relative ? `${relative} · ${formatPlainDate(date)}` : formatPlainDate(date);
}
