/**
 * A zone's UTC offset changes, found with Intl alone: the offset is sampled every day and
 * each change is narrowed down to the minute by bisection. Memoised per zone and year
 * (an export asks for the same zones and years again and again). Two changes within one
 * day that cancel out would be missed; the tz database has none since 1970.
 */
import { DAY_MS } from '../../platform/time/calendar.js';
import { offsetMinutes } from '../../platform/time/zone.js';

export interface Transition {
  /** Epoch ms of the first instant with the new offset. */
  at: number;
  /** Offsets in minutes before and after. */
  from: number;
  to: number;
}

const MINUTE_MS = 60_000;
const MEMO_SIZE = 20_000;
const memo = new Map<string, Transition[]>();

const offsetAt = (ms: number, zone: string) => offsetMinutes(new Date(ms), zone);

/** The first minute in (lo, hi] whose offset differs from `before`. */
function bisect(lo: number, hi: number, zone: string, before: number): number {
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetAt(mid, zone) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The transitions of `zone` in one UTC year, in order. */
export function yearTransitions(zone: string, year: number, stepMs = DAY_MS): Transition[] {
  const key = `${zone}|${year}|${stepMs}`;
  const known = memo.get(key);
  if (known) return known;
  const start = Date.UTC(year, 0, 1);
  const last = Date.UTC(year + 1, 0, 1) - MINUTE_MS;
  const found: Transition[] = [];
  let t = start - MINUTE_MS;
  let offset = offsetAt(t, zone);
  while (t < last) {
    const next = Math.min(t + stepMs, last);
    if (offsetAt(next, zone) === offset) {
      t = next;
      continue;
    }
    const at = bisect(t, next, zone, offset);
    const to = offsetAt(at, zone);
    found.push({ at, from: offset, to });
    // Go on from the change itself: a second one on the same day is found too.
    offset = to;
    t = at;
  }
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(key, found);
  return found;
}

/** The transitions of `zone` in [fromYear, toYear] (UTC years), in order. */
export function transitions(zone: string, fromYear: number, toYear: number, stepMs = DAY_MS): Transition[] {
  const out: Transition[] = [];
  for (let year = fromYear; year <= toYear; year++) out.push(...yearTransitions(zone, year, stepMs));
  return out;
}
