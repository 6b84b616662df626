import * as chrono from 'chrono-node';
import { addDays, addMonths, compareDates, daysInMonth, nextWeekday, weekdayOf, type PlainDate, type TimeOfDay } from '../../platform/time/calendar.js';
import { dateAt, offsetMinutes } from '../../platform/time/zone.js';
import { hide } from './text.js';
import type { Span } from './types.js';

/**
 * Date and time phrases. chrono-node finds them; this file decides which to believe.
 * Users' main complaint about quick add is ordinary words read as dates, so a chrono result
 * is dropped unless it names a day or a clock time unambiguously (see `believable`), and a
 * few phrases get Atom's own meaning first ("next week" is next Monday, not in 7 days).
 */
export interface DateCandidate {
  span: Span;
  /** The calendar day in the user's zone; null for a clock time alone ("at 5pm"). */
  date: PlainDate | null;
  time: TimeOfDay | null;
  /** Set when the phrase names an exact instant ("in 2 hours", "10:00Z"). */
  instant: Date | null;
}

const W = String.raw`(?<![\p{L}\p{N}])`;
const E = String.raw`(?![\p{L}\p{N}])`;
const MONTH_WORD = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*${E}`;

interface OwnPhrase {
  re: RegExp;
  resolve: (m: RegExpMatchArray, today: PlainDate) => PlainDate | null;
}

/** Saturday of the weekend `today` is in or before (a Sunday still belongs to its weekend). */
const weekendOf = (today: PlainDate) => (weekdayOf(today) === 0 ? addDays(today, -1) : nextWeekday(today, 6));

const OWN: OwnPhrase[] = [
  {
    re: new RegExp(String.raw`${W}(this|next)\s+weekend${E}`, 'giu'),
    resolve: (m, today) => {
      const saturday = weekendOf(today);
      if (m[1]!.toLowerCase() === 'next') return addDays(saturday, 7);
      return compareDates(saturday, today) < 0 ? today : saturday;
    },
  },
  { re: new RegExp(String.raw`${W}next\s+week${E}`, 'giu'), resolve: (_, today) => nextWeekday(addDays(today, 1), 1) },
  {
    re: new RegExp(String.raw`${W}next\s+(month|year)${E}`, 'giu'),
    resolve: (m, today) =>
      m[1]!.toLowerCase() === 'year' ? { year: today.year + 1, month: 1, day: 1 } : { ...addMonths(today.year, today.month, 1), day: 1 },
  },
  {
    re: new RegExp(String.raw`${W}(?:the\s+)?end\s+of\s+(?:the\s+)?month${E}`, 'giu'),
    resolve: (_, today) => ({ ...today, day: daysInMonth(today.year, today.month) }),
  },
  {
    // "on the 15th": the next 15th. Needs the preposition: "the 15th anniversary" is not a date.
    re: new RegExp(String.raw`${W}(?:on|by|due(?:\s+on|\s+by)?|before)\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)${E}(?!\s+(?:of\s+)?${MONTH_WORD})`, 'giu'),
    resolve: (m, today) => {
      const day = Number(m[1]);
      if (day < 1 || day > 31) return null;
      for (let i = 0; i < 12; i++) {
        const { year, month } = addMonths(today.year, today.month, i);
        const date = { year, month, day };
        if (day <= daysInMonth(year, month) && compareDates(date, today) >= 0) return date;
      }
      return null;
    },
  },
];

/**
 * Numbers that only might be clock times, hidden before chrono sees them (they stay in the
 * title): "at 5" (05:00 or 17:00?), "5:30" without "at" or am/pm ("John 3:16"), "17.30"
 * (a price as often as a time). "until" is hidden too: chrono would merge "9am until friday"
 * into a range, and "until" belongs to the recurrence grammar.
 */
const MERIDIEM = String.raw`\s*(?:a\.?m\.?|p\.?m\.?)${E}`;
const UNCLEAR = new RegExp(
  [
    String.raw`${W}at\s+\d{1,2}(?![\d:.])(?!${MERIDIEM}|\s*(?:h|hrs?|o'?clock)${E})`,
    String.raw`(?<![\p{L}\p{N}:.]|\bat\s)\d:\d\d(?![\d:.])(?!${MERIDIEM})`,
    String.raw`(?<![\p{N}.])\d{1,2}\.\d\d(?![\d.])(?!${MERIDIEM})`,
    String.raw`${W}(?:until|till)${E}`,
  ].join('|'),
  'giu',
);
const CONNECTOR_BEFORE = new RegExp(String.raw`${W}(?:due\s+(?:on|by)|at|on|by|due)\s+$`, 'iu');
const PREPOSITION_BEFORE = new RegExp(String.raw`${W}(?:on|by|due|until|till|before|from|starting|beginning)\s+$`, 'iu');
const ALLOWED_RELATIVE = /^(?:in|within)\s|\bfrom\s+(?:now|today)$|\blater$|\bday\s+after\s+tomorrow\b/iu;
const TOO_VAGUE = /\bsec(?:ond)?s?\b|\b(?:a|an|one)\s+(?:minute|min|moment)\b/iu;
const PAST = /\b(?:last|ago|past|previous)\b/iu;
// What is left of a time after UNCLEAR: am/pm, noon, midnight, or h:mm.
const CLOCK = /\d\s*(?:a\.?m\.?|p\.?m\.?)(?![\p{L}])|\bnoon\b|\bmidnight\b|\d:\d\d/iu;
const INSIDE_WORD_BEFORE = /(?:[\p{L}\p{N}]|\p{N}[-/:.])$/u;
const INSIDE_WORD_AFTER = /^(?:[\p{L}\p{N}]|[-/:.]\p{N})/u;
// Three-letter weekdays that are also words: "sun cream", "SAT exam", "get wed".
const WORDY_WEEKDAYS = /^(?:sun|sat|wed|mon)$/iu;

