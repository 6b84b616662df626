import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goalOutlook } from '../goals/outlook.js';
import { addMonth, lastDayOf, monthsBetween } from './months.js';
import { rollBudget, type RollInput } from './roll.js';

const m = (entries: [string, [string, number][]][]) => new Map(entries.map(([k, v]) => [k, new Map(v)]));

describe('rollBudget', () => {
  const categories = [
    { id: 'food', isIncome: false, rolloverOverspending: false },
    { id: 'car', isIncome: false, rolloverOverspending: true },
    { id: 'salary', isIncome: true, rolloverOverspending: false },
  ];

  it('follows the envelope rules month by month', () => {
    const input: RollInput = {
      categories,
      activity: m([
        ['food', [['2026-01', -300], ['2026-03', -50]]],
        ['car', [['2026-01', -500]]],
        ['salary', [['2026-01', 1000], ['2026-03', 1000]]],
      ]),
      assigned: m([
        ['food', [['2026-01', 200], ['2026-02', 100]]],
        ['car', [['2026-01', 300], ['2026-02', 100]]],
      ]),
      otherIncome: new Map([['2025-12', 50]]),
      target: '2026-03',
    };
    const months = rollBudget(input);
    expect(months.map((x) => x.month)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03']);
    const [dec, jan, feb, mar] = months;
    expect(dec!.toBudget).toBe(50);
    expect(jan!.categories.get('food')).toEqual({ carryover: 0, assigned: 200, spent: -300, available: -100 });
    expect(jan!.categories.get('car')).toEqual({ carryover: 0, assigned: 300, spent: -500, available: -200 });
    expect(jan!.toBudget).toBe(50 + 1000 - 500);
    // Food's overspending leaves the category and comes out of February's to-budget; the car's stays in the car.
    expect(feb!.categories.get('food')).toEqual({ carryover: 0, assigned: 100, spent: 0, available: 100 });
    expect(feb!.categories.get('car')).toEqual({ carryover: -200, assigned: 100, spent: 0, available: -100 });
    expect(feb!).toMatchObject({ overspentLastMonth: 100, toBudget: 50 + 1000 - 700 - 100 });
    expect(mar!.categories.get('food')).toEqual({ carryover: 100, assigned: 0, spent: -50, available: 50 });
    expect(mar!).toMatchObject({ income: 1000, overspentLastMonth: 0, toBudget: 50 + 2000 - 700 - 100 });
  });

  it('never creates or loses money: to-budget plus what the envelopes hold equals income plus spending', () => {
    const month = fc.integer({ min: 0, max: 5 }).map((i) => addMonth('2026-01', i));
    const entries = fc.array(fc.tuple(fc.constantFrom('food', 'car'), month, fc.integer({ min: -10_000, max: 10_000 })), { maxLength: 30 });
    fc.assert(
      fc.property(entries, entries, fc.array(fc.tuple(month, fc.integer({ min: 0, max: 20_000 })), { maxLength: 6 }), (spent, assigned, income) => {
        const sum = (list: [string, string, number][]) => {
          const out = new Map<string, Map<string, number>>();
          for (const [c, mo, v] of list) out.set(c, new Map([...(out.get(c) ?? []), [mo, (out.get(c)?.get(mo) ?? 0) + v]]));
          return out;
        };
        const otherIncome = new Map<string, number>();
        for (const [mo, v] of income) otherIncome.set(mo, (otherIncome.get(mo) ?? 0) + v);
        const last = rollBudget({ categories, activity: sum(spent), assigned: sum(assigned), otherIncome, target: '2026-06' }).at(-1)!;
        const held = [...last.categories.values()].reduce((s, c) => s + c.available, 0);
        const overspentNow = [...last.categories.entries()].filter(([id]) => id === 'food').reduce((s, [, c]) => s + Math.min(0, c.available), 0);
        const totalIncome = income.reduce((s, [, v]) => s + v, 0);
        const totalSpent = spent.reduce((s, [, , v]) => s + v, 0);
        // Non-rolled overspending of the last month is still in its envelope (negative) and not yet in to-budget.
        expect(last.toBudget + held).toBe(totalIncome + totalSpent);
        expect(overspentNow).toBeLessThanOrEqual(0);
      }),
    );
  });
});

describe('goalOutlook', () => {
  const base = { kind: 'save' as const, target: 120_000, targetDate: '2026-12-15', current: 0, recent: [0, 0, 0], today: '2026-01-20' };
  it('asks for the rest spread over the months left, this one included, rounded up', () => {
    expect(goalOutlook(base)).toMatchObject({ monthlyNeeded: 10_000, projectedDate: null, status: 'behind', progress: { percent: 0 } });
    expect(goalOutlook({ ...base, current: 1 }).monthlyNeeded).toBe(10_000);
    expect(goalOutlook({ ...base, current: 110_001, targetDate: '2025-06-01' }).monthlyNeeded).toBe(9_999);
  });
  it('projects from the average of the last three months', () => {
    expect(goalOutlook({ ...base, recent: [15_000, 15_000, 0] })).toMatchObject({ projectedDate: lastDayOf('2026-12'), status: 'on_track' });
    expect(goalOutlook({ ...base, recent: [5_000, 5_000, 5_000] })).toMatchObject({ projectedDate: lastDayOf(addMonth('2026-01', 23)), status: 'behind' });
    expect(goalOutlook({ ...base, recent: [-5_000, 1_000, 1_000] }).projectedDate).toBeNull();
    expect(goalOutlook({ ...base, current: 120_000 })).toMatchObject({ status: 'reached', monthlyNeeded: 0, progress: { percent: 100 } });
    expect(monthsBetween('2026-01', '2027-12')).toBe(23);
  });
});
