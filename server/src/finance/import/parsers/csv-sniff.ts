/**
 * A proposed CSV mapping for the import preview: delimiter, preamble rows, header, which
 * column plays which role, date format, decimal mark and sign, found by reading the first
 * rows. It proposes; the user confirms in the preview, and `notes` say what was a guess.
 */
import { parseAmount, type DecimalMark } from './amount.js';
import type { CsvColumns, CsvMapping } from './csv.js';
import { findHeader } from './csv-headers.js';
import { isBlank, readCsvRecords, type CsvDelimiter, type CsvRecord } from './csv-reader.js';
import { detectDelimiter, modalWidth, sampleRecords } from './csv-sniff-delimiter.js';
import { dateReader } from './dates.js';
import { stripBom } from './lines.js';

export interface CsvSniff {
  mapping: CsvMapping;
  /** Header cells, or "Column 1"... when the file has none. */
  headers: string[];
  /** Up to 10 data rows as text, for the preview table. */
  rows: string[][];
  /** What the user should check: guesses and what could not be found. */
  notes: string[];
}

const DATE_FORMATS = [
  'YYYY-MM-DD', 'D.M.YYYY', 'D/M/YYYY', 'M/D/YYYY', 'D-M-YYYY', 'M-D-YYYY', 'D.M.YY', 'D/M/YY', 'M/D/YY',
  'D MMM YYYY', 'D-MMM-YYYY', 'D MMM YY', 'D-MMM-YY', 'YYYY/MM/DD', 'YYYYMMDD', 'MMM D, YYYY', 'YYYY.MM.DD',
];

export function sniffCsv(input: string): CsvSniff {
  const text = stripBom(input);
  const notes: string[] = [];
  const delimiter = detectDelimiter(text);
  const records = sampleRecords(text, delimiter, 60);
  const { width } = modalWidth(records);
  const headerIndex = records.findIndex((r) => r.fields.length === width && looksLikeHeader(r.fields));
  const hasHeader = headerIndex !== -1;
  const skipRows = hasHeader ? headerIndex : Math.max(0, records.findIndex((r) => r.fields.length === width));
  const data = records.slice(hasHeader ? headerIndex + 1 : skipRows).filter((r) => !isBlank(r) && r.fields.length >= width);
  const headers = hasHeader ? records[headerIndex]!.fields.map((h) => h.trim()) : Array.from({ length: width }, (_, i) => `Column ${i + 1}`);
  if (!hasHeader) notes.push('no header row was recognised; columns were chosen by their content');

  const columns = hasHeader ? columnsFromHeaders(headers) : columnsFromContent(data, width);
  const dateColumn = columns.date;
  const dates = typeof dateColumn === 'number' ? column(data, dateColumn) : [];
  const dateFormat = chooseDateFormat(dates, notes);
  const amounts = [columns.amount, columns.debit, columns.credit].flatMap((c) => (typeof c === 'number' ? column(data, c) : []));
  const decimal = chooseDecimal(amounts);
  if (columns.amount === undefined && columns.debit === undefined && columns.credit === undefined) notes.push('no amount column was found; choose one');
  if (columns.payee === undefined) notes.push('no payee or description column was found');

  let sign: 'normal' | 'inverted' = 'normal';
  if (typeof columns.amount === 'number' && columns.direction === undefined) {
    const values = column(data, columns.amount).flatMap((v) => readable(v, decimal));
    const positive = values.filter((v) => v > 0).length;
    if (values.length >= 3 && positive / values.length >= 2 / 3) {
      sign = 'inverted';
      notes.push('most amounts are positive, as in credit-card exports where purchases are positive; the sign was inverted');
    }
  }
  const skipFooterRows = countFooterRows(text, delimiter, width);
  if (skipFooterRows > 0) notes.push(`the last ${skipFooterRows} row(s) do not look like transactions and are skipped`);
  const mapping: CsvMapping = {
    delimiter,
    hasHeader,
    skipRows,
    ...(skipFooterRows > 0 && { skipFooterRows }),
    columns: columns as CsvColumns,
    dateFormat,
    decimal,
    sign,
  };
  return { mapping, headers, rows: data.slice(0, 10).map((r) => r.fields), notes };
}

