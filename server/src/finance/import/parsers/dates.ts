/**
 * Calendar dates as written by banks -> "YYYY-MM-DD". A format is a pattern of tokens
 * (YYYY, YY, MMM, MM, M, DD, D) and literal separators; a trailing time of day is allowed
 * and ignored, because a statement line belongs to the bank's booking day, not an instant.
 */
import { shown } from './errors.js';

const MONTH_NAMES: Record<string, number> = {};
const NAMES_BY_MONTH = [
  ['jan', 'january', 'januar', 'janv', 'janvier', 'januari', 'jän', 'jänner'],
  ['feb', 'february', 'februar', 'févr', 'fevr', 'février', 'fevrier', 'februari'],
  ['mar', 'march', 'mär', 'märz', 'maerz', 'mars', 'maart', 'mrt'],
  ['apr', 'april', 'avr', 'avril'],
  ['may', 'mai', 'mei'],
  ['jun', 'june', 'juni', 'juin'],
  ['jul', 'july', 'juli', 'juil', 'juillet'],
  ['aug', 'august', 'août', 'aout', 'augustus'],
  ['sep', 'sept', 'september', 'septembre'],
  ['oct', 'october', 'okt', 'oktober', 'octobre'],
  ['nov', 'november', 'novembre'],
  ['dec', 'december', 'dez', 'dezember', 'déc', 'décembre', 'decembre'],
];
NAMES_BY_MONTH.forEach((names, index) => {
  for (const name of names) MONTH_NAMES[name] = index + 1;
});

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return null;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month - 1]!)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function expandYear(twoDigits: number): number {
  return twoDigits < 70 ? 2000 + twoDigits : 1900 + twoDigits;
}

type Field = 'year' | 'shortYear' | 'month' | 'monthName' | 'day';
const TOKENS: [string, Field, string][] = [
  ['YYYY', 'year', '(\\d{4})'],
  ['YY', 'shortYear', '(\\d{2})'],
  ['MMM', 'monthName', '([A-Za-zÀ-ÿ]{3,9})\\.?'],
  ['MM', 'month', '(\\d{2})'],
  ['M', 'month', '(\\d{1,2})'],
  ['DD', 'day', '(\\d{2})'],
  ['D', 'day', '(\\d{1,2})'],
];

export type DateReader = (text: string) => string | null;

const compiled = new Map<string, DateReader>();

/** A reader for `format`, or an Error when the format itself is not understood. */
export function dateReader(format: string): DateReader {
  const cached = compiled.get(format);
  if (cached) return cached;
  const fields: Field[] = [];
  let pattern = '';
  for (let i = 0; i < format.length; ) {
    const token = TOKENS.find(([name]) => format.startsWith(name, i));
    if (token) {
      fields.push(token[1]);
      pattern += token[2];
      i += token[0].length;
    } else {
      const c = format[i]!;
      if (/[A-Za-z0-9]/.test(c)) throw new Error(`the date format "${format}" has an unknown part ${shown(c)}`);
      pattern += c === ' ' ? '\\s+' : c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
      i++;
    }
  }
  const need: Field[][] = [['year', 'shortYear'], ['month', 'monthName'], ['day']];
  if (!need.every((group) => group.some((field) => fields.includes(field)))) {
    throw new Error(`the date format "${format}" needs a year, a month and a day`);
  }
  const regex = new RegExp(`^${pattern}(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?$`, 'i');
  const reader: DateReader = (text) => {
    const match = regex.exec(text.trim());
    if (!match) return null;
    let year = 0;
    let month = 0;
    let day = 0;
    fields.forEach((field, index) => {
      const value = match[index + 1]!;
      if (field === 'year') year = Number(value);
      else if (field === 'shortYear') year = expandYear(Number(value));
      else if (field === 'month') month = Number(value);
      else if (field === 'monthName') month = MONTH_NAMES[value.toLowerCase()] ?? 0;
      else day = Number(value);
    });
    return isoDate(year, month, day);
  };
  compiled.set(format, reader);
  return reader;
}

export function readDate(text: string, format: string): string {
  const date = dateReader(format)(text);
  if (date === null) throw new Error(`${shown(text)} is not a date in the format ${format}`);
  return date;
}
