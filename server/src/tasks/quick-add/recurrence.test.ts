import { describe, expect, it } from 'vitest';
import { parse, row, runTable } from './testing.js';

// Now: Wednesday 2026-03-04, 16:30 in Berlin. A rule without a date or time leaves the due
// empty (the caller computes the first occurrence); with a time, the due is its first occurrence.
const WEEKDAYS = 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR';
const completion = 'completion' as const;

describe('recurrence phrases', () => {
  runTable([
    row('Pay rent every month on the 1st #Home !1 @bills', {
      title: 'Pay rent',
      projectName: 'Home',
      labels: ['bills'],
      priority: 1,
      recurrence: 'FREQ=MONTHLY;BYMONTHDAY=1',
    }),
    row('Stretch every day', { title: 'Stretch', recurrence: 'FREQ=DAILY' }),
    row('Vitamins daily', { title: 'Vitamins', recurrence: 'FREQ=DAILY' }),
    row('Standup every weekday', { title: 'Standup', recurrence: WEEKDAYS }),
    row('Long run every weekend', { title: 'Long run', recurrence: 'FREQ=WEEKLY;BYDAY=SA,SU' }),
    row('Gym every monday', { title: 'Gym', recurrence: 'FREQ=WEEKLY;BYDAY=MO' }),
    row('Gym Every Mon', { title: 'Gym', recurrence: 'FREQ=WEEKLY;BYDAY=MO' }),
    row('Swim every monday and thursday', { title: 'Swim', recurrence: 'FREQ=WEEKLY;BYDAY=MO,TH' }),
    row('Piano every mon, wed', { title: 'Piano', recurrence: 'FREQ=WEEKLY;BYDAY=MO,WE' }),
    row('Run every thursday & tuesday', { title: 'Run', recurrence: 'FREQ=WEEKLY;BYDAY=TU,TH' }),
    row('Bins every other tuesday', { title: 'Bins', recurrence: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU' }),
    row('Review every 2 weeks', { title: 'Review', recurrence: 'FREQ=WEEKLY;INTERVAL=2' }),
    row('Sync every 2 weeks on monday', { title: 'Sync', recurrence: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO' }),
    row('Water plants every 3 days', { title: 'Water plants', recurrence: 'FREQ=DAILY;INTERVAL=3' }),
    row('Dentist every 6 months', { title: 'Dentist', recurrence: 'FREQ=MONTHLY;INTERVAL=6' }),
    row('Renew passport every 10 years', { title: 'Renew passport', recurrence: 'FREQ=YEARLY;INTERVAL=10' }),
    row('Newsletter weekly', { title: 'Newsletter', recurrence: 'FREQ=WEEKLY' }),
    row('Invoice monthly', { title: 'Invoice', recurrence: 'FREQ=MONTHLY' }),
    row('Insurance yearly', { title: 'Insurance', recurrence: 'FREQ=YEARLY' }),
    row('Checkup annually', { title: 'Checkup', recurrence: 'FREQ=YEARLY' }),
    row('Birthday card every year', { title: 'Birthday card', recurrence: 'FREQ=YEARLY' }),
    row('Salary every 1st', { title: 'Salary', recurrence: 'FREQ=MONTHLY;BYMONTHDAY=1' }),
    row('Budget monthly on the 15th', { title: 'Budget', recurrence: 'FREQ=MONTHLY;BYMONTHDAY=15' }),
    row('Reconcile every month on the last day', { title: 'Reconcile', recurrence: 'FREQ=MONTHLY;BYMONTHDAY=-1' }),
    row('Backup every last day', { title: 'Backup', recurrence: 'FREQ=MONTHLY;BYMONTHDAY=-1' }),
    row('Timesheet monthly on the last day', { title: 'Timesheet', recurrence: 'FREQ=MONTHLY;BYMONTHDAY=-1' }),
    row('Book club every 2nd tuesday', { title: 'Book club', recurrence: 'FREQ=MONTHLY;BYDAY=2TU' }),
    row('Payroll every last friday', { title: 'Payroll', recurrence: 'FREQ=MONTHLY;BYDAY=-1FR' }),
    row('Anniversary every jan 5', { title: 'Anniversary', recurrence: 'FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=5' }),
    row('Anniversary every 5 january', { title: 'Anniversary', recurrence: 'FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=5' }),
    row('Pay bills monthly #Finance', { title: 'Pay bills', projectName: 'Finance', recurrence: 'FREQ=MONTHLY' }),
  ]);
});

describe('recurrence from completion', () => {
  runTable([
    row('Water plants every! 3 days', { title: 'Water plants', recurrence: 'FREQ=DAILY;INTERVAL=3', recurrenceFrom: completion }),
    row('Haircut every! 4 weeks', { title: 'Haircut', recurrence: 'FREQ=WEEKLY;INTERVAL=4', recurrenceFrom: completion }),
    row('Water plants after 3 days', { title: 'Water plants', recurrence: 'FREQ=DAILY;INTERVAL=3', recurrenceFrom: completion }),
    row('Descale kettle 3 days after completion', { title: 'Descale kettle', recurrence: 'FREQ=DAILY;INTERVAL=3', recurrenceFrom: completion }),
    row('Clean filter every 2 weeks after completion', { title: 'Clean filter', recurrence: 'FREQ=WEEKLY;INTERVAL=2', recurrenceFrom: completion }),
    row('Backup every! 2 weeks @ops', { title: 'Backup', labels: ['ops'], recurrence: 'FREQ=WEEKLY;INTERVAL=2', recurrenceFrom: completion }),
  ]);
});

describe('recurrence with times, starts and ends', () => {
  runTable([
    row('Meditate every day at 9am', { title: 'Meditate', recurrence: 'FREQ=DAILY', dueAt: '2026-03-05T08:00:00.000Z' }), // 09:00 passed today
    row('Meditate every day at 6pm', { title: 'Meditate', recurrence: 'FREQ=DAILY', dueAt: '2026-03-04T17:00:00.000Z' }),
    row('Team sync every monday at 10:00', { title: 'Team sync', recurrence: 'FREQ=WEEKLY;BYDAY=MO', dueAt: '2026-03-09T09:00:00.000Z' }),
    row('Stand-up every mon, wed and fri at 9:15am', {
      title: 'Stand-up',
      recurrence: 'FREQ=WEEKLY;BYDAY=MO,WE,FR',
      dueAt: '2026-03-06T08:15:00.000Z', // Wednesday's 09:15 has passed; Friday is next
    }),
    row('Water plants every! 3 days at 8am', {
      title: 'Water plants',
      recurrence: 'FREQ=DAILY;INTERVAL=3',
      recurrenceFrom: completion,
      dueAt: '2026-03-05T07:00:00.000Z',
    }),
    row('Journal every day until Apr 30', { title: 'Journal', recurrence: 'FREQ=DAILY;UNTIL=20260430' }),
    row('Journal every day until 4/30', { title: 'Journal', recurrence: 'FREQ=DAILY;UNTIL=20260430' }),
    row('Physio every week for 6 times', { title: 'Physio', recurrence: 'FREQ=WEEKLY;COUNT=6' }),
    row('Physio every monday at 8am for 10 times', {
      title: 'Physio',
      recurrence: 'FREQ=WEEKLY;BYDAY=MO;COUNT=10',
      dueAt: '2026-03-09T07:00:00.000Z',
    }),
    row('Standup every weekday at 9am until Jun 30', {
      title: 'Standup',
      recurrence: `${WEEKDAYS};UNTIL=20260630`,
      dueAt: '2026-03-05T08:00:00.000Z',
    }),
    row('Course every monday starting next month', { title: 'Course', recurrence: 'FREQ=WEEKLY;BYDAY=MO', dueDate: '2026-04-06' }),
    row('Review every 3 days from tomorrow', { title: 'Review', recurrence: 'FREQ=DAILY;INTERVAL=3', dueDate: '2026-03-05' }),
    row('Rent every 1st starting May 1', { title: 'Rent', recurrence: 'FREQ=MONTHLY;BYMONTHDAY=1', dueDate: '2026-05-01' }),
    row('Meditate every day at 9am', { title: 'Meditate', recurrence: 'FREQ=DAILY', dueAt: '2026-03-05T00:00:00.000Z' }, { tz: 'Asia/Tokyo' }),
    row('Stand-up every weekday at 9am', { title: 'Stand-up', recurrence: WEEKDAYS, dueAt: '2026-03-04T17:00:00.000Z' }, { tz: 'America/Los_Angeles' }),
    row('Call grandma every sunday at 6pm', {
      title: 'Call grandma',
      recurrence: 'FREQ=WEEKLY;BYDAY=SU',
      dueAt: '2026-03-29T16:00:00.000Z', // the day Berlin switches to UTC+2
    }, { now: '2026-03-25T15:30:00Z' }),
  ]);
});

describe('recurrence parts', () => {
  it('marks the rule, its time and its end separately', () => {
    const text = 'Standup every weekday at 9am until Jun 30 #Work';
    expect(parse(text).parts).toEqual([
      { kind: 'recurrence', text: 'every weekday', start: 8, end: 21 },
      { kind: 'date', text: 'at 9am', start: 22, end: 28 },
      { kind: 'recurrence', text: 'until Jun 30', start: 29, end: 41 },
      { kind: 'project', text: '#Work', start: 42, end: 47 },
    ]);
  });
});
