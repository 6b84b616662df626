/**
 * Bank CSV exports read through a column mapping (chosen by the user in the import preview,
 * proposed by sniffCsv, saved per account). Every row must have the header's column count
 * and a readable date and amount; the first row that does not stops the import, naming its line.
 */
import { parseAmount, type DecimalMark } from './amount.js';
import { currencyExponent, isCurrencyCode } from './currency.js';
import { isBlank, readCsvRecords, type CsvDelimiter, type CsvRecord } from './csv-reader.js';
import { detectDelimiter } from './csv-sniff-delimiter.js';
import { dateReader } from './dates.js';
import { ParseError, shown } from './errors.js';
import { stripBom } from './lines.js';
import type { ParsedStatement, ParsedTransaction } from './types.js';

/** A column by 0-based index or by its header text (compared trimmed, case-insensitively). */
export type ColumnRef = number | string;

export interface CsvColumns {
  date: ColumnRef;
  /** One signed amount column, or a debit and/or credit column (debits are money out whatever their sign). */
  amount?: ColumnRef;
  debit?: ColumnRef;
  credit?: ColumnRef;
  /** A column saying which way an unsigned amount goes (Dutch "Af Bij", German "Soll/Haben", "DR/CR"). */
  direction?: ColumnRef;
  /** Several columns are joined with a space. */
  payee?: ColumnRef | ColumnRef[];
  memo?: ColumnRef | ColumnRef[];
  bankId?: ColumnRef;
  currency?: ColumnRef;
  postedDate?: ColumnRef;
  checkNumber?: ColumnRef;
}

export interface CsvMapping {
  /** Detected from the file when absent. */
  delimiter?: CsvDelimiter;
  hasHeader: boolean;
  /** Rows (blank ones included) before the header, or before the data when there is no header. */
  skipRows?: number;
  /** Rows at the end that are not transactions (closing balance lines); trailing blank rows are not counted. */
  skipFooterRows?: number;
  columns: CsvColumns;
  /** Tokens YYYY YY MMM MM M DD D, e.g. 'YYYY-MM-DD', 'DD.MM.YYYY', 'MM/DD/YYYY', 'D MMM YYYY'. */
  dateFormat: string;
  decimal: DecimalMark;
  /** 'inverted' for card exports that show purchases as positive numbers. */
  sign?: 'normal' | 'inverted';
}

export interface CsvOptions {
  /** The account's currency; rows may name their own in a currency column. */
  currency: string;
}

type Cell = (record: CsvRecord) => string;

export function parseCsv(text: string, mapping: CsvMapping, options: CsvOptions): ParsedStatement {
  const body = stripBom(text);
  const delimiter = mapping.delimiter ?? detectDelimiter(body);
  const records = readCsvRecords(body, delimiter);
  const skip = mapping.skipRows ?? 0;
  let dataStart = skip;
  let header: CsvRecord | undefined;
  if (mapping.hasHeader) {
    header = records[skip];
    if (!header) throw new ParseError(`the file has no header row after ${skip} skipped rows`, records.at(-1)?.line ?? 1);
    dataStart = skip + 1;
  }
  let end = records.length;
  while (end > dataStart && isBlank(records[end - 1]!)) end--;
  const rows = records.slice(dataStart, Math.max(dataStart, end - (mapping.skipFooterRows ?? 0))).filter((r) => !isBlank(r));
  const width = header?.fields.length ?? rows[0]?.fields.length ?? 0;
  const headerLine = header?.line ?? rows[0]?.line ?? 1;
  const cells = resolveColumns(mapping.columns, header, width, headerLine);

  let readDate: ReturnType<typeof dateReader>;
  try {
    readDate = dateReader(mapping.dateFormat);
  } catch (error) {
    throw new ParseError((error as Error).message, headerLine);
  }
  const sign = mapping.sign === 'inverted' ? -1 : 1;
  const against = header ? 'header' : 'first row';
  // Row by row, so the error names the first broken line of the file whatever is wrong with it.
  const transactions = rows.map((row) => {
    checkWidth(row, width, against);
    return readRow(row, cells, readDate, mapping, options.currency, sign);
  });
  return { format: 'csv', currency: options.currency, transactions, warnings: [] };
}

function checkWidth(row: CsvRecord, width: number, against: string): void {
  if (row.fields.length === width) return;
  if (row.fields.length < width || row.fields.slice(width).some((field) => field.trim() !== '')) {
    throw new ParseError(`this row has ${row.fields.length} columns but the ${against} has ${width}`, row.line);
  }
}

