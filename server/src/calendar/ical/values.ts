/**
 * Property values (RFC 5545 3.3): TEXT escapes, DATE and DATE-TIME, DURATION, lists.
 * Each parser returns null for text it cannot read; the caller knows the line to blame.
 */
import { daysInMonth, formatDate, type PlainDate, type WallClock } from '../../platform/time/calendar.js';

/** A DATE, or a DATE-TIME that is UTC (trailing Z) or local (floating, or with a TZID). */
export type DateValue = { kind: 'date'; date: PlainDate } | { kind: 'date-time'; wall: WallClock; utc: boolean };

const DATE_VALUE = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/;

export function parseDateValue(text: string): DateValue | null {
  const m = DATE_VALUE.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (m[4] === undefined) return { kind: 'date', date: { year, month, day } };
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6])];
  if (hour > 23 || minute > 59 || second > 60) return null;
  // A leap second (60) is read as the last second of the minute: instants have none.
  return { kind: 'date-time', wall: { year, month, day, hour, minute, second: Math.min(second, 59), millisecond: 0 }, utc: m[7] === 'Z' };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** YYYYMMDD. */
export const icalDate = (d: PlainDate): string => formatDate(d).replaceAll('-', '');

/** YYYYMMDDTHHMMSS, without a zone suffix. */
export const icalDateTime = (w: WallClock): string => `${icalDate(w)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`;

/** A DURATION split into its nominal part (weeks and days, which follow the wall clock) and its exact seconds. */
export interface Duration {
  days: number;
  seconds: number;
}

const DURATION = /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

export function parseDuration(text: string): Duration | null {
  const value = text.trim().toUpperCase();
  const m = DURATION.exec(value);
  if (!m || value.endsWith('P') || value.endsWith('T')) return null;
  const sign = m[1] === '-' ? -1 : 1;
  const n = (i: number) => Number(m[i] ?? 0);
  return { days: sign * (n(2) * 7 + n(3)), seconds: sign * (n(4) * 3600 + n(5) * 60 + n(6)) };
}

/** A whole number of minutes as a DURATION: -PT15M, PT0S, -P1DT2H. */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  let rest = Math.abs(minutes);
  const days = Math.floor(rest / 1440);
  rest -= days * 1440;
  const hours = Math.floor(rest / 60);
  const mins = rest - hours * 60;
  const time = `${hours > 0 ? `${hours}H` : ''}${mins > 0 ? `${mins}M` : ''}`;
  if (days === 0 && time === '') return 'PT0S';
  return `${sign}P${days > 0 ? `${days}D` : ''}${time === '' ? '' : `T${time}`}`;
}

/** TEXT with its backslash escapes resolved (\n, \N, \, \; \\). */
export function unescapeText(value: string): string {
  return value.replace(/\\([nN,;\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

export function escapeText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

/** A comma-separated list, split on the commas that are not escaped. */
export function splitList(value: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && i + 1 < value.length) {
      current += c + value[i + 1]!;
      i++;
    } else if (c === ',') {
      out.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  out.push(current);
  return out;
}
