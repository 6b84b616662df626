/**
 * RRULE text to a checked structure and back (RFC 5545, 3.3.10).
 *
 * We parse ourselves rather than through rrule's parser so that every mistake gets a
 * sentence a user can act on, and so that what rrule is asked to expand is always
 * something cheap and meaningful for a task:
 * - no SECONDLY, MINUTELY or HOURLY and no BYHOUR, BYMINUTE or BYSECOND: a task repeats on
 *   days, at the time of day of its due;
 * - COUNT and INTERVAL at most 1000;
 * - the RFC's rules on which BYxxx parts go with which FREQ.
 * The grammar itself is platform/rrule/rule.ts; this is the tasks' policy on top of it.
 */
import { list, readRule, splitParts, type Rule as AnyRule, type RuleSyntax } from '../../platform/rrule/rule.js';
import { RecurrenceError } from './types.js';

export { formatRule, type ByDay, type Until } from '../../platform/rrule/rule.js';

export type Frequency = 'YEARLY' | 'MONTHLY' | 'WEEKLY' | 'DAILY';

/** A task's rule: byHour, byMinute and bySecond are always empty. */
export type Rule = AnyRule<Frequency>;

const LIMIT = 1000;

function fail(problem: string): never {
  throw new RecurrenceError(problem);
}

const syntax: RuleSyntax = {
  problem: fail,
  wholeNumber: /^[+-]?\d{1,6}$/,
  say: {
    range: (name, min, max) => `${name} must be between ${min} and ${max}`,
    weekday: (name, text) => `"${text}" in ${name} is not a weekday: use MO, TU, WE, TH, FR, SA or SU`,
    byDay: (item) => `BYDAY must look like MO, 2TU or -1FR, not "${item}"`,
    until: () => 'UNTIL must look like 20261231 or 20261231T235959Z',
    byYearDay: () => 'BYYEARDAY can only be used with FREQ=YEARLY',
  },
};

function frequency(text: string): Frequency {
  const freq = text.toUpperCase();
  if (freq === 'SECONDLY' || freq === 'MINUTELY') fail('SECONDLY and MINUTELY repetition is not supported for tasks');
  if (freq === 'HOURLY') fail('HOURLY repetition is not supported for tasks: they repeat on days, at the time of their due');
  if (freq !== 'YEARLY' && freq !== 'MONTHLY' && freq !== 'WEEKLY' && freq !== 'DAILY') {
    fail('FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY');
  }
  return freq;
}

/** Splits the text into NAME=VALUE parts, after the checks that concern the text as a whole. */
function parts(text: string): Map<string, string> {
  let body = text.trim();
  if (body === '') fail('the rule is empty');
  if (/DTSTART/i.test(body)) fail("DTSTART is not allowed in the rule: the task's due is where the repetition starts");
  body = body.replace(/^RRULE:/i, '');
  if (/[:\r\n]/.test(body)) fail('only a single RRULE is supported, without EXDATE, RDATE or other lines');
  const found = splitParts(syntax, body);
  if (found.size === 0) fail('the rule is empty');
  return found;
}

function other(rule: Rule, name: string, value: string): void {
  if (name === 'BYMONTH') {
    rule.byMonth = list(syntax, 'BYMONTH', value, 1, 12, true);
    if (rule.byMonth.some((n) => n < 0)) fail('BYMONTH values must be between 1 and 12');
  } else if (name === 'BYHOUR' || name === 'BYMINUTE' || name === 'BYSECOND') {
    fail(`${name} is not supported for tasks: the time of day comes from the due`);
  } else {
    fail(`unknown part ${name}`);
  }
}

export function parseRule(text: string): Rule {
  const rule = readRule(syntax, parts(text), { frequency, maxCount: LIMIT, maxInterval: LIMIT, other });
  // Each day is a set of one, so BYSETPOS could only keep it or drop it.
  if (rule.bySetPos.length > 0 && rule.freq === 'DAILY') fail('BYSETPOS cannot be used with FREQ=DAILY');
  return rule;
}
