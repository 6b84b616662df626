/**
 * The RRULE grammar shared by the calendar (calendar/ical/rule.ts) and tasks
 * (tasks/recurrence/rule.ts): RFC 5545 3.3.10 text to a structure and back. Each domain
 * decides on top of it which frequencies and parts it accepts, its limits and the wording
 * of its problems; see RuleSyntax.
 */
import { daysInMonth, type WallClock } from '../time/calendar.js';

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

export interface Rule<F extends Frequency = Frequency> {
  freq: F;
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

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const UNTIL = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/;

/** What differs between the domains in the parts they share. */
export interface RuleSyntax {
  /** Throws the domain's error with this text. */
  problem: (text: string) => never;
  /** A whole number as the domain accepts it (how many digits at most). */
  wholeNumber: RegExp;
  /** The domain's wording of each problem. */
  say: {
    range: (name: string, min: number, max: number, n: number) => string;
    weekday: (name: string, text: string) => string;
    byDay: (item: string) => string;
    until: (text: string) => string;
    byYearDay: (freq: Frequency) => string;
  };
}

function emptyRule<F extends Frequency>(freq: F): Rule<F> {
  return {
    freq,
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
}

function integer(s: RuleSyntax, name: string, text: string): number {
  if (!s.wholeNumber.test(text)) s.problem(`${name} must be a whole number, not "${text}"`);
  return Number(text);
}

function ranged(s: RuleSyntax, name: string, text: string, min: number, max: number): number {
  const n = integer(s, name, text);
  if (n < min || n > max) s.problem(s.say.range(name, min, max, n));
  return n;
}

/** A BYxxx list, deduplicated and sorted so that equal rules print alike; signed: ±1..max. */
export function list(s: RuleSyntax, name: string, text: string, min: number, max: number, signed: boolean): number[] {
  const values = text.split(',').map((item) => {
    const n = integer(s, name, item.trim());
    const ok = signed ? n !== 0 && Math.abs(n) <= max : n >= min && n <= max;
    if (!ok) s.problem(signed ? `${name} values must be between 1 and ${max} or -${max} and -1` : `${name} values must be between ${min} and ${max}`);
    return n;
  });
  return [...new Set(values)].sort((a, b) => a - b);
}

function weekday(s: RuleSyntax, name: string, text: string): number {
  const index = WEEKDAYS.indexOf(text.toUpperCase());
  if (index < 0) s.problem(s.say.weekday(name, text));
  return index;
}

function byDayList(s: RuleSyntax, text: string): ByDay[] {
  const days = text.split(',').map((item): ByDay => {
    const m = /^([+-]?\d{1,2})?([A-Za-z]{2})$/.exec(item.trim());
    if (!m) return s.problem(s.say.byDay(item));
    const nth = m[1] === undefined ? null : Number(m[1]);
    if (nth !== null && (nth === 0 || Math.abs(nth) > 53)) s.problem('the number in a BYDAY value must be between 1 and 53 or -53 and -1');
    return { weekday: weekday(s, 'BYDAY', m[2]!), nth };
  });
  const unique = new Map(days.map((d) => [`${d.nth ?? 0}/${d.weekday}`, d]));
  return [...unique.values()].sort((a, b) => a.weekday - b.weekday || (a.nth ?? 0) - (b.nth ?? 0));
}

function until(s: RuleSyntax, text: string): Until {
  const m = UNTIL.exec(text);
  if (!m) return s.problem(s.say.until(text));
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    s.problem(`UNTIL "${text}" is not a real date and time`);
  }
  const form = m[4] === undefined ? 'date' : m[7] === 'Z' ? 'utc' : 'local';
  return { form, wall: { year, month, day, hour, minute, second, millisecond: 0 } };
}

/** Splits a rule's body (without "RRULE:") into NAME=VALUE parts, names upper case. */
export function splitParts(s: RuleSyntax, body: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const raw of body.split(';')) {
    const part = raw.trim();
    if (part === '') continue; // "FREQ=DAILY;" is common
    const eq = part.indexOf('=');
    if (eq < 1) s.problem(`"${part}" is not of the form NAME=VALUE`);
    const name = part.slice(0, eq).trim().toUpperCase();
    const value = part.slice(eq + 1).trim();
    if (found.has(name)) s.problem(`${name} appears more than once`);
    if (value === '') s.problem(`${name} has no value`);
    found.set(name, value);
  }
  return found;
}

