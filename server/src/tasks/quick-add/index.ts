/**
 * Todoist-style quick add: one line of text becomes the fields of a task, plus the spans the
 * UI highlights. Grammars run in a fixed order, each hiding what it took from the next:
 * tokens and "quoted text" → recurrence → dates and times. Single-valued fields take the
 * first phrase; later ones stay in the title, so nothing typed is silently thrown away.
 */
import { addDays, formatDate, type PlainDate, type TimeOfDay } from '../../platform/time/calendar.js';
import { dateAt, instantFromWallClock } from '../../platform/time/zone.js';
import { findDates, type DateCandidate } from './dates.js';
import { findCount, findRecurrence } from './recurrence.js';
import { firstOccurrence, formatRule, type Rule } from './rule.js';
import { cutOut, hide } from './text.js';
import { scanTokens } from './tokens.js';
import type { QuickAddOptions, QuickAddPart, QuickAddResult, Span } from './types.js';

export type { QuickAddOptions, QuickAddPart, QuickAddPartKind, QuickAddResult } from './types.js';

const UNTIL_BEFORE = /(?<![\p{L}\p{N}])(?:until|till)\s+$/iu;
const START_BEFORE = /(?<![\p{L}\p{N}])(?:starting|beginning|from)(?:\s+(?:on|from))?\s+$/iu;

interface Due {
  dueDate: string | null;
  dueAt: string | null;
}

/** The day and time said, turned into the task's due; a rule moves it to its first occurrence. */
function resolveDue(chosen: DateCandidate[], rule: Rule | null, opts: QuickAddOptions): Due {
  const instant = chosen.find((c) => c.instant)?.instant;
  if (instant) return { dueDate: null, dueAt: instant.toISOString() };
  const date = chosen.find((c) => c.date)?.date ?? null;
  const time = chosen.find((c) => c.time)?.time ?? null;
  const onRule = (d: PlainDate) => (rule ? firstOccurrence(rule, d) : d);
  if (!time) return { dueDate: date ? formatDate(onRule(date)) : null, dueAt: null };
  const at = (d: PlainDate, t: TimeOfDay) => new Date(instantFromWallClock({ ...d, ...t }, opts.timeZone));
  let day = date;
  if (!day) {
    // A time alone is the next time the clock shows it: today, or tomorrow if it has passed.
    const today = dateAt(opts.now, opts.timeZone);
    day = at(today, time) > opts.now ? today : addDays(today, 1);
  }
  return { dueDate: null, dueAt: at(onRule(day), time).toISOString() };
}

/** The first phrase, plus a lone time or lone day said elsewhere ("Friday: call Bob at 3pm"). */
function chooseDue(candidates: DateCandidate[]): DateCandidate[] {
  const first = candidates[0];
  if (!first || first.instant || (first.date && first.time)) return first ? [first] : [];
  const dayOnly = (c: DateCandidate) => c.date !== null && c.time === null && c.instant === null;
  const timeOnly = (c: DateCandidate) => c.date === null && c.time !== null && c.instant === null;
  const partner = candidates.find((c) => c !== first && (dayOnly(first) ? timeOnly(c) : dayOnly(c)));
  return partner ? [first, partner] : [first];
}

export function parseQuickAdd(text: string, opts: QuickAddOptions): QuickAddResult {
  const tokens = scanTokens(text);
  const parts: QuickAddPart[] = [...tokens.parts];
  const addPart = (kind: QuickAddPart['kind'], span: Span) => parts.push({ kind, text: text.slice(span.start, span.end), start: span.start, end: span.end });
  let visible = hide(text, tokens.hidden);

  const recurrence = findRecurrence(visible);
  let rule = recurrence?.rule ?? null;
  if (recurrence) {
    addPart('recurrence', recurrence.span);
    visible = hide(visible, [recurrence.span]);
    const count = findCount(visible);
    if (count) {
      rule = { ...recurrence.rule, count: count.count };
      addPart('recurrence', count.span);
      visible = hide(visible, [count.span]);
    }
  }

  let candidates = findDates(visible, opts.now, opts.timeZone);
  if (rule) {
    const until = rule.count === null ? candidates.find((c) => c.date && UNTIL_BEFORE.test(visible.slice(0, c.span.start))) : undefined;
    if (until?.date) {
      rule = { ...rule, until: until.date };
      addPart('recurrence', { start: UNTIL_BEFORE.exec(visible.slice(0, until.span.start))!.index, end: until.span.end });
      candidates = candidates.filter((c) => c !== until);
    }
    // "every monday starting next month": the connector belongs to the start date.
    candidates = candidates.map((c) => {
      const m = START_BEFORE.exec(visible.slice(0, c.span.start));
      return m ? { ...c, span: { start: m.index, end: c.span.end } } : c;
    });
  }
  const chosen = chooseDue(candidates);
  for (const c of chosen) addPart('date', c.span);

  parts.sort((a, b) => a.start - b.start);
  return {
    title: cutOut(text, [...parts, ...tokens.dropped]),
    projectName: tokens.projectName,
    labels: tokens.labels,
    priority: tokens.priority,
    ...resolveDue(chosen, rule, opts),
    recurrence: rule ? formatRule(rule) : null,
    recurrenceFrom: recurrence ? recurrence.from : null,
    parts,
  };
}
