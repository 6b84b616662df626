import { describe, expect, it } from 'vitest';
import { formatMoney, parseMoney, toDecimalString, toInputString } from './money';

const ok = (minor: number) => ({ ok: true, minor });
/** Intl separates with no-break spaces; the assertions read easier with plain ones. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it('writes each currency with its ISO exponent in the given locale', () => {
    expect(formatMoney(-1234, 'USD', 2, 'en-US')).toBe('-$12.34');
    expect(formatMoney(1234, 'JPY', 0, 'en-US')).toBe('¥1,234');
    expect(plain(formatMoney(1234, 'KWD', 3, 'en-US'))).toBe('KWD 1.234');
    expect(plain(formatMoney(123456, 'EUR', 2, 'de-DE'))).toBe('1.234,56 €');
  });

  it('stays exact beyond float precision', () => {
    expect(toDecimalString(9007199254740991, 2)).toBe('90071992547409.91');
    expect(formatMoney(9007199254740991, 'USD', 2, 'en-US')).toBe('$90,071,992,547,409.91');
    expect(toDecimalString(-5, 3)).toBe('-0.005');
  });
});

describe('parseMoney', () => {
  it('reads the locale decimal mark and grouping into minor units', () => {
    expect(parseMoney('12.34', 2, 'en-US')).toEqual(ok(1234));
    expect(parseMoney('-1,234.5', 2, 'en-US')).toEqual(ok(-123450));
    expect(parseMoney('+7', 2, 'en-US')).toEqual(ok(700));
    expect(parseMoney('.5', 2, 'en-US')).toEqual(ok(50));
    expect(parseMoney('1.234,56', 2, 'de-DE')).toEqual(ok(123456));
    expect(parseMoney('−3,5', 2, 'de-DE')).toEqual(ok(-350));
    expect(parseMoney('1 234,5', 2, 'fr-FR')).toEqual(ok(123450));
    expect(parseMoney('1234', 0, 'en-US')).toEqual(ok(1234));
    expect(parseMoney('1.234', 3, 'en-US')).toEqual(ok(1234));
    expect(parseMoney('-0', 2, 'en-US')).toEqual(ok(0));
  });

  it('refuses what could mean two things, naming the problem', () => {
    const problem = (text: string, exponent: number, locale: string) => {
      const parsed = parseMoney(text, exponent, locale);
      return parsed.ok ? `read as ${parsed.minor}` : parsed.problem;
    };
    expect(problem('1.234,56', 2, 'en-US')).toBe('is ambiguous: this format writes decimals with "."');
    expect(problem('12,5', 2, 'en-US')).toBe('is ambiguous: use "." for decimals and "," only between thousands');
    expect(problem('12.50', 2, 'de-DE')).toBe('is ambiguous: use "," for decimals and "." only between thousands');
    expect(parseMoney('1.234', 2, 'en-US')).toMatchObject({ ok: false, problem: 'takes at most 2 decimals in this currency' });
    expect(parseMoney('5.5', 0, 'en-US')).toMatchObject({ ok: false, problem: 'takes no decimals in this currency' });
    expect(parseMoney('1.2.3', 2, 'en-US')).toMatchObject({ ok: false });
    expect(parseMoney('12abc', 2, 'en-US')).toMatchObject({ ok: false, problem: 'is not a number' });
    expect(parseMoney('', 2, 'en-US')).toMatchObject({ ok: false, problem: 'is required' });
    expect(parseMoney('-', 2, 'en-US')).toMatchObject({ ok: false });
    expect(parseMoney('99999999999999999', 2, 'en-US')).toMatchObject({ ok: false, problem: 'is too large' });
  });

  it('reads back what toInputString writes, in every locale', () => {
    for (const locale of ['en-US', 'de-DE', 'fr-FR', 'hi-IN']) {
      for (const [minor, exponent] of [[-123456, 2], [5, 3], [42, 0], [0, 2]] as const) {
        expect(parseMoney(toInputString(minor, exponent, locale), exponent, locale)).toEqual(ok(minor));
      }
    }
  });
});
