/**
 * The delimiter that cuts the first rows into the most rows of one consistent width
 * (preamble lines of German exports have another width, so the count, not the share, wins).
 */
import { ParseError } from './errors.js';
import { readCsvRecords, type CsvDelimiter, type CsvRecord } from './csv-reader.js';

export const DELIMITERS: CsvDelimiter[] = [',', ';', '\t', '|'];

/** The first ~50 records; a sample cut inside a quoted field keeps the records before it. */
export function sampleRecords(text: string, delimiter: CsvDelimiter, limit = 50): CsvRecord[] {
  try {
    return readCsvRecords(text.slice(0, 65536), delimiter, limit);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    return readCsvRecords(text.slice(0, text.lastIndexOf('\n', Math.min(text.length, 65536)) + 1), delimiter, limit);
  }
}

export function modalWidth(records: CsvRecord[]): { width: number; count: number } {
  const counts = new Map<number, number>();
  for (const record of records) {
    if (record.fields.length > 1) counts.set(record.fields.length, (counts.get(record.fields.length) ?? 0) + 1);
  }
  let best = { width: 1, count: 0 };
  for (const [width, count] of counts) if (count > best.count || (count === best.count && width > best.width)) best = { width, count };
  return best;
}

export function detectDelimiter(text: string): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; count: number; width: number } = { delimiter: ',', count: 0, width: 1 };
  for (const delimiter of DELIMITERS) {
    let records: CsvRecord[];
    try {
      records = sampleRecords(text, delimiter);
    } catch {
      continue;
    }
    const { width, count } = modalWidth(records);
    if (count > best.count || (count === best.count && width > best.width)) best = { delimiter, count, width };
  }
  return best.delimiter;
}
