/**
 * QIF (Quicken Interchange Format): `!Type:Bank|CCard|Cash|Oth A|Oth L` sections of records
 * ended by `^`, one field per line keyed by its first letter. `!Account` blocks name the
 * account the following records belong to, so a file may hold several statements.
 * Category lists, memorised transactions and investment sections are skipped with a warning.
 */
import { parseAmount, type AmountStyle, type DecimalMark } from './amount.js';
import { currencyExponent } from './currency.js';
import { ParseError, shown } from './errors.js';
import { stripBom } from './lines.js';
import { readQifDate, resolveDateStyle, type DateField, type DateStyle } from './qif-dates.js';
import type { ParsedSplit, ParsedStatement, ParsedTransaction, ParseWarning } from './types.js';

export interface QifOptions {
  /** The account's currency (QIF never names one); decides the exponent. */
  currency: string;
  dateStyle?: DateStyle;
  /** Decimal mark; by default "," only when amounts end in ",dd" and none in ".dd". */
  decimal?: DecimalMark;
}

const TRANSACTION_TYPES = new Set(['bank', 'ccard', 'cash', 'oth a', 'oth l']);

interface RawRecord {
  line: number;
  fields: { key: string; value: string; line: number }[];
}

interface Section {
  type: string;
  account?: string;
  records: RawRecord[];
  line: number;
}

function readSections(text: string, warnings: ParseWarning[]): Section[] {
  const sections: Section[] = [];
  let current: Section | undefined;
  let record: RawRecord | undefined;
  let account: string | undefined;
  let inAccountBlock = false;
  let lastLine = 0;
  const lines = stripBom(text).split(/\r\n|\n|\r/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const content = raw.trimEnd();
    if (content.trim() === '') return;
    lastLine = line;
    if (content.startsWith('!')) {
      const header = content.slice(1).trim();
      if (record) throw new ParseError(`a new section ${shown(content)} starts before the record on line ${record.line} ended with "^"`, line);
      const lower = header.toLowerCase();
      if (lower === 'account') {
        inAccountBlock = true;
        return;
      }
      if (lower.startsWith('option') || lower.startsWith('clear')) return;
      const type = lower.startsWith('type:') ? header.slice(5).trim() : header;
      current = { type, account, records: [], line };
      sections.push(current);
      if (!TRANSACTION_TYPES.has(type.toLowerCase())) warnings.push({ line, message: `section ${shown(content)} holds no bank transactions and was skipped` });
      return;
    }
    if (inAccountBlock) {
      if (content.startsWith('N')) account = content.slice(1).trim();
      if (content.startsWith('^')) inAccountBlock = false;
      return;
    }
    if (!current) throw new ParseError(`${shown(content)} comes before any !Type: header; this is not a QIF file`, line);
    if (content.startsWith('^')) {
      if (record) current.records.push(record);
      record = undefined;
      return;
    }
    record ??= { line, fields: [] };
    record.fields.push({ key: content[0]!, value: content.slice(1).trim(), line });
  });
  if (record) throw new ParseError(`the record starting on line ${record.line} never ends with "^"; the file looks truncated`, lastLine);
  return sections;
}

function guessDecimal(sections: Section[]): DecimalMark {
  let comma = false;
  for (const section of sections) {
    for (const record of section.records) {
      for (const { key, value } of record.fields) {
        if (key !== 'T' && key !== 'U' && key !== '$') continue;
        if (/\.\d{1,2}$/.test(value)) return '.';
        if (/,\d{1,2}$/.test(value)) comma = true;
      }
    }
  }
  return comma ? ',' : '.';
}

