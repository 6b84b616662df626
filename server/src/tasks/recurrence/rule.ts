/**
 * RRULE text to a checked structure and back (RFC 5545, 3.3.10).
 *
 * We parse ourselves rather than through rrule's parser so that every mistake gets a
 * sentence a user can act on, and so that what rrule is asked to expand is always
 * something cheap and meaningful for a task:
 * - no SECONDLY, MINUTELY or HOURLY and no BYHOUR, BYMINUTE or BYSECOND: a task repeats on
 *   days, at the time of day of its due;
 * - COUNT and INTERVAL at most 1000;
 * - the RFC's rules on which BYxxx parts go with which FREQ.
 */
import { daysInMonth, type WallClock } from '../../platform/time/calendar.js';
import { RecurrenceError } from './types.js';

export type Frequency = 'YEARLY' | 'MONTHLY' | 'WEEKLY' | 'DAILY';

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
  bySetPos: number[];
  wkst: number | null;
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const LIMIT = 1000;
const UNTIL = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/;

function fail(problem: string): never {
  throw new RecurrenceError(problem);
}

function integer(name: string, text: string): number {
  if (!/^[+-]?\d{1,6}$/.test(text)) fail(`${name} must be a whole number, not "${text}"`);
  return Number(text);
}

function ranged(name: string, text: string, min: number, max: number): number {
  const n = integer(name, text);
  if (n < min || n > max) fail(`${name} must be between ${min} and ${max}`);
  return n;
}

/** A BYxxx list of ±1..max (0 excluded), deduplicated and sorted so equal rules print alike. */
function signedList(name: string, text: string, max: number): number[] {
  const values = text.split(',').map((item) => {
    const n = integer(name, item.trim());
    if (n === 0 || Math.abs(n) > max) fail(`${name} values must be between 1 and ${max} or -${max} and -1`);
    return n;
  });
  return [...new Set(values)].sort((a, b) => a - b);
}

function weekday(name: string, text: string): number {
  const index = WEEKDAYS.indexOf(text.toUpperCase());
  if (index < 0) fail(`"${text}" in ${name} is not a weekday: use MO, TU, WE, TH, FR, SA or SU`);
  return index;
}

function byDayList(text: string): ByDay[] {
  const days = text.split(',').map((item): ByDay => {
    const m = /^([+-]?\d{1,2})?([A-Za-z]{2})$/.exec(item.trim());
    if (!m) return fail(`BYDAY must look like MO, 2TU or -1FR, not "${item}"`);
    const nth = m[1] === undefined ? null : Number(m[1]);
    if (nth !== null && (nth === 0 || Math.abs(nth) > 53)) fail('the number in a BYDAY value must be between 1 and 53 or -53 and -1');
    return { weekday: weekday('BYDAY', m[2]!), nth };
  });
  const unique = new Map(days.map((d) => [`${d.nth ?? 0}${d.weekday}`, d]));
  return [...unique.values()].sort((a, b) => a.weekday - b.weekday || (a.nth ?? 0) - (b.nth ?? 0));
}

function until(text: string): Until {
  const m = UNTIL.exec(text);
  if (!m) return fail('UNTIL must look like 20261231 or 20261231T235959Z');
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    fail(`UNTIL "${text}" is not a real date and time`);
  }
  const form = m[4] === undefined ? 'date' : m[7] === 'Z' ? 'utc' : 'local';
  return { form, wall: { year, month, day, hour, minute, second, millisecond: 0 } };
}

function frequency(text: string): Frequency {
  const freq = text.toUpperCase();
  if (freq === 'SECONDLY' || freq === 'MINUTELY') fail('SECONDLY and MINUTELY repetition is not supported for tasks');
  if (freq === 'HOURLY') fail('HOURLY repetition is not supported for tasks: they repeat on days, at the time of their due');
  if (freq !== 'YEARLY' && freq !== 'MONTHLY' && freq !== 'WEEKLY' && freq !== 'DAILY') {
    fail('FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY');
  }
  return freq;
}

/** Splits the text into NAME=VALUE parts, after the checks that concern the text as a whole. */
function parts(text: string): Map<string, string> {
  let body = text.trim();
  if (body === '') fail('the rule is empty');
  if (/DTSTART/i.test(body)) fail("DTSTART is not allowed in the rule: the task's due is where the repetition starts");
  body = body.replace(/^RRULE:/i, '');
  if (/[:\r\n]/.test(body)) fail('only a single RRULE is supported, without EXDATE, RDATE or other lines');
  const found = new Map<string, string>();
  for (const raw of body.split(';')) {
    const part = raw.trim();
    if (part === '') continue; // tolerate "FREQ=DAILY;"
    const eq = part.indexOf('=');
    if (eq < 1) fail(`"${part}" is not of the form NAME=VALUE`);
    const name = part.slice(0, eq).trim().toUpperCase();
    const value = part.slice(eq + 1).trim();
    if (found.has(name)) fail(`${name} appears more than once`);
    if (value === '') fail(`${name} has no value`);
    found.set(name, value);
  }
  if (found.size === 0) fail('the rule is empty');
  return found;
}

