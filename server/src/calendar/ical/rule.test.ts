/** RRULE parsing and canonical form. */
import { describe, expect, it } from 'vitest';
import { formatRule, parseRule, RuleProblem } from './rule.js';

const canonical = (text: string) => formatRule(parseRule(text));
const problem = (text: string) => {
  try {
    parseRule(text);
  } catch (error) {
    if (error instanceof RuleProblem) return error.message;
    throw error;
  }
  return null;
};

describe('RRULE', () => {
  it('prints rules in one canonical form', () => {
    expect(canonical('RRULE:freq=weekly;interval=1;byday=we,mo;wkst=su;until=20261231T235959Z;')).toBe('FREQ=WEEKLY;BYDAY=MO,WE;WKST=SU;UNTIL=20261231T235959Z');
    expect(canonical('FREQ=MONTHLY;BYDAY=-1FR;BYSETPOS=1')).toBe('FREQ=MONTHLY;BYDAY=-1FR;BYSETPOS=1');
    expect(canonical('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=5000;RSCALE=GREGORIAN;X-NAME=1')).toBe('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=5000');
    expect(canonical('FREQ=HOURLY;INTERVAL=1000;BYHOUR=9,17;BYMINUTE=30')).toBe('FREQ=HOURLY;INTERVAL=1000;BYHOUR=9,17;BYMINUTE=30');
  });

  it('explains what is wrong', () => {
    expect(problem('')).toBe('the rule is empty');
    expect(problem('BYDAY=MO')).toBe('FREQ is required');
    expect(problem('FREQ=DAILY;COUNT=5001')).toBe('COUNT must be between 1 and 5000, not 5001');
    expect(problem('FREQ=DAILY;INTERVAL=0')).toBe('INTERVAL must be between 1 and 1000, not 0');
    expect(problem('FREQ=DAILY;UNTIL=2026-12-31')).toContain('UNTIL must look like 20261231');
    expect(problem('FREQ=WEEKLY;BYMONTHDAY=3')).toBe('BYMONTHDAY cannot be used with FREQ=WEEKLY');
    expect(problem('FREQ=MONTHLY;BYDAY=6MO')).toBe('a month has at most 5 of each weekday');
    expect(problem('FREQ=DAILY;BYSETPOS=1')).toBe('BYSETPOS needs another BYxxx part to pick from');
    expect(problem('FREQ=DAILY;FREQ=WEEKLY')).toBe('FREQ appears more than once');
    expect(problem('FREQ=DAILY;BYEASTER=1')).toBe('unknown part BYEASTER');
    expect(problem('FREQ=YEARLY;RSCALE=HEBREW')).toContain('non-Gregorian');
  });
});
