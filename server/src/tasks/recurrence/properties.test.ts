/**
 * Properties of nextDue and upcomingOccurrences over random rules, dues and zones.
 * The oracle is plain rrule, expanded from the same DTSTART with none of our machinery
 * (own parser, 400-year shift, daily-as-weekly rewrite, COUNT and UNTIL bookkeeping).
 */
import fc from 'fast-check';
import { RRule } from 'rrule';
import { describe, expect, it } from 'vitest';
import { floatingFromWallClock, wallClockFromFloating, type WallClock } from '../../platform/time/calendar.js';
import { instantFromWallClock, wallClockAt } from '../../platform/time/zone.js';
import { nextDue, upcomingOccurrences, validateRecurrence, type Due, type RecurrenceFrom } from './index.js';

const RUNS = 400;
const TIMEOUT = 120_000;
const DAY = 86_400_000;
const ZONES = [
  'UTC',
  'America/New_York',
  'America/Los_Angeles',
  'America/Sao_Paulo', // DST at midnight until 2019
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Australia/Lord_Howe', // half-hour DST
  'Pacific/Auckland',
  'Pacific/Chatham', // +12:45 / +13:45
];
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

// ---- generators ----------------------------------------------------------------

const list = (values: (string | number)[], maxLength = values.length) => fc.subarray(values, { minLength: 1, maxLength }).map((v) => v.join(','));
const monthDays = [...Array.from({ length: 31 }, (_, i) => i + 1), -1, -2, -3];
// Numbered weekdays up to the 4th (every month has four of each) and the last.
const nthDays = WEEKDAYS.flatMap((d) => [`1${d}`, `2${d}`, `3${d}`, `4${d}`, `-1${d}`]);
const months = Array.from({ length: 12 }, (_, i) => i + 1);

const parts: Record<string, fc.Arbitrary<string[]>> = {
  DAILY: fc.option(list(WEEKDAYS)).map((d) => (d === null ? [] : [`BYDAY=${d}`])),
  WEEKLY: fc.option(list(WEEKDAYS)).map((d) => (d === null ? [] : [`BYDAY=${d}`])),
  MONTHLY: fc.oneof(
    fc.constant<string[]>([]),
    list(monthDays, 4).map((d) => [`BYMONTHDAY=${d}`]),
    list(nthDays, 3).map((d) => [`BYDAY=${d}`]),
    list(WEEKDAYS, 2).map((d) => [`BYDAY=${d}`]),
  ),
  YEARLY: fc.oneof(
    fc.constant<string[]>([]),
    list(months, 4).map((m) => [`BYMONTH=${m}`]),
    fc.tuple(list(months, 3), list(monthDays, 3)).map(([m, d]) => [`BYMONTH=${m}`, `BYMONTHDAY=${d}`]),
    fc.tuple(list(months, 3), list(nthDays, 2)).map(([m, d]) => [`BYMONTH=${m}`, `BYDAY=${d}`]),
  ),
};

/** A rule without COUNT or UNTIL. */
const baseRule = fc
  .constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY')
  .chain((freq) => fc.tuple(fc.constant(freq), fc.integer({ min: 1, max: 5 }), parts[freq]!))
  .map(([freq, interval, extra]) => [`FREQ=${freq}`, `INTERVAL=${interval}`, ...extra].join(';'));

const dateDue = fc.integer({ min: Date.UTC(1990, 0, 1) / DAY, max: Date.UTC(2090, 11, 31) / DAY }).map((d): Due => ({ kind: 'date', date: new Date(d * DAY).toISOString().slice(0, 10) }));
const instantDue = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2091, 0, 1) }).map((t): Due => ({ kind: 'instant', at: new Date(t).toISOString() }));
const due = fc.oneof(dateDue, instantDue);
const zone = fc.constantFrom(...ZONES);
/** Completion relative to the due: up to 3 days early, up to 60 days late. */
const completionShift = fc.integer({ min: -3 * DAY, max: 60 * DAY });

/** The rule's COUNT/UNTIL tail: none, COUNT=1..8, or UNTIL a date 0..3 years after the start. */
const tail = fc.oneof(fc.constant({ kind: 'none' as const }), fc.integer({ min: 1, max: 8 }).map((count) => ({ kind: 'count' as const, count })), fc.integer({ min: 0, max: 1100 }).map((days) => ({ kind: 'until' as const, days })));

// ---- the oracle ----------------------------------------------------------------

const epochOf = (d: Due) => (d.kind === 'date' ? Date.parse(`${d.date}T00:00:00Z`) : Date.parse(d.at));
const keyOf = (d: Due) => (d.kind === 'date' ? d.date : d.at);
const floatingOf = (d: Due, tz: string) => (d.kind === 'date' ? epochOf(d) : floatingFromWallClock(wallClockAt(epochOf(d), tz)));
const dayStart = (floating: number) => Math.floor(floating / DAY) * DAY;
const dueOf = (floating: number, kind: Due['kind'], tz: string): Due =>
  kind === 'date' ? { kind, date: new Date(floating).toISOString().slice(0, 10) } : { kind, at: new Date(instantFromWallClock(wallClockFromFloating(floating), tz)).toISOString() };

