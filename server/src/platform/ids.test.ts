import { describe, expect, it } from 'vitest';
import { newId, newSecret } from './ids.js';

describe('ids', () => {
  it('are UUIDv7: version and variant bits, time-ordered, unique', () => {
    const a = newId(1_700_000_000_000);
    const b = newId(1_700_000_000_001);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
    const many = new Set(Array.from({ length: 10_000 }, () => newId()));
    expect(many.size).toBe(10_000);
  });

  it('makes prefixed, URL-safe secrets of 256 bits', () => {
    const s = newSecret('atom_pat');
    expect(s).toMatch(/^atom_pat_[A-Za-z0-9_-]{43}$/);
  });
});