/** Closing-balance lines at the end (another width than the table), read from the last few lines only. */
function countFooterRows(text: string, delimiter: CsvDelimiter, width: number): number {
  const trimmed = text.trimEnd();
  let start = trimmed.length;
  for (let lines = 0; lines < 5 && start > 0; lines++) start = trimmed.lastIndexOf('\n', start - 1);
  let tail: CsvRecord[];
  try {
    tail = readCsvRecords(trimmed.slice(start + 1), delimiter).filter((r) => !isBlank(r));
  } catch {
    return 0;
  }
  let footer = 0;
  while (footer < tail.length - 1 && tail[tail.length - 1 - footer]!.fields.length !== width) footer++;
  return footer === tail.length - 1 ? 0 : footer;
}

function column(rows: CsvRecord[], index: number): string[] {
  return rows.map((r) => (r.fields[index] ?? '').trim()).filter((v) => v !== '');
}

function looksLikeHeader(fields: string[]): boolean {
  const hasDate = findHeader(fields, 'date') !== undefined;
  const hasMoney = ['amount', 'debit', 'credit'].some((role) => findHeader(fields, role as 'amount') !== undefined);
  return hasDate && hasMoney;
}

function columnsFromHeaders(headers: string[]): Partial<CsvColumns> {
  const taken = new Set<number>();
  const take = (role: Parameters<typeof findHeader>[1]) => {
    const index = findHeader(headers, role, taken);
    if (index !== undefined) taken.add(index);
    return index;
  };
  const date = take('date');
  const postedDate = take('postedDate');
  const amount = take('amount');
  const debit = amount === undefined ? take('debit') : undefined;
  const credit = amount === undefined ? take('credit') : undefined;
  const direction = amount !== undefined ? take('direction') : undefined;
  const payee = take('payee') ?? take('description');
  const memo = take('memo') ?? take('description');
  const bankId = take('bankId');
  const currency = take('currency');
  const checkNumber = take('checkNumber');
  return Object.fromEntries(
    Object.entries({ date, postedDate, amount, direction, debit, credit, payee, memo, bankId, currency, checkNumber }).filter(([, v]) => v !== undefined),
  );
}

function columnsFromContent(rows: CsvRecord[], width: number): Partial<CsvColumns> {
  const indexes = Array.from({ length: width }, (_, i) => i);
  const date = indexes.find((i) => {
    const values = column(rows, i);
    return values.length > 0 && DATE_FORMATS.some((f) => values.every((v) => dateReader(f)(v) !== null));
  });
  const amount = indexes.find((i) => {
    const values = column(rows, i);
    const decimal = chooseDecimal(values);
    return i !== date && values.length > 0 && values.every((v) => readable(v, decimal).length === 1) && values.some((v) => /[.,]\d{2}$/.test(v));
  });
  const textual = indexes
    .filter((i) => i !== date && i !== amount)
    .map((i) => ({ i, length: column(rows, i).reduce((sum, v) => sum + (/[A-Za-z]/.test(v) ? v.length : 0), 0) }))
    .sort((a, b) => b.length - a.length);
  const payee = textual[0] && textual[0].length > 0 ? textual[0].i : undefined;
  return Object.fromEntries(Object.entries({ date, amount, payee }).filter(([, v]) => v !== undefined));
}

function chooseDateFormat(values: string[], notes: string[]): string {
  const fits = DATE_FORMATS.filter((format) => values.length > 0 && values.every((v) => dateReader(format)(v) !== null));
  if (fits.length === 0) {
    notes.push('the date format was not recognised; choose one');
    return 'YYYY-MM-DD';
  }
  const dayFirst = fits.find((f) => f.startsWith('D'));
  const monthFirst = fits.find((f) => f.startsWith('M/') || f.startsWith('M-'));
  if (dayFirst && monthFirst) notes.push(`every date could be day/month or month/day; ${monthFirst} was chosen`);
  return monthFirst ?? fits[0]!;
}

function chooseDecimal(values: string[]): DecimalMark {
  const comma = values.filter((v) => /,\d{1,2}(?:\s*[^\d\s.,]*)?$/.test(v)).length;
  const point = values.filter((v) => /\.\d{1,2}(?:\s*[^\d\s.,]*)?$/.test(v)).length;
  return comma > point ? ',' : '.';
}

function readable(value: string, decimal: DecimalMark): number[] {
  try {
    return [parseAmount(value, { exponent: 2, decimal })];
  } catch {
    return [];
  }
}
