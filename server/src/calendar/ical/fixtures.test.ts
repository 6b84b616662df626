/** What each producer's file becomes. The fixtures are written by hand after each producer's format. */
import { describe, expect, it } from 'vitest';
import { expandOccurrences, groupSeries, parseICalendar, type EventData } from './index.js';
import { fixture, startOf } from './test-support.js';

const parse = (name: string, defaultTimeZone = 'Europe/Berlin') => parseICalendar(fixture(name), { defaultTimeZone });
const YEAR_2026 = { start: '2026-01-01T00:00:00Z', end: '2027-01-01T00:00:00Z', viewerTimeZone: 'UTC' };

function byTitle(events: EventData[], title: string): EventData {
  const found = events.find((e) => e.title === title);
  if (!found) throw new Error(`no event "${title}"`);
  return found;
}

describe('Google Calendar', () => {
  const cal = parse('google', 'America/New_York');
  const standup = cal.events.find((e) => e.title === 'Team standup')!;

  it('reads the calendar name, the zone, the rule, the EXDATE and the attendees', () => {
    expect(cal.name).toBe('Team Calendar');
    expect(cal.warnings).toEqual([]);
    expect(standup.uid).toBe('7kukuqrfedlm2f9t0vn3n7fdcc@google.com');
    expect(standup.start).toEqual({ kind: 'instant', at: '2026-01-05T14:00:00.000Z', timeZone: 'America/New_York' });
    expect(standup.end).toEqual({ kind: 'instant', at: '2026-01-05T14:30:00.000Z', timeZone: 'America/New_York' });
    expect(standup.rrule).toBe('FREQ=WEEKLY;BYDAY=MO;WKST=SU;UNTIL=20261229T045959Z');
    expect(standup.exdates).toEqual([{ kind: 'instant', at: '2026-01-19T14:00:00.000Z', timeZone: 'America/New_York' }]);
    expect(standup.location).toBe('Room 101, Main Building');
    expect(standup.description).toContain('Daily sync, 30 minutes.\n\nJoin with Google Meet: https://meet.google.com/abc-defg-hij\n');
    expect(standup.sequence).toBe(2);
    expect(standup.reminders).toEqual([{ minutesBefore: 10 }]);
    expect(standup.organizer).toEqual({ email: 'alice@example.com', name: 'Alice Example' });
    expect(standup.attendees).toEqual([
      { email: 'alice@example.com', name: 'Alice Example', status: 'accepted', role: 'required' },
      { email: 'bob@example.com', name: 'bob@example.com', status: 'needs-action', role: 'required' },
      { email: 'carol@example.org', name: 'Carol Jones', status: 'declined', role: 'required' },
      { email: 'dan@example.net', name: 'Dan', status: 'tentative', role: 'optional' },
    ]);
  });

  it('keeps the override as its own event keyed by RECURRENCE-ID, and expands the series around it', () => {
    const override = cal.events.find((e) => e.recurrenceId !== null)!;
    expect(override.title).toBe('Team standup (moved)');
    expect(override.recurrenceId).toEqual({ kind: 'instant', at: '2026-02-09T14:00:00.000Z', timeZone: 'America/New_York' });
    const [group] = groupSeries(cal.events).filter((g) => g.series.uid === standup.uid);
    const occurrences = expandOccurrences(group!.series, group!.overrides, YEAR_2026);
    expect(occurrences).toHaveLength(51); // 52 Mondays, less the EXDATE; the override moves one
    expect(occurrences.map(startOf)).not.toContain('2026-01-19T14:00:00.000Z');
    expect(occurrences.map(startOf)).toContain('2026-02-10T19:00:00.000Z');
    expect(occurrences.map(startOf).at(-1)).toBe('2026-12-28T14:00:00.000Z'); // UNTIL (end of that day in New York) honoured
  });

  it('reads the all-day event and the single UTC event', () => {
    const holiday = byTitle(cal.events, 'Independence Day');
    expect(holiday.start).toEqual({ kind: 'date', date: '2026-07-04' });
    expect(holiday.end).toEqual({ kind: 'date', date: '2026-07-05' });
    expect(holiday.transparency).toBe('transparent');
    const review = byTitle(cal.events, 'Quarterly review');
    expect(review.start).toEqual({ kind: 'instant', at: '2026-03-12T17:00:00.000Z', timeZone: 'UTC' });
    expect(review.status).toBe('tentative');
    expect(review.attendees[0]?.name).toBe('Alice Example'); // folded after "Alice", with the space kept
  });
});

