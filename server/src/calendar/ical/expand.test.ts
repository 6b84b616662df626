/** expandOccurrences: EXDATE, RDATE, overrides, COUNT, UNTIL, unusual rules, limits, volume. */
import { describe, expect, it } from 'vitest';
import { expandOccurrences, type EventData } from './index.js';
import { date, event, local, startOf } from './test-support.js';

const NY = 'America/New_York';
const range = (start: string, end: string, extra: { limit?: number; viewerTimeZone?: string } = {}) => ({
  start: `${start}T00:00:00Z`,
  end: `${end}T00:00:00Z`,
  viewerTimeZone: 'UTC',
  ...extra,
});
const weekly = (fields: Partial<EventData> = {}) =>
  event({ start: local('2026-01-05T09:00', NY), end: local('2026-01-05T10:00', NY), rrule: 'FREQ=WEEKLY;BYDAY=MO', ...fields });
const days = (occurrences: { start: { kind: string } }[]) => occurrences.map((o) => startOf(o as never).slice(0, 10));

describe('the recurrence set', () => {
  it('starts with DTSTART and gives each occurrence the series length and its original start as recurrenceId', () => {
    const [first, second] = expandOccurrences(weekly(), [], range('2026-01-01', '2026-01-13'));
    expect(first).toEqual({ uid: 'uid-1', start: local('2026-01-05T09:00', NY), end: local('2026-01-05T10:00', NY), recurrenceId: local('2026-01-05T09:00', NY), override: null });
    expect(second?.recurrenceId).toEqual(local('2026-01-12T09:00', NY));
  });

  it('gives a single event its own times and no recurrenceId', () => {
    const single = event({ start: local('2026-01-05T09:00', NY), end: local('2026-01-05T10:00', NY) });
    expect(expandOccurrences(single, [], range('2026-01-01', '2026-02-01'))).toEqual([{ uid: 'uid-1', start: single.start, end: single.end, recurrenceId: null, override: null }]);
    expect(expandOccurrences(single, [], range('2026-01-06', '2026-02-01'))).toEqual([]);
  });

  it('removes EXDATEs and adds RDATEs', () => {
    const series = weekly({ exdates: [local('2026-01-12T09:00', NY)], rdates: [local('2026-01-14T16:00', NY)] });
    const occurrences = expandOccurrences(series, [], range('2026-01-01', '2026-01-27'));
    expect(occurrences.map(startOf)).toEqual(['2026-01-05T14:00:00.000Z', '2026-01-14T21:00:00.000Z', '2026-01-19T14:00:00.000Z', '2026-01-26T14:00:00.000Z']);
    expect(occurrences[1]?.end).toEqual(local('2026-01-14T17:00', NY));
  });

  it('includes an occurrence that started before the range and is still going on, and not one that ended at its start', () => {
    const long = weekly({ end: local('2026-01-05T12:00', NY) });
    expect(expandOccurrences(long, [], { start: '2026-01-12T15:00:00Z', end: '2026-01-12T16:00:00Z', viewerTimeZone: 'UTC' }).map(startOf)).toEqual(['2026-01-12T14:00:00.000Z']);
    expect(expandOccurrences(long, [], { start: '2026-01-12T17:00:00Z', end: '2026-01-12T18:00:00Z', viewerTimeZone: 'UTC' })).toEqual([]);
  });
});

