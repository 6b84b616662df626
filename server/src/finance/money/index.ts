export { CURRENCY_CODES, exponentOf, isCurrency } from './currencies.js';
export { AmountFormatError, formatAmount, parseAmount, toDecimalString, type DecimalSeparator } from './decimal.js';
export { allocate, split } from './allocate.js';
export { convert, divideHalfEven, invertRate, isRateString, parseRate, type Rate } from './rate.js';
