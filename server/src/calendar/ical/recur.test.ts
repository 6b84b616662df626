/** The arithmetic for simple DAILY/WEEKLY rules against rrule, and the rule walk's bookkeeping. */
import fc from 'fast-check';
import { RRule } from 'rrule';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../platform/time/calendar.js';
import { isSimple } from './recur-simple.js';
import { ruleProducesStart, walkRule } from './recur.js';
import { parseRule } from './rule.js';

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

function collect(text: string, start: number, from: number, to: number, engine: 'auto' | 'rrule'): number[] {
  const out: number[] = [];
  walkRule({ rule: parseRule(text), start, from, to, until: null, visit: (f) => out.push(f) < 500 }, engine);
  return out;
}

const simpleRule = fc
  .record({
    freq: fc.constantFrom('DAILY', 'WEEKLY'),
    interval: fc.integer({ min: 1, max: 6 }),
    byDay: fc.option(fc.subarray(WEEKDAYS, { minLength: 1 })),
    wkst: fc.option(fc.constantFrom(...WEEKDAYS)),
    count: fc.option(fc.integer({ min: 1, max: 40 })),
  })
  .map(({ freq, interval, byDay, wkst, count }) =>
    [
      `FREQ=${freq}`,
      `INTERVAL=${interval}`,
      ...(freq === 'WEEKLY' && byDay !== null ? [`BYDAY=${byDay.join(',')}`] : []),
      ...(wkst === null ? [] : [`WKST=${wkst}`]),
      ...(count === null ? [] : [`COUNT=${count}`]),
    ].join(';'),
  );

describe('simple rules by arithmetic', () => {
  it('recognises which rules are simple', () => {
    expect(isSimple(parseRule('FREQ=WEEKLY;BYDAY=MO,WE;INTERVAL=2;WKST=SU'))).toBe(true);
    expect(isSimple(parseRule('FREQ=DAILY;INTERVAL=3'))).toBe(true);
    expect(isSimple(parseRule('FREQ=DAILY;BYDAY=MO'))).toBe(false);
    expect(isSimple(parseRule('FREQ=WEEKLY;BYMONTH=3'))).toBe(false);
    expect(isSimple(parseRule('FREQ=MONTHLY'))).toBe(false);
  });

  it('gives what rrule gives, for any start, window, interval, weekdays, WKST and COUNT', () => {
    const base = Date.UTC(2020, 0, 1);
    fc.assert(
      fc.property(
        simpleRule,
        fc.integer({ min: 0, max: 3000 * 24 }),
        fc.integer({ min: -50, max: 2000 }),
        fc.integer({ min: 0, max: 400 }),
        (rule, startHours, fromDays, lengthDays) => {
          const start = base + startHours * 3_600_000 + 15 * 60_000;
          const from = start + fromDays * DAY_MS;
          const to = from + lengthDays * DAY_MS;
          expect(collect(rule, start, from, to, 'auto')).toEqual(collect(rule, start, from, to, 'rrule'));
          expect(ruleProducesStart(parseRule(rule), start)).toBe(collect(rule, start, start, start, 'rrule')[0] === start);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the rule walk', () => {
  it('moves an old series forward without changing its occurrences (monthly on the 31st, yearly, every 3rd week)', () => {
    const start = Date.UTC(1990, 0, 31, 9);
    const from = Date.UTC(2026, 0, 1);
    const to = Date.UTC(2027, 0, 1);
    for (const rule of ['FREQ=MONTHLY', 'FREQ=YEARLY;BYMONTH=2,3;BYDAY=-1SU', 'FREQ=MONTHLY;INTERVAL=5;BYDAY=2TU', 'FREQ=WEEKLY;INTERVAL=3;BYDAY=MO;BYMONTH=1,2']) {
      const all: number[] = [];
      walkRule({ rule: parseRule(rule), start, from: start, to, until: null, visit: (f) => all.push(f) > 0 }, 'rrule');
      expect(collect(rule, start, from, to, 'rrule')).toEqual(all.filter((f) => f >= from));
    }
  });
});

/**
 * Rules of every frequency rrule expands by days, without COUNT (whose DTSTART rule differs
 * from rrule's), that always occur again: plain rrule, the oracle, would walk to the year
 * 9999 on one that does not.
 */
const anyRule = fc
  .record({
    freq: fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'),
    interval: fc.integer({ min: 1, max: 4 }),
    byMonth: fc.option(fc.subarray([1, 2, 3, 6, 9, 12], { minLength: 1, maxLength: 3 })),
    byMonthDay: fc.option(fc.subarray([1, 15, 28, -1], { minLength: 1, maxLength: 2 })),
    byDay: fc.option(fc.subarray(['MO', 'WE', 'FR', '1TU', '-1FR', '2SU'], { minLength: 1, maxLength: 2 })),
    bySetPos: fc.option(fc.constantFrom(1, -1)),
  })
  .map(({ freq, interval, byMonth, byMonthDay, byDay, bySetPos }) => {
    const parts = [`FREQ=${freq}`, `INTERVAL=${interval}`];
    if (byMonth !== null) parts.push(`BYMONTH=${byMonth.join(',')}`);
    if (byMonthDay !== null && freq !== 'WEEKLY') parts.push(`BYMONTHDAY=${byMonthDay.join(',')}`);
    const days = byMonthDay !== null && freq !== 'WEEKLY' ? [] : byDay?.filter((d) => freq === 'MONTHLY' || freq === 'YEARLY' || /^[A-Z]{2}$/.test(d)) ?? [];
    if (days.length > 0) parts.push(`BYDAY=${days.join(',')}`);
    if (bySetPos !== null && parts.length > 2 && freq !== 'DAILY') parts.push(`BYSETPOS=${bySetPos}`);
    return parts.join(';');
  });

describe('the rule walk against plain rrule', () => {
  it('gives the occurrences rrule gives from the real DTSTART, in any window', { timeout: 60_000 }, () => {
    const base = Date.UTC(2000, 0, 1);
    fc.assert(
      fc.property(anyRule, fc.integer({ min: 0, max: 9000 }), fc.integer({ min: 0, max: 12_000 }), fc.integer({ min: 0, max: 800 }), (rule, startDays, fromDays, lengthDays) => {
        const start = base + startDays * DAY_MS + 9 * 3_600_000;
        const from = base + fromDays * DAY_MS;
        const to = from + lengthDays * DAY_MS;
        const oracle = new RRule({ ...RRule.parseString(rule), dtstart: new Date(start) }).between(new Date(from), new Date(to), true).map((d) => d.getTime());
        expect(collect(rule, start, from, to, 'auto').slice(0, 500)).toEqual(oracle.slice(0, 500));
      }),
      { numRuns: 200 },
    );
  });
});
