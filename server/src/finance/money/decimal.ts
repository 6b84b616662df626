import { exponentOf } from './currencies.js';

/** How a bank or a person writes amounts: `1,234.56` (decimal '.') or `1.234,56` (decimal ','). */
export type DecimalSeparator = '.' | ',';

export class AmountFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AmountFormatError';
  }
}

/** Separators that group thousands besides the other convention's mark: spaces, NBSPs, the Swiss apostrophe. */
const NEUTRAL_GROUP = /[ \u00a0\u202f']/g;

function example(decimal: DecimalSeparator): string {
  return decimal === '.' ? '1,234.56' : '1.234,56';
}

export function assertSafeMinor(minor: bigint, text: string): number {
  if (minor > BigInt(Number.MAX_SAFE_INTEGER) || minor < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new AmountFormatError(`"${text}" is too large an amount`);
  }
  return Number(minor);
}

/**
 * A decimal amount as written ("-1,234.56", "(12.00)", "1.234,56-") to integer minor units
 * of `currency`. Strict: a grouping mark in the wrong place, the other convention's decimal
 * mark, or more decimals than the currency has are errors, never guesses.
 */
export function parseAmount(text: string, currency: string, decimal: DecimalSeparator = '.'): number {
  const exponent = exponentOf(currency);
  const group = decimal === '.' ? ',' : '.';
  let s = text.trim();
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (/^[-+\u2212]/.test(s)) {
    negative ||= s[0] !== '+';
    s = s.slice(1).trim();
  } else if (/[-\u2212]$/.test(s)) {
    negative = true;
    s = s.slice(0, -1).trim();
  }
  if (s === '') throw new AmountFormatError(`"${text}" is not an amount`);
  s = s.replace(NEUTRAL_GROUP, '');

  const parts = s.split(decimal);
  if (parts.length > 2) {
    throw new AmountFormatError(`"${text}" has more than one decimal mark '${decimal}'; this account writes amounts like ${example(decimal)}`);
  }
  const [whole = '', fraction] = parts;
  if (fraction !== undefined && !/^\d*$/.test(fraction)) {
    throw new AmountFormatError(
      fraction.includes(group)
        ? `"${text}" looks like it uses '${group}' as the decimal mark; this account writes amounts like ${example(decimal)}`
        : `"${text}" is not an amount`,
    );
  }
  if (!/^\d+$/.test(whole) && !new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`).test(whole)) {
    if (whole.includes(group)) {
      throw new AmountFormatError(
        `"${text}": '${group}' groups thousands in this account (amounts like ${example(decimal)}), so it cannot stand here`,
      );
    }
    if (whole === '' && fraction !== undefined && fraction !== '') {
      // ".5" is a plain amount; let it through as 0.5.
    } else {
      throw new AmountFormatError(`"${text}" is not an amount`);
    }
  }
  const digits = (fraction ?? '').replace(/0+$/, '');
  if (digits.length > exponent) {
    throw new AmountFormatError(`"${text}" has more decimals than ${currency} allows (${exponent})`);
  }
  const minor = BigInt(whole.split(group).join('') || '0') * 10n ** BigInt(exponent) + BigInt(digits.padEnd(exponent, '0') || '0');
  return assertSafeMinor(negative ? -minor : minor, text);
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
