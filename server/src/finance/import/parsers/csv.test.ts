import { describe, expect, it } from 'vitest';
import { parseCsv, type CsvMapping } from './csv.js';
import { sniffCsv } from './csv-sniff.js';
import { fixtureText, parseError } from './test-support.js';

describe('US bank with Debit/Credit columns, quoted commas and doubled quotes', () => {
  const text = fixtureText('us-bank-debit-credit.csv');
  const mapping: CsvMapping = {
    hasHeader: true,
    columns: { date: 'Date', payee: 'Description', debit: 'Debit', credit: 'Credit', checkNumber: 'Check Number' },
    dateFormat: 'MM/DD/YYYY',
    decimal: '.',
  };
  const expected = [
    { line: 2, date: '2026-10-01', amount: 320000, currency: 'USD', payee: 'ACME CORP PAYROLL PPD ID: 9876543210' },
    { line: 3, date: '2026-10-03', amount: -125000, currency: 'USD', payee: 'CHECK 1042', checkNumber: '1042' },
    { line: 4, date: '2026-10-05', amount: -475, currency: 'USD', payee: 'STARBUCKS STORE #12345 SEATTLE, WA' },
    { line: 5, date: '2026-10-05', amount: -475, currency: 'USD', payee: 'STARBUCKS STORE #12345 SEATTLE, WA' },
    { line: 6, date: '2026-10-09', amount: 2500, currency: 'USD', payee: 'Zelle payment from JOHN "JJ" SMITH' },
    { line: 7, date: '2026-10-31', amount: -1200, currency: 'USD', payee: 'MONTHLY SERVICE FEE' },
  ];

  it('reads each row; debits are money out, credits money in', () => {
    const statement = parseCsv(text, mapping, { currency: 'USD' });
    expect(statement.transactions).toEqual(expected);
    expect(statement.format).toBe('csv');
  });

  it('is sniffed: comma, header, debit/credit columns, month-first dates', () => {
    const sniff = sniffCsv(text);
    expect(sniff.mapping).toEqual({
      delimiter: ',', hasHeader: true, skipRows: 0, dateFormat: 'M/D/YYYY', decimal: '.', sign: 'normal',
      columns: { date: 0, payee: 1, checkNumber: 2, debit: 3, credit: 4 },
    });
    expect(sniff.headers).toEqual(['Date', 'Description', 'Check Number', 'Debit', 'Credit', 'Balance']);
    expect(parseCsv(text, sniff.mapping, { currency: 'USD' }).transactions).toEqual(expected);
  });
});

