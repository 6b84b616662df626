import { describe, expect, it } from 'vitest';
import { formatDate } from '../../platform/time/calendar.js';
import { firstOccurrence, formatRule, newRule } from './rule.js';

const from = { year: 2026, month: 3, day: 4 }; // a Wednesday
const first = (rule: ReturnType<typeof newRule>, start = from) => formatDate(firstOccurrence(rule, start));

describe('rules', () => {
  it('writes RRULE parts in a stable order, weekdays Monday first', () => {
    expect(formatRule(newRule('WEEKLY', { interval: 2, byDay: ['FR', 'MO', 'MO'], count: 3 }))).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;COUNT=3');
    expect(formatRule(newRule('WEEKLY', { byDay: ['SU', 'SA'] }))).toBe('FREQ=WEEKLY;BYDAY=SA,SU');
    expect(formatRule(newRule('YEARLY', { byMonth: 2, byMonthDay: 29, until: { year: 2030, month: 1, day: 9 } }))).toBe(
      'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;UNTIL=20300109',
    );
  });

  it('finds the first occurrence on or after a day', () => {
    expect(first(newRule('DAILY', { interval: 3 }))).toBe('2026-03-04');
    expect(first(newRule('WEEKLY', { byDay: ['WE'] }))).toBe('2026-03-04');
    expect(first(newRule('WEEKLY', { byDay: ['MO', 'FR'] }))).toBe('2026-03-06');
    expect(first(newRule('MONTHLY', { byMonthDay: 1 }))).toBe('2026-04-01');
    expect(first(newRule('MONTHLY', { byMonthDay: -1 }))).toBe('2026-03-31');
    expect(first(newRule('MONTHLY', { byMonthDay: 31 }), { year: 2026, month: 4, day: 1 })).toBe('2026-05-31'); // April has no 31st
    expect(first(newRule('MONTHLY', { byDay: ['2TU'] }))).toBe('2026-03-10');
    expect(first(newRule('MONTHLY', { byDay: ['-1FR'] }))).toBe('2026-03-27');
    expect(first(newRule('MONTHLY', { byDay: ['5SU'] }))).toBe('2026-03-29');
    expect(first(newRule('MONTHLY', { byDay: ['5MO'] }))).toBe('2026-03-30');
    expect(first(newRule('MONTHLY', { byDay: ['5TH'] }))).toBe('2026-04-30'); // March 2026 has only four Thursdays
    expect(first(newRule('YEARLY', { byMonth: 1, byMonthDay: 5 }))).toBe('2027-01-05');
    expect(first(newRule('YEARLY', { byMonth: 2, byMonthDay: 29 }))).toBe('2028-02-29');
  });
});
