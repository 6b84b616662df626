/**
 * A series' occurrences in a range: DTSTART, the RRULE's occurrences and the RDATEs, less
 * the EXDATEs, each replaced by its override (matched by RECURRENCE-ID) if there is one.
 *
 * Timed occurrences recur at the same wall-clock time in the series' zone (a time skipped
 * by a DST jump moves forward, a repeated one is the earlier) and keep the series' exact
 * length. All-day occurrences are dates; one overlaps the range when its dates meet the
 * range's dates on the viewer's wall clock. Overrides are placed by their own times, so one
 * can move an occurrence into or out of the range; a cancelled override removes its
 * occurrence; an override whose original start the series does not produce (an "orphan",
 * left over after the series changed) still shows, as other clients show it, unless an
 * EXDATE removes that start. The series' own STATUS is the caller's business.
 */
import { DAY_MS } from '../../platform/time/calendar.js';
import { isTimeZone } from '../../platform/time/zone.js';
import { checkTime, dateTime, floatingDate, instantOf, instantTime, parseInstant } from './event-time.js';
import { IcsError } from './errors.js';
import { walkRule } from './recur.js';
import { parseRule, RuleProblem, type Rule } from './rule.js';
import { keyOf, keyOfFloating, shapeOf, untilFloating, untilKey, type Shape } from './series.js';
import type { EventData, EventTime, ExpandRange, Occurrence } from './types.js';
import { dateOfFloating, floatingDay, floatingOfInstant, instantOfFloating } from './wall.js';

const DEFAULT_LIMIT = 10_000;
/** Zone offsets lie within a day of UTC, so floating and instant times differ by less than this. */
const MARGIN_MS = 2 * DAY_MS;

interface Bounds {
  start: number;
  end: number;
  /** The range's first and last dates on the viewer's wall clock, as floating midnights. */
  firstDay: number;
  lastDay: number;
  viewer: string;
}

function overlaps(start: EventTime, end: EventTime, b: Bounds): boolean {
  if (start.kind === 'date') {
    const endDay = end.kind === 'date' ? floatingDate(end) : floatingDate(start) + DAY_MS;
    return floatingDate(start) <= b.lastDay && Math.max(endDay, floatingDate(start) + DAY_MS) > b.firstDay;
  }
  const s = instantOf(start);
  const e = end.kind === 'instant' ? instantOf(end) : s;
  return e > s ? s < b.end && e > b.start : s >= b.start && s < b.end;
}

/** Start and end of the occurrence whose original start has key `key`. */
function timesAt(key: number, shape: Shape): { start: EventTime; end: EventTime } {
  if (shape.kind === 'date') return { start: dateTime(dateOfFloating(key)), end: dateTime(dateOfFloating(key + shape.length)) };
  return { start: instantTime(key, shape.zone), end: instantTime(key + shape.length, shape.endZone) };
}

function ruleOf(series: EventData): Rule | null {
  if (series.rrule === null) return null;
  try {
    return parseRule(series.rrule);
  } catch (error) {
    if (error instanceof RuleProblem) throw new IcsError(`invalid RRULE "${series.rrule}": ${error.message}`, null, 'VEVENT');
    throw error;
  }
}

function bounds(range: ExpandRange): Bounds {
  const start = parseInstant(range.start, 'range start');
  const end = parseInstant(range.end, 'range end');
  if (!isTimeZone(range.viewerTimeZone)) throw new RangeError(`"${range.viewerTimeZone}" is not a known time zone`);
  const day = (ms: number) => floatingDay(dateOfFloating(floatingOfInstant(ms, range.viewerTimeZone)));
  return { start, end, firstDay: day(start), lastDay: day(end - 1), viewer: range.viewerTimeZone };
}

/** The overrides by the key of their RECURRENCE-ID; of two for one occurrence, the higher SEQUENCE (then the later) wins. */
function overridesByKey(overrides: EventData[], shape: Shape): Map<number, EventData> {
  const map = new Map<number, EventData>();
  for (const override of overrides) {
    if (override.recurrenceId === null) continue;
    checkTime(override.recurrenceId, 'override RECURRENCE-ID');
    const key = keyOf(override.recurrenceId, shape);
    const previous = map.get(key);
    if (!previous || override.sequence >= previous.sequence) map.set(key, override);
  }
  return map;
}

