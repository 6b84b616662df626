import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, convert, exponentOf, invertRate, parseAmount, parseRate, split, toDecimalString } from './index.js';

const minor = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 });
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('money properties', () => {
  it('splits always add up to the parent and differ by at most one unit', () => {
    fc.assert(
      fc.property(minor, fc.integer({ min: 1, max: 50 }), (amount, n) => {
        const parts = split(amount, n);
        expect(sum(parts)).toBe(amount);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('allocations by ratio add up to the parent and stay within one unit of the exact share', () => {
    fc.assert(
      fc.property(minor, fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 }).filter((r) => r.some((x) => x > 0)), (amount, ratios) => {
        const parts = allocate(amount, ratios);
        expect(sum(parts)).toBe(amount);
        const total = sum(ratios);
        parts.forEach((p, i) => expect(Math.abs(p - (amount * ratios[i]!) / total)).toBeLessThan(1 + 1e-6 * Math.abs(amount)));
      }),
    );
  });

  it('decimal strings round-trip in every exponent (JPY 0, USD 2, KWD 3, CLF 4)', () => {
    fc.assert(
      fc.property(minor, fc.constantFrom('JPY', 'USD', 'KWD', 'CLF'), (amount, currency) => {
        const text = toDecimalString(amount, currency);
        const decimals = text.split('.')[1]?.length ?? 0;
        expect(decimals).toBe(exponentOf(currency));
        expect(parseAmount(text, currency)).toBe(amount);
        expect(parseAmount(text.replace('.', ','), currency, ',')).toBe(amount);
      }),
    );
  });

  it('converting at a rate and its exact inverse lands within rounding of the start', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), (amount) => {
        const rate = parseRate('151.37');
        const there = convert(amount, 'USD', 'JPY', rate);
        expect(Math.abs(convert(there, 'JPY', 'USD', invertRate(rate)) - amount)).toBeLessThanOrEqual(1);
        expect(convert(amount, 'USD', 'KWD', '1')).toBe(amount * 10);
        expect(convert(amount * 10, 'KWD', 'USD', '1')).toBe(amount);
      }),
    );
  });

  it('shows no drift over 100,000 random operations', () => {
    // A ledger kept two ways: our integer operations, and an exact BigInt reference.
    // Every split is re-summed, every conversion is checked against the exact fraction.
    const ops = fc.sample(
      fc.tuple(fc.constantFrom('add', 'split', 'allocate', 'convert', 'parse'), minor, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 999_999 })),
      { numRuns: 100_000, seed: 42 },
    );
    let balance = 0;
    let reference = 0n;
    for (const [op, amount, n, r] of ops) {
      if (op === 'add') {
        balance += amount;
        reference += BigInt(amount);
      } else if (op === 'split') {
        balance += sum(split(amount, n));
        reference += BigInt(amount);
      } else if (op === 'allocate') {
        balance += sum(allocate(amount, [r, n, r % 7]));
        reference += BigInt(amount);
      } else if (op === 'convert') {
        const rate = `${Math.floor(r / 1000)}.${String(r % 1000).padStart(3, '0')}`;
        const converted = convert(amount, 'USD', 'USD', rate);
        const exact = BigInt(amount) * BigInt(r); // in thousandths
        expect(BigInt(converted) * 1000n - exact).toBeLessThanOrEqual(500n);
        expect(exact - BigInt(converted) * 1000n).toBeLessThanOrEqual(500n);
        balance += amount;
        reference += BigInt(amount);
      } else {
        const text = toDecimalString(amount, 'KWD');
        balance += parseAmount(text, 'KWD');
        reference += BigInt(amount);
      }
    }
    expect(ops).toHaveLength(100_000);
    expect(BigInt(balance)).toBe(reference);
  });
});
