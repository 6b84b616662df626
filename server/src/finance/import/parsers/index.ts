/** Bank-file parsers: what the finance import uses. */
export { formatAmount, parseAmount, type AmountStyle, type DecimalMark } from './amount.js';
export { currencyExponent } from './currency.js';
export { parseCamt053 } from './camt053.js';
export { parseCsv, type ColumnRef, type CsvColumns, type CsvMapping } from './csv.js';
export { sniffCsv, type CsvSniff } from './csv-sniff.js';
export { decodeBankFile, type DecodedFile } from './decode.js';
export { detectFormat } from './detect.js';
export { ParseError } from './errors.js';
export { parseOfx } from './ofx.js';
export { BankFileTooLarge, checkBankFileSize, MAX_BANK_FILE_BYTES, parseBankFile, type BankFileOptions } from './parse-bank-file.js';
export { parseQif, type QifOptions } from './qif.js';
export type { DateStyle } from './qif-dates.js';
export type * from './types.js';
