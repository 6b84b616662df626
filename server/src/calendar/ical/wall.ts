/**
 * Floating time (a wall clock written as if it were UTC, see platform/time/calendar.ts) to
 * instants and back, in an IANA zone. A thin layer over platform/time/zone.ts: 'UTC' needs
 * no conversion, and instantFromWallClock (several Intl calls) is memoised, because the
 * same wall times come back again and again when many series are expanded.
 */
import { DAY_MS, floatingFromWallClock, MIDNIGHT, wallClockFromFloating, type PlainDate } from '../../platform/time/calendar.js';
import { instantFromWallClock, wallClockAt } from '../../platform/time/zone.js';

const MEMO_SIZE = 200_000;
const memo = new Map<string, number>();

/** The instant at which a wall clock in `timeZone` shows the floating time `floating` (gap: forward; overlap: earlier). */
export function instantOfFloating(floating: number, timeZone: string): number {
  if (timeZone === 'UTC') return floating;
  const key = `${timeZone}|${floating}`;
  let instant = memo.get(key);
  if (instant === undefined) {
    instant = instantFromWallClock(wallClockFromFloating(floating), timeZone);
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(key, instant);
  }
  return instant;
}

const dayOffsets = new Map<string, number | null>();

/**
 * What a wall clock in `timeZone` shows at an instant, as floating time. The zone's offset
 * is remembered per UTC day when it is the same at both ends of the day (as it is on all
 * but the few days a year with a transition, which are computed each time).
 */
export function floatingOfInstant(instant: number, timeZone: string): number {
  if (timeZone === 'UTC') return instant;
  const day = Math.floor(instant / DAY_MS);
  const key = `${timeZone}|${day}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    const at = (ms: number) => floatingFromWallClock(wallClockAt(ms, timeZone)) - ms;
    const first = at(day * DAY_MS);
    offset = first === at((day + 1) * DAY_MS) ? first : null;
    if (dayOffsets.size >= MEMO_SIZE) dayOffsets.clear();
    dayOffsets.set(key, offset);
  }
  return offset === null ? floatingFromWallClock(wallClockAt(instant, timeZone)) : instant + offset;
}

/** Midnight at the start of a date, as floating time. */
export const floatingDay = (date: PlainDate): number => floatingFromWallClock({ ...date, ...MIDNIGHT });

/** The date of a floating time. */
export function dateOfFloating(floating: number): PlainDate {
  const { year, month, day } = wallClockFromFloating(floating);
  return { year, month, day };
}

/** Milliseconds since midnight of a floating time. */
export const timeOfDay = (floating: number): number => ((floating % DAY_MS) + DAY_MS) % DAY_MS;
