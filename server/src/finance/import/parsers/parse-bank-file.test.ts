import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect.js';
import { BankFileTooLarge, parseBankFile } from './parse-bank-file.js';
import { fixtureBytes, fixtureText, parseError } from './test-support.js';

const FIXTURES = [
  ['us-checking-sgml102.ofx', 'ofx', 'USD', 5],
  ['eu-two-accounts-sgml103.ofx', 'ofx', 'EUR', 3],
  ['creditcard-xml220.ofx', 'ofx', 'USD', 4],
  ['quicken-download.qfx', 'qfx', 'USD', 2],
  ['quicken-us-checking.qif', 'qif', 'USD', 5],
  ['moneydance-de-ccard.qif', 'qif', 'EUR', 3],
  ['uk-current-account.qif', 'qif', 'GBP', 2],
  ['cash-wallet.qif', 'qif', 'USD', 2],
  ['us-bank-debit-credit.csv', 'csv', 'USD', 6],
  ['de-girokonto.csv', 'csv', 'EUR', 5],
  ['uk-current-account.csv', 'csv', 'GBP', 3],
  ['amex-card.csv', 'csv', 'USD', 6],
  ['nl-ing.csv', 'csv', 'EUR', 3],
  ['fr-compte-courant.csv', 'csv', 'EUR', 3],
  ['camt053-v02-de.xml', 'camt053', 'EUR', 6],
  ['camt053-v08-ch.xml', 'camt053', 'CHF', 2],
] as const;

describe('parseBankFile', () => {
  it.each(FIXTURES)('detects and reads %s from its bytes', (name, format, currency, count) => {
    expect(detectFormat(name, fixtureText(name))).toBe(format);
    const statements = parseBankFile(name, fixtureBytes(name), { currency });
    expect(statements[0]!.format).toBe(format);
    expect(statements[0]!.transactions).toHaveLength(count);
  });

  it('finds the format from the content whatever the file is called', () => {
    expect(detectFormat('export.txt', fixtureText('us-checking-sgml102.ofx'))).toBe('ofx');
    expect(detectFormat('download.qbo', fixtureText('quicken-download.qfx'))).toBe('qfx');
    expect(detectFormat('statement', fixtureText('camt053-v08-ch.xml'))).toBe('camt053');
    expect(detectFormat('UMSAETZE.TXT', fixtureText('de-girokonto.csv'))).toBe('csv');
    expect(detectFormat('notes.txt', 'Dear customer\nyour statement is attached\n')).toBeNull();
    expect(detectFormat('pain.xml', '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"/>')).toBeNull();
  });

  it('names the file and the line in errors', () => {
    const text = fixtureText('us-checking-sgml102.ofx');
    const e = parseError(() => parseBankFile('october.ofx', text.slice(0, text.indexOf('<TRNAMT>-89.99') + 11), { currency: 'USD' }));
    expect(e.file).toBe('october.ofx');
    expect(e.message).toBe('october.ofx, line 72: the file ends inside <STMTTRN> (opened at line 69); it looks truncated');
    expect(parseError(() => parseBankFile('notes.txt', 'hello', { currency: 'USD' })).message).toBe(
      'notes.txt, line 1: the file is not OFX, QFX, QIF, CSV or camt.053',
    );
  });

  it('refuses a 200 MB upload from its byte count, before decoding or parsing anything', () => {
    const call = () => parseBankFile('big.csv', 'Date,Amount\n2026-10-01,1.00\n', { currency: 'USD', byteLength: 200 * 1024 * 1024 });
    expect(call).toThrow(BankFileTooLarge);
    expect(call).toThrow('big.csv is 200.0 MB; bank files of up to 50 MB can be imported');
  });

  it('measures text in UTF-8 bytes, not characters', () => {
    expect(() => parseBankFile('umlauts.csv', 'ä'.repeat(6), { currency: 'EUR', maxBytes: 10 })).toThrow(BankFileTooLarge);
    expect(() => parseBankFile('ascii.csv', 'a,b\n'.repeat(2), { currency: 'EUR', maxBytes: 10 })).not.toThrow(BankFileTooLarge);
  });

  it('reads a CSV without a mapping through the sniffed proposal and says so', () => {
    const [statement] = parseBankFile('amex.csv', fixtureBytes('amex-card.csv'), { currency: 'USD' });
    expect(statement!.transactions[0]).toMatchObject({ line: 2, date: '2026-10-12', amount: -2317, payee: 'UBER *TRIP' });
    expect(statement!.warnings.map((w) => w.message)).toEqual([
      'the column mapping was proposed from the file; check it before importing',
      'most amounts are positive, as in credit-card exports where purchases are positive; the sign was inverted',
    ]);
  });

  it('passes the QIF options through', () => {
    const [statement] = parseBankFile('x.qif', '!Type:Bank\nD03/04/2026\nT-1.00\nPShop\n^\n', { currency: 'USD', qif: { dateStyle: 'DMY' } });
    expect(statement!.transactions[0]!.date).toBe('2026-04-03');
  });
});
