import { describe, expect, it } from 'vitest';
import { parse, row, runTable } from './testing.js';

// "Now" is Wednesday 2026-03-04 15:30Z unless a row says otherwise. Berlin is UTC+1 until
// 2026-03-29, then UTC+2; Los Angeles is UTC-8 until 2026-03-08, then UTC-7.
const LA = { tz: 'America/Los_Angeles' };
const TOKYO = { tz: 'Asia/Tokyo' };
const KOLKATA = { tz: 'Asia/Kolkata' };
const UTC = { tz: 'UTC' };

describe('days', () => {
  runTable([
    row('Call mom tomorrow', { title: 'Call mom', dueDate: '2026-03-05' }),
    row('Submit report today', { title: 'Submit report', dueDate: '2026-03-04' }),
    row('Buy milk tmrw', { title: 'Buy milk', dueDate: '2026-03-05' }),
    row('Dentist in 3 days', { title: 'Dentist', dueDate: '2026-03-07' }),
    row('Plan trip in 2 weeks', { title: 'Plan trip', dueDate: '2026-03-18' }),
    row('Follow up a week from now', { title: 'Follow up', dueDate: '2026-03-11' }),
    row('Call back the day after tomorrow', { title: 'Call back', dueDate: '2026-03-06' }),
    row('Clean garage this weekend', { title: 'Clean garage', dueDate: '2026-03-07' }),
    row('Hike next weekend', { title: 'Hike', dueDate: '2026-03-14' }),
    row('Start project next week', { title: 'Start project', dueDate: '2026-03-09' }),
    row('Renew lease next month', { title: 'Renew lease', dueDate: '2026-04-01' }),
    row('Pay taxes by the end of the month', { title: 'Pay taxes', dueDate: '2026-03-31' }),
    row('Water bill end of month', { title: 'Water bill', dueDate: '2026-03-31' }),
    row('Submit invoice on the 15th', { title: 'Submit invoice', dueDate: '2026-03-15' }),
    row('Rent on the 3rd', { title: 'Rent', dueDate: '2026-04-03' }), // the 3rd has passed this month
    row('Cancel trial on the 31st', { title: 'Cancel trial', dueDate: '2026-03-31' }),
    row('Call Anna friday', { title: 'Call Anna', dueDate: '2026-03-06' }),
    row('Team lunch this friday', { title: 'Team lunch', dueDate: '2026-03-06' }),
    row('Team lunch next friday', { title: 'Team lunch', dueDate: '2026-03-13' }), // Friday of next week
    row('Gym next monday', { title: 'Gym', dueDate: '2026-03-09' }),
    row('Book review wednesday', { title: 'Book review', dueDate: '2026-03-11' }), // a bare weekday is never today
    row('Submit report by friday', { title: 'Submit report', dueDate: '2026-03-06' }),
    row('Report due on friday', { title: 'Report', dueDate: '2026-03-06' }),
    row('Dentist on 12 March', { title: 'Dentist', dueDate: '2026-03-12' }),
    row('Buy gifts Dec 3', { title: 'Buy gifts', dueDate: '2026-12-03' }),
    row('Party Jan 5', { title: 'Party', dueDate: '2027-01-05' }), // already past this year
    row('Conference Mar 4', { title: 'Conference', dueDate: '2026-03-04' }), // today, not next year
    row('Visit 15th of March', { title: 'Visit', dueDate: '2026-03-15' }),
    row('Vacation March 5 2027', { title: 'Vacation', dueDate: '2027-03-05' }),
    row('Tax return 2026-04-01', { title: 'Tax return', dueDate: '2026-04-01' }),
    row('Pay Apr 1', { title: 'Pay', dueDate: '2026-04-01' }),
    row('Pay 1 April', { title: 'Pay', dueDate: '2026-04-01' }),
    row('Dentist on 4/1', { title: 'Dentist', dueDate: '2026-04-01' }), // month/day, with a preposition
    row('Dentist 12/24/2026', { title: 'Dentist', dueDate: '2026-12-24' }),
    row('Call Bob tomorrow, then email Alice', { title: 'Call Bob, then email Alice', dueDate: '2026-03-05' }),
    row('tomorrow: call mom', { title: 'call mom', dueDate: '2026-03-05' }),
    row('Plan Friday meeting tomorrow', { title: 'Plan meeting tomorrow', dueDate: '2026-03-06' }), // first phrase wins
    row('Call mom today', { title: 'Call mom', dueDate: '2026-03-05' }, TOKYO), // already Thursday in Tokyo
    row('Call mom tomorrow', { title: 'Call mom', dueDate: '2026-03-06' }, TOKYO),
    row('Meeting friday', { title: 'Meeting', dueDate: '2026-03-06' }, TOKYO),
    row('Call mom tomorrow', { title: 'Call mom', dueDate: '2026-03-05' }, LA),
    row('Yoga tomorrow', { title: 'Yoga', dueDate: '2026-03-05' }, KOLKATA),
    row('Standup next week', { title: 'Standup', dueDate: '2026-03-09' }, UTC),
    row('Close books end of month', { title: 'Close books', dueDate: '2026-04-30' }, { ...TOKYO, now: '2026-03-31T20:00:00Z' }),
    row('Close books end of month', { title: 'Close books', dueDate: '2026-03-31' }, { now: '2026-03-31T20:00:00Z' }),
  ]);
});