describe('Outlook / Exchange', () => {
  const text = fixture('outlook');
  const cal = parse('outlook');

  it('is a CRLF file with folded lines', () => {
    expect(text.split('\n').every((line) => line === '' || line.endsWith('\r'))).toBe(true);
    expect(text).toContain('\r\n ');
  });

  it('maps the Windows zone name to IANA and reads the series, its override and the long folded description', () => {
    const meeting = cal.events.find((e) => e.title === 'Projektbesprechung')!;
    expect(meeting.start).toEqual({ kind: 'instant', at: '2026-02-03T08:00:00.000Z', timeZone: 'Europe/Berlin' });
    expect(meeting.rrule).toBe('FREQ=WEEKLY;BYDAY=TU,TH;WKST=MO;UNTIL=20260630T070000Z');
    expect(meeting.uid).toBe('040000008200E00074C5B7101A82E00800000000D0E1F2A3B4C5DC010000000000000000100000001A2B3C4D5E6F708192A3B4C5D6E7F80');
    expect(meeting.description).toBe(
      'Hallo zusammen,\n\nbitte bereitet für die Projektbesprechung eure Statusberichte vor. Wir gehen die offenen Punkte aus dem letzten Sprint durch und planen die nächsten Schritte für die Migration.\n\nViele Grüße\nJürgen\n',
    );
    expect(meeting.location).toBe('Raum 4.12');
    expect(meeting.attendees.map((a) => a.name)).toEqual(['Anna Meier', 'Weber, Tim']);
    expect(meeting.reminders).toEqual([{ minutesBefore: 15 }]);
    const override = cal.events.find((e) => e.recurrenceId !== null)!;
    expect(override.recurrenceId).toEqual({ kind: 'instant', at: '2026-02-10T08:00:00.000Z', timeZone: 'Europe/Berlin' });
    const [group] = groupSeries(cal.events).filter((g) => g.series.uid === meeting.uid);
    const occurrences = expandOccurrences(group!.series, group!.overrides, YEAR_2026);
    expect(occurrences).toHaveLength(43);
    expect(occurrences.map(startOf).at(-1)).toBe('2026-06-30T07:00:00.000Z'); // UNTIL is inclusive
    expect(occurrences.find((o) => o.override)?.start).toEqual({ kind: 'instant', at: '2026-02-10T09:00:00.000Z', timeZone: 'Europe/Berlin' });
  });

  it('gives an event without DTEND or DURATION no length, and reads X-MICROSOFT-CDO-BUSYSTATUS:FREE as transparent', () => {
    const reminder = byTitle(cal.events, 'Zahlungserinnerung Miete');
    expect(reminder.end).toEqual(reminder.start);
    expect(reminder.transparency).toBe('transparent');
    expect(byTitle(cal.events, 'Ostermontag').start).toEqual({ kind: 'date', date: '2026-04-06' });
  });
});

describe('Apple Calendar', () => {
  const cal = parse('apple');

  it('converts absolute and relative alarm triggers and drops the ACTION:NONE placeholder', () => {
    const dentist = byTitle(cal.events, 'Zahnarzt');
    // 2026-03-01 18:00Z is 15 hours before 10:00 in Berlin (09:00Z) the next day.
    expect(dentist.reminders).toEqual([{ minutesBefore: 900 }, { minutesBefore: 60 }]);
    expect(dentist.location).toBe('Praxis Dr. Weber\nHauptstraße 5\n10115 Berlin');
    expect(cal.warnings).toEqual([]);
  });

  it('reads floating times in the default zone and adds the RDATEs to the series', () => {
    const yoga = byTitle(cal.events, 'Yoga im Park');
    expect(yoga.start).toEqual({ kind: 'instant', at: '2026-04-05T06:00:00.000Z', timeZone: 'Europe/Berlin' });
    expect(yoga.rdates.map((r) => (r.kind === 'instant' ? r.at : ''))).toEqual(['2026-04-20T06:00:00.000Z', '2026-05-15T06:00:00.000Z']);
    const occurrences = expandOccurrences(yoga, [], YEAR_2026);
    expect(occurrences.map(startOf)).toEqual([
      '2026-04-05T06:00:00.000Z',
      '2026-04-20T06:00:00.000Z',
      '2026-05-05T06:00:00.000Z',
      '2026-05-15T06:00:00.000Z',
      '2026-06-05T06:00:00.000Z',
      '2026-07-05T06:00:00.000Z',
      '2026-08-05T06:00:00.000Z',
      '2026-09-05T06:00:00.000Z',
    ]);
    expect(parse('apple', 'Asia/Tokyo').events.find((e) => e.title === 'Yoga im Park')?.start).toEqual({
      kind: 'instant',
      at: '2026-04-04T23:00:00.000Z',
      timeZone: 'Asia/Tokyo',
    });
  });

  it('reads a yearly all-day birthday with an alarm the evening before', () => {
    const birthday = byTitle(cal.events, 'Geburtstag Oma');
    expect(birthday.rrule).toBe('FREQ=YEARLY');
    expect(birthday.reminders).toEqual([{ minutesBefore: 900 }]);
    expect(expandOccurrences(birthday, [], { ...YEAR_2026, end: '2030-01-01T00:00:00Z' }).map(startOf)).toEqual(['2026-08-16', '2027-08-16', '2028-08-16', '2029-08-16']);
  });
});