describe('overrides', () => {
  const series = weekly({ rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=10' });
  const override = (original: string, start: string, fields: Partial<EventData> = {}) =>
    event({ ...fields, recurrenceId: local(original, NY), start: local(start, NY), end: local(start.replace(/T(\d\d)/, (_, h: string) => `T${String(Number(h) + 1).padStart(2, '0')}`), NY), title: 'Moved' });

  it('replaces the occurrence it names, at its own time', () => {
    const moved = override('2026-01-12T09:00', '2026-01-13T15:00');
    const occurrences = expandOccurrences(series, [moved], range('2026-01-01', '2026-01-20'));
    expect(occurrences.map(startOf)).toEqual(['2026-01-05T14:00:00.000Z', '2026-01-13T20:00:00.000Z', '2026-01-19T14:00:00.000Z']);
    expect(occurrences[1]).toEqual({ uid: 'uid-1', start: moved.start, end: moved.end, recurrenceId: moved.recurrenceId, override: moved });
  });

  it('moves an occurrence out of the range, and another one into it', () => {
    const out = override('2026-01-12T09:00', '2026-02-20T09:00');
    const into = override('2026-02-02T09:00', '2026-01-14T09:00');
    const january = expandOccurrences(series, [out, into], range('2026-01-01', '2026-01-31'));
    expect(days(january)).toEqual(['2026-01-05', '2026-01-14', '2026-01-19', '2026-01-26']);
    const february = expandOccurrences(series, [out, into], range('2026-02-01', '2026-03-01'));
    expect(days(february)).toEqual(['2026-02-09', '2026-02-16', '2026-02-20', '2026-02-23']);
  });

  it('removes the occurrence when the override is cancelled', () => {
    const cancelled = override('2026-01-12T09:00', '2026-01-12T09:00', { status: 'cancelled' });
    expect(days(expandOccurrences(series, [cancelled], range('2026-01-01', '2026-01-20')))).toEqual(['2026-01-05', '2026-01-19']);
  });

  it('matches an all-day series by date', () => {
    const allDay = event({ start: date('2026-01-05'), end: date('2026-01-06'), rrule: 'FREQ=DAILY;COUNT=3' });
    const moved = event({ recurrenceId: date('2026-01-06'), start: date('2026-01-10'), end: date('2026-01-12') });
    const occurrences = expandOccurrences(allDay, [moved], range('2026-01-01', '2026-02-01'));
    expect(occurrences.map((o) => [startOf(o), o.end.kind === 'date' ? o.end.date : ''])).toEqual([
      ['2026-01-05', '2026-01-06'],
      ['2026-01-07', '2026-01-08'],
      ['2026-01-10', '2026-01-12'],
    ]);
  });
});

describe('rules', () => {
  it('honours COUNT, counting DTSTART even when the rule does not produce it', () => {
    expect(expandOccurrences(weekly({ rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=3' }), [], range('2026-01-01', '2027-01-01'))).toHaveLength(3);
    // DTSTART on a Monday, rule on Wednesdays: Monday, then two Wednesdays.
    const offRule = weekly({ rrule: 'FREQ=WEEKLY;BYDAY=WE;COUNT=3' });
    expect(days(expandOccurrences(offRule, [], range('2026-01-01', '2027-01-01')))).toEqual(['2026-01-05', '2026-01-07', '2026-01-14']);
  });

  it('honours UNTIL, inclusive, in UTC, as a date, and as floating local time', () => {
    const until = (u: string) => days(expandOccurrences(weekly({ rrule: `FREQ=WEEKLY;BYDAY=MO;UNTIL=${u}` }), [], range('2026-01-01', '2027-01-01')));
    expect(until('20260119T140000Z')).toEqual(['2026-01-05', '2026-01-12', '2026-01-19']);
    expect(until('20260119T135959Z')).toEqual(['2026-01-05', '2026-01-12']);
    expect(until('20260119')).toEqual(['2026-01-05', '2026-01-12', '2026-01-19']);
    expect(until('20260119T090000')).toEqual(['2026-01-05', '2026-01-12', '2026-01-19']);
  });

  it('expands the last Friday of every month (BYDAY=-1FR)', () => {
    const lastFriday = event({ start: local('2026-01-30T17:00', NY), end: local('2026-01-30T18:00', NY), rrule: 'FREQ=MONTHLY;BYDAY=-1FR' });
    expect(days(expandOccurrences(lastFriday, [], range('2026-01-01', '2026-07-01')))).toEqual(['2026-01-30', '2026-02-27', '2026-03-27', '2026-04-24', '2026-05-29', '2026-06-26']);
  });

  it('expands a yearly 29 February only in leap years', () => {
    const leap = event({ start: date('2024-02-29'), end: date('2024-03-01'), rrule: 'FREQ=YEARLY' });
    expect(days(expandOccurrences(leap, [], range('2024-01-01', '2037-01-01')))).toEqual(['2024-02-29', '2028-02-29', '2032-02-29', '2036-02-29']);
  });

  it('finds occurrences of a series that began decades ago, and a monthly 31st only in long months', () => {
    const old = event({ start: local('1990-01-31T09:00', NY), end: local('1990-01-31T10:00', NY), rrule: 'FREQ=MONTHLY' });
    expect(days(expandOccurrences(old, [], range('2026-01-01', '2026-06-01')))).toEqual(['2026-01-31', '2026-03-31', '2026-05-31']);
    const everyThirdWeek = event({ start: local('2000-01-03T09:00', NY), end: local('2000-01-03T10:00', NY), rrule: 'FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,FR' });
    const found = days(expandOccurrences(everyThirdWeek, [], range('2026-01-01', '2026-02-15')));
    // 2000-01-03 + 1356 weeks (a multiple of 3) is Monday 2025-12-29: the series' weeks start then, on 19 January and on 9 February.
    expect(found).toEqual(['2026-01-02', '2026-01-19', '2026-01-23', '2026-02-09', '2026-02-13']);
  });

  it('ends quickly for a rule that never matches again', () => {
    const never = event({ start: local('2026-01-05T09:00', NY), end: local('2026-01-05T10:00', NY), rrule: 'FREQ=DAILY;INTERVAL=2;BYMONTH=2;BYMONTHDAY=30' });
    expect(days(expandOccurrences(never, [], range('2026-01-01', '2027-01-01')))).toEqual(['2026-01-05']);
  });
});

describe('limits and volume', () => {
  it('returns at most `limit` occurrences, the earliest', () => {
    const daily = event({ start: local('2026-01-01T09:00', NY), end: local('2026-01-01T09:30', NY), rrule: 'FREQ=DAILY' });
    const five = expandOccurrences(daily, [], range('2026-01-01', '2027-01-01', { limit: 5 }));
    expect(days(five)).toEqual(['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05']);
    expect(expandOccurrences(daily, [], range('2026-01-01', '2060-01-01'))).toHaveLength(10_000);
    const minutely = event({ start: local('2026-01-01T00:00', NY), end: local('2026-01-01T00:00', NY), rrule: 'FREQ=MINUTELY' });
    expect(expandOccurrences(minutely, [], range('2026-01-01', '2027-01-01'))).toHaveLength(10_000);
  });

  it('expands 10,000 weekly series over a year', { timeout: 120_000 }, () => {
    const zones = ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Sydney', 'UTC'];
    const times = new Map<string, Pick<EventData, 'start' | 'end'>>();
    let total = 0;
    for (let i = 0; i < 10_000; i++) {
      const zone = zones[i % zones.length]!;
      const day = String(1 + (i % 28)).padStart(2, '0');
      const hour = String(7 + (i % 11)).padStart(2, '0');
      const key = `${zone} ${day} ${hour}`;
      const span = times.get(key) ?? { start: local(`2025-06-${day}T${hour}:00`, zone), end: local(`2025-06-${day}T${hour}:45`, zone) };
      times.set(key, span);
      const series = event({ uid: `s${i}`, ...span, rrule: i % 2 === 0 ? 'FREQ=WEEKLY' : 'FREQ=WEEKLY;BYDAY=MO,TH;INTERVAL=2' });
      total += expandOccurrences(series, [], range('2026-01-01', '2027-01-01')).length;
    }
    // About one a week each: 52 or 53 for the weekly ones, 51 to 54 for the fortnightly pairs.
    expect(total).toBeGreaterThanOrEqual(51 * 10_000);
    expect(total).toBeLessThanOrEqual(54 * 10_000);
  });
});

describe('bad arguments', () => {
  it('throws for an unknown viewer zone, a malformed range or limit, and an invalid stored rule', () => {
    expect(() => expandOccurrences(weekly(), [], { ...range('2026-01-01', '2026-02-01'), viewerTimeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => expandOccurrences(weekly(), [], { start: 'yesterday', end: '2026-02-01T00:00:00Z', viewerTimeZone: 'UTC' })).toThrow(RangeError);
    expect(() => expandOccurrences(weekly(), [], range('2026-01-01', '2026-02-01', { limit: -1 }))).toThrow(RangeError);
    expect(() => expandOccurrences(weekly({ rrule: 'FREQ=FORTNIGHTLY' }), [], range('2026-01-01', '2026-02-01'))).toThrow(/invalid RRULE/);
    expect(expandOccurrences(weekly(), [], range('2026-02-01', '2026-01-01'))).toEqual([]);
  });
});
