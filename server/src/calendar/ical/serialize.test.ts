/** serializeCalendar: the shape of the text, and generated VTIMEZONEs that other clients evaluate like Intl. */
import { describe, expect, it } from 'vitest';
import { floatingFromWallClock } from '../../platform/time/calendar.js';
import { instantFromWallClock, offsetMinutes, wallClockAt } from '../../platform/time/zone.js';
import { buildTree } from './components.js';
import { parseICalendar, serializeCalendar, type EventData } from './index.js';
import { contentLines } from './lines.js';
import { date, event, local } from './test-support.js';
import { transitions } from './transitions.js';
import { evaluateVTimezone } from './vtimezone-match.js';
import { vtimezoneLines } from './vtimezone.js';

const BERLIN = 'Europe/Berlin';
const NY = 'America/New_York';

const series = event({
  uid: 'series-1@atom',
  title: 'Planning; review, and "retro" \\ more',
  description: `Agenda:\n1. Zürich 🚀 ${'long text with ünïcödé '.repeat(8)}`,
  location: 'Room 1, floor 2',
  start: local('2026-01-05T09:00', BERLIN),
  end: local('2026-01-05T10:00', BERLIN),
  rrule: 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20260331T235959Z',
  exdates: [local('2026-01-12T09:00', BERLIN)],
  rdates: [local('2026-01-14T15:00', NY)],
  attendees: [{ email: 'a@example.com', name: 'Doe, Jane: "JD"', status: 'accepted', role: 'chair' }],
  organizer: { email: 'a@example.com', name: 'Jane Doe' },
  reminders: [{ minutesBefore: 15 }, { minutesBefore: 1440 }, { minutesBefore: -5 }],
  sequence: 3,
});
const override = event({ uid: 'series-1@atom', title: 'Planning (moved)', recurrenceId: local('2026-01-19T09:00', BERLIN), start: local('2026-01-20T11:00', BERLIN), end: local('2026-01-20T12:00', BERLIN) });
const allDay = event({ uid: 'day@atom', title: 'Holiday', start: date('2026-05-01'), end: date('2026-05-02'), transparency: 'transparent' });
const text = serializeCalendar({ name: 'Work, mostly', events: [series, override, allDay], todos: [] });
const physical = text.split('\r\n').slice(0, -1);

describe('the text', () => {
  it('is CRLF, folded at 75 octets without splitting a character', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of physical) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(physical.some((line) => line.startsWith(' '))).toBe(true);
    expect(physical.join('\n')).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no half of an emoji
  });

  it('has the calendar header, one VTIMEZONE per zone, zoned and all-day times and the override', () => {
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\nPRODID:-\/\/Atom\/\/EN\r\n/);
    expect(unfolded).toContain('X-WR-CALNAME:Work\\, mostly\r\n');
    expect(unfolded.match(/^TZID:.*$/gm)).toEqual(['TZID:Europe/Berlin', 'TZID:America/New_York']);
    expect(unfolded).toContain('DTSTART;TZID=Europe/Berlin:20260105T090000\r\n');
    expect(unfolded).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20260331T235959Z\r\n');
    expect(unfolded).toContain('EXDATE;TZID=Europe/Berlin:20260112T090000\r\n');
    expect(unfolded).toContain('RDATE;TZID=America/New_York:20260114T150000\r\n');
    expect(unfolded).toContain('RECURRENCE-ID;TZID=Europe/Berlin:20260119T090000\r\n');
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20260501\r\n');
    expect(unfolded).toContain('ATTENDEE;CN="Doe, Jane: ^\'JD^\'";ROLE=CHAIR;PARTSTAT=ACCEPTED:mailto:a@example.com\r\n');
    expect(unfolded).toContain('SUMMARY:Planning\\; review\\, and "retro" \\\\ more\r\n');
    expect(unfolded).toContain('TRIGGER:-PT15M\r\n');
    expect(unfolded).toContain('TRIGGER:-P1D\r\n');
    expect(unfolded).toContain('TRIGGER:PT5M\r\n');
  });

  it('reads back as the same events', () => {
    const again = parseICalendar(text, { defaultTimeZone: 'UTC' });
    expect(again.name).toBe('Work, mostly');
    expect(again.events).toEqual([series, override, allDay]);
  });

  it('writes an instant in the repeated hour in UTC, since local time would mean the first pass', () => {
    const second = { kind: 'instant' as const, at: '2026-11-01T06:30:00.000Z', timeZone: NY }; // 01:30 EST, after 01:30 EDT
    const single = event({ start: second, end: { ...second, at: '2026-11-01T07:30:00.000Z' } });
    const out = serializeCalendar({ name: 'x', events: [single] }).replace(/\r\n /g, '');
    expect(out).toContain('DTSTART:20261101T063000Z');
    expect(out).toContain('DTEND;TZID=America/New_York:20261101T023000');
    const [back] = parseICalendar(out, { defaultTimeZone: 'UTC' }).events;
    expect(back?.start.kind === 'instant' && back.start.at).toBe(second.at);
  });

  it('refuses an invalid stored rule', () => {
    const bad: EventData = { ...series, rrule: 'FREQ=WEEKLY;COUNT=0' };
    expect(() => serializeCalendar({ name: 'x', events: [bad] })).toThrow(/invalid RRULE/);
  });
});

