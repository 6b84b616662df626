/**
 * What every bank-file parser produces. Amounts are integer minor units of the currency
 * they are in (the transaction's own currency when the file names one, else the statement's,
 * else the account's), signed from the account holder's view: negative = money out.
 */
export type BankFileFormat = 'ofx' | 'qfx' | 'qif' | 'csv' | 'camt053';

export interface ParsedSplit {
  category?: string;
  amount: number;
  memo?: string;
}

export interface ParsedTransaction {
  /** 1-based line of the file on which this transaction starts. */
  line: number;
  /** The day the bank booked it (OFX DTPOSTED, CAMT BookgDt, QIF D, CSV date column), YYYY-MM-DD. */
  date: string;
  /** A second date when the file has one (OFX DTUSER, CAMT ValDt, a CSV value-date column). */
  postedDate?: string;
  amount: number;
  currency?: string;
  payee: string;
  memo?: string;
  /** The bank's own id of the transaction: OFX FITID, CAMT AcctSvcrRef or EndToEndId, a CSV id column. */
  bankId?: string;
  checkNumber?: string;
  pending?: boolean;
  /** QIF L field, as written (may be "[Account]" for a transfer). */
  category?: string;
  /** QIF S/E/$ lines; they sum to `amount` (checked on parse). */
  splits?: ParsedSplit[];
}

export interface ParsedAccount {
  bankId?: string;
  accountId?: string;
  type?: string;
}

export interface ParseWarning {
  line: number;
  message: string;
}

export interface ParsedStatement {
  format: BankFileFormat;
  currency?: string;
  account?: ParsedAccount;
  /** Closing (ledger) balance the bank reports, minor units of `currency`. */
  balance?: { amount: number; date: string };
  transactions: ParsedTransaction[];
  warnings: ParseWarning[];
}
