import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRank, rankBetween, ranksAfter } from './rank.js';

describe('fractional ranks', () => {
  it('starts in the middle and moves towards the ends', () => {
    expect(rankBetween(null, null)).toBe('i');
    expect(rankBetween('i', null) > 'i').toBe(true);
    expect(rankBetween(null, 'i') < 'i').toBe(true);
  });

  it('always finds a key strictly between two keys', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 300 }), (choices) => {
        // Build a list by random inserts; it must stay strictly sorted with valid keys.
        const keys: string[] = [rankBetween(null, null)];
        for (const [i, left] of choices.entries()) {
          const at = (i * 7919) % (keys.length + 1);
          const before = at === 0 ? null : keys[at - 1]!;
          const after = at === keys.length ? null : keys[at]!;
          const k = left ? rankBetween(before, after) : rankBetween(before, after);
          keys.splice(at, 0, k);
        }
        for (let i = 1; i < keys.length; i++) expect(keys[i - 1]! < keys[i]!).toBe(true);
        expect(keys.every(isRank)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps keys short when items are appended or prepended', () => {
    const appended = ranksAfter(null, 1000);
    expect(appended.at(-1)!.length).toBeLessThan(60);
    let top = 'i';
    for (let i = 0; i < 1000; i++) top = rankBetween(null, top);
    expect(top.length).toBeLessThan(60);
    expect(isRank(top)).toBe(true);
  });

  it('refuses bounds in the wrong order', () => {
    expect(() => rankBetween('b', 'a')).toThrow();
    expect(() => rankBetween('a', 'a')).toThrow();
  });
});