/** The generated VTIMEZONE as a component, evaluated by ical.js. */
function evaluated(zone: string, fromYear: number, toYear: number) {
  const lines = vtimezoneLines(zone, fromYear, toYear);
  const [calendar] = buildTree(contentLines(['BEGIN:VCALENDAR', ...lines, 'END:VCALENDAR'].join('\r\n')));
  return { lines, offsetOf: evaluateVTimezone(calendar!.children[0]!) };
}

/** Instants to compare at: noon every 5 days, and every 30 minutes around each transition. */
function samples(zone: string, fromYear: number, toYear: number): number[] {
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  const out: number[] = [];
  for (let t = start + 12 * 3_600_000; t < end; t += 5 * 86_400_000) out.push(t);
  for (const { at } of transitions(zone, fromYear, toYear)) for (let d = -4; d <= 4; d++) out.push(at + d * 1_800_000);
  return out;
}

/** Whether the wall time at `t` also shows at another instant (clocks were set back around it). */
function ambiguous(t: number, zone: string): boolean {
  const offset = (ms: number) => offsetMinutes(new Date(ms), zone) * 60_000;
  return [-3, 3].some((hours) => {
    const other = offset(t + hours * 3_600_000);
    return other !== offset(t) && offset(t + offset(t) - other) === other;
  });
}

describe('generated VTIMEZONEs', () => {
  const zones = [
    BERLIN,
    NY,
    'Australia/Lord_Howe', // half-hour DST, southern hemisphere
    'Africa/Casablanca', // DST suspended during Ramadan: irregular dates
    'America/Sao_Paulo', // DST abolished in 2019
    'Europe/Moscow', // permanent changes in 2011 and 2014
    'Asia/Kolkata', // no DST
    'Pacific/Chatham', // +12:45 / +13:45
    'Europe/Dublin', // "negative DST" in the tz data
    'America/Santiago',
  ];

  it.each(zones)('%s: ical.js gives the offsets Intl gives, 2005–2035', (zone) => {
    const { offsetOf } = evaluated(zone, 2005, 2035);
    for (const t of samples(zone, 2005, 2035)) {
      const wall = wallClockAt(t, zone);
      // A wall time in a repeated hour is ambiguous; ical.js may pick either pass.
      if (ambiguous(t, zone)) continue;
      expect([zone, new Date(t).toISOString(), offsetOf(wall)]).toEqual([zone, new Date(t).toISOString(), offsetMinutes(new Date(t), zone) * 60_000]);
    }
  });

  it('uses yearly rules, open-ended for the current rule, so that clients carry it on past the span', () => {
    const { lines, offsetOf } = evaluated(BERLIN, 2025, 2056);
    expect(lines.filter((l) => l.startsWith('BEGIN:'))).toEqual(['BEGIN:VTIMEZONE', 'BEGIN:STANDARD', 'BEGIN:DAYLIGHT', 'BEGIN:STANDARD']);
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
    const july2080 = { year: 2080, month: 7, day: 1, hour: 12, minute: 0, second: 0, millisecond: 0 };
    expect(offsetOf(july2080)).toBe(2 * 3_600_000);
    expect(floatingFromWallClock(july2080) - offsetOf(july2080)).toBe(instantFromWallClock(july2080, BERLIN));
  });

  it('closes a rule that stopped with UNTIL (São Paulo, no DST since 2019)', () => {
    const { lines } = evaluated('America/Sao_Paulo', 2010, 2030);
    expect(lines.some((l) => /^RRULE:FREQ=YEARLY;.*UNTIL=2019/.test(l))).toBe(true);
    expect(lines.filter((l) => l.startsWith('RRULE:')).every((l) => l.includes('UNTIL='))).toBe(true);
  });
});