/** The RFC's constraints between parts, which rrule itself does not check. */
function checkCombinations(rule: Rule): void {
  const { freq } = rule;
  if (rule.count !== null && rule.until !== null) fail('COUNT and UNTIL cannot both be set');
  if (rule.byMonthDay.length > 0 && freq === 'WEEKLY') fail('BYMONTHDAY cannot be used with FREQ=WEEKLY');
  if (rule.byYearDay.length > 0 && freq !== 'YEARLY') fail('BYYEARDAY can only be used with FREQ=YEARLY');
  if (rule.byWeekNo.length > 0 && freq !== 'YEARLY') fail('BYWEEKNO can only be used with FREQ=YEARLY');
  if (rule.byDay.some((d) => d.nth !== null)) {
    if (freq !== 'MONTHLY' && freq !== 'YEARLY') fail('a numbered BYDAY (like 2TU) needs FREQ=MONTHLY or FREQ=YEARLY');
    if (rule.byWeekNo.length > 0) fail('a numbered BYDAY (like 2TU) cannot be combined with BYWEEKNO');
    if (freq === 'MONTHLY' && rule.byDay.some((d) => d.nth !== null && Math.abs(d.nth) > 5)) fail('a month has at most 5 of each weekday');
  }
  const others = rule.byMonth.length + rule.byWeekNo.length + rule.byYearDay.length + rule.byMonthDay.length + rule.byDay.length;
  if (rule.bySetPos.length > 0 && others === 0) fail('BYSETPOS needs another BYxxx part to pick from');
  // Each day is a set of one, so BYSETPOS could only keep it or drop it.
  if (rule.bySetPos.length > 0 && freq === 'DAILY') fail('BYSETPOS cannot be used with FREQ=DAILY');
}

export function parseRule(text: string): Rule {
  const found = parts(text);
  const freqText = found.get('FREQ');
  if (freqText === undefined) return fail('FREQ is required');
  const rule: Rule = {
    freq: frequency(freqText),
    interval: 1,
    count: null,
    until: null,
    byMonth: [],
    byWeekNo: [],
    byYearDay: [],
    byMonthDay: [],
    byDay: [],
    bySetPos: [],
    wkst: null,
  };
  for (const [name, value] of found) {
    switch (name) {
      case 'FREQ':
        break;
      case 'INTERVAL':
        rule.interval = ranged('INTERVAL', value, 1, LIMIT);
        break;
      case 'COUNT':
        rule.count = ranged('COUNT', value, 1, LIMIT);
        break;
      case 'UNTIL':
        rule.until = until(value);
        break;
      case 'BYMONTH':
        rule.byMonth = signedList('BYMONTH', value, 12);
        if (rule.byMonth.some((n) => n < 0)) fail('BYMONTH values must be between 1 and 12');
        break;
      case 'BYWEEKNO':
        rule.byWeekNo = signedList('BYWEEKNO', value, 53);
        break;
      case 'BYYEARDAY':
        rule.byYearDay = signedList('BYYEARDAY', value, 366);
        break;
      case 'BYMONTHDAY':
        rule.byMonthDay = signedList('BYMONTHDAY', value, 31);
        break;
      case 'BYDAY':
        rule.byDay = byDayList(value);
        break;
      case 'BYSETPOS':
        rule.bySetPos = signedList('BYSETPOS', value, 366);
        break;
      case 'WKST':
        rule.wkst = weekday('WKST', value);
        break;
      case 'BYHOUR':
      case 'BYMINUTE':
      case 'BYSECOND':
        fail(`${name} is not supported for tasks: the time of day comes from the due`);
        break;
      default:
        fail(`unknown part ${name}`);
    }
  }
  checkCombinations(rule);
  return rule;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function formatUntil({ form, wall: w }: Until): string {
  const date = `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}`;
  if (form === 'date') return date;
  return `${date}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}${form === 'utc' ? 'Z' : ''}`;
}

/** The canonical text of a rule: upper case, a fixed order of parts, no INTERVAL=1. */
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
  add('BYSETPOS', rule.bySetPos);
  if (rule.wkst !== null) add('WKST', [WEEKDAYS[rule.wkst]!]);
  if (rule.count !== null) add('COUNT', [rule.count]);
  if (rule.until !== null) add('UNTIL', [formatUntil(rule.until)]);
  return out.join(';');
}
