/**
 * RRULE text to a checked structure and back (RFC 5545 3.3.10), with the limits an import
 * accepts: COUNT at most 5000, INTERVAL at most 1000, and the RFC's rules on which BYxxx
 * parts go with which FREQ. Every problem is a sentence (a RuleProblem) that the caller
 * turns into an IcsError naming the line. The grammar itself is platform/rrule/rule.ts.
 */
import { list, readRule, splitParts, type Frequency, type Rule, type RuleSyntax } from '../../platform/rrule/rule.js';

export { formatRule, formatUntil, WEEKDAYS, type ByDay, type Frequency, type Rule, type Until } from '../../platform/rrule/rule.js';

export class RuleProblem extends Error {}

export const MAX_COUNT = 5000;
export const MAX_INTERVAL = 1000;
const FREQUENCIES: Frequency[] = ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY', 'MINUTELY', 'SECONDLY'];

function problem(text: string): never {
  throw new RuleProblem(text);
}

const syntax: RuleSyntax = {
  problem,
  wholeNumber: /^[+-]?\d{1,15}$/,
  say: {
    range: (name, min, max, n) => `${name} must be between ${min} and ${max}, not ${n}`,
    weekday: (name, text) => `"${text}" in ${name} is not a weekday (MO, TU, WE, TH, FR, SA or SU)`,
    byDay: (item) => `BYDAY values look like MO, 2TU or -1FR, not "${item}"`,
    until: (text) => `UNTIL must look like 20261231 or 20261231T235959Z, not "${text}"`,
    byYearDay: (freq) => `BYYEARDAY cannot be used with FREQ=${freq}`,
  },
};

/** The parts, beyond the tasks' ones, read as plain lists: name, field, least, most. */
const PLAIN_LISTS: Record<string, readonly ['byMonth' | 'byHour' | 'byMinute' | 'bySecond', number, number] | undefined> = {
  BYMONTH: ['byMonth', 1, 12],
  BYHOUR: ['byHour', 0, 23],
  BYMINUTE: ['byMinute', 0, 59],
  BYSECOND: ['bySecond', 0, 59],
};

function frequency(text: string): Frequency {
  const freq = text.toUpperCase();
  if (!FREQUENCIES.includes(freq as Frequency)) problem(`FREQ must be one of ${FREQUENCIES.join(', ')}, not "${freq}"`);
  return freq as Frequency;
}

function other(rule: Rule, name: string, value: string): void {
  const plain = PLAIN_LISTS[name];
  if (plain !== undefined) {
    const [field, min, max] = plain;
    rule[field] = list(syntax, name, value, min, max, false);
  } else if (name === 'RSCALE') {
    // RFC 7529: only the Gregorian calendar is supported.
    if (value.toUpperCase() !== 'GREGORIAN') problem(`RSCALE=${value} (a non-Gregorian calendar) is not supported`);
  } else if (name === 'SKIP') {
    if (value.toUpperCase() !== 'OMIT') problem(`SKIP=${value} is not supported (only OMIT, the default)`);
  } else if (!name.startsWith('X-')) {
    problem(`unknown part ${name}`);
  }
}

export function parseRule(text: string): Rule {
  const body = text.trim().replace(/^RRULE:/i, '');
  if (body === '') problem('the rule is empty');
  return readRule(syntax, splitParts(syntax, body), { frequency, maxCount: MAX_COUNT, maxInterval: MAX_INTERVAL, other });
}