interface Candidate {
  occurrence: Occurrence;
  /** Where it sorts: its start instant, or the viewer's midnight at the start of its date. */
  at: number;
}

const candidate = (occurrence: Occurrence, viewer: string): Candidate => ({
  occurrence,
  at: occurrence.start.kind === 'instant' ? instantOf(occurrence.start) : instantOfFloating(floatingDate(occurrence.start), viewer),
});

/** Whether the occurrence with original start `key` overlaps the range (numbers only: this runs for every occurrence). */
function keyOverlaps(key: number, shape: Shape, b: Bounds): boolean {
  if (shape.kind === 'date') return key <= b.lastDay && key + shape.length > b.firstDay;
  return shape.length > 0 ? key < b.end && key + shape.length > b.start : key >= b.start && key < b.end;
}

/** The occurrences of DTSTART, the RDATEs and the RRULE (each at most once, less EXDATEs and overridden ones) in range. */
function generated(series: EventData, rule: Rule | null, shape: Shape, b: Bounds, skip: (key: number) => boolean, limit: number): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<number>();
  const consider = (key: number): boolean => {
    if (seen.has(key)) return false;
    seen.add(key);
    if (skip(key) || !keyOverlaps(key, shape, b)) return false;
    const { start, end } = timesAt(key, shape);
    out.push({ occurrence: { uid: series.uid, start, end, recurrenceId: start, override: null }, at: shape.kind === 'date' ? instantOfFloating(key, b.viewer) : key });
    return true;
  };
  consider(keyOfFloating(shape.startF, shape));
  for (const rdate of series.rdates) consider(keyOf(rdate, shape));
  if (rule === null) return out;
  const until = rule.until === null ? null : untilKey(rule.until, shape, 'UTC');
  const window = shape.kind === 'date' ? { from: b.firstDay - shape.length, to: b.lastDay } : { from: b.start - shape.length - MARGIN_MS, to: b.end + MARGIN_MS };
  let added = 0;
  walkRule({
    rule,
    start: shape.startF,
    ...window,
    until: untilFloating(until, shape),
    visit: (floating) => {
      const key = keyOfFloating(floating, shape);
      if (until !== null && key > until) return false;
      if (consider(key)) added++;
      return added < limit;
    },
  });
  return out;
}

export function expandOccurrences(series: EventData, overrides: EventData[], range: ExpandRange): Occurrence[] {
  const limit = range.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError('limit must be a whole number, 0 or more');
  const b = bounds(range);
  if (b.end <= b.start || limit === 0) return [];
  checkTime(series.start, 'series start');
  checkTime(series.end, 'series end');
  for (const t of [...series.rdates, ...series.exdates]) checkTime(t, 'RDATE/EXDATE');
  const shape = shapeOf(series.start, series.end);
  const rule = ruleOf(series);
  const recurring = rule !== null || series.rdates.length > 0;
  const exdates = new Set(series.exdates.map((t) => keyOf(t, shape)));
  const replaced = overridesByKey(overrides, shape);
  let found: Candidate[];
  if (recurring) {
    found = generated(series, rule, shape, b, (key) => exdates.has(key) || replaced.has(key), limit);
  } else {
    const key = keyOf(series.start, shape);
    const single = !replaced.has(key) && !exdates.has(key) && overlaps(series.start, series.end, b);
    found = single ? [candidate({ uid: series.uid, start: series.start, end: series.end, recurrenceId: null, override: null }, b.viewer)] : [];
  }
  for (const [key, override] of replaced) {
    if (override.status === 'cancelled' || exdates.has(key)) continue;
    checkTime(override.start, 'override start');
    checkTime(override.end, 'override end');
    if (overlaps(override.start, override.end, b)) {
      const recurrenceId = recurring ? override.recurrenceId : null;
      found.push(candidate({ uid: series.uid, start: override.start, end: override.end, recurrenceId, override }, b.viewer));
    }
  }
  found.sort((x, y) => x.at - y.at || (x.occurrence.start.kind === 'date' ? 0 : 1) - (y.occurrence.start.kind === 'date' ? 0 : 1));
  return found.slice(0, limit).map((c) => c.occurrence);
}