describe('times', () => {
  runTable([
    row('Call mom tomorrow at 5pm', { title: 'Call mom', dueAt: '2026-03-05T16:00:00.000Z' }),
    row('Standup today 17:30', { title: 'Standup', dueAt: '2026-03-04T16:30:00.000Z' }),
    row('Pick up kids at 5pm', { title: 'Pick up kids', dueAt: '2026-03-04T16:00:00.000Z' }), // later today
    row('Call at 4pm', { title: 'Call', dueAt: '2026-03-05T15:00:00.000Z' }), // 16:00 has passed: tomorrow
    row('Lunch at noon', { title: 'Lunch', dueAt: '2026-03-05T11:00:00.000Z' }),
    row('Lights off at midnight', { title: 'Lights off', dueAt: '2026-03-04T23:00:00.000Z' }), // the coming 00:00
    row('Dentist at 9:30', { title: 'Dentist', dueAt: '2026-03-05T08:30:00.000Z' }), // "at h:mm" reads as 24-hour
    row('Deploy fri 9am', { title: 'Deploy', dueAt: '2026-03-06T08:00:00.000Z' }),
    row('Take out pizza in 30 minutes', { title: 'Take out pizza', dueAt: '2026-03-04T16:00:00.000Z' }),
    row('Reply in 2 hours', { title: 'Reply', dueAt: '2026-03-04T17:30:00.000Z' }),
    row('Meeting on Mar 12 at 3pm', { title: 'Meeting', dueAt: '2026-03-12T14:00:00.000Z' }),
    row('Flight Jun 2 10:30am', { title: 'Flight', dueAt: '2026-06-02T08:30:00.000Z' }), // summer time: UTC+2
    row('Dinner at 7:30pm friday', { title: 'Dinner', dueAt: '2026-03-06T18:30:00.000Z' }),
    row('Friday: call Bob at 3pm', { title: 'call Bob', dueAt: '2026-03-06T14:00:00.000Z' }), // day and time apart
    row('Workshop in 2 weeks at 10am', { title: 'Workshop', dueAt: '2026-03-18T09:00:00.000Z' }),
    row('Feed cat at 7am and 7pm', { title: 'Feed cat and 7pm', dueAt: '2026-03-05T06:00:00.000Z' }),
    row('Dinner 7pm PST', { title: 'Dinner', dueAt: '2026-03-05T03:00:00.000Z' }), // a named zone wins
    row('Standup at 8am', { title: 'Standup', dueAt: '2026-03-04T16:00:00.000Z' }, LA), // 07:30 there: still today
    row('Call mom at 7am', { title: 'Call mom', dueAt: '2026-03-05T15:00:00.000Z' }, LA),
    row('Team call next monday 9am', { title: 'Team call', dueAt: '2026-03-09T16:00:00.000Z' }, LA), // after US DST starts
    row('Dinner at 5pm', { title: 'Dinner', dueAt: '2026-03-05T08:00:00.000Z' }, TOKYO),
    row('Call tomorrow 9am', { title: 'Call', dueAt: '2026-03-06T00:00:00.000Z' }, TOKYO),
    row('Lunch at noon', { title: 'Lunch', dueAt: '2026-03-05T06:30:00.000Z' }, KOLKATA),
    row('Report at 17:30', { title: 'Report', dueAt: '2026-03-04T17:30:00.000Z' }, UTC),
  ]);
});

describe('daylight saving time in Berlin (clocks go forward 2026-03-29, back 2026-10-25)', () => {
  const beforeSpring = { now: '2026-03-25T15:30:00Z' }; // Wednesday
  runTable([
    row('Brunch next sunday 10am', { title: 'Brunch', dueAt: '2026-04-05T08:00:00.000Z' }, beforeSpring),
    row('Brunch sunday 10am', { title: 'Brunch', dueAt: '2026-03-29T08:00:00.000Z' }, beforeSpring),
    row('Night shift sunday 2:30am', { title: 'Night shift', dueAt: '2026-03-29T01:30:00.000Z' }, beforeSpring), // skipped hour: 03:30
    row('Night shift sunday 2:30am', { title: 'Night shift', dueAt: '2026-10-25T00:30:00.000Z' }, { now: '2026-10-21T12:00:00Z' }), // repeated: the first
  ]);

  it('gives the new offset after the switch', () => {
    const { dueAt } = parse('Brunch next sunday 10am', 'Europe/Berlin', '2026-03-25T15:30:00Z');
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset', hour: '2-digit', minute: '2-digit' });
    expect(local.format(new Date(dueAt!))).toBe('10:00 GMT+02:00');
  });
});
