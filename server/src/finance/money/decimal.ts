import { exponentOf } from './currencies.js';
import { parseDecimalAmount, type DecimalMark } from './parse-amount.js';

/** How a bank or a person writes amounts: `1,234.56` (decimal '.') or `1.234,56` (decimal ','). */
export type DecimalSeparator = DecimalMark;

/**
 * A decimal amount as a person writes it ("-1,234.56", "(12.00)", "1.234,56-") in the
 * account's declared convention, to integer minor units of `currency`. Strict: a grouping
 * mark in the wrong place, the other convention's decimal mark, or more decimals than the
 * currency has are errors, never guesses. The same reader as the bank-file parsers
 * (`parse-amount.ts`), worded for an account.
 */
export function parseAmount(text: string, currency: string, decimal: DecimalSeparator = '.'): number {
  return parseDecimalAmount(text, { exponent: exponentOf(currency), decimal, currency, wording: 'account' });
}

/** Minor units to a plain decimal string with the currency's exponent: 1234 USD -> "12.34", 5 JPY -> "5". */
export function toDecimalString(minor: number, currency: string): string {
  const exponent = exponentOf(currency);
  if (!Number.isSafeInteger(minor)) throw new RangeError(`${minor} is not an integer amount of minor units`);
  const abs = String(Math.abs(minor)).padStart(exponent + 1, '0');
  const body = exponent === 0 ? abs : `${abs.slice(0, -exponent)}.${abs.slice(-exponent)}`;
  return minor < 0 ? `-${body}` : body;
}

/** For people: "-$1,234.56", "1.234,56 €", "¥5". The decimal string keeps Intl away from floats. */
export function formatAmount(minor: number, currency: string, locale = 'en-US'): string {
  const exponent = exponentOf(currency);
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: exponent, maximumFractionDigits: exponent });
  return format.format(toDecimalString(minor, currency) as unknown as number);
}
