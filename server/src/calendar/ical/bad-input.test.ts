/** Files an import must refuse, whole, with an IcsError that says what and where. */
import { describe, expect, it } from 'vitest';
import { IcsError, parseICalendar } from './index.js';

const wrap = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', ...lines, 'END:VCALENDAR'].join('\r\n');
const event = (...lines: string[]) => wrap('BEGIN:VEVENT', 'UID:e1', 'DTSTAMP:20260101T000000Z', ...lines, 'END:VEVENT');

function failure(text: string): IcsError {
  try {
    parseICalendar(text, { defaultTimeZone: 'Europe/Berlin' });
  } catch (error) {
    if (error instanceof IcsError) return error;
    throw error;
  }
  throw new Error('expected an IcsError');
}

describe('refused files', () => {
  it('a broken line without a colon', () => {
    const error = failure(event('DTSTART:20260101T090000Z', 'SUMMARY Lunch with Sam'));
    expect(error).toMatchObject({ line: 8, component: 'VEVENT' });
    expect(error.message).toBe('expected NAME:value, but "SUMMARY Lunch with Sam" has no colon');
    expect(error.where).toBe('line 8 (VEVENT)');
  });

  it('an unterminated BEGIN', () => {
    const text = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:e1', 'DTSTART:20260101T090000Z', 'END:VCALENDAR'].join('\r\n');
    const error = failure(text);
    expect(error).toMatchObject({ line: 6, component: 'VEVENT' });
    expect(error.message).toContain('END:VCALENDAR does not close BEGIN:VEVENT (line 3)');
    const cut = failure(['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:e1'].join('\r\n'));
    expect(cut).toMatchObject({ line: 3, component: 'VEVENT' });
    expect(cut.message).toBe('BEGIN:VEVENT is never closed by END:VEVENT (the file ends first)');
  });

  it('a VEVENT without DTSTART: the line of its BEGIN, and the component', () => {
    const error = failure(wrap('BEGIN:VEVENT', 'UID:e1', 'SUMMARY:No start', 'END:VEVENT'));
    expect(error).toMatchObject({ line: 4, component: 'VEVENT' });
    expect(error.message).toBe('DTSTART is missing: every VEVENT needs a start');
  });

  it('a VEVENT without UID', () => {
    const error = failure(wrap('BEGIN:VEVENT', 'DTSTART:20260101T090000Z', 'END:VEVENT'));
    expect(error).toMatchObject({ line: 4, component: 'VEVENT' });
    expect(error.message).toContain('UID is missing');
  });

  it('an unknown TZID without a VTIMEZONE', () => {
    const error = failure(event('DTSTART;TZID=Mars/Olympus_Mons:20260101T090000'));
    expect(error).toMatchObject({ line: 7, component: 'VEVENT' });
    expect(error.message).toContain('time zone "Mars/Olympus_Mons" is unknown');
  });

  it('an RRULE with COUNT=10000000, INTERVAL over 1000, or nonsense', () => {
    const count = failure(event('DTSTART:20260101T090000Z', 'RRULE:FREQ=DAILY;COUNT=10000000'));
    expect(count).toMatchObject({ line: 8, component: 'VEVENT' });
    expect(count.message).toBe('invalid RRULE: COUNT must be between 1 and 5000, not 10000000');
    expect(failure(event('DTSTART:20260101T090000Z', 'RRULE:FREQ=DAILY;INTERVAL=1001')).message).toContain('INTERVAL must be between 1 and 1000');
    expect(failure(event('DTSTART:20260101T090000Z', 'RRULE:FREQ=SOMETIMES')).message).toContain('FREQ must be one of');
    expect(failure(event('DTSTART:20260101T090000Z', 'RRULE:FREQ=WEEKLY;BYDAY=2MO')).message).toContain('a numbered BYDAY');
    expect(failure(event('DTSTART:20260101T090000Z', 'RRULE:FREQ=DAILY;COUNT=3;UNTIL=20260201')).message).toContain('COUNT and UNTIL');
  });

  it('garbage binary data', () => {
    const bytes = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256));
    const error = failure(bytes.toString('latin1'));
    expect(error.message).toBe('this is not iCalendar text: it contains binary data');
    expect(failure('\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR').message).toContain('binary data');
  });

  it('an empty string, and text that is not iCalendar', () => {
    expect(failure('').message).toBe('the file is empty');
    expect(failure(' \r\n\r\n').message).toBe('the file is empty');
    const vcard = failure('\r\nBEGIN:VCARD\r\nFN:Sam\r\nEND:VCARD\r\n');
    expect(vcard).toMatchObject({ line: 2 });
    expect(vcard.message).toBe('this is not iCalendar data: it must start with BEGIN:VCALENDAR, not "BEGIN:VCARD"');
    expect(vcard.where).toBe('line 2');
  });

  it('a file with 200,001 components, at the first one over 100,000', () => {
    const parts = ['BEGIN:VCALENDAR', 'VERSION:2.0'];
    for (let i = 0; i < 200_000; i++) parts.push('BEGIN:VEVENT', `UID:e${i}`, 'DTSTART:20260101T090000Z', 'END:VEVENT');
    parts.push('END:VCALENDAR');
    const error = failure(parts.join('\r\n'));
    // VCALENDAR is the first component, so the 100,000th VEVENT is the 100,001st.
    expect(error).toMatchObject({ line: 2 + 99_999 * 4 + 1, component: 'VEVENT' });
    expect(error.message).toContain('more than 100,000 components');
  });

  it('other broken structure and values', () => {
    expect(failure(wrap('END:VEVENT')).message).toContain('END:VEVENT does not close BEGIN:VCALENDAR');
    expect(failure(event('DTSTART:2026-01-01')).message).toContain('DTSTART "2026-01-01" is not a date');
    expect(failure(event('DTSTART:20260230T090000Z')).message).toContain('is not a date');
    expect(failure(event('DTSTART:20260101T090000Z', 'DURATION:1 hour')).message).toContain('DURATION "1 hour" is not a duration');
    expect(failure(event('DTSTART;TZID="Europe/Berlin:20260101T090000')).message).toContain('unterminated quoted value');
    expect(failure(wrap('BEGIN:VEVENT', 'UID:x', 'DTSTART:20260101T090000Z', 'END:VEVENT') + '\r\nSUMMARY:after the end').message).toContain('outside any component');
  });

  it('adds nothing when one event of many is bad', () => {
    const good = (i: number) => ['BEGIN:VEVENT', `UID:g${i}`, 'DTSTART:20260101T090000Z', 'END:VEVENT'];
    const text = wrap(...good(1), ...good(2), 'BEGIN:VEVENT', 'UID:bad', 'END:VEVENT', ...good(3));
    expect(() => parseICalendar(text, { defaultTimeZone: 'UTC' })).toThrow(IcsError);
  });
});
