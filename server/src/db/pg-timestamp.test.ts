import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pgTimestampToIso } from './pg-timestamp.js';

/** PostgreSQL's text form of a UTC timestamptz: fractional digits trimmed of trailing zeros. */
function pgText(epochMs: number, micros: number): string {
  const iso = new Date(epochMs).toISOString();
  const fraction = `${iso.slice(20, 23)}${String(micros).padStart(3, '0')}`.replace(/0+$/, '');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction ? `.${fraction}` : ''}+00`;
}

describe('pgTimestampToIso', () => {
  it('gives what Date gives for every UTC timestamp PostgreSQL writes', () => {
    const min = Date.UTC(1000, 0, 1);
    const max = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
    fc.assert(
      fc.property(fc.integer({ min, max }), fc.integer({ min: 0, max: 999 }), (ms, micros) => {
        const text = pgText(ms, micros);
        expect(pgTimestampToIso(text)).toBe(new Date(text).toISOString());
      }),
      { numRuns: 5000 },
    );
  });

  it('pads and truncates fractions to milliseconds', () => {
    expect(pgTimestampToIso('2026-11-26 16:55:11+00')).toBe('2026-11-26T16:55:11.000Z');
    expect(pgTimestampToIso('2026-11-26 16:55:11.1+00')).toBe('2026-11-26T16:55:11.100Z');
    expect(pgTimestampToIso('2026-11-26 16:55:11.123999+00')).toBe('2026-11-26T16:55:11.123Z');
  });

  it('falls back to Date for another session zone', () => {
    expect(pgTimestampToIso('2026-11-26 17:55:11.5+01')).toBe('2026-11-26T16:55:11.500Z');
    expect(pgTimestampToIso('2026-03-29 03:30:00+05:30')).toBe('2026-03-28T22:00:00.000Z');
  });
});