describe('Thunderbird / Lightning', () => {
  const cal = parse('thunderbird');

  it('reads to-dos with DUE, PRIORITY, STATUS and CATEGORIES', () => {
    expect(cal.todos).toEqual([
      {
        uid: '6b3d3f3c-1c4e-4d1e-9a0b-2f2f2f2f2f2f',
        title: 'Steuererklärung abgeben',
        description: 'Belege liegen im Ordner "Steuer 2025"; Fristverlängerung beantragt.',
        due: { kind: 'instant', at: '2026-07-31T16:00:00.000Z', timeZone: 'Europe/Berlin' },
        start: { kind: 'instant', at: '2026-03-01T08:00:00.000Z', timeZone: 'Europe/Berlin' },
        completedAt: null,
        status: 'in-process',
        priority: 1,
        rrule: null,
        categories: ['Finanzen', 'Wichtig'],
      },
      {
        uid: '0f9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c',
        title: 'Müll rausbringen',
        description: '',
        due: { kind: 'date', date: '2026-01-05' },
        start: null,
        completedAt: '2026-01-05T07:15:00.000Z',
        status: 'completed',
        priority: 5,
        rrule: 'FREQ=WEEKLY;BYDAY=MO',
        categories: ['Haushalt'],
      },
    ]);
  });

  it('uses the IANA rules for a zone whose VTIMEZONE has a historic period (1995: summer time ended in September)', () => {
    const fest = byTitle(cal.events, 'Herbstfest');
    expect(fest.start).toEqual({ kind: 'instant', at: '1995-10-10T09:00:00.000Z', timeZone: 'Europe/Berlin' });
  });

  it('reads the series with COUNT, a UTC EXDATE, the ROLE/PARTSTAT variants and ignores X-MOZ-* properties', () => {
    const choir = byTitle(cal.events, 'Chorprobe');
    expect(choir.attendees.map((a) => [a.email, a.status, a.role])).toEqual([
      ['maria@example.org', 'accepted', 'chair'],
      ['peter@example.org', 'delegated', 'required'],
      ['saal@example.org', 'needs-action', 'non-participant'],
    ]);
    expect(choir.organizer).toEqual({ email: 'maria@example.org', name: null });
    const occurrences = expandOccurrences(choir, [], YEAR_2026);
    expect(occurrences).toHaveLength(9);
    expect(occurrences.map(startOf)).not.toContain('2026-01-28T18:30:00.000Z');
    expect(occurrences.map(startOf).at(-1)).toBe('2026-03-18T18:30:00.000Z');
  });
});

describe('Nextcloud', () => {
  const cal = parse('nextcloud');

  it('reads a multi-day all-day event, a weekly series with a UTC UNTIL, and to-dos', () => {
    expect(cal.name).toBe('Persönlich');
    const holiday = byTitle(cal.events, 'Urlaub Kärnten');
    expect([holiday.start, holiday.end]).toEqual([
      { kind: 'date', date: '2026-08-10' },
      { kind: 'date', date: '2026-08-15' },
    ]);
    expect(holiday.sequence).toBe(2);
    const volleyball = byTitle(cal.events, 'Volleyball');
    const occurrences = expandOccurrences(volleyball, [], YEAR_2026);
    expect(occurrences).toHaveLength(26);
    expect(occurrences.map(startOf).at(-1)).toBe('2026-04-01T16:30:00.000Z'); // exactly UNTIL: included
    expect(cal.todos.map((t) => [t.title, t.due, t.priority, t.categories])).toEqual([
      ['Reisepass verlängern', { kind: 'date', date: '2026-06-01' }, 9, ['Behörden']],
      ['Steuerbescheid prüfen', { kind: 'instant', at: '2026-05-20T15:00:00.000Z', timeZone: 'Europe/Vienna' }, null, []],
    ]);
  });
});

describe('a custom VTIMEZONE (Lotus Notes, Outlook display names)', () => {
  const cal = parse('lotus-notes');

  it('is matched to the IANA zone with the same offsets, with a warning naming the match', () => {
    expect(byTitle(cal.events, 'Budget call').start).toEqual({ kind: 'instant', at: '2026-03-10T14:00:00.000Z', timeZone: 'America/New_York' });
    expect(byTitle(cal.events, 'Supplier meeting').start).toEqual({ kind: 'instant', at: '2026-03-25T13:00:00.000Z', timeZone: 'Europe/Amsterdam' });
    expect(cal.warnings).toEqual([
      'Time zone "Eastern" was read as America/New_York, which has the same UTC offsets in 2025–2027.',
      'Time zone "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna" was read as Europe/Amsterdam, which has the same UTC offsets in 2025–2027.',
    ]);
  });
});
