/**
 * parse → serialize → parse keeps every occurrence (start and end, instant or date) of
 * every fixture over two years; the comparison is of occurrences, not of text.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { parseICalendar, serializeCalendar } from './index.js';
import { FIXTURES, fixture, summary } from './test-support.js';

const options = { defaultTimeZone: 'Europe/Berlin' };

/** Two years from the start of the earliest event's year, and 2026–2027. */
function ranges(years: number[]): [string, string][] {
  const first = Math.min(...years);
  return [
    [`${first}-01-01T00:00:00Z`, `${first + 2}-01-01T00:00:00Z`],
    ['2026-01-01T00:00:00Z', '2028-01-01T00:00:00Z'],
  ];
}

describe.each(FIXTURES)('round trip of %s', (name) => {
  const original = parseICalendar(fixture(name), options);
  const text = serializeCalendar({ name: original.name ?? name, events: original.events, todos: original.todos });
  const again = parseICalendar(text, options);

  it('expands to the same occurrences', () => {
    const years = original.events.map((e) => Number((e.start.kind === 'date' ? e.start.date : e.start.at).slice(0, 4)));
    for (const [start, end] of ranges(years)) {
      const before = summary(original.events, start, end);
      expect(before.length).toBeGreaterThan(0);
      expect(summary(again.events, start, end)).toEqual(before);
    }
  });

  it('keeps the events and to-dos themselves', () => {
    // Times in a zone that matched a custom VTIMEZONE come back under the IANA name; all else is equal.
    expect(again.events).toEqual(original.events);
    expect(again.todos).toEqual(original.todos);
    expect(again.name).toBe(original.name ?? name);
    expect(again.warnings).toEqual([]);
  });

  it('is read by ical.js too', () => {
    const component = new ICAL.Component(ICAL.parse(text) as unknown[]);
    expect(component.getAllSubcomponents('vevent')).toHaveLength(original.events.length);
  });
});
