import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exponentOf } from './currencies.js';
import { toDecimalString } from './decimal.js';
import { AmountFormatError, parseDecimalAmount, type DecimalMark, type ParseAmountOptions } from './parse-amount.js';

const minor = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
const currency = fc.constantFrom('JPY', 'USD', 'KWD');
/** Locales whose numbers use each convention: en-US 1,234.56; de-DE 1.234,56; fr-FR 1 234,56 (narrow NBSP). */
const convention = fc.constantFrom<[string, DecimalMark]>(['en-US', '.'], ['en-GB', '.'], ['de-DE', ','], ['fr-FR', ','], ['es-ES', ',']);

/** What a person or a bank export shows: Intl's grouping and decimal mark, from the exact decimal string. */
function written(amount: number, code: string, locale: string, grouping: boolean): string {
  const exponent = exponentOf(code);
  const format = new Intl.NumberFormat(locale, { minimumFractionDigits: exponent, maximumFractionDigits: exponent, useGrouping: grouping });
  return format.format(toDecimalString(amount, code) as unknown as number);
}

/** The strictness of each caller: an account's typed amounts, and a bank-file import. */
const callers = (code: string, decimal: DecimalMark): ParseAmountOptions[] => [
  { exponent: exponentOf(code), decimal, currency: code, wording: 'account' },
  { exponent: exponentOf(code), decimal, symbols: true, refuseThousandsLike: true, wording: 'import' },
];

describe('the one amount parser', () => {
  it('round-trips format -> parse for JPY, USD and KWD in both decimal conventions, grouped or not, for every caller', () => {
    fc.assert(
      fc.property(minor, currency, convention, fc.boolean(), (amount, code, [locale, decimal], grouping) => {
        const text = written(amount, code, locale, grouping);
        for (const options of callers(code, decimal)) expect(parseDecimalAmount(text, options), `${text} (${locale})`).toBe(amount);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses a grouped amount written in the other convention instead of misreading it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000_000, max: 1e13 }), currency, convention, (amount, code, [locale, decimal]) => {
        const text = written(amount, code, locale, true);
        const other: DecimalMark = decimal === '.' ? ',' : '.';
        if (locale === 'fr-FR') return; // spaces group in both conventions: no misreading possible
        for (const options of callers(code, other)) expect(() => parseDecimalAmount(text, options), text).toThrow(AmountFormatError);
      }),
      { numRuns: 2000 },
    );
  });

  it('never answers a non-integer or a float-rounded value', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('0', '1', '9', '.', ',', '-', ' ', '(', ')', '$') , maxLength: 24 }), currency, fc.constantFrom<DecimalMark>('.', ','), (text, code, decimal) => {
        for (const options of callers(code, decimal)) {
          try {
            expect(Number.isSafeInteger(parseDecimalAmount(text, options))).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(AmountFormatError);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });
});
