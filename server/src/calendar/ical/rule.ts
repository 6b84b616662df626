/**
 * RRULE text to a checked structure and back (RFC 5545 3.3.10), with the limits an import
 * accepts: COUNT at most 5000, INTERVAL at most 1000, and the RFC's rules on which BYxxx
 * parts go with which FREQ. Every problem is a sentence (a RuleProblem) that the caller
 * turns into an IcsError naming the line.
 */
import { daysInMonth, type WallClock } from '../../platform/time/calendar.js';

export type Frequency = 'YEARLY' | 'MONTHLY' | 'WEEKLY' | 'DAILY' | 'HOURLY' | 'MINUTELY' | 'SECONDLY';

/** weekday: 0 = Monday (rrule's numbering); nth: 2 in 2TU, -1 in -1FR, null in plain TU. */
export interface ByDay {
  weekday: number;
  nth: number | null;
}

/** UNTIL as written: a date, a floating local date-time, or a UTC date-time (trailing Z). */
export interface Until {
  form: 'date' | 'local' | 'utc';
  wall: WallClock;
}

export interface Rule {
  freq: Frequency;
  interval: number;
  count: number | null;
  until: Until | null;
  byMonth: number[];
  byWeekNo: number[];
  byYearDay: number[];
  byMonthDay: number[];
  byDay: ByDay[];
  byHour: number[];
  byMinute: number[];
  bySecond: number[];
  bySetPos: number[];
  wkst: number | null;
}

export class RuleProblem extends Error {}

export const MAX_COUNT = 5000;
export const MAX_INTERVAL = 1000;
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const FREQUENCIES: Frequency[] = ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY', 'MINUTELY', 'SECONDLY'];
const UNTIL = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/;

function problem(text: string): never {
  throw new RuleProblem(text);
}

function integer(name: string, text: string): number {
  if (!/^[+-]?\d{1,15}$/.test(text)) problem(`${name} must be a whole number, not "${text}"`);
  return Number(text);
}

function ranged(name: string, text: string, min: number, max: number): number {
  const n = integer(name, text);
  if (n < min || n > max) problem(`${name} must be between ${min} and ${max}, not ${n}`);
  return n;
}

/** A BYxxx list, deduplicated and sorted so that equal rules print alike. */
function list(name: string, text: string, min: number, max: number, signed: boolean): number[] {
  const values = text.split(',').map((item) => {
    const n = integer(name, item.trim());
    const ok = signed ? n !== 0 && Math.abs(n) <= max : n >= min && n <= max;
    if (!ok) problem(signed ? `${name} values must be between 1 and ${max} or -${max} and -1` : `${name} values must be between ${min} and ${max}`);
    return n;
  });
  return [...new Set(values)].sort((a, b) => a - b);
}

function weekday(name: string, text: string): number {
  const index = WEEKDAYS.indexOf(text.toUpperCase());
  if (index < 0) problem(`"${text}" in ${name} is not a weekday (MO, TU, WE, TH, FR, SA or SU)`);
  return index;
}

function byDayList(text: string): ByDay[] {
  const days = text.split(',').map((item): ByDay => {
    const m = /^([+-]?\d{1,2})?([A-Za-z]{2})$/.exec(item.trim());
    if (!m) return problem(`BYDAY values look like MO, 2TU or -1FR, not "${item}"`);
    const nth = m[1] === undefined ? null : Number(m[1]);
    if (nth !== null && (nth === 0 || Math.abs(nth) > 53)) problem('the number in a BYDAY value must be between 1 and 53 or -53 and -1');
    return { weekday: weekday('BYDAY', m[2]!), nth };
  });
  const unique = new Map(days.map((d) => [`${d.nth ?? 0}/${d.weekday}`, d]));
  return [...unique.values()].sort((a, b) => a.weekday - b.weekday || (a.nth ?? 0) - (b.nth ?? 0));
}

function until(text: string): Until {
  const m = UNTIL.exec(text);
  if (!m) return problem(`UNTIL must look like 20261231 or 20261231T235959Z, not "${text}"`);
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    problem(`UNTIL "${text}" is not a real date and time`);
  }
  const form = m[4] === undefined ? 'date' : m[7] === 'Z' ? 'utc' : 'local';
  return { form, wall: { year, month, day, hour, minute, second, millisecond: 0 } };
}

function parts(text: string): Map<string, string> {
  const body = text.trim().replace(/^RRULE:/i, '');
  if (body === '') problem('the rule is empty');
  const found = new Map<string, string>();
  for (const raw of body.split(';')) {
    const part = raw.trim();
    if (part === '') continue; // "FREQ=DAILY;" is common
    const eq = part.indexOf('=');
    if (eq < 1) problem(`"${part}" is not of the form NAME=VALUE`);
    const name = part.slice(0, eq).trim().toUpperCase();
    const value = part.slice(eq + 1).trim();
    if (found.has(name)) problem(`${name} appears more than once`);
    if (value === '') problem(`${name} has no value`);
    found.set(name, value);
  }
  return found;
}

