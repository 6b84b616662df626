import { describe, expect, it } from 'vitest';
import { assertTimeZone, dueToFloating, floatingToDue } from './due.js';
import { RecurrenceError } from './types.js';

describe('dues and zones', () => {
  it('refuses an unknown zone with a RecurrenceError', () => {
    expect(() => assertTimeZone('Mars/Olympus_Mons')).toThrow(RecurrenceError);
    expect(() => assertTimeZone('Not/A_Zone')).toThrow(/not a known time zone/);
    expect(() => assertTimeZone('Asia/Kolkata')).not.toThrow();
  });

  it('keeps a date due off the zone and an instant due on its wall clock', () => {
    expect(floatingToDue(dueToFloating({ kind: 'date', date: '2026-03-29' }, 'Pacific/Apia'), 'date', 'Pacific/Apia')).toEqual({ kind: 'date', date: '2026-03-29' });
    const floating = dueToFloating({ kind: 'instant', at: '2026-10-25T00:30:00.000Z' }, 'Europe/Berlin');
    expect(new Date(floating).toISOString()).toBe('2026-10-25T02:30:00.000Z'); // 02:30 CEST, floating
    expect(floatingToDue(floating, 'instant', 'Europe/Berlin')).toEqual({ kind: 'instant', at: '2026-10-25T00:30:00.000Z' });
  });
});
