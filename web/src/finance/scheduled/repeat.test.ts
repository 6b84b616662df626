import { describe, expect, it } from 'vitest';
import { describeRepeat, fromRule, relativeDay, toRule, type Repeat } from './repeat';

describe('schedule repeat choices', () => {
  it('round-trips every choice through its RRULE', () => {
    const choices: Repeat[] = [
      { kind: 'weekly', day: 5, custom: '' },
      { kind: 'biweekly', day: 5, custom: '' },
      { kind: 'monthly', day: 15, custom: '' },
      { kind: 'monthly-last', day: 5, custom: '' },
      { kind: 'yearly', day: 5, custom: '' },
    ];
    for (const choice of choices) expect(fromRule(toRule(choice), '2026-03-05')).toMatchObject({ kind: choice.kind, day: choice.day });
  });

  it('keeps any other rule as custom, word for word', () => {
    expect(fromRule('FREQ=MONTHLY;BYDAY=1MO', '2026-03-02')).toMatchObject({ kind: 'custom', custom: 'FREQ=MONTHLY;BYDAY=1MO' });
    expect(fromRule('FREQ=WEEKLY;INTERVAL=3', '2026-03-02').kind).toBe('custom');
    expect(fromRule('FREQ=MONTHLY;BYMONTHDAY=31', '2026-03-31').kind).toBe('custom');
    expect(toRule({ kind: 'custom', day: 1, custom: ' RRULE:FREQ=DAILY;COUNT=3 ' })).toBe('FREQ=DAILY;COUNT=3');
  });

  it('says the rule in words with the weekday or date of the start', () => {
    expect(describeRepeat('FREQ=WEEKLY;INTERVAL=2', '2026-03-06')).toMatch(/^Every 2 weeks on Friday$/);
    expect(describeRepeat('FREQ=MONTHLY;BYMONTHDAY=1', '2026-03-01')).toBe('Monthly on day 1');
    expect(describeRepeat('FREQ=MONTHLY;BYMONTHDAY=-1', '2026-03-31')).toBe('Monthly on the last day');
    expect(describeRepeat('FREQ=YEARLY', '2026-03-03')).toMatch(/^Every year on (3 March|March 3)$/);
    expect(describeRepeat('FREQ=MONTHLY;BYDAY=1MO', '2026-03-02')).toMatch(/^Every month on the first Monday$/);
  });

  it('names near days relative to today', () => {
    expect(relativeDay('2026-03-05', '2026-03-05')).toBe('Today');
    expect(relativeDay('2026-03-06', '2026-03-05')).toBe('Tomorrow');
    expect(relativeDay('2026-03-02', '2026-03-05')).toBe('3 days overdue');
    expect(relativeDay('2026-03-09', '2026-03-05')).toBe('In 4 days');
    expect(relativeDay('2026-04-05', '2026-03-05')).toBeNull();
  });
});