describe('German bank: preamble rows, ";", 1.234,56, DD.MM.YYYY, Windows-1252, CRLF', () => {
  const text = fixtureText('de-girokonto.csv');
  const mapping: CsvMapping = {
    delimiter: ';',
    hasHeader: true,
    skipRows: 5,
    columns: { date: 'Buchungstag', postedDate: 'Wertstellung', payee: 'Auftraggeber / Begünstigter', memo: 'Verwendungszweck', amount: 'Betrag (EUR)' },
    dateFormat: 'DD.MM.YYYY',
    decimal: ',',
  };
  const expected = [
    { line: 7, date: '2026-10-01', postedDate: '2026-10-01', amount: -8500, currency: 'EUR', payee: 'Stadtwerke München GmbH', memo: 'Abschlag Strom Oktober Vertragskonto 4711' },
    { line: 8, date: '2026-10-02', postedDate: '2026-10-02', amount: -4317, currency: 'EUR', payee: 'REWE Markt GmbH', memo: '2026-10-01T18:22 Debitk.7 2029-12' },
    { line: 9, date: '2026-10-05', postedDate: '2026-10-05', amount: 345678, currency: 'EUR', payee: 'Arbeitgeber AG', memo: 'Gehalt Oktober 2026' },
    { line: 10, date: '2026-10-15', postedDate: '2026-10-15', amount: -115000, currency: 'EUR', payee: 'Hausverwaltung Schmidt & Partner', memo: 'Miete Whg. 3 OG links' },
    { line: 11, date: '2026-10-31', postedDate: '2026-10-31', amount: -495, currency: 'EUR', payee: '', memo: 'Kontoführungsentgelt' },
  ];

  it('reads each row', () => {
    expect(parseCsv(text, mapping, { currency: 'EUR' }).transactions).toEqual(expected);
  });

  it('is sniffed: semicolon, five preamble rows, decimal comma, day-first dotted dates', () => {
    const sniff = sniffCsv(text);
    expect(sniff.mapping).toMatchObject({ delimiter: ';', hasHeader: true, skipRows: 5, dateFormat: 'D.M.YYYY', decimal: ',', sign: 'normal' });
    expect(sniff.mapping.columns).toEqual({ date: 0, postedDate: 1, payee: 3, memo: 4, amount: 7 });
    expect(sniff.notes).toEqual([]);
    expect(parseCsv(text, sniff.mapping, { currency: 'EUR' }).transactions).toEqual(expected);
  });

  it('skips closing-balance rows at the end when told, and sniffs them', () => {
    const withFooter = `${text}"Kontostand vom 31.10.2026:";"1.842,37 EUR";\r\n\r\n`;
    expect(parseError(() => parseCsv(withFooter, mapping, { currency: 'EUR' })).line).toBe(12);
    expect(parseCsv(withFooter, { ...mapping, skipFooterRows: 1 }, { currency: 'EUR' }).transactions).toEqual(expected);
    const sniff = sniffCsv(withFooter);
    expect(sniff.mapping.skipFooterRows).toBe(1);
    expect(sniff.notes).toEqual(['the last 1 row(s) do not look like transactions and are skipped']);
    expect(parseCsv(withFooter, sniff.mapping, { currency: 'EUR' }).transactions).toEqual(expected);
  });

  it('refuses 1.234,56 in a "." mapping, naming the line', () => {
    const e = parseError(() => parseCsv(text, { ...mapping, decimal: '.' }, { currency: 'EUR' }));
    expect(e.line).toBe(7);
    expect(e.problem).toBe('"-85,00" looks like it uses "," as the decimal mark, but this import expects "."');
    const thousands = parseError(() => parseCsv(text.replace('"-85,00"', '"-85"'), { ...mapping, decimal: '.' }, { currency: 'EUR' }));
    expect(thousands.line).toBe(8);
  });
});

describe('UK bank: BOM, CRLF, "03 Oct 2026", £ amounts in Paid out/Paid in', () => {
  const text = fixtureText('uk-current-account.csv');
  const expected = [
    { line: 6, date: '2026-10-03', amount: -2340, currency: 'GBP', payee: 'TESCO STORES 2041', memo: 'Visa purchase' },
    { line: 7, date: '2026-10-05', amount: 240000, currency: 'GBP', payee: 'EMPLOYER LTD', memo: 'Bank credit EMPLOYER LTD' },
    { line: 8, date: '2026-10-12', amount: -3800, currency: 'GBP', payee: 'THAMES WATER', memo: 'Direct debit' },
  ];

  it('reads each row with the BOM still on the text', () => {
    const mapping: CsvMapping = {
      hasHeader: true, skipRows: 4, dateFormat: 'D MMM YYYY', decimal: '.',
      columns: { date: 'Date', payee: 'Description', memo: 'Transaction type', debit: 'Paid out', credit: 'Paid in' },
    };
    expect(parseCsv(`\ufeff${text}`, mapping, { currency: 'GBP' }).transactions).toEqual(expected);
  });

  it('is sniffed', () => {
    const sniff = sniffCsv(text);
    expect(sniff.mapping).toMatchObject({ delimiter: ',', hasHeader: true, skipRows: 4, dateFormat: 'D MMM YYYY', decimal: '.' });
    expect(sniff.mapping.columns).toEqual({ date: 0, payee: 2, debit: 3, credit: 4 });
    expect(sniff.rows[0]).toEqual(['03 Oct 2026', 'Visa purchase', 'TESCO STORES 2041', '£23.40', '', '£1,211.16']);
  });
});

