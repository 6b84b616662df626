export { CURRENCY_CODES, exponentOf, isCurrency } from './currencies.js';
export { formatAmount, parseAmount, toDecimalString, type DecimalSeparator } from './decimal.js';
export { AmountFormatError, formatDecimalAmount, parseDecimalAmount, type AmountProblem, type DecimalMark, type ParseAmountOptions } from './parse-amount.js';
export { allocate, split } from './allocate.js';
export { convert, divideHalfEven, invertRate, isRateString, parseRate, type Rate } from './rate.js';
