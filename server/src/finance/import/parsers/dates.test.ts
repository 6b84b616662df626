import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateReader, readDate } from './dates.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const day = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true });

describe('dateReader', () => {
  it('reads every calendar day back in each common format', () => {
    fc.assert(
      fc.property(day, (date) => {
        const iso = date.toISOString().slice(0, 10);
        const [y = '', m = '', d = ''] = iso.split('-');
        const M = String(Number(m));
        const D = String(Number(d));
        expect(readDate(`${d}.${m}.${y}`, 'DD.MM.YYYY')).toBe(iso);
        expect(readDate(`${M}/${D}/${y}`, 'M/D/YYYY')).toBe(iso);
        expect(readDate(`${d}/${m}/${y}`, 'DD/MM/YYYY')).toBe(iso);
        expect(readDate(`${D} ${MONTHS[Number(m) - 1]} ${y}`, 'D MMM YYYY')).toBe(iso);
        expect(readDate(`${y}${m}${d}`, 'YYYYMMDD')).toBe(iso);
        if (Number(y) >= 2000 && Number(y) < 2070) expect(readDate(`${m}/${d}/${y.slice(2)}`, 'MM/DD/YY')).toBe(iso);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses days that do not exist, and ignores a time of day', () => {
    expect(dateReader('YYYY-MM-DD')('2026-02-29')).toBeNull();
    expect(dateReader('YYYY-MM-DD')('2028-02-29')).toBe('2028-02-29');
    expect(dateReader('DD.MM.YYYY')('31.04.2026')).toBeNull();
    expect(dateReader('YYYY-MM-DD')('2026-10-15 23:59:59')).toBe('2026-10-15');
    expect(dateReader('YYYY-MM-DD')('2026-10-15T23:59:59.000+02:00')).toBe('2026-10-15');
    expect(dateReader('D MMM YYYY')('3 Okt. 2026')).toBe('2026-10-03');
    expect(dateReader('D MMM YYYY')('3 Foo 2026')).toBeNull();
    expect(() => dateReader('DD/MM')).toThrow('the date format "DD/MM" needs a year, a month and a day');
  });
});