describe('American Express card export: purchases positive, quoted line breaks', () => {
  const text = fixtureText('amex-card.csv');
  const mapping: CsvMapping = {
    hasHeader: true, dateFormat: 'MM/DD/YYYY', decimal: '.', sign: 'inverted',
    columns: { date: 'Date', payee: 'Description', amount: 'Amount', memo: 'Extended Details', bankId: 'Reference' },
  };

  it('inverts the sign and keeps each row on the line where it starts', () => {
    expect(parseCsv(text, mapping, { currency: 'USD' }).transactions).toEqual([
      { line: 2, date: '2026-10-12', amount: -2317, currency: 'USD', payee: 'UBER *TRIP', memo: 'D3F5X2 HELP.UBER.COM UBER TRIP San Francisco CA', bankId: "'320262850123456789'" },
      { line: 7, date: '2026-10-14', amount: -8602, currency: 'USD', payee: 'WHOLEFDS MKT 10234', memo: 'WHOLE FOODS MARKET', bankId: "'320262870234567890'" },
      { line: 9, date: '2026-10-14', amount: -4830, currency: 'USD', payee: 'SHELL OIL 57444212500', memo: 'SHELL OIL 57444212500', bankId: "'320262870234567891'" },
      { line: 11, date: '2026-10-15', amount: 50000, currency: 'USD', payee: 'AUTOPAY PAYMENT - THANK YOU', bankId: "'320262880345678901'" },
      { line: 12, date: '2026-10-20', amount: 1999, currency: 'USD', payee: 'AMAZON MARKETPLACE REFUND', memo: 'AMZN Mktp US Return', bankId: "'320262930456789012'" },
      { line: 15, date: '2026-10-22', amount: -1549, currency: 'USD', payee: 'NETFLIX.COM', memo: 'NETFLIX.COM', bankId: "'320262950567890123'" },
    ]);
  });

  it('is sniffed as a card export with inverted sign', () => {
    const sniff = sniffCsv(text);
    expect(sniff.mapping).toMatchObject({ delimiter: ',', hasHeader: true, skipRows: 0, sign: 'inverted', dateFormat: 'M/D/YYYY' });
    expect(sniff.mapping.columns).toMatchObject({ date: 0, payee: 1, amount: 4, memo: 5 });
    expect(sniff.notes).toEqual(['most amounts are positive, as in credit-card exports where purchases are positive; the sign was inverted']);
  });
});

describe('a file without a header, tab-separated, ISO dates', () => {
  it('is sniffed by content and read by column index', () => {
    const text = '2026-10-01\tCoffee shop\t-3.20\n2026-10-02\tSalary October\t2500.00\n2026-10-03\tBakery\t-4.10\n';
    const sniff = sniffCsv(text);
    expect(sniff.mapping).toEqual({
      delimiter: '\t', hasHeader: false, skipRows: 0, dateFormat: 'YYYY-MM-DD', decimal: '.', sign: 'normal',
      columns: { date: 0, amount: 2, payee: 1 },
    });
    expect(sniff.headers).toEqual(['Column 1', 'Column 2', 'Column 3']);
    expect(parseCsv(text, sniff.mapping, { currency: 'USD' }).transactions.map((t) => t.amount)).toEqual([-320, 250000, -410]);
  });
});