function resolveColumns(columns: CsvColumns, header: CsvRecord | undefined, width: number, line: number) {
  const names = header?.fields.map((name) => name.trim().toLowerCase());
  const index = (ref: ColumnRef, role: string): number => {
    if (typeof ref === 'number') {
      if (!Number.isInteger(ref) || ref < 0 || ref >= width) throw new ParseError(`the ${role} column ${ref} does not exist (the file has ${width} columns)`, line);
      return ref;
    }
    if (!names) throw new ParseError(`the ${role} column is named "${ref}" but the file has no header row`, line);
    const found = names.indexOf(ref.trim().toLowerCase());
    if (found === -1) throw new ParseError(`no column is named "${ref}" (the ${role} column); the header has: ${header!.fields.join(', ')}`, line);
    return found;
  };
  const one = (ref: ColumnRef | undefined, role: string): Cell | undefined => {
    if (ref === undefined) return undefined;
    const at = index(ref, role);
    return (record) => record.fields[at]!.trim();
  };
  const joined = (refs: ColumnRef | ColumnRef[] | undefined, role: string): Cell | undefined => {
    if (refs === undefined) return undefined;
    const list = (Array.isArray(refs) ? refs : [refs]).map((ref) => index(ref, role));
    const tidy = (value: string) => (/\s\s|[\t\r\n]/.test(value) ? value.replace(/\s+/g, ' ') : value);
    if (list.length === 1) return (record) => tidy(record.fields[list[0]!]!.trim());
    return (record) => tidy(list.map((at) => record.fields[at]!.trim()).filter((v) => v !== '').join(' '));
  };
  if (columns.amount === undefined && columns.debit === undefined && columns.credit === undefined) {
    throw new ParseError('the mapping needs an amount column, or debit and credit columns', line);
  }
  return {
    date: one(columns.date, 'date')!,
    amount: one(columns.amount, 'amount'),
    debit: one(columns.debit, 'debit'),
    credit: one(columns.credit, 'credit'),
    direction: one(columns.direction, 'direction'),
    payee: joined(columns.payee, 'payee'),
    memo: joined(columns.memo, 'memo'),
    bankId: one(columns.bankId, 'bank id'),
    currency: one(columns.currency, 'currency'),
    postedDate: one(columns.postedDate, 'posted date'),
    checkNumber: one(columns.checkNumber, 'check number'),
  };
}

function readRow(
  row: CsvRecord,
  cells: ReturnType<typeof resolveColumns>,
  readDate: ReturnType<typeof dateReader>,
  mapping: CsvMapping,
  accountCurrency: string,
  sign: number,
): ParsedTransaction {
  try {
    const dateText = cells.date(row);
    const date = readDate(dateText);
    if (date === null) throw new Error(`${shown(dateText)} is not a date in the format ${mapping.dateFormat}`);
    const ownCurrency = cells.currency?.(row).toUpperCase();
    if (ownCurrency !== undefined && ownCurrency !== '' && !isCurrencyCode(ownCurrency)) throw new Error(`${shown(ownCurrency)} is not an ISO 4217 currency code`);
    const currency = ownCurrency || accountCurrency;
    const amount = sign * readAmount(row, cells, { exponent: currencyExponent(currency), decimal: mapping.decimal });
    const transaction: ParsedTransaction = { line: row.line, date, amount: amount === 0 ? 0 : amount, currency, payee: cells.payee?.(row) ?? '' };

    const postedText = cells.postedDate?.(row);
    if (postedText) {
      const postedDate = readDate(postedText);
      if (postedDate === null) throw new Error(`${shown(postedText)} is not a date in the format ${mapping.dateFormat}`);
      transaction.postedDate = postedDate;
    }
    const memo = cells.memo?.(row);
    if (memo) transaction.memo = memo;
    const bankId = cells.bankId?.(row);
    if (bankId) transaction.bankId = bankId;
    const checkNumber = cells.checkNumber?.(row);
    if (checkNumber) transaction.checkNumber = checkNumber;
    return transaction;
  } catch (error) {
    if (error instanceof Error && !(error instanceof ParseError)) throw new ParseError(error.message, row.line);
    throw error;
  }
}

const DEBIT_WORDS = new Set(['af', 'd', 'dr', 'debit', 'dbit', 'debet', 's', 'soll', '-']);
const CREDIT_WORDS = new Set(['bij', 'c', 'cr', 'credit', 'crdt', 'h', 'haben', '+']);

function readAmount(row: CsvRecord, cells: ReturnType<typeof resolveColumns>, style: Parameters<typeof parseAmount>[1]): number {
  if (cells.amount && cells.direction) {
    const amount = Math.abs(parseAmount(cells.amount(row), style));
    const word = cells.direction(row).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (DEBIT_WORDS.has(word)) return -amount;
    if (CREDIT_WORDS.has(word)) return amount;
    throw new Error(`${shown(cells.direction(row))} in the direction column is neither a debit (Af, D, DR, Soll...) nor a credit (Bij, C, CR, Haben...)`);
  }
  if (cells.amount) return parseAmount(cells.amount(row), style);
  const debitText = cells.debit?.(row) ?? '';
  const creditText = cells.credit?.(row) ?? '';
  const debit = debitText === '' ? 0 : Math.abs(parseAmount(debitText, style));
  const credit = creditText === '' ? 0 : Math.abs(parseAmount(creditText, style));
  if (debitText === '' && creditText === '') throw new Error('neither the debit nor the credit column has an amount');
  if (debit !== 0 && credit !== 0) throw new Error(`both the debit (${debitText}) and the credit (${creditText}) column have an amount`);
  return credit - debit;
}
