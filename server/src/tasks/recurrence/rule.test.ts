import { describe, expect, it } from 'vitest';
import { formatRule, parseRule } from './rule.js';
import { RecurrenceError } from './types.js';

const normal = (text: string) => formatRule(parseRule(text));

describe('parseRule and formatRule', () => {
  it.each([
    ['FREQ=WEEKLY;BYDAY=MO', 'FREQ=WEEKLY;BYDAY=MO'],
    ['RRULE:freq=weekly;byday=mo', 'FREQ=WEEKLY;BYDAY=MO'],
    ['  FREQ=DAILY;INTERVAL=1; ', 'FREQ=DAILY'],
    ['COUNT=5;INTERVAL=3;FREQ=DAILY', 'FREQ=DAILY;INTERVAL=3;COUNT=5'],
    ['FREQ=WEEKLY;BYDAY=FR,MO,MO,WE', 'FREQ=WEEKLY;BYDAY=MO,WE,FR'],
    ['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'],
    ['FREQ=MONTHLY;BYDAY=+2tu', 'FREQ=MONTHLY;BYDAY=2TU'],
    ['FREQ=MONTHLY;BYDAY=-1FR,1MO', 'FREQ=MONTHLY;BYDAY=1MO,-1FR'],
    ['FREQ=MONTHLY;BYMONTHDAY=-1', 'FREQ=MONTHLY;BYMONTHDAY=-1'],
    ['FREQ=MONTHLY;BYMONTHDAY=15,1,15', 'FREQ=MONTHLY;BYMONTHDAY=1,15'],
    ['FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1'],
    ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29'],
    ['FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO', 'FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO'],
    ['FREQ=YEARLY;BYYEARDAY=1,-1', 'FREQ=YEARLY;BYYEARDAY=-1,1'],
    ['FREQ=WEEKLY;INTERVAL=2;WKST=su;BYDAY=SU,MO', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU;WKST=SU'],
    ['FREQ=DAILY;UNTIL=20261231', 'FREQ=DAILY;UNTIL=20261231'],
    ['FREQ=DAILY;UNTIL=20261231T235959Z', 'FREQ=DAILY;UNTIL=20261231T235959Z'],
    ['FREQ=DAILY;UNTIL=20261231T090000', 'FREQ=DAILY;UNTIL=20261231T090000'],
  ])('normalises %s to %s', (input, expected) => {
    expect(normal(input)).toBe(expected);
  });

  it('reads the parts it normalises', () => {
    expect(parseRule('FREQ=MONTHLY;BYDAY=2TU;COUNT=4')).toMatchObject({
      freq: 'MONTHLY',
      interval: 1,
      count: 4,
      byDay: [{ weekday: 1, nth: 2 }],
    });
    expect(parseRule('FREQ=DAILY;UNTIL=20280229').until).toEqual({
      form: 'date',
      wall: { year: 2028, month: 2, day: 29, hour: 0, minute: 0, second: 0, millisecond: 0 },
    });
  });
});

describe('parseRule refuses, saying why', () => {
  it.each([
    ['', 'the rule is empty'],
    ['   ', 'the rule is empty'],
    ['RRULE:', 'the rule is empty'],
    [';;', 'the rule is empty'],
    ['DTSTART:20260101T090000Z\nRRULE:FREQ=DAILY', 'DTSTART is not allowed'],
    ['FREQ=DAILY;DTSTART=20260101', 'DTSTART is not allowed'],
    ['FREQ=DAILY\nEXDATE:20260102', 'only a single RRULE'],
    ['COUNT=3', 'FREQ is required'],
    ['FREQ=SECONDLY', 'SECONDLY and MINUTELY repetition is not supported for tasks'],
    ['FREQ=MINUTELY;INTERVAL=5', 'SECONDLY and MINUTELY repetition is not supported for tasks'],
    ['FREQ=HOURLY', 'HOURLY repetition is not supported'],
    ['FREQ=FORTNIGHTLY', 'FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY'],
    ['FREQ=DAILY;FREQ=WEEKLY', 'FREQ appears more than once'],
    ['FREQ=DAILY;COUNT', '"COUNT" is not of the form NAME=VALUE'],
    ['FREQ=DAILY;=3', 'is not of the form NAME=VALUE'],
    ['FREQ=DAILY;COUNT=', 'COUNT has no value'],
    ['FREQ=DAILY;COUNT=1001', 'COUNT must be between 1 and 1000'],
    ['FREQ=DAILY;COUNT=0', 'COUNT must be between 1 and 1000'],
    ['FREQ=DAILY;COUNT=three', 'COUNT must be a whole number'],
    ['FREQ=DAILY;COUNT=2.5', 'COUNT must be a whole number'],
    ['FREQ=DAILY;INTERVAL=1001', 'INTERVAL must be between 1 and 1000'],
    ['FREQ=DAILY;INTERVAL=0', 'INTERVAL must be between 1 and 1000'],
    ['FREQ=DAILY;INTERVAL=-2', 'INTERVAL must be between 1 and 1000'],
    ['FREQ=DAILY;FOO=1', 'unknown part FOO'],
    ['FREQ=DAILY;X-TODOIST=1', 'unknown part X-TODOIST'],
    ['FREQ=DAILY;RSCALE=GREGORIAN', 'unknown part RSCALE'],
    ['FREQ=DAILY;BYHOUR=9', 'BYHOUR is not supported for tasks'],
    ['FREQ=DAILY;BYMINUTE=30', 'BYMINUTE is not supported for tasks'],
    ['FREQ=DAILY;BYSECOND=0', 'BYSECOND is not supported for tasks'],
    ['FREQ=DAILY;COUNT=2;UNTIL=20261231', 'COUNT and UNTIL cannot both be set'],
    ['FREQ=DAILY;UNTIL=2026-12-31', 'UNTIL must look like'],
    ['FREQ=DAILY;UNTIL=20260230', 'is not a real date and time'],
    ['FREQ=DAILY;UNTIL=20261231T250000Z', 'is not a real date and time'],
    ['FREQ=WEEKLY;BYDAY=XX', '"XX" in BYDAY is not a weekday'],
    ['FREQ=WEEKLY;BYDAY=MONDAY', 'BYDAY must look like MO, 2TU or -1FR'],
    ['FREQ=WEEKLY;BYDAY=2TU', 'a numbered BYDAY (like 2TU) needs FREQ=MONTHLY or FREQ=YEARLY'],
    ['FREQ=DAILY;BYDAY=-1FR', 'a numbered BYDAY (like 2TU) needs FREQ=MONTHLY or FREQ=YEARLY'],
    ['FREQ=MONTHLY;BYDAY=6TU', 'a month has at most 5 of each weekday'],
    ['FREQ=MONTHLY;BYDAY=0TU', 'between 1 and 53'],
    ['FREQ=YEARLY;BYDAY=54MO', 'between 1 and 53'],
    ['FREQ=YEARLY;BYWEEKNO=1;BYDAY=1MO', 'cannot be combined with BYWEEKNO'],
    ['FREQ=WEEKLY;BYMONTHDAY=1', 'BYMONTHDAY cannot be used with FREQ=WEEKLY'],
    ['FREQ=MONTHLY;BYMONTHDAY=32', 'BYMONTHDAY values must be between 1 and 31'],
    ['FREQ=MONTHLY;BYMONTHDAY=0', 'BYMONTHDAY values must be between 1 and 31'],
    ['FREQ=YEARLY;BYMONTH=13', 'BYMONTH values must be between 1 and 12'],
    ['FREQ=YEARLY;BYMONTH=-1', 'BYMONTH values must be between 1 and 12'],
    ['FREQ=MONTHLY;BYYEARDAY=100', 'BYYEARDAY can only be used with FREQ=YEARLY'],
    ['FREQ=YEARLY;BYYEARDAY=367', 'BYYEARDAY values must be between 1 and 366'],
    ['FREQ=MONTHLY;BYWEEKNO=1', 'BYWEEKNO can only be used with FREQ=YEARLY'],
    ['FREQ=MONTHLY;BYSETPOS=1', 'BYSETPOS needs another BYxxx part'],
    ['FREQ=DAILY;BYDAY=MO;BYSETPOS=1', 'BYSETPOS cannot be used with FREQ=DAILY'],
    ['FREQ=WEEKLY;WKST=XY', '"XY" in WKST is not a weekday'],
  ])('%j: %s', (input, problem) => {
    let thrown: unknown;
    try {
      parseRule(input);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RecurrenceError);
    expect((thrown as RecurrenceError).problem).toContain(problem);
  });
});
