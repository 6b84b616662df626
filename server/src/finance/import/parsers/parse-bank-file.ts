/**
 * The one entry point of the import: bytes or text in, statements out, or a ParseError that
 * names the file and its line. The size guard runs before anything is decoded or parsed,
 * from the byte count the upload already knows, so a 200 MB file costs nothing.
 */
import { parseCamt053 } from './camt053.js';
import { parseCsv, type CsvMapping } from './csv.js';
import { sniffCsv } from './csv-sniff.js';
import { decodeBankFile } from './decode.js';
import { detectFormat } from './detect.js';
import { ParseError } from './errors.js';
import { parseOfx } from './ofx.js';
import { parseQif, type QifOptions } from './qif.js';
import type { BankFileFormat, ParsedStatement } from './types.js';

export const MAX_BANK_FILE_BYTES = 50 * 1024 * 1024;

export class BankFileTooLarge extends Error {
  constructor(
    readonly file: string,
    readonly byteLength: number,
    readonly limit: number,
  ) {
    super(`${file} is ${(byteLength / 1024 / 1024).toFixed(1)} MB; bank files of up to ${limit / 1024 / 1024} MB can be imported`);
    this.name = 'BankFileTooLarge';
  }
}

export interface BankFileOptions {
  /** The account's currency: QIF and CSV never say, and OFX/CAMT files may omit it. */
  currency: string;
  /** Size of the upload as received; checked before anything else. */
  byteLength?: number;
  /** Overrides detection. */
  format?: BankFileFormat;
  /** The confirmed CSV mapping; without one, sniffCsv's proposal is used and said so in the warnings. */
  csv?: CsvMapping;
  qif?: Omit<QifOptions, 'currency'>;
  /** Lower limit for callers that want one (tests); the default is MAX_BANK_FILE_BYTES. */
  maxBytes?: number;
}

/** UTF-8 size of `text`, computed only when the cheap bounds (1 to 3 bytes per UTF-16 unit) cannot decide. */
function sizeOf(input: string | Uint8Array, limit: number): number {
  if (typeof input !== 'string') return input.byteLength;
  if (input.length > limit || input.length * 3 <= limit) return input.length;
  return Buffer.byteLength(input, 'utf8');
}

export function checkBankFileSize(file: string, byteLength: number, limit = MAX_BANK_FILE_BYTES): void {
  if (byteLength > limit) throw new BankFileTooLarge(file, byteLength, limit);
}

export function parseBankFile(fileName: string, input: string | Uint8Array, options: BankFileOptions): ParsedStatement[] {
  const limit = options.maxBytes ?? MAX_BANK_FILE_BYTES;
  if (options.byteLength !== undefined) checkBankFileSize(fileName, options.byteLength, limit);
  checkBankFileSize(fileName, sizeOf(input, limit), limit);
  try {
    const text = typeof input === 'string' ? input.replace(/^\ufeff/, '') : decodeBankFile(input).text;
    const format = options.format ?? detectFormat(fileName, text);
    switch (format) {
      case 'ofx':
      case 'qfx':
        return parseOfx(text, { currency: options.currency }).map((s) => (format === 'qfx' ? { ...s, format } : s));
      case 'qif':
        return parseQif(text, { currency: options.currency, ...options.qif });
      case 'camt053':
        return parseCamt053(text);
      case 'csv':
        return [parseCsvWithMapping(text, options)];
      case null:
        throw new ParseError('the file is not OFX, QFX, QIF, CSV or camt.053', 1);
    }
  } catch (error) {
    if (error instanceof ParseError) throw error.inFile(fileName);
    throw error;
  }
}

function parseCsvWithMapping(text: string, options: BankFileOptions): ParsedStatement {
  if (options.csv) return parseCsv(text, options.csv, { currency: options.currency });
  const sniff = sniffCsv(text);
  const statement = parseCsv(text, sniff.mapping, { currency: options.currency });
  const line = (sniff.mapping.skipRows ?? 0) + 1;
  statement.warnings.push(
    { line, message: 'the column mapping was proposed from the file; check it before importing' },
    ...sniff.notes.map((message) => ({ line, message })),
  );
  return statement;
}
