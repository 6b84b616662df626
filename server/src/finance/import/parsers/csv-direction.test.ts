/** Dutch and French exports: an unsigned amount with an Af/Bij column, a space as thousands separator, a spreadsheet-formula preamble. */
import { describe, expect, it } from 'vitest';
import { parseCsv, type CsvMapping } from './csv.js';
import { sniffCsv } from './csv-sniff.js';
import { fixtureText, parseError } from './test-support.js';

describe('ING (NL): "Af Bij" direction, YYYYMMDD, decimal comma, comma-delimited', () => {
  const text = fixtureText('nl-ing.csv');
  const mapping: CsvMapping = {
    hasHeader: true, dateFormat: 'YYYYMMDD', decimal: ',',
    columns: { date: 'Datum', payee: 'Naam / Omschrijving', amount: 'Bedrag (EUR)', direction: 'Af Bij', memo: 'Mededelingen' },
  };
  const expected = [
    { line: 2, date: '2026-10-15', amount: -2345, currency: 'EUR', payee: 'Albert Heijn 1234 AMSTERDAM', memo: 'Pasvolgnr: 001 15-10-2026 17:45 Transactie: 12345678 Term: ABC123' },
    { line: 3, date: '2026-10-16', amount: 275000, currency: 'EUR', payee: 'Werkgever B.V.', memo: 'Naam: Werkgever B.V. Omschrijving: Salaris oktober IBAN: NL91ABNA0417164300' },
    { line: 4, date: '2026-10-20', amount: -11200, currency: 'EUR', payee: 'Belastingdienst', memo: 'Naam: Belastingdienst Omschrijving: Motorrijtuigenbelasting' },
  ];

  it('signs each amount by its Af/Bij column', () => {
    expect(parseCsv(text, mapping, { currency: 'EUR' }).transactions).toEqual(expected);
  });

  it('is sniffed, direction column included', () => {
    const sniff = sniffCsv(text);
    expect(sniff.mapping).toEqual({
      delimiter: ',', hasHeader: true, skipRows: 0, dateFormat: 'YYYYMMDD', decimal: ',', sign: 'normal',
      columns: { date: 0, payee: 1, direction: 5, amount: 6, memo: 8 },
    });
    expect(parseCsv(text, sniff.mapping, { currency: 'EUR' }).transactions).toEqual(expected);
  });

  it('refuses a direction it does not know, naming the line', () => {
    const e = parseError(() => parseCsv(text.replace('"Bij"', '"Plus"'), mapping, { currency: 'EUR' }));
    expect([e.line, e.problem]).toEqual([3, '"Plus" in the direction column is neither a debit (Af, D, DR, Soll...) nor a credit (Bij, C, CR, Haben...)']);
  });
});

describe('French bank: account line before the header, ";", "1 250,00", currency column', () => {
  const text = fixtureText('fr-compte-courant.csv');
  const expected = [
    { line: 3, date: '2026-10-15', amount: -4510, currency: 'EUR', payee: 'CARTE X1234 14/10 MONOPRIX', memo: 'CARTE X1234 14/10 MONOPRIX PARIS 15' },
    { line: 4, date: '2026-10-18', amount: 125000, currency: 'EUR', payee: 'VIR RECU 123456789', memo: 'VIR RECU 123456789 DE: SARL DUPONT MOTIF: FACTURE 2026-118' },
    { line: 5, date: '2026-10-25', amount: -7832, currency: 'EUR', payee: 'PRLV SEPA EDF', memo: 'PRLV SEPA EDF CLIENTS PARTICULIERS REF: 9988776655' },
  ];

  it('reads each row', () => {
    const mapping: CsvMapping = {
      delimiter: ';', hasHeader: true, skipRows: 1, dateFormat: 'DD/MM/YYYY', decimal: ',',
      columns: { date: "Date de l'opération", payee: 'Libellé', memo: "Détail de l'écriture", amount: "Montant de l'opération", currency: 'Devise' },
    };
    expect(parseCsv(text, mapping, { currency: 'EUR' }).transactions).toEqual(expected);
  });

  it('is sniffed', () => {
    const sniff = sniffCsv(text);
    expect(sniff.mapping).toEqual({
      delimiter: ';', hasHeader: true, skipRows: 1, dateFormat: 'D/M/YYYY', decimal: ',', sign: 'normal',
      columns: { date: 0, payee: 1, memo: 2, amount: 3, currency: 4 },
    });
    expect(parseCsv(text, sniff.mapping, { currency: 'EUR' }).transactions).toEqual(expected);
  });
});
