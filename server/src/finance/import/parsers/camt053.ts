/**
 * ISO 20022 camt.053 bank-to-customer statements (versions .001.02 to .001.13; the tags
 * moved between versions, e.g. `<Sts>BOOK</Sts>` became `<Sts><Cd>BOOK</Cd></Sts>` and
 * party names moved under `<Pty>`, so both places are read). Each Stmt is a statement; an
 * entry (Ntry) is one transaction, except a batch whose TxDtls carry their own amounts,
 * which becomes one transaction per TxDtls (their sum must equal the entry).
 */
import { parseAmount } from './amount.js';
import { currencyExponent, isCurrencyCode } from './currency.js';
import { atLine, fail, shown } from './errors.js';
import { isoDate } from './dates.js';
import { child, children, readMarkup, textOf, type MarkupNode } from './markup.js';
import type { ParsedAccount, ParsedStatement, ParsedTransaction, ParseWarning } from './types.js';

const NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:camt\.053\.001\.(\d{2})$/;

export function parseCamt053(text: string): ParsedStatement[] {
  const root = readMarkup(text, 'xml');
  const namespace = root.attributes.xmlns ?? Object.entries(root.attributes).find(([name]) => name.startsWith('xmlns'))?.[1] ?? '';
  if (root.name !== 'Document' || !NAMESPACE.test(namespace)) {
    fail(`this is not a camt.053 statement (root <${root.name}> in namespace "${namespace}")`, root.line);
  }
  const report = child(root, 'BkToCstmrStmt');
  const statements = children(report, 'Stmt').map(readStatement);
  if (statements.length === 0) fail('the file has no <Stmt>', report?.line ?? root.line);
  return statements;
}

function readStatement(stmt: MarkupNode): ParsedStatement {
  const warnings: ParseWarning[] = [];
  const account = child(stmt, 'Acct');
  const balances = children(stmt, 'Bal');
  const currency = textOf(account, 'Ccy') ?? child(balances[0], 'Amt')?.attributes.Ccy;
  if (currency !== undefined && !isCurrencyCode(currency)) fail(`${shown(currency)} is not an ISO 4217 currency code`, account?.line ?? stmt.line);

  const transactions: ParsedTransaction[] = [];
  for (const entry of children(stmt, 'Ntry')) {
    const status = textOf(entry, 'Sts', 'Cd') ?? textOf(entry, 'Sts');
    if (status === 'INFO') {
      warnings.push({ line: entry.line, message: 'entry with status INFO (for information only, not booked) was skipped' });
      continue;
    }
    if (status !== 'BOOK' && status !== 'PDNG') fail(`unknown entry status ${shown(status ?? '')} (expected BOOK, PDNG or INFO)`, child(entry, 'Sts')?.line ?? entry.line);
    transactions.push(...readEntry(entry, status === 'PDNG', warnings));
  }

  const closing = balances.find((bal) => textOf(bal, 'Tp', 'CdOrPrtry', 'Cd') === 'CLBD');
  return {
    format: 'camt053',
    ...(currency !== undefined && { currency }),
    account: readAccount(account),
    ...(closing && { balance: { amount: readMoney(closing).amount, date: readDate(child(closing, 'Dt'), closing) } }),
    transactions,
    warnings,
  };
}

function readAccount(account: MarkupNode | undefined): ParsedAccount {
  const accountId = textOf(account, 'Id', 'IBAN') ?? textOf(account, 'Id', 'Othr', 'Id');
  const bankId = textOf(account, 'Svcr', 'FinInstnId', 'BICFI') ?? textOf(account, 'Svcr', 'FinInstnId', 'BIC');
  const type = textOf(account, 'Tp', 'Cd');
  return { ...(bankId && { bankId }), ...(accountId && { accountId }), ...(type && { type }) };
}

/** `<Amt Ccy="EUR">12.50</Amt>` + `<CdtDbtInd>` of `node`: a signed amount in minor units. */
function readMoney(node: MarkupNode, inheritedIndicator?: string): { amount: number; currency: string } {
  const amt = child(node, 'Amt');
  const value = textOf(amt);
  if (!amt || value === undefined) fail(`<${node.name}> has no <Amt>`, node.line);
  const currency = amt.attributes.Ccy;
  if (currency === undefined || !isCurrencyCode(currency)) fail(`<Amt> has no valid Ccy attribute`, amt.line);
  const indicator = textOf(node, 'CdtDbtInd') ?? inheritedIndicator;
  if (indicator !== 'CRDT' && indicator !== 'DBIT') fail(`<${node.name}> has no CdtDbtInd of CRDT or DBIT`, node.line);
  const amount = atLine(amt.line, () => parseAmount(value, { exponent: currencyExponent(currency), decimal: '.', grouping: false }));
  if (amount < 0) fail(`the amount ${value} is negative; camt.053 gives the direction in CdtDbtInd`, amt.line);
  return { amount: indicator === 'DBIT' && amount !== 0 ? -amount : amount, currency };
}

