import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvRecords, type CsvDelimiter } from './csv-reader.js';

/** Fields made of the characters that make CSV hard. */
const field = fc.array(fc.constantFrom('a', 'Z', ' ', '1', ',', ';', '\t', '|', '"', '\n', '\r\n', '\r', 'ä', '€'), { maxLength: 8 }).map((parts) => parts.join(''));

function quote(value: string, delimiter: string): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replaceAll('"', '""')}"` : value;
}

describe('readCsvRecords', () => {
  it('reads back any table written with RFC 4180 quoting, each record on the line where it starts', () => {
    const table = fc.integer({ min: 2, max: 5 }).chain((width) => fc.array(fc.array(field, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 12 }));
    fc.assert(
      fc.property(table, fc.constantFrom<CsvDelimiter>(',', ';', '\t', '|'), fc.constantFrom('\n', '\r\n'), fc.boolean(), (rows, delimiter, newline, trailing) => {
        const lines = rows.map((row) => row.map((value) => quote(value, delimiter)).join(delimiter));
        const text = lines.join(newline) + (trailing ? newline : '');
        const starts: number[] = [];
        let offset = 0;
        for (const line of lines) {
          starts.push(offset);
          offset += line.length + newline.length;
        }
        const breaksBefore = (end: number) => (text.slice(0, end).match(/\r\n|\r|\n/g) ?? []).length;
        const records = readCsvRecords(text, delimiter);
        expect(records.map((r) => r.fields)).toEqual(rows);
        expect(records.map((r) => r.line)).toEqual(starts.map((start) => breaksBefore(start) + 1));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a stray quote inside an unquoted field, and refuses text after a closing quote', () => {
    expect(readCsvRecords('5" screen,1\n', ',')[0]!.fields).toEqual(['5" screen', '1']);
    expect(() => readCsvRecords('"a"b,1\n', ',')).toThrow('unexpected text after a closing quote: "b,1\\n"');
  });
});
