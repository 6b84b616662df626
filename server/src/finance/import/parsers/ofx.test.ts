import { describe, expect, it } from 'vitest';
import { parseOfx, readOfxAmount, readOfxDate } from './ofx.js';
import { fixtureText, parseError } from './test-support.js';

describe('OFX 1.02 SGML checking statement (CRLF, CHARSET:1252, unclosed leaves)', () => {
  const [statement, ...others] = parseOfx(fixtureText('us-checking-sgml102.ofx'));

  it('is one USD checking statement with its ledger balance', () => {
    expect(others).toEqual([]);
    expect(statement!.format).toBe('ofx');
    expect(statement!.currency).toBe('USD');
    expect(statement!.account).toEqual({ bankId: '021000021', accountId: '000123456789', type: 'CHECKING' });
    expect(statement!.balance).toEqual({ amount: 523126, date: '2026-10-31' });
    expect(statement!.warnings).toEqual([]);
  });

  it('reads every transaction: each DTPOSTED form, Windows-1252 text, a raw & and a check number', () => {
    expect(statement!.transactions).toEqual([
      { line: 44, date: '2026-10-15', amount: -475, currency: 'USD', payee: 'Café Luna', memo: 'POS PURCHASE 10/14 CARD 1234', bankId: '202610150001' },
      { line: 52, date: '2026-10-16', amount: -125000, currency: 'USD', payee: 'CHECK 1042', bankId: '202610160002', checkNumber: '1042' },
      {
        line: 60, date: '2026-10-17', postedDate: '2026-10-16', amount: 320000, currency: 'USD',
        payee: 'ACME CORP PAYROLL', memo: 'DIRECT DEP PPD ID 9876543210', bankId: '202610170003',
      },
      { line: 69, date: '2026-10-20', amount: -8999, currency: 'USD', payee: 'AT&T *WIRELESS PMT', bankId: '202610200004' },
      { line: 76, date: '2026-10-31', amount: -1200, currency: 'USD', payee: 'MONTHLY SERVICE FEE', bankId: '202610310005' },
    ]);
  });
});

describe('OFX 1.03 SGML with two statements, comma decimals and some closed leaves', () => {
  const statements = parseOfx(fixtureText('eu-two-accounts-sgml103.ofx'));

  it('returns one statement per account', () => {
    expect(statements.map((s) => s.account)).toEqual([
      { bankId: '30004', accountId: '00010234567', type: 'CHECKING' },
      { bankId: '30004', accountId: '00010234599', type: 'SAVINGS' },
    ]);
    expect(statements.map((s) => s.balance)).toEqual([
      { amount: 184237, date: '2026-10-31' },
      { amount: 1050321, date: '2026-10-31' },
    ]);
  });

  it('reads "-45,10" and "+2150,00" as cents, and keeps two identical purchases on different days apart', () => {
    expect(statements[0]!.transactions).toEqual([
      { line: 28, date: '2026-10-03', amount: -4510, currency: 'EUR', payee: 'CARTE X1234 MONOPRIX', memo: 'PARIS 15 02/10', bankId: '7YQ2MB0A1' },
      { line: 36, date: '2026-10-05', amount: 215000, currency: 'EUR', payee: 'VIR SALAIRE OCTOBRE', bankId: '7YQ2MB0A2' },
      { line: 43, date: '2026-10-05', amount: -4510, currency: 'EUR', payee: 'CARTE X1234 MONOPRIX', memo: 'PARIS 15 04/10', bankId: '7YQ2MB0A3' },
    ]);
    expect(statements[1]!.transactions).toEqual([
      { line: 72, date: '2026-10-31', amount: 321, currency: 'EUR', payee: 'INTERETS CREDITEURS', bankId: '7YQ2MB0B1' },
    ]);
  });
});

describe('OFX 2.2 XML credit-card statement', () => {
  const [card] = parseOfx(fixtureText('creditcard-xml220.ofx'));

  it('reads the card account, entities, the PAYEE aggregate and a foreign-currency charge in its own exponent', () => {
    expect(card!.account).toEqual({ accountId: 'XXXXXXXXXXXX4417', type: 'CREDITCARD' });
    expect(card!.balance).toEqual({ amount: -123456, date: '2026-10-31' });
    expect(card!.transactions).toEqual([
      {
        line: 29, date: '2026-10-12', postedDate: '2026-10-10', amount: -6218, currency: 'USD',
        payee: "TRADER JOE'S #123", memo: 'SAN FRANCISCO CA', bankId: '2026101224692166284100001',
      },
      { line: 38, date: '2026-10-14', amount: -1549, currency: 'USD', payee: 'NETFLIX.COM', bankId: '2026101424692166284100002' },
      { line: 51, date: '2026-10-20', amount: -8400, currency: 'JPY', payee: 'SUSHI ZANMAI TOKYO', bankId: '2026102024692166284100003' },
      { line: 62, date: '2026-10-25', amount: 50000, currency: 'USD', payee: 'PAYMENT - THANK YOU', bankId: '2026102524692166284100004' },
    ]);
  });
});

