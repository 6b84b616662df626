import { describe, expect, it } from 'vitest';
import { parseQif } from './qif.js';
import { fixtureText, parseError } from './test-support.js';

describe('Quicken bank export (10/15\'26 dates, U/T amounts with grouping, splits, transfer)', () => {
  const [statement, ...others] = parseQif(fixtureText('quicken-us-checking.qif'), { currency: 'USD' });

  it('reads each record', () => {
    expect(others).toEqual([]);
    expect(statement!.account).toEqual({ type: 'Bank' });
    expect(statement!.warnings).toEqual([]);
    expect(statement!.transactions).toEqual([
      { line: 2, date: '2026-10-01', amount: 150000, payee: 'ACME CORP PAYROLL', checkNumber: 'DEP', category: 'Salary' },
      { line: 10, date: '2026-10-03', amount: -125000, payee: 'Greenfield Property Mgmt', memo: 'October rent', checkNumber: '1042', category: 'Housing:Rent' },
      {
        line: 19, date: '2026-10-15', amount: -18743, payee: 'Costco Wholesale',
        splits: [
          { category: 'Groceries', amount: -14218, memo: 'Food for the month' },
          { category: 'Household', amount: -4525 },
        ],
      },
      { line: 31, date: '2026-10-20', amount: -20000, payee: 'Transfer to Savings', category: '[Savings]' },
      { line: 37, date: '2026-10-31', amount: -1200, payee: 'Monthly Service Fee', category: 'Bank Charges' },
    ]);
  });

  it('refuses splits that do not add up to the transaction, naming its line', () => {
    const e = parseError(() => parseQif(fixtureText('quicken-us-checking.qif').replace('$-45.25', '$-45.20'), { currency: 'USD' }));
    expect(e.line).toBe(19);
    expect(e.problem).toBe('the splits add up to -18738 minor units but the transaction is -18743');
  });
});

describe('Moneydance credit-card export (15.10.2026, 1.234,56)', () => {
  it('detects the decimal comma and reads dotted dates day first', () => {
    const [statement] = parseQif(fixtureText('moneydance-de-ccard.qif'), { currency: 'EUR' });
    expect(statement!.account).toEqual({ type: 'CCard' });
    expect(statement!.transactions).toEqual([
      { line: 2, date: '2026-10-02', amount: -123456, payee: 'MEDIAMARKT BERLIN', memo: 'Fernseher', category: 'Elektronik' },
      { line: 8, date: '2026-10-05', amount: -490, payee: 'DB VERTRIEB GMBH', memo: 'Bahnticket', category: 'Reisen' },
      { line: 14, date: '2026-10-15', amount: 123456, payee: 'Ausgleich Kreditkarte' },
    ]);
  });

  it('refuses 1.234,56 when the caller says the decimal mark is "."', () => {
    const e = parseError(() => parseQif(fixtureText('moneydance-de-ccard.qif'), { currency: 'EUR', decimal: '.' }));
    expect(e.line).toBe(3);
    expect(e.problem).toBe('"-1.234,56" uses "," as the decimal mark, but this import expects "."');
  });
});

describe('UK export with an !Account block and dd/mm/yyyy dates', () => {
  it('names the account and reads 03/10 as 3 October because 25/10 appears elsewhere in the file', () => {
    const [statement] = parseQif(fixtureText('uk-current-account.qif'), { currency: 'GBP' });
    expect(statement!.account).toEqual({ accountId: 'Current Account', type: 'Bank' });
    expect(statement!.transactions).toEqual([
      { line: 8, date: '2026-10-03', amount: -350, payee: 'PRET A MANGER' },
      { line: 12, date: '2026-10-25', amount: 240000, payee: 'EMPLOYER LTD SALARY' },
    ]);
  });
});

