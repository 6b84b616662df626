/**
 * RFC 4180 records with the file line each starts on: quoted fields may hold the delimiter,
 * doubled quotes and line breaks (CRLF, LF or CR). A quote inside an unquoted field is kept
 * as text, as spreadsheets do; a quoted field that never closes is a truncated file.
 */
import { ParseError } from './errors.js';

export type CsvDelimiter = ',' | ';' | '\t' | '|';

export interface CsvRecord {
  line: number;
  fields: string[];
}

const UNQUOTED: Record<CsvDelimiter, RegExp> = { ',': /[^,\r\n]*/y, ';': /[^;\r\n]*/y, '\t': /[^\t\r\n]*/y, '|': /[^|\r\n]*/y };

const QUOTE = 34;
const LF = 10;
const CR = 13;

export function readCsvRecords(text: string, delimiter: CsvDelimiter, limit = Infinity): CsvRecord[] {
  const records: CsvRecord[] = [];
  const sep = delimiter.charCodeAt(0);
  const unquoted = UNQUOTED[delimiter];
  const length = text.length;
  let line = 1;
  let i = 0;
  while (i < length && records.length < limit) {
    const record: CsvRecord = { line, fields: [] };
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        const startLine = line;
        let parts = '';
        let from = i + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close === -1) throw new ParseError('a quoted field starting here never closes; the file looks truncated', startLine);
          line += countBreaks(text, from, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            parts += text.slice(from, close + 1);
            from = close + 2;
            continue;
          }
          value = parts + text.slice(from, close);
          i = close + 1;
          break;
        }
        const next = text.charCodeAt(i);
        if (i < length && next !== sep && next !== LF && next !== CR) {
          throw new ParseError(`unexpected text after a closing quote: ${JSON.stringify(text.slice(i, i + 20))}`, line);
        }
      } else {
        // A sticky regex scans in native code, which matters before the JIT has warmed up.
        unquoted.lastIndex = i;
        unquoted.test(text);
        value = text.slice(i, unquoted.lastIndex);
        i = unquoted.lastIndex;
      }
      record.fields.push(value);
      const c = text.charCodeAt(i);
      if (c === sep) {
        i++;
        continue;
      }
      if (c === CR) i += text.charCodeAt(i + 1) === LF ? 2 : 1;
      else if (c === LF) i++;
      if (i <= length) line++;
      break;
    }
    records.push(record);
  }
  return records;
}

function countBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) breaks++;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) breaks++;
  }
  return breaks;
}

export function isBlank(record: CsvRecord): boolean {
  return record.fields.every((field) => field.trim() === '');
}
