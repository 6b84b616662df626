/** Occurrences across DST switches, seen from other zones, and all-day events in every zone. */
import { describe, expect, it } from 'vitest';
import { zonedDayRange } from '../../platform/time/zone.js';
import { expandOccurrences, parseICalendar } from './index.js';
import { date, event, local, startOf, wallTime } from './test-support.js';

describe('a weekly 09:00 America/New_York meeting seen from Europe/Berlin in 2026', () => {
  const meeting = event({
    start: local('2026-01-05T09:00', 'America/New_York'),
    end: local('2026-01-05T10:00', 'America/New_York'),
    rrule: 'FREQ=WEEKLY;BYDAY=MO',
  });
  const occurrences = expandOccurrences(meeting, [], { start: '2026-01-01T00:00:00Z', end: '2027-01-01T00:00:00Z', viewerTimeZone: 'Europe/Berlin' });
  const berlin = new Map(occurrences.map((o) => [wallTime(o, 'America/New_York') + ' ' + (o.start.kind === 'instant' ? o.start.at.slice(0, 10) : ''), wallTime(o, 'Europe/Berlin')]));

  it('stays at 09:00 in New York all year', () => {
    expect(occurrences).toHaveLength(52);
    expect(new Set(occurrences.map((o) => wallTime(o, 'America/New_York')))).toEqual(new Set(['09:00']));
  });

  it('is at 15:00 in Berlin normally and 14:00 while only one side has switched', () => {
    // US summer time from 8 March, EU from 29 March; EU winter time from 25 October, US from 1 November.
    expect(berlin.get('09:00 2026-03-02')).toBe('15:00');
    expect(berlin.get('09:00 2026-03-09')).toBe('14:00');
    expect(berlin.get('09:00 2026-03-16')).toBe('14:00');
    expect(berlin.get('09:00 2026-03-23')).toBe('14:00');
    expect(berlin.get('09:00 2026-03-30')).toBe('15:00');
    expect(berlin.get('09:00 2026-10-19')).toBe('15:00');
    expect(berlin.get('09:00 2026-10-26')).toBe('14:00');
    expect(berlin.get('09:00 2026-11-02')).toBe('15:00');
    const at14 = occurrences.filter((o) => wallTime(o, 'Europe/Berlin') === '14:00').map((o) => startOf(o).slice(0, 10));
    expect(at14).toEqual(['2026-03-09', '2026-03-16', '2026-03-23', '2026-10-26']);
  });

  it('lasts exactly an hour every week', () => {
    for (const o of occurrences) {
      if (o.start.kind !== 'instant' || o.end.kind !== 'instant') throw new Error('instant expected');
      expect(Date.parse(o.end.at) - Date.parse(o.start.at)).toBe(3_600_000);
    }
  });
});

describe('an event created in Asia/Kolkata', () => {
  const ics = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//EN',
    'BEGIN:VEVENT',
    'UID:kolkata-1',
    'DTSTAMP:20260101T000000Z',
    'DTSTART;TZID=Asia/Kolkata:20260302T180000',
    'DTEND;TZID=Asia/Kolkata:20260302T190000',
    'RRULE:FREQ=DAILY;COUNT=60',
    'SUMMARY:Standup Bengaluru',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');
  const [standup] = parseICalendar(ics, { defaultTimeZone: 'America/Los_Angeles' }).events;

  it('is at 12:30 UTC, and 13:30 then 14:30 in Berlin as Berlin switches to summer time', () => {
    const occurrences = expandOccurrences(standup!, [], { start: '2026-03-01T00:00:00Z', end: '2026-05-01T00:00:00Z', viewerTimeZone: 'Europe/Berlin' });
    expect(occurrences).toHaveLength(60);
    expect(new Set(occurrences.map((o) => wallTime(o, 'UTC')))).toEqual(new Set(['12:30']));
    expect(wallTime(occurrences[0]!, 'Europe/Berlin')).toBe('13:30');
    expect(wallTime(occurrences.at(-1)!, 'Europe/Berlin')).toBe('14:30');
    expect(wallTime(occurrences[0]!, 'America/Los_Angeles')).toBe('04:30');
  });
});

describe('an all-day event', () => {
  const holiday = event({ start: date('2026-03-10'), end: date('2026-03-11'), rrule: null });
  const zones = ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC', 'Asia/Tokyo'];

  it.each(zones)('stays on its date for a viewer in %s', (viewerTimeZone) => {
    const day = (d: string) => zonedDayRange(d, d, viewerTimeZone);
    const seen = (d: string) => expandOccurrences(holiday, [], { ...day(d), viewerTimeZone }).map(startOf);
    expect(seen('2026-03-10')).toEqual(['2026-03-10']);
    expect(seen('2026-03-09')).toEqual([]);
    expect(seen('2026-03-11')).toEqual([]);
    const [occurrence] = expandOccurrences(holiday, [], { ...zonedDayRange('2026-03-01', '2026-03-31', viewerTimeZone), viewerTimeZone });
    expect(occurrence?.start).toEqual(date('2026-03-10'));
    expect(occurrence?.end).toEqual(date('2026-03-11'));
  });

  it('repeats on dates, whatever the zones (weekly all-day over the DST switch)', () => {
    const weekly = event({ start: date('2026-03-02'), end: date('2026-03-03'), rrule: 'FREQ=WEEKLY;COUNT=6' });
    for (const viewerTimeZone of zones) {
      const occurrences = expandOccurrences(weekly, [], { ...zonedDayRange('2026-03-01', '2026-04-30', viewerTimeZone), viewerTimeZone });
      expect(occurrences.map(startOf)).toEqual(['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30', '2026-04-06']);
    }
  });
});