/** What a domain decides on top of the grammar. */
export interface RulePolicy<F extends Frequency> {
  /** FREQ's value to a frequency the domain accepts, or a problem. */
  frequency: (text: string) => F;
  maxCount: number;
  maxInterval: number;
  /** Any part other than those both domains treat alike: read it into `rule` or refuse it. */
  other: (rule: Rule<F>, name: string, value: string) => void;
}

/** A rule from its NAME=VALUE parts (see splitParts), with the RFC's combinations checked. */
export function readRule<F extends Frequency>(s: RuleSyntax, found: Map<string, string>, policy: RulePolicy<F>): Rule<F> {
  const freq = found.get('FREQ');
  if (freq === undefined) return s.problem('FREQ is required');
  const rule = emptyRule(policy.frequency(freq));
  readParts(s, found, rule, policy);
  checkCombinations(s, rule);
  return rule;
}

/** The BYxxx parts of ±1..most (0 excluded) that every domain reads alike: field, most. */
const SIGNED_LISTS: Record<string, readonly ['byWeekNo' | 'byYearDay' | 'byMonthDay' | 'bySetPos', number] | undefined> = {
  BYWEEKNO: ['byWeekNo', 53],
  BYYEARDAY: ['byYearDay', 366],
  BYMONTHDAY: ['byMonthDay', 31],
  BYSETPOS: ['bySetPos', 366],
};

function readParts<F extends Frequency>(s: RuleSyntax, found: Map<string, string>, rule: Rule<F>, policy: RulePolicy<F>): void {
  for (const [name, value] of found) {
    const signed = SIGNED_LISTS[name];
    if (signed !== undefined) rule[signed[0]] = list(s, name, value, 1, signed[1], true);
    else if (name === 'INTERVAL') rule.interval = ranged(s, name, value, 1, policy.maxInterval);
    else if (name === 'COUNT') rule.count = ranged(s, name, value, 1, policy.maxCount);
    else if (name === 'UNTIL') rule.until = until(s, value);
    else if (name === 'BYDAY') rule.byDay = byDayList(s, value);
    else if (name === 'WKST') rule.wkst = weekday(s, name, value);
    else if (name !== 'FREQ') policy.other(rule, name, value);
  }
}

/** The RFC's constraints between parts (3.3.10), which rrule does not check. */
function checkCombinations(s: RuleSyntax, rule: Rule): void {
  const { freq } = rule;
  const problem = s.problem;
  if (rule.count !== null && rule.until !== null) problem('COUNT and UNTIL cannot both be set');
  if (rule.byMonthDay.length > 0 && freq === 'WEEKLY') problem('BYMONTHDAY cannot be used with FREQ=WEEKLY');
  if (rule.byYearDay.length > 0 && (freq === 'MONTHLY' || freq === 'WEEKLY' || freq === 'DAILY')) problem(s.say.byYearDay(freq));
  if (rule.byWeekNo.length > 0 && freq !== 'YEARLY') problem('BYWEEKNO can only be used with FREQ=YEARLY');
  if (rule.byDay.some((d) => d.nth !== null)) {
    if (freq !== 'MONTHLY' && freq !== 'YEARLY') problem('a numbered BYDAY (like 2TU) needs FREQ=MONTHLY or FREQ=YEARLY');
    if (rule.byWeekNo.length > 0) problem('a numbered BYDAY (like 2TU) cannot be combined with BYWEEKNO');
    if (freq === 'MONTHLY' && rule.byDay.some((d) => d.nth !== null && Math.abs(d.nth) > 5)) problem('a month has at most 5 of each weekday');
  }
  const others = [rule.byMonth, rule.byWeekNo, rule.byYearDay, rule.byMonthDay, rule.byDay, rule.byHour, rule.byMinute, rule.bySecond];
  if (rule.bySetPos.length > 0 && others.every((l) => l.length === 0)) problem('BYSETPOS needs another BYxxx part to pick from');
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
