import { exponentOf, isCurrency } from '../../money/index.js';

/**
 * Files may name any well-formed code (the import then refuses one that is not the account's);
 * exponents come from the one ISO 4217 table in finance/money. An unknown code reads with 2.
 */
export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code);
}

export function currencyExponent(code: string): number {
  return isCurrency(code) ? exponentOf(code) : 2;
}