describe('DST edge times', () => {
  it('moves a daily 02:30 forward on the day it does not exist, and keeps the earlier 01:30 on the day it happens twice', () => {
    const early = event({ start: local('2026-03-06T02:30', 'America/New_York'), end: local('2026-03-06T03:00', 'America/New_York'), rrule: 'FREQ=DAILY;COUNT=4' });
    const times = expandOccurrences(early, [], { start: '2026-03-01T00:00:00Z', end: '2026-04-01T00:00:00Z', viewerTimeZone: 'UTC' }).map((o) => wallTime(o, 'America/New_York'));
    expect(times).toEqual(['02:30', '02:30', '03:30', '02:30']);
    const late = event({ start: local('2026-10-30T01:30', 'America/New_York'), end: local('2026-10-30T02:00', 'America/New_York'), rrule: 'FREQ=DAILY;COUNT=4' });
    const starts = expandOccurrences(late, [], { start: '2026-10-01T00:00:00Z', end: '2026-12-01T00:00:00Z', viewerTimeZone: 'UTC' }).map(startOf);
    expect(starts).toEqual(['2026-10-30T05:30:00.000Z', '2026-10-31T05:30:00.000Z', '2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z']);
  });
});

describe('time zone names', () => {
  const withTzid = (tzid: string, extra: string[] = []) =>
    ['BEGIN:VCALENDAR', 'VERSION:2.0', ...extra, 'BEGIN:VEVENT', 'UID:z', `DTSTART;TZID=${tzid}:20260115T090000`, 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
  const startOfOnly = (tzid: string, extra: string[] = []) => parseICalendar(withTzid(tzid, extra), { defaultTimeZone: 'UTC' }).events[0]!.start;

  it.each([
    ['W. Europe Standard Time', 'Europe/Berlin', '2026-01-15T08:00:00.000Z'],
    ['Eastern Standard Time', 'America/New_York', '2026-01-15T14:00:00.000Z'],
    ['Pacific Standard Time', 'America/Los_Angeles', '2026-01-15T17:00:00.000Z'],
    ['GMT Standard Time', 'Europe/London', '2026-01-15T09:00:00.000Z'],
    ['India Standard Time', 'Asia/Kolkata', '2026-01-15T03:30:00.000Z'],
    ['Tokyo Standard Time', 'Asia/Tokyo', '2026-01-15T00:00:00.000Z'],
    ['AUS Eastern Standard Time', 'Australia/Sydney', '2026-01-14T22:00:00.000Z'],
    ['Central Standard Time', 'America/Chicago', '2026-01-15T15:00:00.000Z'],
    ['Romance Standard Time', 'Europe/Paris', '2026-01-15T08:00:00.000Z'],
    ['China Standard Time', 'Asia/Shanghai', '2026-01-15T01:00:00.000Z'],
    ['"W. Europe Standard Time"', 'Europe/Berlin', '2026-01-15T08:00:00.000Z'],
    ['/mozilla.org/20050126_1/Europe/Berlin', 'Europe/Berlin', '2026-01-15T08:00:00.000Z'],
    ['/freeassociation.sourceforge.net/Tzfile/America/New_York', 'America/New_York', '2026-01-15T14:00:00.000Z'],
    ['"(UTC+01:00) Brussels, Copenhagen, Madrid, Paris"', 'Europe/Brussels', '2026-01-15T08:00:00.000Z'],
    ['"(UTC-05:00) Eastern Time (US & Canada)"', 'America/New_York', '2026-01-15T14:00:00.000Z'],
  ])('reads %s as %s', (tzid, timeZone, at) => {
    expect(startOfOnly(tzid)).toEqual({ kind: 'instant', at, timeZone });
  });

  it('converts times with a custom VTIMEZONE that matches no zone, to UTC, with a warning', () => {
    const vtimezone = [
      'BEGIN:VTIMEZONE',
      'TZID:Mars Base',
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'TZOFFSETFROM:+0123',
      'TZOFFSETTO:+0123',
      'END:STANDARD',
      'END:VTIMEZONE',
    ];
    const cal = parseICalendar(withTzid('Mars Base', vtimezone), { defaultTimeZone: 'UTC' });
    expect(cal.events[0]!.start).toEqual({ kind: 'instant', at: '2026-01-15T07:37:00.000Z', timeZone: 'UTC' });
    expect(cal.warnings).toEqual([expect.stringContaining('"Mars Base" matches no known zone')]);
  });
});