/**
 * Floating occurrences of the rule from DTSTART in [after, before], at most `limit` of
 * them, or up to the first one `stop` accepts. COUNT and UNTIL are ignored.
 */
function oracle(rule: string, dtstart: number, after: number, before: number, stop: (o: number, seen: number) => boolean = () => false): number[] {
  const options = RRule.parseString(rule.replace(/;(COUNT|UNTIL)=[^;]*/g, ''));
  const found: number[] = [];
  new RRule({ ...options, dtstart: new Date(dtstart) }).between(new Date(after), new Date(before), true, (d) => {
    found.push(d.getTime());
    return !stop(d.getTime(), found.length);
  });
  return found;
}

type Tail = { kind: 'none' } | { kind: 'count'; count: number } | { kind: 'until'; days: number };

function withTail(rule: string, t: Tail, start: Due): string {
  if (t.kind === 'count') return `${rule};COUNT=${t.count}`;
  if (t.kind === 'until') return `${rule};UNTIL=${new Date(epochOf(start) + t.days * DAY).toISOString().slice(0, 10).replaceAll('-', '')}`;
  return rule;
}

/** Occurrences (floating) must come before this: the end of the UNTIL day for instants, its midnight for dates. */
function untilEnd(rule: string, kind: Due['kind']): number {
  const m = /UNTIL=(\d{4})(\d{2})(\d{2})/.exec(rule);
  if (!m) return Infinity;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + (kind === 'date' ? 1 : DAY);
}

function isValid(rule: string, start: Due, tz: string): boolean {
  try {
    validateRecurrence(rule, start, tz);
    return true;
  } catch {
    return false;
  }
}

/** DTSTART of the series nextDue continues, computed from the spec. */
function seriesStart(from: RecurrenceFrom, current: Due, completedAt: number, tz: string): number {
  const currentFloating = floatingOf(current, tz);
  if (from === 'schedule') return currentFloating;
  const day = dayStart(floatingFromWallClock(wallClockAt(completedAt, tz)));
  return current.kind === 'date' ? day : day + (currentFloating - dayStart(currentFloating));
}

const scenario = fc.record({ rule: baseRule, tail, current: due, zone, shift: completionShift, from: fc.constantFrom<RecurrenceFrom>('schedule', 'completion') });

// ---- properties ----------------------------------------------------------------

