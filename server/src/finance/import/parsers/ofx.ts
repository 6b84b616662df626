/**
 * OFX 1.x (SGML, `OFXHEADER:100`) and OFX 2.x (XML, `<?OFX OFXHEADER="200"?>`) bank and
 * credit-card statements, and Quicken's QFX (OFX with an INTU.BID). One statement per
 * STMTRS/CCSTMTRS: a file may carry several accounts, so the caller gets a list.
 */
import { parseAmount } from './amount.js';
import { currencyExponent, isCurrencyCode } from './currency.js';
import { atLine, fail, shown } from './errors.js';
import { isoDate } from './dates.js';
import { child, children, readMarkup, textOf, type MarkupNode } from './markup.js';
import type { ParsedAccount, ParsedStatement, ParsedTransaction, ParseWarning } from './types.js';

export interface OfxOptions {
  /** The account's currency, used when the file has no CURDEF. */
  currency?: string;
}

const DATE_TIME = /^(\d{4})(\d{2})(\d{2})(?:\d{2}(?:\d{2}(?:\d{2}(?:\.\d{1,3})?)?)?)?(?:\[[+-]?\d{1,2}(?:\.\d+)?(?::[A-Za-z]{1,8})?\])?$/;

/** DTPOSTED and friends -> the bank's calendar day. The time and zone, when present, are checked and dropped. */
export function readOfxDate(value: string): string {
  const match = DATE_TIME.exec(value.trim());
  const date = match ? isoDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
  if (date === null) throw new Error(`${shown(value)} is not an OFX date (expected YYYYMMDD, optionally with time and [zone])`);
  return date;
}

/** OFX amounts have no grouping; a comma is the decimal mark when there is no period (the spec allows both). */
export function readOfxAmount(value: string, exponent: number): number {
  const decimal = value.includes(',') && !value.includes('.') ? ',' : '.';
  return parseAmount(value, { exponent, decimal, grouping: false });
}

function upperCaseNames(node: MarkupNode): void {
  node.name = node.name.toUpperCase();
  node.children.forEach(upperCaseNames);
}

export function parseOfx(text: string, options: OfxOptions = {}): ParsedStatement[] {
  const start = text.search(/<OFX>/i);
  if (start === -1) fail('no <OFX> element: this is not an OFX file', 1);
  const header = text.slice(0, start);
  if (!/OFXHEADER\s*[:=]/i.test(header)) fail('the OFX header (OFXHEADER:100 or <?OFX OFXHEADER="200"?>) is missing', 1);
  const root = readMarkup(text, 'sgml', start);
  upperCaseNames(root);
  const qfx = child(root, 'SIGNONMSGSRSV1', 'SONRS', 'INTU.BID') !== undefined;

  const statements: ParsedStatement[] = [];
  const banks = children(child(root, 'BANKMSGSRSV1'), 'STMTTRNRS').map((rs) => ({ rs, statement: child(rs, 'STMTRS') }));
  const cards = children(child(root, 'CREDITCARDMSGSRSV1'), 'CCSTMTTRNRS').map((rs) => ({ rs, statement: child(rs, 'CCSTMTRS') }));
  for (const { rs, statement } of [...banks, ...cards]) {
    if (!statement) {
      const status = textOf(rs, 'STATUS', 'CODE');
      const message = textOf(rs, 'STATUS', 'MESSAGE');
      fail(`the bank answered without a statement (status ${status ?? 'unknown'}${message ? `: ${message}` : ''})`, rs.line);
    }
    statements.push(readStatement(statement, qfx, options));
  }
  if (statements.length === 0) fail('the file contains no bank or credit-card statement (STMTRS or CCSTMTRS)', root.line);
  return statements;
}

