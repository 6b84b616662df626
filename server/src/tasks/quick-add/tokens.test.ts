import { describe, expect, it } from 'vitest';
import { parse, row, runTable } from './testing.js';

describe('projects, labels and priorities', () => {
  runTable([
    row('Buy milk #Shopping', { title: 'Buy milk', projectName: 'Shopping' }),
    row('Plan party #"Family Events"', { title: 'Plan party', projectName: 'Family Events' }),
    row('Fix roof #Home_Repairs', { title: 'Fix roof', projectName: 'Home Repairs' }),
    row('Ship v1.2 #Work/Backend.', { title: 'Ship v1.2.', projectName: 'Work/Backend' }),
    row('Call plumber @phone @home', { title: 'Call plumber', labels: ['phone', 'home'] }),
    row('Call plumber @"waiting for" @phone @Phone', { title: 'Call plumber', labels: ['waiting for', 'phone'] }),
    row('Pay bills !1', { title: 'Pay bills', priority: 1 }),
    row('Pay bills p2', { title: 'Pay bills', priority: 2 }),
    row('P4 tidy desk', { title: 'tidy desk', priority: 4 }),
    row('!3 @errands Buy milk tomorrow #Shopping', {
      title: 'Buy milk',
      projectName: 'Shopping',
      labels: ['errands'],
      priority: 3,
      dueDate: '2026-03-05',
    }),
    row('#Work !1 @urgent Finish deck friday at 10am', {
      title: 'Finish deck',
      projectName: 'Work',
      labels: ['urgent'],
      priority: 1,
      dueAt: '2026-03-06T09:00:00.000Z',
    }),
    row('p2 #Work Review PR every weekday at 9:30am', {
      title: 'Review PR',
      projectName: 'Work',
      priority: 2,
      recurrence: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
      dueAt: '2026-03-05T08:30:00.000Z',
    }),
    // Single-valued fields keep the first value; a conflicting later one stays visible in the title.
    row('Buy milk #Home #Work #home', { title: 'Buy milk #Work', projectName: 'Home' }),
    row('Wash car !1 !2', { title: 'Wash car !2', priority: 1 }),
    row('Email bob@example.com about #ProjectX', { title: 'Email bob@example.com about', projectName: 'ProjectX' }),
  ]);
});

describe('text that only looks like a date or a token stays in the title', () => {
  const untouched = [
    'Read 1984',
    'Born in 1984',
    'Call May about the party', // a month alone is not a day
    'Buy 2x4 boards',
    'Email re: march madness bracket',
    'Fix bug 404',
    'Meeting notes 3/4 done', // bare m/d could be a fraction: write "on 3/4", "Mar 4" or 2026-03-04
    'Order 3 pizzas',
    'Mark as done',
    'Sunday Times crossword', // a capitalised weekday before a capitalised word is a name
    'Apply sun cream',
    'SAT exam prep',
    'Read John 3:16',
    'Pay 17.30 to Bob',
    'Call at 5', // 05:00 or 17:00? write 5pm or 17:00
    'Wait a second',
    'Do it now',
    'Buy 2 weeks of groceries',
    'Go over last friday notes',
    'Celebrate the 15th anniversary',
    'Write weekly report', // an adverb before a noun is an adjective
    'Review monthly budget',
    'Everyday carry bag',
    'Rest after a day of hiking',
    'ping bob@example.com',
    'Fix issue #404',
    'Learn C# basics',
    'Wow! that worked !5',
    'Buy eggs (p3)',
    'this evening',
  ];
  runTable(untouched.map((text) => row(text, { title: text })));

  runTable([
    row('Watch "Friday Night Lights"', { title: 'Watch Friday Night Lights' }),
    row('Watch "Friday Night Lights" tomorrow at 9pm', { title: 'Watch Friday Night Lights', dueAt: '2026-03-05T20:00:00.000Z' }),
    row('Say "call me #maybe @home" to Ann', { title: 'Say call me #maybe @home to Ann' }),
    row('Read John 3:16 tomorrow', { title: 'Read John 3:16', dueDate: '2026-03-05' }),
    row('Meet at 10 on Friday', { title: 'Meet at 10', dueDate: '2026-03-06' }),
    row('Sunday Times crossword on sunday', { title: 'Sunday Times crossword', dueDate: '2026-03-08' }),
    row('Pay Bob 17.50 tomorrow', { title: 'Pay Bob 17.50', dueDate: '2026-03-05' }),
    row('Lunch at 1pm eat salad', { title: 'Lunch eat salad', dueAt: '2026-03-05T12:00:00.000Z' }), // not East Africa Time
  ]);
});

describe('parts', () => {
  it('gives the offsets of every recognised piece', () => {
    const text = 'Pay rent every month on the 1st #Home !1 @bills';
    expect(parse(text).parts).toEqual([
      { kind: 'recurrence', text: 'every month on the 1st', start: 9, end: 31 },
      { kind: 'project', text: '#Home', start: 32, end: 37 },
      { kind: 'priority', text: '!1', start: 38, end: 40 },
      { kind: 'label', text: '@bills', start: 41, end: 47 },
    ]);
  });

  it('includes the connector word so the title reads cleanly', () => {
    expect(parse('Lunch at noon').parts).toEqual([{ kind: 'date', text: 'at noon', start: 6, end: 13 }]);
    expect(parse('Submit report by friday').parts).toEqual([{ kind: 'date', text: 'by friday', start: 14, end: 23 }]);
  });

  it('returns an empty title when the text is only tokens, and never both due fields', () => {
    const result = parse('tomorrow at 5pm #Home !2');
    expect(result.title).toBe('');
    expect(result.dueDate).toBeNull();
    expect(result.dueAt).toBe('2026-03-05T16:00:00.000Z');
  });
});
