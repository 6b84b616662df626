import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount, type DecimalMark } from './amount.js';

const EXPONENTS = [0, 2, 3];
const minorUnits = fc.integer({ min: -1e13, max: 1e13 });

/** "-1,234,567.89" style text, the way exports group thousands. */
function grouped(minor: number, exponent: number, decimal: DecimalMark): string {
  const plain = formatAmount(minor, exponent, '.');
  const [whole, fraction] = plain.replace('-', '').split('.');
  const groups = whole!.replace(/\B(?=(\d{3})+$)/g, decimal === '.' ? ',' : '.');
  return `${minor < 0 ? '-' : ''}${groups}${fraction === undefined ? '' : decimal + fraction}`;
}

describe('parseAmount and formatAmount', () => {
  it('round-trip every integer amount for exponents 0, 2 and 3, with either decimal mark, grouped or not', () => {
    fc.assert(
      fc.property(minorUnits, fc.constantFrom(...EXPONENTS), fc.constantFrom<DecimalMark>('.', ','), (minor, exponent, decimal) => {
        expect(parseAmount(formatAmount(minor, exponent, decimal), { exponent, decimal })).toBe(minor);
        expect(parseAmount(grouped(minor, exponent, decimal), { exponent, decimal })).toBe(minor);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuse a grouped amount of 1,000 or more written in the other convention', () => {
    const large = fc.integer({ min: 1000, max: 1e9 }).chain((whole) => fc.tuple(fc.constant(whole), fc.integer({ min: 0, max: 999 }), fc.boolean()));
    fc.assert(
      fc.property(large, fc.constantFrom(...EXPONENTS), fc.constantFrom<DecimalMark>('.', ','), ([whole, cents, negative], exponent, decimal) => {
        const minor = (negative ? -1 : 1) * (whole * 10 ** exponent + (cents % 10 ** exponent));
        const other: DecimalMark = decimal === '.' ? ',' : '.';
        expect(() => parseAmount(grouped(minor, exponent, decimal), { exponent, decimal: other })).toThrow();
      }),
      { numRuns: 2000 },
    );
  });

  it('read the forms exports write: signs, parentheses, trailing minus, currency symbols, spaces and apostrophes', () => {
    const usd = { exponent: 2, decimal: '.' } as const;
    const eur = { exponent: 2, decimal: ',' } as const;
    expect(parseAmount('-12.5', usd)).toBe(-1250);
    expect(parseAmount('+12', usd)).toBe(1200);
    expect(parseAmount('(1,234.56)', usd)).toBe(-123456);
    expect(parseAmount('-$1,234.56', usd)).toBe(-123456);
    expect(parseAmount('£23.40', usd)).toBe(2340);
    expect(parseAmount('.50', usd)).toBe(50);
    expect(parseAmount('12,34-', eur)).toBe(-1234);
    expect(parseAmount('1 234,56 €', eur)).toBe(123456);
    expect(parseAmount("1'234.56", usd)).toBe(123456);
    expect(parseAmount('\u22121.00', usd)).toBe(-100);
    expect(parseAmount('-0.00', usd)).toBe(0);
    expect(parseAmount('12.340', { exponent: 2, decimal: '.', grouping: false })).toBe(1234);
    expect(parseAmount('1500', { exponent: 0, decimal: '.' })).toBe(1500);
    expect(parseAmount('1.234', { exponent: 3, decimal: '.' })).toBe(1234);
  });

  it('refuse floats, garbage and anything that could be read two ways, saying why', () => {
    const usd = { exponent: 2, decimal: '.' } as const;
    const eur = { exponent: 2, decimal: ',' } as const;
    expect(() => parseAmount('1e5', usd)).toThrow('"1e5" is not an amount');
    expect(() => parseAmount('NaN', usd)).toThrow('"NaN" is not an amount');
    expect(() => parseAmount('Infinity', usd)).toThrow('is not an amount');
    expect(() => parseAmount('', usd)).toThrow('the amount is empty');
    expect(() => parseAmount('12.3.4', usd)).toThrow('has more than one "."');
    expect(() => parseAmount('1.234,56', usd)).toThrow('"1.234,56" uses "," as the decimal mark, but this import expects "."');
    expect(() => parseAmount('1,234.56', eur)).toThrow('"1,234.56" uses "." as the decimal mark, but this import expects ","');
    expect(() => parseAmount('12.34', eur)).toThrow('"12.34" looks like it uses "." as the decimal mark, but this import expects ","');
    expect(() => parseAmount('1,000', { exponent: 0, decimal: ',' })).toThrow('is ambiguous');
    expect(() => parseAmount('12.345', usd)).toThrow('"12.345" is ambiguous');
    expect(() => parseAmount('12.3456', usd)).toThrow('"12.3456" has more decimals than the currency allows (2)');
    expect(() => parseAmount('1.5', { exponent: 0, decimal: '.' })).toThrow('has more decimals than the currency allows (0)');
    expect(() => parseAmount('12,34,5', usd)).toThrow('irregular thousands grouping');
    expect(() => parseAmount('1,234,567', { exponent: 2, decimal: '.', grouping: false })).toThrow('no thousands separators');
    expect(() => parseAmount('123456789012345678', usd)).toThrow('is too large');
    expect(() => formatAmount(1.5, 2)).toThrow('not an integer');
  });
});

describe('error messages', () => {
  it('quote at most 40 characters of what the file said', () => {
    expect(() => parseAmount(`1${'0'.repeat(100)}x`, { exponent: 2, decimal: '.' })).toThrow(`"1${'0'.repeat(39)}…" is not an amount`);
  });
});
