/**
 * Header words of common bank exports (English, German, French, Dutch) by the role they
 * play. Compared after normalisation: lower case, accents and "(EUR)"-style suffixes removed.
 * Payee words come before description words, so a file with both uses the payee column
 * as payee and the description as memo.
 */
export type HeaderRole = 'date' | 'postedDate' | 'amount' | 'debit' | 'credit' | 'direction' | 'payee' | 'description' | 'memo' | 'bankId' | 'currency' | 'checkNumber';

export const HEADER_WORDS: Record<HeaderRole, string[]> = {
  date: [
    'date', 'transaction date', 'trans date', 'trans. date', 'posting date', 'posted date', 'booking date', 'completed date',
    'datum', 'buchungstag', 'buchungsdatum', 'belegdatum', 'date operation', "date de l'operation", 'date comptable',
    'boekingsdatum', 'transactiedatum', 'rentedatum',
  ],
  postedDate: ['value date', 'valuta', 'valutadatum', 'wertstellung', 'wertstellungsdatum', 'date de valeur', 'date valeur'],
  amount: ['amount', 'transaction amount', 'value', 'betrag', 'umsatz', 'montant', "montant de l'operation", 'bedrag'],
  direction: ['af bij', 'af/bij', 'debit/credit', 'credit/debit', 'dr/cr', 'cr/dr', 'soll/haben', 's/h'],
  debit: ['debit', 'debit amount', 'debits', 'withdrawal', 'withdrawals', 'paid out', 'money out', 'soll', 'ausgang'],
  credit: ['credit', 'credit amount', 'credits', 'deposit', 'deposits', 'paid in', 'money in', 'haben', 'eingang'],
  payee: [
    'payee', 'name', 'merchant', 'beneficiary', 'counterparty', 'empfanger', 'zahlungsempfanger', 'auftraggeber / begunstigter',
    'auftraggeber/begunstigter', 'begunstigter/zahlungspflichtiger', 'beguenstigter/zahlungspflichtiger', 'name zahlungsbeteiligter',
    'beneficiaire', 'tiers', 'naam / omschrijving', 'naam', 'tegenpartij', 'tegenrekening naam',
  ],
  description: ['description', 'transaction description', 'details', 'narrative', 'libelle', "libelle de l'operation", 'omschrijving', 'buchungstext'],
  memo: ['memo', 'extended details', "detail de l'ecriture", 'notes', 'note', 'reference', 'verwendungszweck', 'mitteilungen', 'communication', 'mededelingen', 'reference de l\'operation'],
  bankId: ['transaction id', 'id', 'fitid', 'reference number', 'transaktions-id', 'umsatz-id', 'transaction reference', 'referenz'],
  currency: ['currency', 'wahrung', 'waehrung', 'devise', 'munt'],
  checkNumber: ['check number', 'check #', 'check or slip #', 'cheque number', 'scheck-nr', 'num'],
};

export function normaliseHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\([^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?<![:*])[:*]+$/, '')
    .trimEnd();
}

/** Index of the first header (left to right) with a word of `role`, skipping `taken` columns. */
export function findHeader(headers: string[], role: HeaderRole, taken: Set<number> = new Set()): number | undefined {
  const words = HEADER_WORDS[role];
  const normalised = headers.map(normaliseHeader);
  const index = normalised.findIndex((header, i) => !taken.has(i) && words.includes(header));
  return index === -1 ? undefined : index;
}