export function parseQif(text: string, options: QifOptions): ParsedStatement[] {
  const warnings: ParseWarning[] = [];
  const sections = readSections(text, warnings).filter((s) => TRANSACTION_TYPES.has(s.type.toLowerCase()));
  if (sections.length === 0) throw new ParseError('the file has no !Type:Bank, CCard, Cash, Oth A or Oth L section', 1);
  const dates: DateField[] = sections.flatMap((s) => s.records.flatMap((r) => r.fields.filter((f) => f.key === 'D').map((f) => ({ text: f.value, line: f.line }))));
  const { style, warning } = resolveDateStyle(dates, options.dateStyle);
  if (warning) warnings.push({ line: warning.line, message: warning.problem });
  const amountStyle = { exponent: currencyExponent(options.currency), decimal: options.decimal ?? guessDecimal(sections) };

  // One statement per account named by !Account; sections of the same account are merged.
  const byAccount = new Map<string, ParsedStatement>();
  for (const section of sections) {
    const key = section.account ?? '';
    let statement = byAccount.get(key);
    if (!statement) {
      statement = {
        format: 'qif',
        currency: options.currency,
        account: { ...(section.account !== undefined && { accountId: section.account }), type: section.type },
        transactions: [],
        warnings: byAccount.size === 0 ? warnings : [],
      };
      byAccount.set(key, statement);
    }
    for (const record of section.records) statement.transactions.push(readRecord(record, style, amountStyle, statement.warnings));
  }
  return [...byAccount.values()];
}

function readRecord(record: RawRecord, style: DateStyle, amountStyle: { exponent: number; decimal: DecimalMark }, warnings: ParseWarning[]): ParsedTransaction {
  let date: string | undefined;
  let amount: number | undefined;
  let newAmount: { value: number; line: number } | undefined;
  let payee: string | undefined;
  let memo: string | undefined;
  let category: string | undefined;
  let checkNumber: string | undefined;
  const splits: ParsedSplit[] = [];
  for (const field of record.fields) {
    switch (field.key) {
      case 'D':
        date = readQifDate({ text: field.value, line: field.line }, style);
        break;
      case 'T':
        amount = readAmount(field, amountStyle);
        break;
      case 'U':
        newAmount = { value: readAmount(field, amountStyle), line: field.line };
        break;
      case 'P':
        payee = field.value;
        break;
      case 'M':
        memo = field.value;
        break;
      case 'L':
        category = field.value;
        break;
      case 'N':
        checkNumber = field.value;
        break;
      case 'S':
        splits.push(field.value === '' ? { amount: 0 } : { category: field.value, amount: 0 });
        break;
      case 'E':
        requireSplit(splits, field).memo = field.value;
        break;
      case '$':
        requireSplit(splits, field).amount = readAmount(field, amountStyle);
        break;
      default:
        // C (cleared), A (address), % (split percent), F (reimbursable) carry nothing an import keeps.
        break;
    }
  }
  if (amount !== undefined && newAmount && newAmount.value !== amount) {
    warnings.push({ line: newAmount.line, message: 'the U amount differs from the T amount; T was used' });
  }
  amount ??= newAmount?.value;
  if (date === undefined) throw new ParseError('this record has no date (D line)', record.line);
  if (amount === undefined) throw new ParseError('this record has no amount (T line)', record.line);
  if (splits.length > 0) {
    const total = splits.reduce((sum, split) => sum + split.amount, 0);
    if (total !== amount) throw new ParseError(`the splits add up to ${total} minor units but the transaction is ${amount}`, record.line);
  }
  return {
    line: record.line,
    date,
    amount,
    payee: payee ?? memo ?? '',
    ...(memo !== undefined && payee !== undefined && { memo }),
    ...(checkNumber !== undefined && checkNumber !== '' && { checkNumber }),
    ...(category !== undefined && category !== '' && { category }),
    ...(splits.length > 0 && { splits }),
  };
}

function readAmount(field: { value: string; line: number }, style: AmountStyle): number {
  try {
    return parseAmount(field.value, style);
  } catch (error) {
    throw new ParseError((error as Error).message, field.line);
  }
}

function requireSplit(splits: ParsedSplit[], field: { key: string; line: number }): ParsedSplit {
  const split = splits.at(-1);
  if (!split) throw new ParseError(`"${field.key}" split line before any "S" split category`, field.line);
  return split;
}