describe('nextDue properties', () => {
  it('(1) is an occurrence of the series, strictly after its start', () => {
    fc.assert(
      fc.property(scenario, ({ rule: base, tail: t, current, zone: tz, shift, from }) => {
        const rule = withTail(base, t, current);
        fc.pre(isValid(rule, current, tz));
        const completedAt = epochOf(current) + shift;
        const result = nextDue({ rule, from, current, completedAt: new Date(completedAt).toISOString(), timeZone: tz });
        if (result === null) return;
        const start = seriesStart(from, current, completedAt, tz);
        const next = floatingOf(result.due, tz);
        const expected = oracle(rule, start, start + 1, next + DAY, (o) => o >= next).map((o) => keyOf(dueOf(o, current.kind, tz)));
        expect(expected).toContain(keyOf(result.due));
        expect(next).toBeLessThan(untilEnd(rule, current.kind));
        expect(epochOf(result.due)).toBeGreaterThan(epochOf(dueOf(start, current.kind, tz)));
        // On schedule, or completed on or after the due day, it is after the current due.
        if (from === 'schedule' || dayStart(floatingFromWallClock(wallClockAt(completedAt, tz))) >= dayStart(floatingOf(current, tz))) {
          expect(epochOf(result.due)).toBeGreaterThan(epochOf(current));
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('(2) on schedule, skips only occurrences before the completion day, and charges them to COUNT', () => {
    // Guards against a generator that never reaches the interesting cases.
    const seen = { skipped: 0, ended: 0 };
    fc.assert(
      fc.property(scenario, ({ rule: base, tail: t, current, zone: tz, shift }) => {
        const rule = withTail(base, t, current);
        fc.pre(isValid(rule, current, tz));
        const completedAt = epochOf(current) + shift;
        const result = nextDue({ rule, from: 'schedule', current, completedAt: new Date(completedAt).toISOString(), timeZone: tz });
        const start = floatingOf(current, tz);
        const completionDay = dayStart(floatingFromWallClock(wallClockAt(completedAt, tz)));
        if (result === null) {
          // Then COUNT ran out among the skipped occurrences, or the first one kept is past UNTIL.
          const window = oracle(rule, start, start + 1, Math.max(start, completionDay) + 100 * 366 * DAY, (o) => o >= completionDay);
          const skipped = window.filter((o) => o < completionDay).length;
          const kept = window.find((o) => o >= completionDay);
          const countRanOut = t.kind === 'count' && skipped >= t.count - 1;
          expect(countRanOut || kept === undefined || kept >= untilEnd(rule, current.kind)).toBe(true);
          seen.ended += 1;
          return;
        }
        const end = floatingOf(result.due, tz);
        const occurrences = oracle(rule, start, start + 1, end + DAY, (o) => o >= end);
        const index = occurrences.findIndex((o) => keyOf(dueOf(o, current.kind, tz)) === keyOf(result.due));
        expect(index).toBeGreaterThanOrEqual(0);
        const next = occurrences[index]!;
        expect(next).toBeGreaterThanOrEqual(completionDay);
        const between = occurrences.slice(0, index);
        for (const o of between) expect(o).toBeLessThan(completionDay);
        expect(next).toBeLessThan(untilEnd(rule, current.kind));
        if (t.kind === 'count') expect(result.rule).toContain(`COUNT=${t.count - 1 - between.length}`);
        if (between.length > 0) seen.skipped += 1;
      }),
      { numRuns: RUNS },
    );
    expect(seen.skipped).toBeGreaterThan(0);
    expect(seen.ended).toBeGreaterThan(0);
  }, TIMEOUT);

  it('(3) is deterministic', () => {
    fc.assert(
      fc.property(scenario, ({ rule: base, tail: t, current, zone: tz, shift, from }) => {
        const rule = withTail(base, t, current);
        fc.pre(isValid(rule, current, tz));
        const args = { rule, from, current, completedAt: new Date(epochOf(current) + shift).toISOString(), timeZone: tz };
        expect(nextDue(args)).toEqual(nextDue(args));
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('(4) chains into strictly increasing dues, ending after exactly COUNT tasks', () => {
    fc.assert(
      fc.property(baseRule, fc.integer({ min: 1, max: 8 }), due, zone, fc.constantFrom<RecurrenceFrom>('schedule', 'completion'), (base, count, first, tz, from) => {
        const rule = `${base};COUNT=${count}`;
        fc.pre(isValid(rule, first, tz));
        let current = first;
        let currentRule = rule;
        const seen = [keyOf(first)];
        for (let step = 1; step < count; step += 1) {
          // Completed on its due (at noon for an all-day task): nothing is skipped.
          const completedAt = current.kind === 'instant' ? epochOf(current) : instantFromWallClock({ ...wallClockFromFloating(epochOf(current)), hour: 12 }, tz);
          const result = nextDue({ rule: currentRule, from, current, completedAt: new Date(completedAt).toISOString(), timeZone: tz });
          expect(result).not.toBeNull();
          expect(epochOf(result!.due)).toBeGreaterThan(epochOf(current));
          expect(result!.rule).toContain(`COUNT=${count - step}`);
          seen.push(keyOf(result!.due));
          current = result!.due;
          currentRule = result!.rule;
        }
        const completedAt = new Date(epochOf(current)).toISOString();
        expect(nextDue({ rule: currentRule, from, current, completedAt, timeZone: tz })).toBeNull();
        expect(new Set(seen).size).toBe(count);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('(5) keeps an instant due at its wall-clock time, unless that time does not exist that day', () => {
    fc.assert(
      fc.property(baseRule, instantDue, zone, completionShift, fc.constantFrom<RecurrenceFrom>('schedule', 'completion'), (rule, current, tz, shift, from) => {
        fc.pre(isValid(rule, current, tz));
        const result = nextDue({ rule, from, current, completedAt: new Date(epochOf(current) + shift).toISOString(), timeZone: tz });
        if (result === null) return;
        const before = wallClockAt(epochOf(current), tz);
        const after = wallClockAt(epochOf(result.due), tz);
        const time = (w: WallClock) => [w.hour, w.minute, w.second, w.millisecond];
        if (time(after).join() !== time(before).join()) {
          // Then no instant of that day shows the original time (a DST gap): search every
          // offset between -14:00 and +14:00 in quarter hours.
          const wanted = floatingFromWallClock({ ...after, hour: before.hour, minute: before.minute, second: before.second, millisecond: before.millisecond });
          for (let offset = -14 * 60; offset <= 14 * 60; offset += 15) {
            expect(floatingFromWallClock(wallClockAt(wanted - offset * 60_000, tz))).not.toBe(wanted);
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});

describe('upcomingOccurrences properties', () => {
  it('(6) agrees with plain rrule, COUNT included, and an all-day series is the same in every zone', () => {
    fc.assert(
      fc.property(baseRule, fc.option(fc.integer({ min: 1, max: 8 })), dateDue, zone, (base, count, start, tz) => {
        const rule = count === null ? base : `${base};COUNT=${count}`;
        fc.pre(isValid(rule, start, 'UTC'));
        const ours = upcomingOccurrences(rule, start, 'UTC', 12).map(keyOf);
        const dtstart = epochOf(start);
        const theirs = oracle(rule, dtstart, dtstart, dtstart + 100 * 366 * DAY, (_, seen) => seen >= Math.min(12, count ?? 12)).map((o) =>
          keyOf(dueOf(o, 'date', 'UTC')),
        );
        expect(ours).toEqual(theirs);
        expect(upcomingOccurrences(rule, start, tz, 12).map(keyOf)).toEqual(ours);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});