function readStatement(node: MarkupNode, qfx: boolean, options: OfxOptions): ParsedStatement {
  const warnings: ParseWarning[] = [];
  const currency = textOf(node, 'CURDEF') ?? options.currency;
  if (currency !== undefined && !isCurrencyCode(currency)) fail(`CURDEF ${shown(currency)} is not an ISO 4217 currency code`, child(node, 'CURDEF')!.line);
  const exponent = currencyExponent(currency ?? 'XXX');

  const transactions: ParsedTransaction[] = [];
  const seen = new Set<string>();
  for (const trn of children(child(node, 'BANKTRANLIST'), 'STMTTRN')) {
    const transaction = readTransaction(trn, currency, exponent);
    if (transaction.bankId === undefined) warnings.push({ line: trn.line, message: 'transaction has no FITID; duplicates will be matched by amount, date and payee' });
    else if (seen.has(transaction.bankId)) warnings.push({ line: trn.line, message: `FITID ${transaction.bankId} appears more than once in this statement` });
    else seen.add(transaction.bankId);
    transactions.push(transaction);
  }
  for (const trn of children(child(node, 'BANKTRANLISTP'), 'STMTTRNP')) {
    transactions.push({ ...readTransaction(trn, currency, exponent, 'DTTRAN'), pending: true });
  }

  const ledger = child(node, 'LEDGERBAL');
  const balance = ledger && {
    amount: readField(ledger, 'BALAMT', (v) => readOfxAmount(v, exponent)),
    date: readField(ledger, 'DTASOF', readOfxDate),
  };
  return {
    format: qfx ? 'qfx' : 'ofx',
    ...(currency !== undefined && { currency }),
    account: readAccount(node),
    ...(balance && { balance }),
    transactions,
    warnings,
  };
}

function readField<T>(node: MarkupNode, name: string, read: (value: string) => T): T {
  const field = child(node, name);
  const value = textOf(field);
  if (field === undefined || value === undefined) fail(`<${node.name}> has no ${name}`, field?.line ?? node.line);
  return atLine(field.line, () => read(value));
}

function readAccount(statement: MarkupNode): ParsedAccount {
  const bank = child(statement, 'BANKACCTFROM');
  if (bank) {
    const bankId = textOf(bank, 'BANKID');
    const accountId = textOf(bank, 'ACCTID');
    const type = textOf(bank, 'ACCTTYPE');
    return { ...(bankId && { bankId }), ...(accountId && { accountId }), ...(type && { type }) };
  }
  const accountId = textOf(statement, 'CCACCTFROM', 'ACCTID');
  return { ...(accountId && { accountId }), type: 'CREDITCARD' };
}

function readTransaction(trn: MarkupNode, statementCurrency: string | undefined, statementExponent: number, dateField = 'DTPOSTED'): ParsedTransaction {
  // <CURRENCY> means TRNAMT is in that currency; <ORIGCURRENCY> means it was converted into the statement's.
  const own = textOf(trn, 'CURRENCY', 'CURSYM');
  const currency = own ?? statementCurrency;
  const exponent = own !== undefined ? currencyExponent(own) : statementExponent;
  const name = textOf(trn, 'NAME') ?? textOf(trn, 'PAYEE', 'NAME') ?? textOf(trn, 'EXTDNAME');
  const memo = textOf(trn, 'MEMO');
  const userDate = child(trn, 'DTUSER');
  const postedDate = userDate && textOf(userDate) !== undefined ? atLine(userDate.line, () => readOfxDate(textOf(userDate)!)) : undefined;
  const bankId = textOf(trn, 'FITID');
  const checkNumber = textOf(trn, 'CHECKNUM');
  return {
    line: trn.line,
    date: readField(trn, dateField, readOfxDate),
    ...(postedDate !== undefined && { postedDate }),
    amount: readField(trn, 'TRNAMT', (v) => readOfxAmount(v, exponent)),
    ...(currency !== undefined && { currency }),
    payee: name ?? memo ?? '',
    ...(memo !== undefined && name !== undefined && { memo }),
    ...(bankId !== undefined && { bankId }),
    ...(checkNumber !== undefined && { checkNumber }),
  };
}
