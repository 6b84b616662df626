import { describe, expect, it } from 'vitest';
import { AmountFormatError, CURRENCY_CODES, allocate, convert, divideHalfEven, exponentOf, formatAmount, parseAmount, split, toDecimalString } from './index.js';

describe('currencies', () => {
  it('knows the exponents ISO 4217 gives', () => {
    expect([exponentOf('JPY'), exponentOf('KRW'), exponentOf('USD'), exponentOf('EUR'), exponentOf('KWD'), exponentOf('BHD'), exponentOf('TND'), exponentOf('CLF')]).toEqual([0, 0, 2, 2, 3, 3, 3, 4]);
    expect(() => exponentOf('XYZ')).toThrow(/not an ISO 4217/);
    expect(CURRENCY_CODES.length).toBeGreaterThan(150);
  });

  it('lists only codes that Intl can format', () => {
    for (const code of CURRENCY_CODES) expect(() => formatAmount(1, code)).not.toThrow();
  });
});

describe('parseAmount', () => {
  it('reads both conventions into minor units', () => {
    expect(parseAmount('1,234.56', 'USD', '.')).toBe(123456);
    expect(parseAmount('1.234,56', 'EUR', ',')).toBe(123456);
    expect(parseAmount('-12.3', 'USD')).toBe(-1230);
    expect(parseAmount('(12.00)', 'USD')).toBe(-1200);
    expect(parseAmount('12.00-', 'USD')).toBe(-1200);
    expect(parseAmount('1 234,5', 'EUR', ',')).toBe(123450);
    expect(parseAmount("1'234.50", 'CHF')).toBe(123450);
    expect(parseAmount('1234', 'JPY')).toBe(1234);
    expect(parseAmount('1.234', 'KWD')).toBe(1234);
    expect(parseAmount('.5', 'USD')).toBe(50);
  });

  it('refuses the other convention with a message that says so', () => {
    expect(() => parseAmount('1.234,56', 'USD', '.')).toThrow(/looks like it uses ',' as the decimal mark.*1,234\.56/);
    expect(() => parseAmount('1,234.56', 'EUR', ',')).toThrow(/looks like it uses '\.' as the decimal mark.*1\.234,56/);
    expect(() => parseAmount('1,5', 'USD', '.')).toThrow(/',' groups thousands/);
    expect(() => parseAmount('1.2.3', 'USD', '.')).toThrow(/more than one decimal mark/);
    expect(() => parseAmount('12,34,567.00', 'USD', '.')).toThrow(AmountFormatError);
    expect(() => parseAmount('abc', 'USD')).toThrow(/not an amount/);
    expect(() => parseAmount('', 'USD')).toThrow(/not an amount/);
  });

  it('refuses more decimals than the currency has', () => {
    expect(() => parseAmount('1.5', 'JPY')).toThrow(/more decimals than JPY allows \(0\)/);
    expect(() => parseAmount('1.001', 'USD')).toThrow(/USD allows \(2\)/);
    expect(parseAmount('1.000', 'JPY')).toBe(1);
    expect(() => parseAmount('1.0001', 'KWD')).toThrow(/KWD allows \(3\)/);
  });

  it('refuses amounts beyond exact integers', () => {
    expect(() => parseAmount('100000000000000000', 'USD')).toThrow(/too large/);
  });
});

describe('formatting', () => {
  it('writes decimal strings with the exponent', () => {
    expect(toDecimalString(-123456, 'USD')).toBe('-1234.56');
    expect(toDecimalString(5, 'USD')).toBe('0.05');
    expect(toDecimalString(5, 'JPY')).toBe('5');
    expect(toDecimalString(-1, 'KWD')).toBe('-0.001');
  });

  it('formats for people through Intl without losing digits', () => {
    expect(formatAmount(-123456, 'USD', 'en-US')).toBe('-$1,234.56');
    expect(formatAmount(500, 'JPY', 'en-US')).toBe('¥500');
    expect(formatAmount(1234, 'KWD', 'en-US')).toMatch(/1\.234/);
    expect(formatAmount(900719925474099, 'USD', 'en-US')).toBe('$9,007,199,254,740.99');
    expect(formatAmount(123456, 'EUR', 'de-DE')).toBe('1.234,56\u00a0€');
  });
});

describe('allocate and split', () => {
  it('hands the odd units to the largest remainders', () => {
    expect(split(100, 3)).toEqual([34, 33, 33]);
    expect(split(-100, 3)).toEqual([-34, -33, -33]);
    expect(allocate(5, [1, 1])).toEqual([3, 2]);
    expect(allocate(100, [70, 20, 10])).toEqual([70, 20, 10]);
    expect(allocate(1, [1, 2])).toEqual([0, 1]);
    expect(allocate(10, [0, 1])).toEqual([0, 10]);
  });

  it('refuses nonsense', () => {
    expect(() => split(1.5, 2)).toThrow();
    expect(() => allocate(10, [])).toThrow();
    expect(() => allocate(10, [0, 0])).toThrow();
    expect(() => allocate(10, [-1, 2])).toThrow();
  });
});

describe('convert', () => {
  it('rounds once, half to even, across exponents', () => {
    expect(convert(10000, 'USD', 'EUR', '0.9213')).toBe(9213);
    expect(convert(1000, 'JPY', 'USD', '0.0066')).toBe(660);
    expect(convert(10000, 'USD', 'JPY', '151.375')).toBe(15138); // 15137.5 -> even 15138
    expect(convert(10000, 'USD', 'JPY', '151.365')).toBe(15136); // 15136.5 -> even 15136
    expect(convert(1000, 'KWD', 'USD', '3.25')).toBe(325);
    expect(convert(-10000, 'USD', 'JPY', '151.375')).toBe(-15138);
    expect(() => convert(1, 'USD', 'EUR', '1,2')).toThrow(/not a rate/);
    expect(() => convert(1, 'USD', 'EUR', '0')).toThrow(/greater than zero/);
  });

  it('divides half to even', () => {
    expect([5n, 15n, 25n, -5n, -15n, 7n].map((n) => divideHalfEven(n, 10n))).toEqual([0n, 2n, 2n, 0n, -2n, 1n]);
  });
});
