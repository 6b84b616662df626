import { describe, expect, it } from 'vitest';
import { nextDue, RecurrenceError, type Due, type RecurrenceFrom } from './index.js';

// March 2026: Sunday 1, Monday 2, Tuesday 10 (the 2nd Tuesday); US DST starts on the 8th.
const date = (d: string): Due => ({ kind: 'date', date: d });
const instant = (at: string): Due => ({ kind: 'instant', at });

function next(rule: string, from: RecurrenceFrom, current: Due, completedAt: string, timeZone = 'UTC') {
  const result = nextDue({ rule, from, current, completedAt, timeZone });
  if (result === null) return null;
  return { due: result.due.kind === 'date' ? result.due.date : result.due.at, rule: result.rule };
}

describe('nextDue on schedule', () => {
  it.each([
    ['weekly on Mondays', 'FREQ=WEEKLY;BYDAY=MO', '2026-03-02', '2026-03-02T18:00:00Z', '2026-03-09'],
    ['weekdays, Friday to Monday', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', '2026-03-06', '2026-03-06T18:00:00Z', '2026-03-09'],
    ['weekdays, a daily rule on weekdays', 'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR', '2026-03-06', '2026-03-06T18:00:00Z', '2026-03-09'],
    ['last day of the month into a non-leap February', 'FREQ=MONTHLY;BYMONTHDAY=-1', '2026-01-31', '2026-01-31T12:00:00Z', '2026-02-28'],
    ['last day of the month into a leap February', 'FREQ=MONTHLY;BYMONTHDAY=-1', '2028-01-31', '2028-01-31T12:00:00Z', '2028-02-29'],
    ['last day of the month out of February', 'FREQ=MONTHLY;BYMONTHDAY=-1', '2026-02-28', '2026-02-28T12:00:00Z', '2026-03-31'],
    ['the 31st skips April', 'FREQ=MONTHLY;BYMONTHDAY=31', '2026-03-31', '2026-03-31T12:00:00Z', '2026-05-31'],
    ['the 2nd Tuesday', 'FREQ=MONTHLY;BYDAY=2TU', '2026-03-10', '2026-03-10T12:00:00Z', '2026-04-14'],
    ['every 3 days', 'FREQ=DAILY;INTERVAL=3', '2026-03-01', '2026-03-01T12:00:00Z', '2026-03-04'],
    ['yearly', 'FREQ=YEARLY', '2026-03-08', '2026-03-08T12:00:00Z', '2027-03-08'],
    ['leap day to leap day', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', '2028-02-29', '2028-02-29T12:00:00Z', '2032-02-29'],
    ['yearly from a leap day (RFC 5545: leap years only)', 'FREQ=YEARLY', '2028-02-29', '2028-02-29T12:00:00Z', '2032-02-29'],
    ['from a due that is not itself an occurrence', 'FREQ=WEEKLY;BYDAY=MO', '2026-03-04', '2026-03-04T12:00:00Z', '2026-03-09'],
  ])('%s', (_name, rule, current, completedAt, expected) => {
    expect(next(rule, 'schedule', date(current), completedAt)).toEqual({ due: expected, rule });
  });

  it('skips the occurrences missed while overdue, keeping today', () => {
    // Due 1 March, done 6 March: one task due today, not five overdue ones.
    expect(next('FREQ=DAILY', 'schedule', date('2026-03-01'), '2026-03-06T20:00:00Z')?.due).toBe('2026-03-06');
    // Every 3 days from 1 March: the 4th and 7th are gone, the 10th is next.
    expect(next('FREQ=DAILY;INTERVAL=3', 'schedule', date('2026-03-01'), '2026-03-09T08:00:00Z')?.due).toBe('2026-03-10');
    expect(next('FREQ=WEEKLY;BYDAY=MO', 'schedule', date('2026-03-02'), '2026-03-25T08:00:00Z')?.due).toBe('2026-03-30');
    expect(next('FREQ=MONTHLY;BYDAY=2TU', 'schedule', date('2026-03-10'), '2026-05-12T08:00:00Z')?.due).toBe('2026-05-12');
  });

  it('reads the completion day in the user zone', () => {
    // 2026-03-06T03:00Z is still 5 March in New York.
    expect(next('FREQ=DAILY', 'schedule', date('2026-03-01'), '2026-03-06T03:00:00Z', 'America/New_York')?.due).toBe('2026-03-05');
    expect(next('FREQ=DAILY', 'schedule', date('2026-03-01'), '2026-03-06T03:00:00Z', 'UTC')?.due).toBe('2026-03-06');
  });

  it('goes to the occurrence after the due when completed early', () => {
    expect(next('FREQ=DAILY', 'schedule', date('2026-03-10'), '2026-03-09T12:00:00Z')?.due).toBe('2026-03-11');
    expect(next('FREQ=WEEKLY;BYDAY=MO', 'schedule', date('2026-03-09'), '2026-03-01T12:00:00Z')?.due).toBe('2026-03-16');
  });

  it('counts COUNT down, skipped occurrences included, and ends the series', () => {
    expect(next('FREQ=DAILY;COUNT=3', 'schedule', date('2026-03-01'), '2026-03-01T12:00:00Z')).toEqual({ due: '2026-03-02', rule: 'FREQ=DAILY;COUNT=2' });
    expect(next('FREQ=DAILY;COUNT=2', 'schedule', date('2026-03-02'), '2026-03-02T12:00:00Z')).toEqual({ due: '2026-03-03', rule: 'FREQ=DAILY;COUNT=1' });
    expect(next('FREQ=DAILY;COUNT=1', 'schedule', date('2026-03-03'), '2026-03-03T12:00:00Z')).toBeNull();
    // Done on the 3rd: the 2nd was skipped, the 3rd is the last of three.
    expect(next('FREQ=DAILY;COUNT=3', 'schedule', date('2026-03-01'), '2026-03-03T12:00:00Z')).toEqual({ due: '2026-03-03', rule: 'FREQ=DAILY;COUNT=1' });
    // Done on the 4th: the series ran out while the task was overdue.
    expect(next('FREQ=DAILY;COUNT=3', 'schedule', date('2026-03-01'), '2026-03-04T12:00:00Z')).toBeNull();
  });

  it('stops at UNTIL', () => {
    expect(next('FREQ=DAILY;UNTIL=20260303', 'schedule', date('2026-03-02'), '2026-03-02T12:00:00Z')).toEqual({ due: '2026-03-03', rule: 'FREQ=DAILY;UNTIL=20260303' });
    expect(next('FREQ=DAILY;UNTIL=20260303', 'schedule', date('2026-03-03'), '2026-03-03T12:00:00Z')).toBeNull();
    expect(next('FREQ=DAILY;UNTIL=20260303', 'schedule', date('2026-03-01'), '2026-03-05T12:00:00Z')).toBeNull();
  });

  it('keeps 09:00 in New York across both 2026 DST switches', () => {
    const ny = (at: string) => next('FREQ=DAILY', 'schedule', instant(at), at, 'America/New_York')?.due;
    expect(ny('2026-03-07T14:00:00.000Z')).toBe('2026-03-08T13:00:00.000Z'); // EST (UTC-5) to EDT (UTC-4)
    expect(ny('2026-03-08T13:00:00.000Z')).toBe('2026-03-09T13:00:00.000Z');
    expect(ny('2026-10-31T13:00:00.000Z')).toBe('2026-11-01T14:00:00.000Z'); // EDT back to EST
    expect(ny('2026-11-01T14:00:00.000Z')).toBe('2026-11-02T14:00:00.000Z');
  });

  it('moves a 02:30 task in New York to 03:30 on the spring-forward day', () => {
    const ny = (at: string) => next('FREQ=DAILY', 'schedule', instant(at), at, 'America/New_York')?.due;
    expect(ny('2026-03-07T07:30:00.000Z')).toBe('2026-03-08T07:30:00.000Z'); // 02:30 EST, then 03:30 EDT
    // Known limitation: the due is all that is stored, and it now reads 03:30, so 03:30 it stays.
    expect(ny('2026-03-08T07:30:00.000Z')).toBe('2026-03-09T07:30:00.000Z');
  });

  it('takes the first 01:30 when New York falls back', () => {
    const ny = (at: string) => next('FREQ=DAILY', 'schedule', instant(at), at, 'America/New_York')?.due;
    expect(ny('2026-10-31T05:30:00.000Z')).toBe('2026-11-01T05:30:00.000Z'); // 01:30 EDT, not 01:30 EST
    expect(ny('2026-11-01T05:30:00.000Z')).toBe('2026-11-02T06:30:00.000Z'); // 01:30 EST
  });

  it('repeats Kolkata (+05:30) instants on the local weekday and time', () => {
    // 09:00 IST on Monday 2 March.
    expect(next('FREQ=WEEKLY;BYDAY=MO', 'schedule', instant('2026-03-02T03:30:00Z'), '2026-03-02T05:00:00Z', 'Asia/Kolkata')?.due).toBe('2026-03-09T03:30:00.000Z');
    // 01:30 IST on Tuesday 3 March, which is still Monday in UTC.
    expect(next('FREQ=WEEKLY;BYDAY=TU', 'schedule', instant('2026-03-02T20:00:00Z'), '2026-03-02T21:00:00Z', 'Asia/Kolkata')?.due).toBe('2026-03-09T20:00:00.000Z');
    expect(next('FREQ=MONTHLY;BYMONTHDAY=-1', 'schedule', instant('2026-02-28T18:29:00Z'), '2026-02-28T18:30:00Z', 'Asia/Kolkata')?.due).toBe('2026-03-31T18:29:00.000Z');
  });

  it('keeps an overdue instant task on the completion day, even if its hour has passed', () => {
    // Due 09:00 on 2 March in New York, done at 15:00 on 5 March: next is 09:00 on 5 March.
    expect(next('FREQ=DAILY', 'schedule', instant('2026-03-02T14:00:00Z'), '2026-03-05T20:00:00Z', 'America/New_York')?.due).toBe('2026-03-05T14:00:00.000Z');
  });

  it('never shifts an all-day task, whatever the zone', () => {
    for (const zone of ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kolkata', 'America/New_York']) {
      expect(next('FREQ=WEEKLY;BYDAY=MO', 'schedule', date('2026-03-02'), '2026-03-02T12:00:00Z', zone)?.due).toBe('2026-03-09');
      expect(next('FREQ=MONTHLY;BYMONTHDAY=-1', 'completion', date('2026-02-28'), '2026-02-10T12:00:00Z', zone)?.due).toBe('2026-02-28');
    }
  });
});

describe('nextDue from completion', () => {
  it.each([
    ['every 3 days after done', 'FREQ=DAILY;INTERVAL=3', '2026-03-01', '2026-03-05T10:00:00Z', '2026-03-08'],
    ['the Monday after done', 'FREQ=WEEKLY;BYDAY=MO', '2026-03-02', '2026-03-04T10:00:00Z', '2026-03-09'],
    ['weekdays, done on a Saturday', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', '2026-03-06', '2026-03-07T10:00:00Z', '2026-03-09'],
    ['last day of the month, done on the last day of February', 'FREQ=MONTHLY;BYMONTHDAY=-1', '2026-01-31', '2026-02-28T10:00:00Z', '2026-03-31'],
    ['last day of the month, done mid February in a leap year', 'FREQ=MONTHLY;BYMONTHDAY=-1', '2028-01-31', '2028-02-10T10:00:00Z', '2028-02-29'],
    ['the 2nd Tuesday, done on it', 'FREQ=MONTHLY;BYDAY=2TU', '2026-03-10', '2026-03-10T10:00:00Z', '2026-04-14'],
    ['the 2nd Tuesday, done the day before', 'FREQ=MONTHLY;BYDAY=2TU', '2026-03-10', '2026-03-09T10:00:00Z', '2026-03-10'],
    ['a month after done', 'FREQ=MONTHLY', '2026-01-31', '2026-02-10T10:00:00Z', '2026-03-10'],
    ['a year after done', 'FREQ=YEARLY', '2026-03-08', '2026-05-05T10:00:00Z', '2027-05-05'],
  ])('%s', (_name, rule, current, completedAt, expected) => {
    expect(next(rule, 'completion', date(current), completedAt)).toEqual({ due: expected, rule });
  });

  it('counts from the completion day, however early or late', () => {
    // Late: 3 days after the 9th. Early: 3 days after the 2nd, before the current due.
    expect(next('FREQ=DAILY;INTERVAL=3', 'completion', date('2026-03-01'), '2026-03-09T10:00:00Z')?.due).toBe('2026-03-12');
    expect(next('FREQ=DAILY;INTERVAL=3', 'completion', date('2026-03-10'), '2026-03-02T10:00:00Z')?.due).toBe('2026-03-05');
  });

  it('keeps the time of day of an instant due, on the local completion day', () => {
    // Due 09:00 New York on 1 March; done at 22:00 on 9 March local (02:00Z on the 10th).
    expect(next('FREQ=DAILY;INTERVAL=3', 'completion', instant('2026-03-01T14:00:00Z'), '2026-03-10T02:00:00Z', 'America/New_York')?.due).toBe(
      '2026-03-12T13:00:00.000Z',
    );
    expect(next('FREQ=DAILY;INTERVAL=3', 'completion', instant('2026-03-01T03:30:00Z'), '2026-03-09T19:00:00Z', 'Asia/Kolkata')?.due).toBe(
      '2026-03-13T03:30:00.000Z',
    );
  });

  it('counts COUNT down and stops at UNTIL', () => {
    expect(next('FREQ=DAILY;INTERVAL=3;COUNT=2', 'completion', date('2026-03-01'), '2026-03-09T10:00:00Z')).toEqual({
      due: '2026-03-12',
      rule: 'FREQ=DAILY;INTERVAL=3;COUNT=1',
    });
    expect(next('FREQ=DAILY;INTERVAL=3;COUNT=1', 'completion', date('2026-03-12'), '2026-03-12T10:00:00Z')).toBeNull();
    expect(next('FREQ=DAILY;INTERVAL=3;UNTIL=20260310', 'completion', date('2026-03-01'), '2026-03-08T10:00:00Z')).toBeNull();
    expect(next('FREQ=DAILY;INTERVAL=3;UNTIL=20260310', 'completion', date('2026-03-01'), '2026-03-07T10:00:00Z')?.due).toBe('2026-03-10');
  });
});

describe('nextDue refuses bad input', () => {
  const args = { rule: 'FREQ=DAILY', from: 'schedule' as const, current: date('2026-03-01'), completedAt: '2026-03-01T12:00:00Z', timeZone: 'UTC' };
  it.each([
    [{ rule: 'FREQ=HOURLY' }, 'HOURLY repetition is not supported'],
    [{ rule: 'DTSTART:20260101\nRRULE:FREQ=DAILY' }, 'DTSTART is not allowed'],
    [{ completedAt: 'now' }, 'the completion time "now" is not an ISO 8601 instant'],
    [{ current: instant('2026-03-01 12:00') }, 'not an ISO 8601 instant'],
    [{ timeZone: 'Europe/Atlantis' }, 'not a known time zone'],
  ])('%j', (override, problem) => {
    expect(() => nextDue({ ...args, ...override })).toThrow(RecurrenceError);
    expect(() => nextDue({ ...args, ...override })).toThrow(problem);
  });
});