/** `<BookgDt>`/`<ValDt>`/`<Dt>` holding `<Dt>2026-10-01</Dt>` or `<DtTm>2026-10-01T09:00:00+02:00</DtTm>`. */
function readDate(holder: MarkupNode | undefined, owner: MarkupNode): string {
  const value = textOf(holder, 'Dt') ?? textOf(holder, 'DtTm');
  if (!holder || value === undefined) fail(`<${owner.name}> has no date`, holder?.line ?? owner.line);
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  const date = match ? isoDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
  if (date === null) fail(`${shown(value)} is not an ISO date`, holder.line);
  return date;
}

function readEntry(entry: MarkupNode, pending: boolean, warnings: ParseWarning[]): ParsedTransaction[] {
  const { amount, currency } = readMoney(entry);
  const indicator = textOf(entry, 'CdtDbtInd')!;
  const booked = child(entry, 'BookgDt');
  const value = child(entry, 'ValDt');
  const date = readDate(booked ?? value, entry);
  const postedDate = booked && value ? readDate(value, entry) : undefined;
  const details = children(child(entry, 'NtryDtls'), 'TxDtls');
  const entryRef = textOf(entry, 'AcctSvcrRef') ?? textOf(entry, 'NtryRef');
  const base = { date, ...(postedDate !== undefined && { postedDate }), currency, ...(pending && { pending: true }) };
  const info = textOf(entry, 'AddtlNtryInf');

  const amounts = details.map((tx) => detailMoney(tx, indicator));
  const splittable = details.length > 1 && amounts.every((a) => a !== undefined && a.currency === currency);
  if (!splittable) {
    if (details.length > 1) {
      warnings.push({ line: entry.line, message: `batch of ${details.length} payments without their own amounts was kept as one transaction` });
    }
    const only = details.length === 1 ? details[0] : undefined;
    const described = only ? describe(only, indicator) : {};
    const bankId = textOf(only, 'Refs', 'AcctSvcrRef') ?? entryRef ?? described.endToEnd;
    // Without a named party the entry's own text is the payee; with one, it is the memo of last resort.
    const memo = described.memo ?? (described.payee !== undefined ? info : undefined);
    return [{ line: entry.line, ...base, amount, payee: described.payee ?? info ?? '', ...optional({ memo, bankId }) }];
  }
  const total = amounts.reduce((sum, a) => sum + a!.amount, 0);
  if (total !== amount) fail(`the ${details.length} payments of this batch add up to ${total} minor units but the entry is ${amount}`, entry.line);
  return details.map((tx, index) => {
    const described = describe(tx, indicator);
    const bankId = textOf(tx, 'Refs', 'AcctSvcrRef') ?? described.endToEnd ?? (entryRef !== undefined ? `${entryRef}/${index + 1}` : undefined);
    return { line: tx.line, ...base, amount: amounts[index]!.amount, payee: described.payee ?? info ?? '', ...optional({ memo: described.memo, bankId }) };
  });
}

/** A payment's own amount: `<Amt>` in TxDtls (from .001.04 on) or `<AmtDtls><TxAmt><Amt>` (.001.02). */
function detailMoney(tx: MarkupNode, entryIndicator: string): { amount: number; currency: string } | undefined {
  if (child(tx, 'Amt')) return readMoney(tx, entryIndicator);
  const txAmount = child(tx, 'AmtDtls', 'TxAmt');
  return txAmount ? readMoney(txAmount, textOf(tx, 'CdtDbtInd') ?? entryIndicator) : undefined;
}

function optional(fields: { memo: string | undefined; bankId: string | undefined }): { memo?: string; bankId?: string } {
  return { ...(fields.memo !== undefined && { memo: fields.memo }), ...(fields.bankId !== undefined && { bankId: fields.bankId }) };
}

/** The other party (creditor of a debit, debtor of a credit), the remittance text, the end-to-end id. */
function describe(tx: MarkupNode, entryIndicator: string): { payee?: string; memo?: string; endToEnd?: string } {
  const indicator = textOf(tx, 'CdtDbtInd') ?? entryIndicator;
  const parties = child(tx, 'RltdPties');
  const nameOf = (role: string) => textOf(parties, role, 'Nm') ?? textOf(parties, role, 'Pty', 'Nm');
  const payee = indicator === 'DBIT' ? (nameOf('Cdtr') ?? nameOf('UltmtCdtr')) : (nameOf('Dbtr') ?? nameOf('UltmtDbtr'));
  const unstructured = children(child(tx, 'RmtInf'), 'Ustrd').map((u) => textOf(u)).filter((u) => u !== undefined);
  const memo = unstructured.length > 0 ? unstructured.join(' ') : textOf(tx, 'AddtlTxInf');
  const endToEnd = textOf(tx, 'Refs', 'EndToEndId');
  return {
    ...(payee !== undefined && { payee }),
    ...(memo !== undefined && { memo }),
    ...(endToEnd !== undefined && endToEnd !== 'NOTPROVIDED' && { endToEnd }),
  };
}