function believable(r: chrono.ParsedResult, visible: string): boolean {
  const s = r.start;
  const before = visible.slice(0, r.index);
  const after = visible.slice(r.index + r.text.length);
  const text = r.text.trim();
  if (r.end || /^(?:right\s+)?now$/iu.test(text) || PAST.test(text)) return false; // ranges and the past: leave to the user
  if (INSIDE_WORD_BEFORE.test(before) || INSIDE_WORD_AFTER.test(after)) return false; // "Dec 3 noon 2026|-04-01"
  const tags = r.tags();
  if (tags.has('result/relativeDate')) return ALLOWED_RELATIVE.test(text) && !TOO_VAGUE.test(text);
  const hasDay = s.isCertain('day') || s.isCertain('weekday');
  if (!hasDay && !s.isCertain('hour')) return false; // "May", "March madness", "1984", "this evening"
  if (tags.has('parser/SlashDateFormatParser') && !s.isCertain('year') && !PREPOSITION_BEFORE.test(before)) return false; // 3/4 done
  if (s.isCertain('hour') && !CLOCK.test(text)) return false; // "5 o'clock", "17h": too loose
  if (s.isCertain('weekday') && !s.isCertain('day') && !s.isCertain('hour') && !PREPOSITION_BEFORE.test(before)) {
    const bare = text.replace(/^(?:this|next|on)\s+/iu, '');
    if (bare === text && WORDY_WEEKDAYS.test(bare)) return false;
    if (bare === text && /^\p{Lu}/u.test(bare) && /^\s+\p{Lu}/u.test(after)) return false; // "Sunday Times crossword"
  }
  return true;
}

/** The result's day in the user's zone; a month and day without a year is the next one from today. */
function dayOf(r: chrono.ParsedResult, today: PlainDate): PlainDate | null {
  const s = r.start;
  const has = s.isCertain('day') || s.isCertain('weekday') || r.tags().has('result/relativeDate');
  if (!has) return null;
  const date = { year: s.get('year') ?? today.year, month: s.get('month') ?? today.month, day: s.get('day') ?? today.day };
  if (s.isCertain('month') && s.isCertain('day') && !s.isCertain('year')) {
    const thisYear = { ...date, year: today.year };
    return compareDates(thisYear, today) >= 0 ? thisYear : { ...date, year: today.year + 1 };
  }
  return date;
}

function withConnector(span: Span, visible: string): Span {
  const m = CONNECTOR_BEFORE.exec(visible.slice(0, span.start));
  return m ? { start: m.index, end: span.end } : span;
}

/** Every believable date or time phrase in `visible`, in text order. */
export function findDates(visible: string, now: Date, timeZone: string): DateCandidate[] {
  const today = dateAt(now, timeZone);
  const found: DateCandidate[] = [];
  const own: Span[] = [];
  for (const phrase of OWN) {
    for (const m of visible.matchAll(phrase.re)) {
      const span = { start: m.index, end: m.index + m[0].length };
      const date = phrase.resolve(m, today);
      if (!date || own.some((o) => o.start < span.end && span.start < o.end)) continue;
      own.push(span);
      found.push({ span: withConnector(span, visible), date, time: null, instant: null });
    }
  }
  const forChrono = hide(visible, [...own, ...[...visible.matchAll(UNCLEAR)].map((m) => ({ start: m.index, end: m.index + m[0].length }))]);
  const reference = { instant: now, timezone: offsetMinutes(now, timeZone) };
  for (const r of chrono.casual.parse(forChrono, reference, { forwardDate: true })) {
    if (!believable(r, visible)) continue; // judged against the text before UNCLEAR: "until 4/30" has its preposition
    const lead = r.text.length - r.text.trimStart().length;
    let end = r.index + r.text.trimEnd().length;
    const s = r.start;
    // chrono reads "at 1pm eat salad" as East Africa Time: only an upper-case zone name counts.
    const relative = r.tags().has('result/relativeDate');
    const zoneWord = s.isCertain('timezoneOffset') && !relative ? /\s+(\p{L}{2,5})$/u.exec(r.text.trimEnd()) : null;
    const namedZone = s.isCertain('timezoneOffset') && !relative && (!zoneWord || zoneWord[1] === zoneWord[1]!.toUpperCase());
    if (zoneWord && !namedZone) end -= zoneWord[0].length;
    const span = withConnector({ start: r.index + lead, end }, visible);
    if (r.tags().has('result/relativeDateAndTime') || namedZone) {
      const instant = new Date(Math.floor(r.date().getTime() / 60_000) * 60_000);
      found.push({ span, date: null, time: null, instant });
      continue;
    }
    const time = s.isCertain('hour') ? { hour: s.get('hour') ?? 0, minute: s.get('minute') ?? 0, second: 0, millisecond: 0 } : null;
    found.push({ span, date: dayOf(r, today), time, instant: null });
  }
  // chrono can return overlapping results ("Dec 3 noon 2026" and "2026-04-01"): the earlier one wins.
  const kept: DateCandidate[] = [];
  for (const c of found.sort((a, b) => a.span.start - b.span.start)) {
    const last = kept.at(-1);
    if (!last || c.span.start >= last.span.end) kept.push(c);
  }
  return kept;
}
