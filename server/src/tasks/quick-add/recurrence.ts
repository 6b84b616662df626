import { daysInMonth } from '../../platform/time/calendar.js';
import { newRule, type Rule } from './rule.js';
import { HIDDEN } from './text.js';
import type { Span } from './types.js';

/**
 * The recurrence grammar: "every ..." phrases, the adverbs daily/weekly/monthly/yearly, and
 * the completion-based forms "every! 3 days", "after 3 days", "every 3 days after completion".
 * Hand-written rather than chrono because chrono knows single dates, not rules. The first
 * phrase in the text wins; a later one is left in the title as plain words.
 */
export interface RecurrenceMatch {
  rule: Rule;
  from: 'schedule' | 'completion';
  span: Span;
}

type Parsed = { rule: Rule; end: number } | null;

const END = String.raw`(?![\p{L}\p{N}])`;
const WEEKDAY = String.raw`(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)s?${END}`;
const LIST_SEP = String.raw`(?:\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+|\s*&\s*)`;
const WEEKDAYS = `${WEEKDAY}(?:${LIST_SEP}${WEEKDAY})*`;
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)${END}`;
const ORD = String.raw`(\d{1,2})(?:st|nd|rd|th)${END}`;
const NTH_WORD = String.raw`(first|second|third|fourth|fifth|last)${END}`;
const UNIT = String.raw`(day|week|month|year)s?${END}`;
const OF_MONTH = String.raw`(?:\s+of\s+(?:the|every|each)\s+month${END})?`;
const DONE = String.raw`\s+after\s+(?:completion|completing|finishing|done|it(?:'|’)?s\s+done|it\s+is\s+done)${END}`;

const sticky = (source: string) => new RegExp(source, 'iuy');
const NTH_WORDS = ['first', 'second', 'third', 'fourth', 'fifth'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const weekdayCodes = (phrase: string): string[] =>
  [...phrase.matchAll(new RegExp(WEEKDAY, 'giu'))].map((m) => m[0].slice(0, 2).toUpperCase());
const monthNumber = (word: string) => MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
const nth = (digits: string | undefined, word: string | undefined): number =>
  word?.toLowerCase() === 'last' ? -1 : digits !== undefined ? Number(digits) : NTH_WORDS.indexOf(word?.toLowerCase() ?? '') + 1;

/** Runs `re` at `pos`; the match, or null. */
function at(re: RegExp, s: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(s);
}

const FREQ = { day: 'DAILY', week: 'WEEKLY', month: 'MONTHLY', year: 'YEARLY' } as const;

// "on monday and friday" after a weekly rule; "on the 15th" / "on the last day" / "on the
// 2nd tuesday" after a monthly one; "on jan 5" after a yearly one.
const ON_WEEKDAYS = sticky(String.raw`\s+on\s+(${WEEKDAYS})`);
const ON_MONTH_DAY = sticky(String.raw`\s+on\s+(?:the\s+)?(?:${ORD}|(last)\s+day${END})${OF_MONTH}`);
const ON_NTH_WEEKDAY = sticky(String.raw`\s+on\s+(?:the\s+)?(?:(\d)(?:st|nd|rd|th)${END}|${NTH_WORD})\s+(${WEEKDAY})${OF_MONTH}`);
const ON_DATE = String.raw`\s+on\s+`;

/** Narrows a weekly, monthly or yearly rule with an "on ..." phrase, if one follows. */
function refine(rule: Rule, s: string, pos: number): { rule: Rule; end: number } {
  let m: RegExpExecArray | null;
  if (rule.freq === 'WEEKLY' && (m = at(ON_WEEKDAYS, s, pos))) {
    return { rule: { ...rule, byDay: weekdayCodes(m[1]!) }, end: pos + m[0].length };
  }
  if (rule.freq === 'MONTHLY' && (m = at(ON_NTH_WEEKDAY, s, pos))) {
    const n = nth(m[1], m[2]);
    if (n >= -1 && n <= 5 && n !== 0) return { rule: { ...rule, byDay: [`${n}${weekdayCodes(m[3]!)[0]!}`] }, end: pos + m[0].length };
  }
  if (rule.freq === 'MONTHLY' && (m = at(ON_MONTH_DAY, s, pos))) {
    const day = m[2] ? -1 : Number(m[1]);
    if (day === -1 || (day >= 1 && day <= 31)) return { rule: { ...rule, byMonthDay: day }, end: pos + m[0].length };
  }
  if (rule.freq === 'YEARLY') {
    const date = yearlyDate(s, pos, ON_DATE);
    if (date) return { rule: { ...rule, ...date.fields }, end: date.end };
  }
  return { rule, end: pos };
}

const YEARLY_MD = (lead: string) => sticky(String.raw`${lead}(${MONTH})\s+(\d{1,2})(?:st|nd|rd|th)?${END}`);
const YEARLY_DM = (lead: string) => sticky(String.raw`${lead}(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${MONTH})`);
const yearlyPatterns = new Map<string, [RegExp, RegExp]>();

/** "jan 5", "january 5th", "5 january", "5th of january": a day of the year. */
function yearlyDate(s: string, pos: number, lead = ''): { fields: Partial<Rule>; end: number } | null {
  let pair = yearlyPatterns.get(lead);
  if (!pair) yearlyPatterns.set(lead, (pair = [YEARLY_MD(lead), YEARLY_DM(lead)]));
  const md = at(pair[0], s, pos);
  const dm = md ? null : at(pair[1], s, pos);
  const m = md ?? dm;
  if (!m) return null;
  const month = monthNumber(md ? m[1]! : m[2]!);
  const day = Number(md ? m[2] : m[1]);
  if (day < 1 || day > daysInMonth(2024, month)) return null; // 2024: leap year, so 29 February counts
  return { fields: { byMonth: month, byMonthDay: day }, end: pos + m[0].length };
}

const WORKDAYS = sticky(String.raw`(?:(week|work)days?|(weekend)s?)${END}`);
const INTERVAL = sticky(String.raw`(?:(\d{1,3}|other|second)\s+)?${UNIT}`);
const OTHER_WEEKDAYS = sticky(String.raw`other\s+(${WEEKDAYS})`);
const NTH_WEEKDAY = sticky(String.raw`(?:(\d)(?:st|nd|rd|th)${END}|${NTH_WORD})\s+(${WEEKDAY})${OF_MONTH}`);
const MONTH_DAY = sticky(String.raw`(?:${ORD}|(last)\s+day${END})${OF_MONTH}`);
const WEEKDAY_LIST = sticky(`(${WEEKDAYS})`);

/** What follows "every": the rule and where it ends. Order matters: specific shapes first. */
function body(s: string, pos: number): Parsed {
  let m: RegExpExecArray | null;
  const end = (match: RegExpExecArray) => pos + match[0].length;
  if ((m = at(WORKDAYS, s, pos))) {
    return { rule: newRule('WEEKLY', { byDay: m[1] ? ['MO', 'TU', 'WE', 'TH', 'FR'] : ['SA', 'SU'] }), end: end(m) };
  }
  if ((m = at(INTERVAL, s, pos))) {
    const word = m[1]?.toLowerCase();
    const interval = word === undefined ? 1 : word === 'other' || word === 'second' ? 2 : Number(word);
    if (interval < 1) return null;
    return refine(newRule(FREQ[m[2]!.toLowerCase() as keyof typeof FREQ], { interval }), s, end(m));
  }
  if ((m = at(OTHER_WEEKDAYS, s, pos))) return { rule: newRule('WEEKLY', { interval: 2, byDay: weekdayCodes(m[1]!) }), end: end(m) };
  const yearly = yearlyDate(s, pos);
  if (yearly) return { rule: newRule('YEARLY', yearly.fields), end: yearly.end };
  if ((m = at(NTH_WEEKDAY, s, pos))) {
    const n = nth(m[1], m[2]);
    if (n === 0 || n > 5) return null;
    return { rule: newRule('MONTHLY', { byDay: [`${n}${weekdayCodes(m[3]!)[0]!}`] }), end: end(m) };
  }
  if ((m = at(MONTH_DAY, s, pos))) {
    const day = m[2] ? -1 : Number(m[1]);
    if (day === 0 || day > 31) return null;
    return { rule: newRule('MONTHLY', { byMonthDay: day }), end: end(m) };
  }
  if ((m = at(WEEKDAY_LIST, s, pos))) return { rule: newRule('WEEKLY', { byDay: weekdayCodes(m[1]!) }), end: end(m) };
  return null;
}

const EVERY = sticky(String.raw`every(!)?\s+`);
// Digits only after "after": "rest after a day of hiking" is not a rule.
const AFTER = sticky(String.raw`after\s+(\d{1,3})\s+${UNIT}(?!\s+of${END})`);
const UNITS_AFTER_DONE = sticky(String.raw`(?:(\d{1,3})|an?|one)\s+${UNIT}(?=${DONE})`);
const ADVERB = sticky(String.raw`(daily|weekly|monthly|yearly|annually)${END}`);
const COMPLETION = sticky(DONE);
const ADVERB_FREQ = { daily: 'DAILY', weekly: 'WEEKLY', monthly: 'MONTHLY', yearly: 'YEARLY', annually: 'YEARLY' } as const;

/**
 * "Write weekly report" is a report, not a rule: a bare adverb counts only where nothing but
 * the end, punctuation, a token, a date or time, or a connector word ("at", "on", "until"...) follows.
 */
const ADVERB_FOLLOWERS = new RegExp(
  String.raw`(?:\s*$|\s*[${HIDDEN},.;:!?)]|\s+(?:at|on|until|till|from|starting|beginning|this|next|today|tonight|tomorrow|noon|midnight)${END}|\s+for\s+\d+\s+times|\s+${WEEKDAY}|\s+\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\s+\d{1,2}:\d{2})`,
  'iuy',
);

function completionForm(s: string, pos: number): Parsed {
  const m = at(AFTER, s, pos) ?? at(UNITS_AFTER_DONE, s, pos);
  if (!m) return null;
  const interval = m[1] === undefined ? 1 : Number(m[1]);
  if (interval < 1) return null;
  return { rule: newRule(FREQ[m[2]!.toLowerCase() as keyof typeof FREQ], { interval }), end: pos + m[0].length };
}

function adverbForm(s: string, pos: number): Parsed {
  const m = at(ADVERB, s, pos);
  if (!m) return null;
  const rule = newRule(ADVERB_FREQ[m[1]!.toLowerCase() as keyof typeof ADVERB_FREQ]);
  const refined = refine(rule, s, pos + m[0].length);
  if (refined.end > pos + m[0].length) return refined;
  return at(ADVERB_FOLLOWERS, s, refined.end) ? refined : null;
}

function ruleAt(s: string, pos: number): { rule: Rule; end: number; completion: boolean } | null {
  const every = at(EVERY, s, pos);
  const parsed = every ? body(s, pos + every[0].length) : null;
  if (every && parsed) {
    const done = at(COMPLETION, s, parsed.end);
    return { ...parsed, end: done ? parsed.end + done[0].length : parsed.end, completion: every[1] !== undefined || done !== null };
  }
  const completion = completionForm(s, pos);
  if (completion) {
    const done = at(COMPLETION, s, completion.end);
    return { ...completion, end: done ? completion.end + done[0].length : completion.end, completion: true };
  }
  const adverb = adverbForm(s, pos);
  if (adverb) {
    const done = at(COMPLETION, s, adverb.end);
    return { ...adverb, end: done ? adverb.end + done[0].length : adverb.end, completion: done !== null };
  }
  return null;
}

const ENTRY = /(?<![\p{L}\p{N}_'’-])(?:every|after|daily|weekly|monthly|yearly|annually|\d{1,3}|an?|one)(?![\p{L}\p{N}])/giu;

/** The first recurrence phrase in `visible` (text with tokens and quotes hidden), or null. */
export function findRecurrence(visible: string): RecurrenceMatch | null {
  for (const entry of visible.matchAll(ENTRY)) {
    const found = ruleAt(visible, entry.index);
    if (found) {
      return {
        rule: found.rule,
        from: found.completion ? 'completion' : 'schedule',
        span: { start: entry.index, end: found.end },
      };
    }
  }
  return null;
}

const COUNT = /(?<![\p{L}\p{N}])for\s+(\d{1,4})\s+(?:times|occurrences)(?![\p{L}\p{N}])/iu;

/** "for 5 times": how many occurrences a rule has. */
export function findCount(visible: string): { count: number; span: Span } | null {
  const m = COUNT.exec(visible);
  const count = Number(m?.[1]);
  if (!m || count < 1) return null;
  return { count, span: { start: m.index, end: m.index + m[0].length } };
}
