/**
 * Bank-file amounts: the shared reader in `money/parse-amount.ts` with an import's
 * strictness. Anything that could be read two ways under the file's convention (a
 * "1.234,56" in a "."-decimal import, a "12.345" where the currency has two decimals) is
 * refused with a sentence saying why; currency symbols around the number are accepted.
 */
import { formatDecimalAmount, parseDecimalAmount, type DecimalMark } from '../../money/parse-amount.js';

export type { DecimalMark };

export interface AmountStyle {
  /** Digits after the decimal mark in the currency: 0 (JPY), 2 (USD), 3 (KWD). */
  exponent: number;
  decimal: DecimalMark;
  /** Allow thousands grouping (the other mark, space, NBSP, apostrophe). OFX has none. */
  grouping?: boolean;
}

export function parseAmount(text: string, style: AmountStyle): number {
  return parseDecimalAmount(text, { ...style, symbols: true, refuseThousandsLike: true, wording: 'import' });
}

/** Integer minor units -> "-1234.56" (no grouping); the inverse of parseAmount for round trips and exports. */
export const formatAmount = formatDecimalAmount;