describe('cash account with a category list and 10/02/26 dates', () => {
  const [statement] = parseQif(fixtureText('cash-wallet.qif'), { currency: 'USD' });

  it('skips the category list with a warning and reads the cash records', () => {
    expect(statement!.account).toEqual({ type: 'Cash' });
    expect(statement!.transactions).toEqual([
      { line: 9, date: '2026-10-02', amount: -640, payee: 'Farmers Market', category: 'Groceries' },
      { line: 14, date: '2026-10-18', amount: -2300, payee: 'Taqueria El Sol', memo: 'Lunch with Sam', category: 'Dining' },
    ]);
    expect(statement!.warnings).toEqual([{ line: 1, message: 'section "!Type:Cat" holds no bank transactions and was skipped' }]);
  });
});

describe('QIF date styles', () => {
  const oneRecord = (date: string, dateStyle?: 'MDY' | 'DMY') =>
    parseQif(`!Type:Bank\nD${date}\nT-1.00\nPShop\n^\n`, { currency: 'USD', ...(dateStyle && { dateStyle }) })[0]!;

  it('reads every style banks and programs write', () => {
    expect(oneRecord('10/15/2026').transactions[0]!.date).toBe('2026-10-15');
    expect(oneRecord('15/10/2026').transactions[0]!.date).toBe('2026-10-15');
    expect(oneRecord("10/15'26").transactions[0]!.date).toBe('2026-10-15');
    expect(oneRecord(" 1/ 5' 7").transactions[0]!.date).toBe('2007-01-05');
    expect(oneRecord('10/15/26').transactions[0]!.date).toBe('2026-10-15');
    expect(oneRecord('2026-10-15').transactions[0]!.date).toBe('2026-10-15');
    expect(oneRecord('15.10.2026').transactions[0]!.date).toBe('2026-10-15');
  });

  it('reads an undecidable file month first with a warning, or as the caller says', () => {
    const guessed = oneRecord('03/04/2026');
    expect(guessed.transactions[0]!.date).toBe('2026-03-04');
    expect(guessed.warnings).toEqual([{ line: 2, message: 'every date could be month/day or day/month; they were read as month/day' }]);
    const told = oneRecord('03/04/2026', 'DMY');
    expect(told.transactions[0]!.date).toBe('2026-04-03');
    expect(told.warnings).toEqual([]);
  });

  it('refuses an unknown date style, naming the line', () => {
    const text = fixtureText('quicken-us-checking.qif').replace("D10/20'26", 'DOct 20, 2026');
    const e = parseError(() => parseQif(text, { currency: 'USD' }));
    expect(e.line).toBe(31);
    expect(e.problem).toBe('"Oct 20, 2026" is in an unknown date style (expected e.g. 10/15/2026, 15.10.2026, 10/15\'26 or 2026-10-15)');
  });

  it('refuses a file whose dates contradict each other, and an impossible date', () => {
    const e = parseError(() => parseQif('!Type:Bank\nD25/10/2026\nT1\n^\nD10/25/2026\nT1\n^\n', { currency: 'USD' }));
    expect(e.line).toBe(5);
    expect(parseError(() => oneRecord('02/30/2026')).problem).toBe('"02/30/2026" is not a valid date (read as month/day)');
  });

  it('uses T when T and U disagree, with a warning; U alone is enough', () => {
    const [both] = parseQif('!Type:Bank\nD10/15/2026\nU-2.00\nT-1.00\nPShop\n^\n', { currency: 'USD' });
    expect(both!.transactions[0]!.amount).toBe(-100);
    expect(both!.warnings).toEqual([{ line: 3, message: 'the U amount differs from the T amount; T was used' }]);
    const [onlyU] = parseQif("!Type:Bank\nD10/15'2026\nU-2.00\nPShop\n^\n", { currency: 'USD' });
    expect(onlyU!.transactions[0]).toMatchObject({ date: '2026-10-15', amount: -200 });
  });

  it('refuses a record cut off before its "^"', () => {
    const e = parseError(() => parseQif('!Type:Bank\nD10/15/2026\nT-1.00\n', { currency: 'USD' }));
    expect(e.problem).toBe('the record starting on line 2 never ends with "^"; the file looks truncated');
    expect(e.line).toBe(3);
  });
});
