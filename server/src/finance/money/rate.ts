import { exponentOf } from './currencies.js';

/**
 * An exchange rate as an exact fraction: "1 base = rate quote", written as a decimal string
 * ("1.0845", "151.37") and never as a float, so a stored rate converts the same way forever.
 */
export interface Rate {
  numerator: bigint;
  denominator: bigint;
}

const RATE_PATTERN = /^\d{1,12}(\.\d{1,12})?$/;

export function isRateString(text: string): boolean {
  return RATE_PATTERN.test(text) && parseRate(text).numerator > 0n;
}

export function parseRate(text: string): Rate {
  if (!RATE_PATTERN.test(text)) throw new RangeError(`"${text}" is not a rate; write it as a decimal like 1.0845`);
  const [whole, fraction = ''] = text.split('.');
  const numerator = BigInt(`${whole}${fraction}`);
  if (numerator === 0n) throw new RangeError('a rate must be greater than zero');
  return { numerator, denominator: 10n ** BigInt(fraction.length) };
}

/** numerator / denominator rounded half to even (banker's rounding): no drift on average. */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  if (denominator < 0n) return divideHalfEven(-numerator, -denominator);
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  let q = n / denominator;
  const twice = (n % denominator) * 2n;
  if (twice > denominator || (twice === denominator && q % 2n === 1n)) q += 1n;
  return negative ? -q : q;
}

/**
 * `minor` units of `from` in units of `to` at "1 from = rate to": one exact product, one
 * rounding at the end (half to even), whatever the exponents (JPY 0 -> KWD 3 and back).
 */
export function convert(minor: number, from: string, to: string, rate: string | Rate): number {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`${minor} is not an integer amount of minor units`);
  const r = typeof rate === 'string' ? parseRate(rate) : rate;
  const scale = exponentOf(to) - exponentOf(from);
  const num = BigInt(minor) * r.numerator * (scale > 0 ? 10n ** BigInt(scale) : 1n);
  const den = r.denominator * (scale < 0 ? 10n ** BigInt(-scale) : 1n);
  const result = divideHalfEven(num, den);
  if (result > BigInt(Number.MAX_SAFE_INTEGER) || result < -BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('converted amount is too large');
  return Number(result);
}

/** The rate for the opposite direction, as an exact fraction. */
export function invertRate(rate: Rate): Rate {
  return { numerator: rate.denominator, denominator: rate.numerator };
}
