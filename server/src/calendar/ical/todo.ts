/** A VTODO to TodoData (RFC 5545 3.6.2). */
import { prop, props, type Component } from './components.js';
import { param } from './lines.js';
import { fail } from './errors.js';
import { instantOf } from './event-time.js';
import { coerce, text } from './event.js';
import { formatRule, parseRule, RuleProblem } from './rule.js';
import { normalizeUntil, shapeOf } from './series.js';
import { readTime, type TimeContext } from './times.js';
import type { EventTime, TodoData } from './types.js';
import { splitList, unescapeText } from './values.js';

const STATUS = { 'NEEDS-ACTION': 'needs-action', 'IN-PROCESS': 'in-process', COMPLETED: 'completed', CANCELLED: 'cancelled' } as const;

function readRule(c: Component, anchor: EventTime | null, ctx: TimeContext): string | null {
  const rrule = prop(c, 'RRULE');
  if (rrule === null) return null;
  try {
    const rule = parseRule(rrule.value);
    if (anchor === null) {
      ctx.warn(`The repetition of to-do "${text(c, 'SUMMARY')}" (line ${c.line}) was dropped: it has neither DTSTART nor DUE to repeat from.`);
      return null;
    }
    return formatRule(normalizeUntil(rule, shapeOf(anchor, anchor), ctx.defaultTimeZone));
  } catch (error) {
    if (error instanceof RuleProblem) return fail(`invalid RRULE: ${error.message}`, rrule.line, c.name);
    throw error;
  }
}

function readPriority(c: Component, ctx: TimeContext): number | null {
  const p = prop(c, 'PRIORITY');
  if (p === null) return null;
  const value = Number(p.value.trim());
  if (!Number.isInteger(value) || value < 0 || value > 9) {
    ctx.warn(`PRIORITY "${p.value}" (line ${p.line}) is not 0 to 9 and was ignored.`);
    return null;
  }
  return value === 0 ? null : value;
}

function readParent(c: Component): string | null {
  const link = props(c, 'RELATED-TO').find((p) => (param(p, 'RELTYPE') ?? 'PARENT').toUpperCase() === 'PARENT');
  const uid = link === undefined ? '' : unescapeText(link.value).trim();
  return uid === '' ? null : uid;
}

const optionalParent = (uid: string | null) => (uid === null ? {} : { parentUid: uid });

export function readTodo(c: Component, ctx: TimeContext): TodoData {
  const uid = prop(c, 'UID')?.value.trim() ?? '';
  if (uid === '') fail('UID is missing: every VTODO needs one (RFC 5545)', c.line, c.name);
  const time = (name: string) => {
    const p = prop(c, name);
    return p === null ? null : readTime(p, c.name, ctx);
  };
  const start = time('DTSTART');
  const dueRaw = time('DUE');
  const due = dueRaw !== null && start !== null ? coerce(dueRaw, start) : dueRaw;
  const completed = time('COMPLETED');
  const statusText = prop(c, 'STATUS')?.value.trim().toUpperCase() ?? '';
  return {
    uid,
    title: text(c, 'SUMMARY'),
    description: text(c, 'DESCRIPTION'),
    due,
    start,
    completedAt: completed === null ? null : new Date(completed.kind === 'instant' ? instantOf(completed) : Date.parse(`${completed.date}T00:00:00Z`)).toISOString(),
    status: Object.hasOwn(STATUS, statusText) ? STATUS[statusText as keyof typeof STATUS] : completed !== null ? 'completed' : 'needs-action',
    priority: readPriority(c, ctx),
    rrule: readRule(c, start ?? due, ctx),
    categories: [
      ...new Set(
        props(c, 'CATEGORIES')
          .flatMap((p) => splitList(p.value))
          .map((v) => unescapeText(v).trim())
          .filter((v) => v !== ''),
      ),
    ],
    ...optionalParent(readParent(c)),
  };
}
