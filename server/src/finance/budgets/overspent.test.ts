import { describe, expect, it } from 'vitest';
import { monthsToCheck } from './overspent.js';

describe('monthsToCheck', () => {
  it('runs from the earliest touched month to the later of the latest touched one and today', () => {
    expect(monthsToCheck(['2026-06', '2026-03'], '2026-04-15')).toEqual(['2026-03', '2026-04', '2026-05', '2026-06']);
    expect(monthsToCheck(['2025-11'], '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsToCheck(['2026-02', '2026-02'], '2026-02-28')).toEqual(['2026-02']);
    expect(monthsToCheck([], '2026-02-28')).toEqual([]);
  });
});