describe('bad CSV rows are refused with their line', () => {
  const rowCount = 6000;
  const mapping: CsvMapping = { hasHeader: true, columns: { date: 0, payee: 1, amount: 2, bankId: 3 }, dateFormat: 'YYYY-MM-DD', decimal: '.' };
  /** Line n (2..) holds row n-1; `broken` replaces line 5,000. */
  const generated = (broken?: string) => {
    const lines = ['Date,Payee,Amount,Id'];
    for (let n = 1; n < rowCount; n++) lines.push(`2026-${String((n % 12) + 1).padStart(2, '0')}-15,"Shop ${n}, Main St",-${n}.25,T${n}`);
    if (broken !== undefined) lines[4999] = broken;
    return lines.join('\r\n');
  };

  it('reads the whole generated file when nothing is broken', () => {
    const transactions = parseCsv(generated(), mapping, { currency: 'USD' }).transactions;
    expect(transactions).toHaveLength(rowCount - 1);
    expect(transactions[4998]).toEqual({ line: 5000, date: '2026-08-15', amount: -499925, currency: 'USD', payee: 'Shop 4999, Main St', bankId: 'T4999' });
  });

  it('a missing column at line 5,000', () => {
    const e = parseError(() => parseCsv(generated('2026-01-15,Shop,-1.00'), mapping, { currency: 'USD' }));
    expect([e.line, e.problem]).toEqual([5000, 'this row has 3 columns but the header has 4']);
  });

  it('an amount in the other convention at line 5,000', () => {
    const e = parseError(() => parseCsv(generated('2026-01-15,Shop,"1.234,56",T1'), mapping, { currency: 'USD' }));
    expect([e.line, e.problem]).toEqual([5000, '"1.234,56" uses "," as the decimal mark, but this import expects "."']);
  });

  it('a bad date at line 5,000', () => {
    const e = parseError(() => parseCsv(generated('2026-02-30,Shop,-1.00,T1'), mapping, { currency: 'USD' }));
    expect([e.line, e.problem]).toEqual([5000, '"2026-02-30" is not a date in the format YYYY-MM-DD']);
  });

  it('the first broken line, whatever is wrong with each', () => {
    const text = generated('2026-01-15,Shop,-1.00').replace('2026-02-15,"Shop 1, Main St"', '2026-02-31,"Shop 1, Main St"');
    expect(parseError(() => parseCsv(text, mapping, { currency: 'USD' })).line).toBe(2);
  });

  it('a quoted field that never closes, at the line where it opens', () => {
    const e = parseError(() => parseCsv(`${generated()}\r\n2026-01-15,"Shop,-1.00,T1`, mapping, { currency: 'USD' }));
    expect([e.line, e.problem]).toEqual([6001, 'a quoted field starting here never closes; the file looks truncated']);
  });

  it('a mapping naming a column the file does not have', () => {
    const e = parseError(() => parseCsv(generated(), { ...mapping, columns: { date: 'Booking date', amount: 2 } }, { currency: 'USD' }));
    expect([e.line, e.problem]).toEqual([1, 'no column is named "Booking date" (the date column); the header has: Date, Payee, Amount, Id']);
  });

  it('a date format it does not understand, and a short row in a file without a header', () => {
    const e = parseError(() => parseCsv(generated(), { ...mapping, dateFormat: 'TT.MM.JJJJ' }, { currency: 'USD' }));
    expect([e.line, e.problem]).toEqual([1, 'the date format "TT.MM.JJJJ" has an unknown part "T"']);
    const noHeader: CsvMapping = { hasHeader: false, columns: { date: 0, amount: 1 }, dateFormat: 'YYYY-MM-DD', decimal: '.' };
    const short = parseError(() => parseCsv('2026-10-01,1.00,x\n2026-10-02,2.00\n', noHeader, { currency: 'USD' }));
    expect([short.line, short.problem]).toEqual([2, 'this row has 2 columns but the first row has 3']);
  });

  it('both debit and credit filled, or neither', () => {
    const debitCredit: CsvMapping = { hasHeader: true, columns: { date: 0, debit: 1, credit: 2 }, dateFormat: 'YYYY-MM-DD', decimal: '.' };
    expect(parseError(() => parseCsv('Date,Debit,Credit\n2026-10-01,1.00,2.00\n', debitCredit, { currency: 'USD' })).problem).toBe(
      'both the debit (1.00) and the credit (2.00) column have an amount',
    );
    expect(parseError(() => parseCsv('Date,Debit,Credit\n2026-10-01,,\n', debitCredit, { currency: 'USD' })).line).toBe(2);
  });
});
