import { describe, expect, it } from 'vitest';
import { decodeBankFile } from './decode.js';
import { fixtureBytes } from './test-support.js';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('decodeBankFile', () => {
  it('follows an OFX CHARSET:1252 header', () => {
    const decoded = decodeBankFile(fixtureBytes('us-checking-sgml102.ofx'));
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.guessed).toBe(false);
    expect(decoded.text).toContain('<NAME>Café Luna\r\n');
  });

  it('falls back to Windows-1252 for undeclared bytes that are not UTF-8, and says it guessed', () => {
    const decoded = decodeBankFile(fixtureBytes('de-girokonto.csv'));
    expect(decoded).toMatchObject({ encoding: 'windows-1252', guessed: true });
    expect(decoded.text).toContain('"Gläubiger-ID"');
    expect(decodeBankFile(bytes(0x80, 0x20, 0x31, 0x99, 0x84, 0x93, 0xe4)).text).toBe('€ 1™„“ä');
  });

  it('honours byte order marks and drops them', () => {
    expect(decodeBankFile(bytes(0xef, 0xbb, 0xbf, 0x41, 0xc3, 0xa4))).toEqual({ text: 'Aä', encoding: 'utf-8', guessed: false });
    expect(decodeBankFile(bytes(0xff, 0xfe, 0x41, 0x00, 0xe4, 0x00))).toEqual({ text: 'Aä', encoding: 'utf-16le', guessed: false });
    expect(decodeBankFile(bytes(0xfe, 0xff, 0x00, 0x41, 0x00, 0xe4))).toEqual({ text: 'Aä', encoding: 'utf-16be', guessed: false });
  });

  it('reads valid UTF-8 as UTF-8', () => {
    expect(decodeBankFile(new TextEncoder().encode('Empfänger;Betrag'))).toEqual({ text: 'Empfänger;Betrag', encoding: 'utf-8', guessed: false });
  });

  it('follows an XML declaration of ISO-8859-1', () => {
    const xml = new Uint8Array([...new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><a>'), 0xfc, ...new TextEncoder().encode('</a>')]);
    expect(decodeBankFile(xml)).toMatchObject({ text: '<?xml version="1.0" encoding="ISO-8859-1"?><a>ü</a>', encoding: 'windows-1252', guessed: false });
  });
});
