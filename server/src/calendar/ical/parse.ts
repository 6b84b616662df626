/**
 * parseICalendar: a whole VCALENDAR file to events and to-dos, all or nothing. Anything
 * that would lose or distort data throws an IcsError naming the line; what is read loosely
 * (a Windows zone name, an alarm that cannot be kept...) is reported in `warnings`.
 */
import { isTimeZone } from '../../platform/time/zone.js';
import { allComponents, buildTree, prop, type Component } from './components.js';
import { fail } from './errors.js';
import { unmodelledLines } from './extra.js';
import { coerce, readEvent } from './event.js';
import { contentLines, excerpt, param } from './lines.js';
import { readTodo } from './todo.js';
import type { TimeContext } from './times.js';
import type { EventData, EventTime, ParsedCalendar, TodoData } from './types.js';
import { unescapeText } from './values.js';
import { ZoneResolver, type YearSpan } from './zone-resolve.js';

const IGNORED = new Set(['VJOURNAL', 'VFREEBUSY', 'VAVAILABILITY']);

/** Refuses what is plainly not iCalendar text before any line is parsed. */
function precheck(text: string): string {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') fail('the file is empty');
  // eslint-disable-next-line no-control-regex -- looking for binary data is the point
  if (/[\u0000-\u0008\u000E-\u001F\uFFFD]/.test(body.slice(0, 4096))) fail('this is not iCalendar text: it contains binary data');
  const firstLine = /^\s*([^\r\n]*)/.exec(body)?.[1] ?? '';
  const lineNo = (/^\s*/.exec(body)?.[0].match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
  if (firstLine.trim().toUpperCase() !== 'BEGIN:VCALENDAR') {
    fail(`this is not iCalendar data: it must start with BEGIN:VCALENDAR, not "${excerpt(firstLine.trim())}"`, lineNo);
  }
  return body;
}

/** The years each TZID is used in, so that a custom VTIMEZONE is matched where it matters. */
function tzidYears(calendars: Component[]): Map<string, YearSpan> {
  const years = new Map<string, YearSpan>();
  for (const component of allComponents(calendars)) {
    if (component.name === 'VTIMEZONE' || component.name === 'STANDARD' || component.name === 'DAYLIGHT') continue;
    for (const p of component.props) {
      const tzid = param(p, 'TZID')?.trim();
      if (tzid === undefined) continue;
      for (const m of p.value.matchAll(/(?:^|,)\s*(\d{4})\d{4}/g)) {
        const year = Number(m[1]);
        const span = years.get(tzid);
        years.set(tzid, { min: Math.min(span?.min ?? year, year), max: Math.max(span?.max ?? year, year) });
      }
    }
  }
  return years;
}

function vtimezones(calendars: Component[]): Map<string, Component> {
  const map = new Map<string, Component>();
  for (const c of calendars.flatMap((cal) => cal.children).filter((c) => c.name === 'VTIMEZONE')) {
    const raw = prop(c, 'TZID')?.value;
    const tzid = raw === undefined ? undefined : unescapeText(raw).trim();
    if (tzid === undefined || tzid === '') fail('a VTIMEZONE needs a TZID', c.line, 'VTIMEZONE');
    if (!map.has(tzid)) map.set(tzid, c);
  }
  return map;
}

const recurrenceKey = (t: EventTime | null) => (t === null ? 'master' : t.kind === 'date' ? t.date : String(Date.parse(t.at)));

/** One event per UID and RECURRENCE-ID (the highest SEQUENCE, then the last); overrides' RECURRENCE-ID of their series' kind. */
function tidy(events: EventData[], warn: (message: string) => void): EventData[] {
  const masters = new Map(events.filter((e) => e.recurrenceId === null).map((e) => [e.uid, e]));
  const byKey = new Map<string, EventData>();
  for (const event of events) {
    const master = masters.get(event.uid);
    const tidied = event.recurrenceId !== null && master ? { ...event, recurrenceId: coerce(event.recurrenceId, master.start) } : event;
    const key = `${tidied.uid}\u0000${recurrenceKey(tidied.recurrenceId)}`;
    const previous = byKey.get(key);
    if (previous) warn(`The event "${event.title}" (UID ${event.uid}) appears more than once; the copy with the highest SEQUENCE was kept.`);
    if (!previous || tidied.sequence >= previous.sequence) byKey.set(key, tidied);
  }
  return [...byKey.values()];
}

/** Only when asked (CalDAV keeps them to send back) and only where there is something unmodelled. */
function withExtra<T extends EventData | TodoData>(data: T, c: Component, keep: boolean | undefined): T {
  if (!keep) return data;
  const extra = unmodelledLines(c);
  return extra.length ? { ...data, extra } : data;
}

export function parseICalendar(text: string, opts: { defaultTimeZone: string; keepExtra?: boolean }): ParsedCalendar {
  if (!isTimeZone(opts.defaultTimeZone)) throw new RangeError(`"${opts.defaultTimeZone}" is not a known time zone`);
  const calendars = buildTree(contentLines(precheck(text)));
  const warnings = new Set<string>();
  const warn = (message: string) => warnings.add(message);
  const ctx: TimeContext = {
    resolver: new ZoneResolver(vtimezones(calendars), tzidYears(calendars), warn),
    defaultTimeZone: opts.defaultTimeZone,
    warn,
  };
  const first = calendars[0]!;
  const nameProp = prop(first, 'X-WR-CALNAME') ?? prop(first, 'NAME');
  const events: EventData[] = [];
  const todos: TodoData[] = [];
  const ignored = new Map<string, number>();
  for (const component of calendars.flatMap((cal) => cal.children)) {
    if (component.name === 'VEVENT') events.push(withExtra(readEvent(component, ctx), component, opts.keepExtra));
    else if (component.name === 'VTODO') todos.push(withExtra(readTodo(component, ctx), component, opts.keepExtra));
    else if (IGNORED.has(component.name)) ignored.set(component.name, (ignored.get(component.name) ?? 0) + 1);
  }
  for (const [name, count] of ignored) warn(`${count} ${name} component${count === 1 ? ' was' : 's were'} ignored.`);
  const uniqueTodos = new Map(todos.map((t) => [t.uid, t]));
  if (uniqueTodos.size < todos.length) warn('Some to-dos appear more than once under the same UID; the last copy was kept.');
  return {
    name: nameProp === null ? null : unescapeText(nameProp.value).trim() || null,
    events: tidy(events, warn),
    todos: [...uniqueTodos.values()],
    warnings: [...warnings],
  };
}
