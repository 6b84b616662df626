/**
 * QIF dates come in whatever the exporting program's locale used: 10/15/2026, 15/10/2026,
 * 10/15'26 (Quicken: the apostrophe marks a year after 1999, and spaces pad single digits),
 * 10/15/26, 2026-10-15, 15.10.2026. Whether 03/04 is March or April is decided once for the
 * whole file: an explicit `dateStyle`, else any date whose first number is over 12 (day
 * first) or whose second is (month first); a file that never says is read month first,
 * Quicken's own order, with a warning.
 */
import { ParseError, shown } from './errors.js';
import { expandYear, isoDate } from './dates.js';

export type DateStyle = 'MDY' | 'DMY';

interface DateParts {
  first: number;
  second: number;
  year: number;
  /** Dots are only ever written day first. */
  dayFirst: boolean;
}

const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2})|'(\d{4}|\d{1,2}))$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** null = ISO (no ambiguity); throws when the text is no date style this reader knows. */
function split(raw: string, line: number): DateParts | null {
  const text = raw.replace(/\s+/g, '');
  if (ISO.test(text)) return null;
  const match = NUMERIC.exec(text);
  if (!match) {
    throw new ParseError(`${shown(raw)} is in an unknown date style (expected e.g. 10/15/2026, 15.10.2026, 10/15'26 or 2026-10-15)`, line);
  }
  const apostrophe = match[5];
  const year =
    match[4] !== undefined
      ? match[4].length === 4 ? Number(match[4]) : expandYear(Number(match[4]))
      : apostrophe!.length === 4 ? Number(apostrophe) : 2000 + Number(apostrophe);
  return { first: Number(match[1]), second: Number(match[3]), year, dayFirst: match[2] === '.' };
}

export interface DateField {
  text: string;
  line: number;
}

/** Decides the day/month order for all of `fields`; the warning says when it was a default. */
export function resolveDateStyle(fields: DateField[], explicit?: DateStyle): { style: DateStyle; warning?: ParseError } {
  if (explicit) return { style: explicit };
  let dayFirstAt: DateField | undefined;
  let monthFirstAt: DateField | undefined;
  for (const field of fields) {
    const parts = split(field.text, field.line);
    if (!parts || parts.dayFirst) continue;
    if (parts.first > 12) dayFirstAt ??= field;
    if (parts.second > 12) monthFirstAt ??= field;
  }
  if (dayFirstAt && monthFirstAt) {
    const later = dayFirstAt.line > monthFirstAt.line ? dayFirstAt : monthFirstAt;
    throw new ParseError(`${shown(later.text)} contradicts the day/month order of the date on line ${(later === dayFirstAt ? monthFirstAt : dayFirstAt).line}`, later.line);
  }
  if (dayFirstAt) return { style: 'DMY' };
  if (monthFirstAt || fields.length === 0) return { style: 'MDY' };
  return { style: 'MDY', warning: new ParseError('every date could be month/day or day/month; they were read as month/day', fields[0]!.line) };
}

export function readQifDate(field: DateField, style: DateStyle): string {
  const text = field.text.replace(/\s+/g, '');
  const parts = split(field.text, field.line);
  let date: string | null;
  if (!parts) {
    const [year, month, day] = text.split('-').map(Number);
    date = isoDate(year!, month!, day!);
  } else {
    const dayFirst = parts.dayFirst || style === 'DMY';
    date = dayFirst ? isoDate(parts.year, parts.second, parts.first) : isoDate(parts.year, parts.first, parts.second);
  }
  if (date === null) throw new ParseError(`${shown(field.text)} is not a valid date (read as ${parts?.dayFirst || style === 'DMY' ? 'day/month' : 'month/day'})`, field.line);
  return date;
}