/** The RFC's constraints between parts (3.3.10), which rrule does not check. */
function checkCombinations(rule: Rule): void {
  const { freq } = rule;
  if (rule.count !== null && rule.until !== null) problem('COUNT and UNTIL cannot both be set');
  if (rule.byMonthDay.length > 0 && freq === 'WEEKLY') problem('BYMONTHDAY cannot be used with FREQ=WEEKLY');
  if (rule.byYearDay.length > 0 && (freq === 'MONTHLY' || freq === 'WEEKLY' || freq === 'DAILY')) problem(`BYYEARDAY cannot be used with FREQ=${freq}`);
  if (rule.byWeekNo.length > 0 && freq !== 'YEARLY') problem('BYWEEKNO can only be used with FREQ=YEARLY');
  if (rule.byDay.some((d) => d.nth !== null)) {
    if (freq !== 'MONTHLY' && freq !== 'YEARLY') problem('a numbered BYDAY (like 2TU) needs FREQ=MONTHLY or FREQ=YEARLY');
    if (rule.byWeekNo.length > 0) problem('a numbered BYDAY (like 2TU) cannot be combined with BYWEEKNO');
    if (freq === 'MONTHLY' && rule.byDay.some((d) => d.nth !== null && Math.abs(d.nth) > 5)) problem('a month has at most 5 of each weekday');
  }
  const others = [rule.byMonth, rule.byWeekNo, rule.byYearDay, rule.byMonthDay, rule.byDay, rule.byHour, rule.byMinute, rule.bySecond];
  if (rule.bySetPos.length > 0 && others.every((l) => l.length === 0)) problem('BYSETPOS needs another BYxxx part to pick from');
}

export function parseRule(text: string): Rule {
  const found = parts(text);
  const freq = found.get('FREQ')?.toUpperCase();
  if (freq === undefined) return problem('FREQ is required');
  if (!FREQUENCIES.includes(freq as Frequency)) problem(`FREQ must be one of ${FREQUENCIES.join(', ')}, not "${freq}"`);
  const rule: Rule = {
    freq: freq as Frequency,
    interval: 1,
    count: null,
    until: null,
    byMonth: [],
    byWeekNo: [],
    byYearDay: [],
    byMonthDay: [],
    byDay: [],
    byHour: [],
    byMinute: [],
    bySecond: [],
    bySetPos: [],
    wkst: null,
  };
  for (const [name, value] of found) {
    switch (name) {
      case 'FREQ':
        break;
      case 'INTERVAL':
        rule.interval = ranged('INTERVAL', value, 1, MAX_INTERVAL);
        break;
      case 'COUNT':
        rule.count = ranged('COUNT', value, 1, MAX_COUNT);
        break;
      case 'UNTIL':
        rule.until = until(value);
        break;
      case 'BYMONTH':
        rule.byMonth = list('BYMONTH', value, 1, 12, false);
        break;
      case 'BYWEEKNO':
        rule.byWeekNo = list('BYWEEKNO', value, 1, 53, true);
        break;
      case 'BYYEARDAY':
        rule.byYearDay = list('BYYEARDAY', value, 1, 366, true);
        break;
      case 'BYMONTHDAY':
        rule.byMonthDay = list('BYMONTHDAY', value, 1, 31, true);
        break;
      case 'BYDAY':
        rule.byDay = byDayList(value);
        break;
      case 'BYHOUR':
        rule.byHour = list('BYHOUR', value, 0, 23, false);
        break;
      case 'BYMINUTE':
        rule.byMinute = list('BYMINUTE', value, 0, 59, false);
        break;
      case 'BYSECOND':
        rule.bySecond = list('BYSECOND', value, 0, 59, false);
        break;
      case 'BYSETPOS':
        rule.bySetPos = list('BYSETPOS', value, 1, 366, true);
        break;
      case 'WKST':
        rule.wkst = weekday('WKST', value);
        break;
      case 'RSCALE':
        // RFC 7529: only the Gregorian calendar is supported.
        if (value.toUpperCase() !== 'GREGORIAN') problem(`RSCALE=${value} (a non-Gregorian calendar) is not supported`);
        break;
      case 'SKIP':
        if (value.toUpperCase() !== 'OMIT') problem(`SKIP=${value} is not supported (only OMIT, the default)`);
        break;
      default:
        if (!name.startsWith('X-')) problem(`unknown part ${name}`);
    }
  }
  checkCombinations(rule);
  return rule;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatUntil({ form, wall: w }: Until): string {
  const date = `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}`;
  if (form === 'date') return date;
  return `${date}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}${form === 'utc' ? 'Z' : ''}`;
}

/** Canonical text: upper case, a fixed order of parts, no INTERVAL=1, no RSCALE, SKIP or X- parts. */
export function formatRule(rule: Rule): string {
  const out = [`FREQ=${rule.freq}`];
  const add = (name: string, values: (number | string)[]) => {
    if (values.length > 0) out.push(`${name}=${values.join(',')}`);
  };
  if (rule.interval !== 1) add('INTERVAL', [rule.interval]);
  add('BYMONTH', rule.byMonth);
  add('BYWEEKNO', rule.byWeekNo);
  add('BYYEARDAY', rule.byYearDay);
  add('BYMONTHDAY', rule.byMonthDay);
  add('BYDAY', rule.byDay.map((d) => `${d.nth ?? ''}${WEEKDAYS[d.weekday]!}`));
  add('BYHOUR', rule.byHour);
  add('BYMINUTE', rule.byMinute);
  add('BYSECOND', rule.bySecond);
  add('BYSETPOS', rule.bySetPos);
  if (rule.wkst !== null) add('WKST', [WEEKDAYS[rule.wkst]!]);
  if (rule.count !== null) add('COUNT', [rule.count]);
  if (rule.until !== null) add('UNTIL', [formatUntil(rule.until)]);
  return out.join(';');
}
