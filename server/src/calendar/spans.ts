import type { EventData, EventTime } from './ical/index.js';

/** Far enough for "forever"; ISO strings compare correctly against it. */
export const FOREVER = '9999-12-31T23:59:59.999Z';
/** All-day dates mean different instants in different zones: pad by the widest offsets (UTC-12..+14). */
const DATE_PAD_MS = 14 * 3600_000;

function startInstant(t: EventTime): number {
  return t.kind === 'instant' ? Date.parse(t.at) : Date.parse(`${t.date}T00:00:00Z`) - DATE_PAD_MS;
}

function endInstant(t: EventTime): number {
  return t.kind === 'instant' ? Date.parse(t.at) : Date.parse(`${t.date}T00:00:00Z`) + DATE_PAD_MS;
}

function untilOf(rrule: string): number | null {
  const m = /(?:^|;)UNTIL=(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?/.exec(rrule);
  if (!m) return null;
  const [, y, mo, d, h = '23', mi = '59', s = '59'] = m;
  return Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`) + DATE_PAD_MS;
}

/**
 * The interval any occurrence of this event (or override) can touch, stored so that a range
 * query only expands the series that can matter. Unbounded series run to FOREVER.
 */
export function spanOf(e: EventData): { span_start: string; span_end: string } {
  const start = startInstant(e.start);
  let end = endInstant(e.end);
  const duration = Math.max(0, end - start);
  if (e.rrule) {
    const until = /(?:^|;)COUNT=/.test(e.rrule) ? null : untilOf(e.rrule);
    end = until === null ? Number.POSITIVE_INFINITY : Math.max(end, until + duration);
  }
  for (const r of e.rdates) end = Math.max(end, startInstant(r) + duration + DATE_PAD_MS);
  return {
    span_start: new Date(start).toISOString(),
    span_end: Number.isFinite(end) && end < Date.parse(FOREVER) ? new Date(end).toISOString() : FOREVER,
  };
}
