import { describe, expect, it } from 'vitest';
import { icalPriority, taskPriority } from '../todo-priority.js';
import { parseICalendar, serializeCalendar } from './index.js';

const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');
const cal = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');

describe('unmodelled properties', () => {
  const remote = cal(
    'BEGIN:VTODO',
    'UID:t1',
    'DTSTAMP:20260101T000000Z',
    'LAST-MODIFIED:20260101T000000Z',
    'SUMMARY:Call the bank',
    'DESCRIPTION:About the loan',
    'RELATED-TO:parent-1',
    'RELATED-TO;RELTYPE=SIBLING:sister-1',
    'X-APPLE-SORT-ORDER:42',
    'URL:https://example.org/a;b',
    'END:VTODO',
  );

  it('are read only when asked, as raw lines, with the parent link read into parentUid', () => {
    expect(parseICalendar(remote, { defaultTimeZone: 'UTC' }).todos[0]!.extra).toBeUndefined();
    const [todo] = parseICalendar(remote, { defaultTimeZone: 'UTC', keepExtra: true }).todos;
    expect(todo!.parentUid).toBe('parent-1');
    expect(todo!.extra).toEqual(['RELATED-TO;RELTYPE=SIBLING:sister-1', 'X-APPLE-SORT-ORDER:42', 'URL:https://example.org/a;b']);
  });

  it('are written back, but never over what Atom writes or cleared itself', () => {
    const [todo] = parseICalendar(remote, { defaultTimeZone: 'UTC', keepExtra: true }).todos;
    const out = unfold(serializeCalendar({ name: 'x', events: [], todos: [{ ...todo!, description: '', title: 'Call the bank today', parentUid: null }] }));
    expect(out).toContain('X-APPLE-SORT-ORDER:42\r\n');
    expect(out).toContain('URL:https://example.org/a;b\r\n');
    expect(out).toContain('RELATED-TO;RELTYPE=SIBLING:sister-1\r\n');
    expect(out).toContain('SUMMARY:Call the bank today');
    // Cleared in Atom: not resurrected from the server's copy. Rewritten by Atom: not doubled.
    expect(out).not.toContain('DESCRIPTION');
    expect(out).not.toContain('RELATED-TO:parent-1');
    expect(out).not.toContain('LAST-MODIFIED');
    expect(out.match(/^DTSTAMP/gm)).toHaveLength(1);
    const again = parseICalendar(out, { defaultTimeZone: 'UTC', keepExtra: true }).todos[0]!;
    expect(again.extra).toEqual(todo!.extra);
  });

  it('go before an event\'s alarms, as RFC 5545 orders them', () => {
    const text = cal('BEGIN:VEVENT', 'UID:e1', 'DTSTAMP:20260101T000000Z', 'DTSTART:20261201T090000Z', 'DTEND:20261201T100000Z', 'SUMMARY:Dentist', 'X-FOO:bar', 'BEGIN:VALARM', 'ACTION:DISPLAY', 'DESCRIPTION:x', 'TRIGGER:-PT15M', 'END:VALARM', 'END:VEVENT');
    const out = unfold(serializeCalendar({ name: 'x', events: parseICalendar(text, { defaultTimeZone: 'UTC', keepExtra: true }).events }));
    expect(out.indexOf('X-FOO:bar')).toBeGreaterThan(0);
    expect(out.indexOf('X-FOO:bar')).toBeLessThan(out.indexOf('BEGIN:VALARM'));
  });
});

describe('task priority and iCalendar PRIORITY', () => {
  it('round-trips every Atom priority and reads the RFC 5545 bands', () => {
    expect([1, 2, 3, 4].map(icalPriority)).toEqual([1, 5, 9, null]);
    expect([1, 2, 3, 4].map((p) => taskPriority(icalPriority(p)))).toEqual([1, 2, 3, 4]);
    expect([0, 1, 4, 5, 6, 9].map(taskPriority)).toEqual([4, 1, 1, 2, 3, 3]);
  });
});
