import { describe, expect, it } from 'vitest';
import { firstOccurrence, RecurrenceError, upcomingOccurrences, validateRecurrence, type Due } from './index.js';

const date = (d: string): Due => ({ kind: 'date', date: d });
const instant = (at: string): Due => ({ kind: 'instant', at });
const dates = (rule: string, start: string, count: number, zone = 'UTC') =>
  upcomingOccurrences(rule, date(start), zone, count).map((due) => (due.kind === 'date' ? due.date : due.at));
const instants = (rule: string, start: string, zone: string, count: number) =>
  upcomingOccurrences(rule, instant(start), zone, count).map((due) => (due.kind === 'instant' ? due.at : due.date));

function problemOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof RecurrenceError) return error.problem;
    throw error;
  }
  throw new Error('expected a RecurrenceError');
}

describe('upcomingOccurrences', () => {
  it.each([
    // 2026-03-02 is a Monday.
    ['weekly on Mondays', 'FREQ=WEEKLY;BYDAY=MO', '2026-03-04', ['2026-03-09', '2026-03-16', '2026-03-23']],
    ['weekdays, across a weekend', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', '2026-03-05', ['2026-03-05', '2026-03-06', '2026-03-09', '2026-03-10']],
    ['the last day of the month, non-leap February', 'FREQ=MONTHLY;BYMONTHDAY=-1', '2026-01-15', ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']],
    ['the last day of the month, leap February', 'FREQ=MONTHLY;BYMONTHDAY=-1', '2028-01-31', ['2028-01-31', '2028-02-29', '2028-03-31']],
    ['the 2nd Tuesday', 'FREQ=MONTHLY;BYDAY=2TU', '2026-03-01', ['2026-03-10', '2026-04-14', '2026-05-12']],
    ['the last Friday', 'FREQ=MONTHLY;BYDAY=-1FR', '2026-03-01', ['2026-03-27', '2026-04-24', '2026-05-29']],
    ['the last weekday of the month', 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', '2026-05-01', ['2026-05-29', '2026-06-30', '2026-07-31']],
    ['every 3 days', 'FREQ=DAILY;INTERVAL=3', '2026-02-26', ['2026-02-26', '2026-03-01', '2026-03-04']],
    ['the 31st skips short months', 'FREQ=MONTHLY;BYMONTHDAY=31', '2026-01-31', ['2026-01-31', '2026-03-31', '2026-05-31', '2026-07-31']],
    ['monthly from the 31st also skips them (RFC 5545)', 'FREQ=MONTHLY', '2026-01-31', ['2026-01-31', '2026-03-31', '2026-05-31']],
    ['yearly', 'FREQ=YEARLY', '2026-03-08', ['2026-03-08', '2027-03-08', '2028-03-08']],
    ['leap day, every 4 years', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', '2026-03-01', ['2028-02-29', '2032-02-29', '2036-02-29']],
    ['leap day, skipping 2100', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', '2096-03-01', ['2104-02-29', '2108-02-29']],
    // ISO week 1 holds the year's first Thursday: it starts on 4 January 2027, 3 January 2028.
    ['week 1 Mondays (ISO weeks)', 'FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO', '2026-01-01', ['2027-01-04', '2028-01-03']],
  ])('%s', (_name, rule, start, expected) => {
    expect(dates(rule, start, expected.length)).toEqual(expected);
  });

  it('stops at COUNT, counted from the start', () => {
    expect(dates('FREQ=DAILY;COUNT=3', '2026-03-01', 10)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
  });

  it('stops at UNTIL, inclusive', () => {
    expect(dates('FREQ=WEEKLY;UNTIL=20260316', '2026-03-02', 10)).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    // A date UNTIL covers the whole day of an instant series.
    expect(instants('FREQ=DAILY;UNTIL=20260303', '2026-03-01T22:00:00Z', 'UTC', 10)).toEqual([
      '2026-03-01T22:00:00.000Z',
      '2026-03-02T22:00:00.000Z',
      '2026-03-03T22:00:00.000Z',
    ]);
    // A UTC UNTIL is an instant: 2026-03-03T03:00Z is still 2 March in New York.
    expect(dates('FREQ=DAILY;UNTIL=20260303T030000Z', '2026-03-01', 10, 'America/New_York')).toEqual(['2026-03-01', '2026-03-02']);
  });

  it('keeps 09:00 in New York across both 2026 DST switches', () => {
    expect(instants('FREQ=DAILY', '2026-03-06T14:00:00Z', 'America/New_York', 4)).toEqual([
      '2026-03-06T14:00:00.000Z', // EST, UTC-5
      '2026-03-07T14:00:00.000Z',
      '2026-03-08T13:00:00.000Z', // EDT, UTC-4, from 8 March
      '2026-03-09T13:00:00.000Z',
    ]);
    expect(instants('FREQ=DAILY', '2026-10-30T13:00:00Z', 'America/New_York', 4)).toEqual([
      '2026-10-30T13:00:00.000Z',
      '2026-10-31T13:00:00.000Z',
      '2026-11-01T14:00:00.000Z', // back to EST on 1 November
      '2026-11-02T14:00:00.000Z',
    ]);
  });

  it('moves 02:30 forward on the spring-forward day only', () => {
    expect(instants('FREQ=DAILY', '2026-03-07T07:30:00Z', 'America/New_York', 3)).toEqual([
      '2026-03-07T07:30:00.000Z', // 02:30 EST
      '2026-03-08T07:30:00.000Z', // 02:30 does not exist: 03:30 EDT
      '2026-03-09T06:30:00.000Z', // 02:30 EDT
    ]);
  });

  it('judges weekdays on the wall clock of the zone', () => {
    // 2026-03-02T20:00Z is Monday in UTC but Tuesday 01:30 in Kolkata (+05:30).
    expect(instants('FREQ=WEEKLY;BYDAY=TU', '2026-03-02T20:00:00Z', 'Asia/Kolkata', 2)).toEqual([
      '2026-03-02T20:00:00.000Z',
      '2026-03-09T20:00:00.000Z',
    ]);
    expect(instants('FREQ=WEEKLY;BYDAY=TU', '2026-03-02T20:00:00Z', 'UTC', 1)).toEqual(['2026-03-03T20:00:00.000Z']);
  });

  it('gives an all-day task the same dates in every zone', () => {
    const zones = ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kolkata', 'America/New_York', 'Australia/Lord_Howe'];
    for (const zone of zones) {
      expect(dates('FREQ=WEEKLY;BYDAY=SU', '2026-03-01', 3, zone)).toEqual(['2026-03-01', '2026-03-08', '2026-03-15']);
      expect(dates('FREQ=DAILY', '2026-10-31', 3, zone)).toEqual(['2026-10-31', '2026-11-01', '2026-11-02']);
    }
  });

  it('lists nothing for a count of 0 and refuses a nonsensical count', () => {
    expect(dates('FREQ=DAILY', '2026-03-01', 0)).toEqual([]);
    expect(problemOf(() => dates('FREQ=DAILY', '2026-03-01', -1))).toContain('between 0 and 1000');
    expect(problemOf(() => dates('FREQ=DAILY', '2026-03-01', 1.5))).toContain('between 0 and 1000');
    expect(problemOf(() => dates('FREQ=DAILY', '2026-03-01', 1001))).toContain('between 0 and 1000');
  });
});

describe('firstOccurrence', () => {
  it('is the start itself when the start matches', () => {
    expect(firstOccurrence('FREQ=MONTHLY;BYMONTHDAY=1', date('2026-03-01'), 'UTC')).toEqual(date('2026-03-01'));
  });

  it('is the next match otherwise ("every month on the 1st", asked on the 15th)', () => {
    expect(firstOccurrence('FREQ=MONTHLY;BYMONTHDAY=1', date('2026-03-15'), 'UTC')).toEqual(date('2026-04-01'));
    expect(firstOccurrence('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', date('2026-03-15'), 'UTC')).toEqual(date('2028-02-29'));
    expect(firstOccurrence('FREQ=WEEKLY;BYDAY=FR', instant('2026-03-02T14:00:00Z'), 'America/New_York')).toEqual(instant('2026-03-06T14:00:00.000Z'));
  });

  it('is null, quickly, for a rule that never occurs', () => {
    expect(firstOccurrence('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', date('2026-03-01'), 'UTC')).toBeNull();
    expect(firstOccurrence('FREQ=DAILY;UNTIL=20250101', date('2026-03-01'), 'UTC')).toBeNull();
  });
});

describe('validateRecurrence', () => {
  it('returns the canonical rule', () => {
    expect(validateRecurrence('RRULE:freq=weekly;byday=fr,mo', date('2026-03-01'), 'UTC')).toBe('FREQ=WEEKLY;BYDAY=MO,FR');
    expect(validateRecurrence('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', date('2026-03-01'), 'Asia/Kolkata')).toBe('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29');
  });

  it.each([
    'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30',
    'FREQ=MONTHLY;BYMONTH=4,6,9,11;BYMONTHDAY=31',
    'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30',
    'FREQ=DAILY;INTERVAL=2;BYMONTH=2;BYMONTHDAY=30',
    // Every 7 days from a Tuesday never lands on a Monday.
    'FREQ=DAILY;INTERVAL=7;BYDAY=MO',
    'FREQ=WEEKLY;BYDAY=MO;BYMONTH=2;BYSETPOS=6',
    'FREQ=YEARLY;BYWEEKNO=53;BYMONTH=6',
    // 2026-03-03 is in an odd year; leap years are even.
    'FREQ=YEARLY;INTERVAL=2;BYMONTH=2;BYMONTHDAY=29',
  ])('refuses %s, which never occurs, and returns promptly', (rule) => {
    expect(problemOf(() => validateRecurrence(rule, date('2027-03-03'), 'UTC'))).toBe('never occurs');
  });

  it('says when UNTIL is what makes the rule empty', () => {
    expect(problemOf(() => validateRecurrence('FREQ=DAILY;UNTIL=20250101', date('2026-03-01'), 'UTC'))).toBe('never occurs before UNTIL');
  });

  it('refuses bad zones and dues', () => {
    expect(problemOf(() => validateRecurrence('FREQ=DAILY', date('2026-03-01'), 'Mars/Olympus_Mons'))).toContain('not a known time zone');
    expect(problemOf(() => validateRecurrence('FREQ=DAILY', date('2026-02-30'), 'UTC'))).toContain('not a valid YYYY-MM-DD date');
    expect(problemOf(() => validateRecurrence('FREQ=DAILY', date('2026-3-1'), 'UTC'))).toContain('not a valid YYYY-MM-DD date');
    expect(problemOf(() => validateRecurrence('FREQ=DAILY', instant('tomorrow'), 'UTC'))).toContain('not an ISO 8601 instant');
    expect(problemOf(() => validateRecurrence('FREQ=DAILY', date('0999-12-31'), 'UTC'))).toContain('between the years 1000 and 8999');
  });

  it('reports syntax problems before anything else', () => {
    expect(problemOf(() => validateRecurrence('FREQ=MINUTELY', date('2026-03-01'), 'UTC'))).toBe(
      'SECONDLY and MINUTELY repetition is not supported for tasks',
    );
    expect(problemOf(() => validateRecurrence('', date('2026-03-01'), 'UTC'))).toBe('the rule is empty');
  });
});
