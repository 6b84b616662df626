import { describe, expect, it } from 'vitest';
import { newPart, remainingOf } from './SplitEditor';

describe('remainingOf', () => {
  it('is what the parts leave of the total, in minor units', () => {
    expect(remainingOf([newPart(null, '-80'), newPart(null, '-30')], -12000, 2)).toBe(-1000);
    expect(remainingOf([newPart(null, '-80'), newPart(null, '-40.00')], -12000, 2)).toBe(0);
    expect(remainingOf([newPart(null, '-80'), newPart(null, '')], -12000, 2)).toBe(-4000);
  });

  it('is unknown while a part or the total does not read', () => {
    expect(remainingOf([newPart(null, '-80'), newPart(null, '1,5')], -12000, 2)).toBeNull();
    expect(remainingOf([newPart(null, '-80')], null, 2)).toBeNull();
  });
});