describe('QFX (OFX with INTU.BID)', () => {
  it('is reported as qfx and read like OFX', () => {
    const [statement] = parseOfx(fixtureText('quicken-download.qfx'));
    expect(statement!.format).toBe('qfx');
    expect(statement!.account).toEqual({ bankId: '322271627', accountId: '987654321', type: 'SAVINGS' });
    expect(statement!.transactions.map((t) => [t.date, t.amount, t.payee, t.bankId])).toEqual([
      ['2026-11-02', 25000, 'Online Transfer from CHK ...6789', 'SAV-20261102-01'],
      ['2026-11-04', -10000, 'Online Transfer to CHK ...6789', 'SAV-20261104-01'],
    ]);
  });
});

describe('OFX 2.1 pending transactions (BANKTRANLISTP)', () => {
  it('reads them as pending, dated by DTTRAN, without a FITID', () => {
    const text = fixtureText('quicken-download.qfx').replace(
      '</BANKTRANLIST>\r\n',
      '</BANKTRANLIST>\r\n<BANKTRANLISTP>\r\n<DTASOF>20261105\r\n<STMTTRNP>\r\n<TRNTYPE>POS\r\n<DTTRAN>20261105093000\r\n<TRNAMT>-7.25\r\n<NAME>BLUE BOTTLE COFFEE\r\n</STMTTRNP>\r\n</BANKTRANLISTP>\r\n',
    );
    const [statement] = parseOfx(text);
    expect(statement!.transactions.at(-1)).toEqual({ line: 64, date: '2026-11-05', amount: -725, currency: 'USD', payee: 'BLUE BOTTLE COFFEE', pending: true });
    expect(statement!.warnings).toEqual([]);
  });
});

describe('OFX edge cases and bad input', () => {
  const full = fixtureText('us-checking-sgml102.ofx');
  const error = (text: string) => parseError(() => parseOfx(text));

  it('accepts an empty leaf such as a bare <MEMO> line', () => {
    const [statement] = parseOfx(full.replace('<TRNAMT>-12\r\n', '<TRNAMT>-12\r\n<MEMO>\r\n'));
    expect(statement!.transactions.at(-1)).toEqual({ line: 76, date: '2026-10-31', amount: -1200, currency: 'USD', payee: 'MONTHLY SERVICE FEE', bankId: '202610310005' });
  });

  it('names the line where a truncated file ends, and the transaction left open', () => {
    const cut = full.slice(0, full.indexOf('<TRNAMT>-89.99') + '<TRNAMT>-89'.length);
    const e = error(cut);
    expect(e.line).toBe(72);
    expect(e.problem).toBe('the file ends inside <STMTTRN> (opened at line 69); it looks truncated');
  });

  it('names the line of a tag cut in half', () => {
    const e = error(full.slice(0, full.indexOf('<FITID>202610200004') + 4));
    expect(e.line).toBe(73);
    expect(e.problem).toBe('the file ends inside the markup that starts at line 73; it looks truncated');
  });

  it('refuses a thousands separator, a bad date and a missing amount, naming the line', () => {
    expect(error(full.replace('<TRNAMT>-1250.00', '<TRNAMT>-1,250.00')).line).toBe(55);
    expect(error(full.replace('<DTPOSTED>20261031', '<DTPOSTED>20261331')).problem).toBe(
      '"20261331" is not an OFX date (expected YYYYMMDD, optionally with time and [zone])',
    );
    expect(error(full.replace('<TRNAMT>-12\r\n', '')).problem).toBe('<STMTTRN> has no TRNAMT');
  });

  it('refuses a file without OFX or without a statement', () => {
    expect(error('Date,Amount\n2026-10-01,1.00\n').problem).toBe('no <OFX> element: this is not an OFX file');
    expect(error('OFXHEADER:100\n\n<OFX>\n<SIGNONMSGSRSV1>\n</SIGNONMSGSRSV1>\n</OFX>\n').problem).toBe(
      'the file contains no bank or credit-card statement (STMTRS or CCSTMTRS)',
    );
  });
});

describe('OFX values', () => {
  it('reads each DTPOSTED form to the bank day', () => {
    for (const value of ['20261015', '20261015120000', '20261015120000.000', '20261015120000.000[-5:EST]', '20261015235959[+9.5:ACST]']) {
      expect(readOfxDate(value)).toBe('2026-10-15');
    }
    expect(() => readOfxDate('2026-10-15')).toThrow('not an OFX date');
  });

  it('reads both decimal marks and no grouping', () => {
    expect(readOfxAmount('-12.5', 2)).toBe(-1250);
    expect(readOfxAmount('-12,5', 2)).toBe(-1250);
    expect(readOfxAmount('1500', 0)).toBe(1500);
    expect(() => readOfxAmount('1.234,56', 2)).toThrow();
  });
});
