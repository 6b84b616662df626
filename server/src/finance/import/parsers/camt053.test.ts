import { describe, expect, it } from 'vitest';
import { parseCamt053 } from './camt053.js';
import { fixtureText, parseError } from './test-support.js';

describe('camt.053.001.02 from a German bank', () => {
  const text = fixtureText('camt053-v02-de.xml');
  const [statement, ...others] = parseCamt053(text);

  it('reads the account, currency and closing balance', () => {
    expect(others).toEqual([]);
    expect(statement!.format).toBe('camt053');
    expect(statement!.currency).toBe('EUR');
    expect(statement!.account).toEqual({ bankId: 'COBADEFFXXX', accountId: 'DE89370400440532013000' });
    expect(statement!.balance).toEqual({ amount: 450461, date: '2026-10-31' });
    expect(statement!.warnings).toEqual([]);
  });

  it('reads each entry: DBIT negative, the other party as payee, Ustrd lines as memo, one transaction per batch payment, PDNG pending', () => {
    expect(statement!.transactions).toEqual([
      {
        line: 54, date: '2026-10-01', postedDate: '2026-10-01', currency: 'EUR', amount: -8500,
        payee: 'Stadtwerke München GmbH', memo: 'Abschlag Strom Oktober Vertragskonto 4711', bankId: '2026100100123456000001',
      },
      {
        line: 95, date: '2026-10-05', postedDate: '2026-10-06', currency: 'EUR', amount: 345678,
        payee: 'Arbeitgeber AG', memo: 'Gehalt Oktober 2026', bankId: '2026100500123456000002',
      },
      {
        line: 138, date: '2026-10-15', postedDate: '2026-10-15', currency: 'EUR', amount: -25000,
        payee: 'Hausverwaltung Schmidt & Partner', memo: 'Nebenkosten Nachzahlung 2025', bankId: 'RE-2026-0815',
      },
      { line: 156, date: '2026-10-15', postedDate: '2026-10-15', currency: 'EUR', amount: -12058, payee: 'HUK-COBURG', memo: 'Kfz-Versicherung Q4', bankId: 'KFZ-2026-Q4' },
      {
        line: 174, date: '2026-10-15', postedDate: '2026-10-15', currency: 'EUR', amount: -1999,
        payee: 'Zeitschriftenverlag GmbH', memo: 'Abo 11/2026', bankId: '2026101500123456000003/3',
      },
      { line: 195, date: '2026-10-31', currency: 'EUR', pending: true, amount: -4250, payee: 'ARAL Tankstelle Berlin', memo: 'KARTENZAHLUNG girocard' },
    ]);
  });

  it('refuses a batch whose payments do not add up to the entry', () => {
    const e = parseError(() => parseCamt053(text.replace('<Amt Ccy="EUR">19.99</Amt>', '<Amt Ccy="EUR">19.98</Amt>')));
    expect([e.line, e.problem]).toEqual([123, 'the 3 payments of this batch add up to -39056 minor units but the entry is -39057']);
  });

  it('names the line of a truncated file, a mismatched tag and a bad amount', () => {
    const truncated = parseError(() => parseCamt053(text.slice(0, text.indexOf('<Nm>HUK-COBURG'))));
    expect([truncated.line, truncated.problem]).toEqual([167, 'the file ends inside <Cdtr> (opened at line 166); it looks truncated']);
    const mismatched = parseError(() => parseCamt053(text.replace('<Sts>BOOK</Sts>', '<Sts>BOOK</Status>')));
    expect([mismatched.line, mismatched.problem]).toEqual([57, '</Status> does not close <Sts> (opened at line 57)']);
    const amount = parseError(() => parseCamt053(text.replace('<Amt Ccy="EUR">85.00</Amt>', '<Amt Ccy="EUR">85,00</Amt>')));
    expect([amount.line, amount.problem]).toEqual([55, '"85,00" looks like it uses "," as the decimal mark, but this import expects "."']);
  });

  it('refuses another ISO 20022 message', () => {
    const e = parseError(() => parseCamt053(text.replaceAll('camt.053.001.02', 'camt.052.001.02')));
    expect(e.problem).toBe('this is not a camt.053 statement (root <Document> in namespace "urn:iso:std:iso:20022:tech:xsd:camt.052.001.02")');
  });
});

describe('camt.053.001.08 from a Swiss bank', () => {
  const [statement] = parseCamt053(fixtureText('camt053-v08-ch.xml'));

  it('reads BICFI, Sts/Cd, Pty/Nm, DtTm dates, CDATA, and skips INFO entries with a warning', () => {
    expect(statement!.account).toEqual({ bankId: 'POFICHBEXXX', accountId: 'CH9300762011623852957' });
    expect(statement!.balance).toEqual({ amount: 208735, date: '2026-10-31' });
    expect(statement!.transactions).toEqual([
      {
        line: 29, date: '2026-10-25', postedDate: '2026-10-25', currency: 'CHF', amount: 240000,
        payee: 'Muster Treuhand AG', memo: 'Lohn Oktober <netto>', bankId: 'PF-20261025-8812-1',
      },
      {
        line: 53, date: '2026-10-28', postedDate: '2026-10-28', currency: 'CHF', amount: -21265,
        payee: 'Swisscom (Schweiz) AG', memo: 'QR-Rechnung Oktober', bankId: 'PF-20261028-0042',
      },
    ]);
    expect(statement!.warnings).toEqual([{ line: 74, message: 'entry with status INFO (for information only, not booked) was skipped' }]);
  });
});
