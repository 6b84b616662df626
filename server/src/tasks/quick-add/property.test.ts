import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuickAdd, type QuickAddResult } from './index.js';

const WORDS = ['Call', 'mom', 'Buy', 'milk', 'report', 'May', '1984', '2x4', '3/4', 'Friday', 'Sunday', 'Times', 'sun', 'at', 'on', 'by', 'the', 'every', 'after', 'weekly', 'done', 'Wow!', 'bob@example.com', 'C#', '!5', '#404', '5', '17.30', '3:16', 'until', 'for', 'times', 'and', ',', ':', '-', 'now', 'last'];
const TOKENS = ['#Home', '#Work', '#home', '#"Two words"', '#Two_Words', '@bills', '@phone', '@Phone', '@"waiting for"', '!1', '!2', '!4', 'p1', 'p3', 'P2'];
const PHRASES = ['tomorrow', 'next week', 'in 3 days', 'at 5pm', '17:30', 'noon', 'midnight', 'Dec 3', '2026-04-01', 'on the 15th', 'end of month', 'this weekend', 'next friday', 'every day', 'every monday at 10:00', 'every! 3 days', 'after 2 weeks', 'until Apr 30', 'for 3 times', 'starting next month', 'every 2nd tuesday', 'every jan 5', 'monthly on the last day', '"Friday Night Lights"'];
const ZONES = ['Europe/Berlin', 'America/Los_Angeles', 'Asia/Tokyo', 'Asia/Kolkata', 'UTC', 'Pacific/Chatham', 'America/St_Johns'];

const text = fc.array(fc.constantFrom(...WORDS, ...TOKENS, ...PHRASES), { maxLength: 12 }).map((w) => w.join(' '));
const opts = fc.record({
  now: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }),
  timeZone: fc.constantFrom(...ZONES),
});

function checkShape(input: string, r: QuickAddResult): void {
  let previousEnd = 0;
  for (const p of r.parts) {
    expect(input.slice(p.start, p.end)).toBe(p.text);
    expect(p.text.trim()).toBe(p.text);
    expect(p.text).not.toBe('');
    expect(p.start).toBeGreaterThanOrEqual(previousEnd); // sorted, never overlapping
    previousEnd = p.end;
  }
  expect(r.dueDate !== null && r.dueAt !== null).toBe(false);
  if (r.dueDate !== null) expect(r.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  if (r.dueAt !== null) expect(new Date(r.dueAt).toISOString()).toBe(r.dueAt);
  expect(r.title).toBe(r.title.trim());
  expect(r.title).not.toMatch(/\s{2}/);
  expect(r.recurrenceFrom === null).toBe(r.recurrence === null);
}

describe('parseQuickAdd on generated input', () => {
  it('never throws, and removes every token it recognised from the title', () => {
    fc.assert(
      fc.property(text, opts, (input, o) => {
        const r = parseQuickAdd(input, o);
        checkShape(input, r);
        const titleWords = new Set(r.title.split(' '));
        for (const p of r.parts.filter((x) => x.kind === 'project' || x.kind === 'label' || x.kind === 'priority')) {
          if (p.text.includes('"')) expect(r.title).not.toContain(p.text);
          else expect(titleWords.has(p.text)).toBe(false);
        }
        if (r.projectName !== null) expect(r.parts.some((p) => p.kind === 'project')).toBe(true);
        if (r.dueDate !== null || r.dueAt !== null) expect(r.parts.some((p) => p.kind === 'date')).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), opts, (input, o) => {
        checkShape(input, parseQuickAdd(input, o));
      }),
      { numRuns: 400 },
    );
  });
});
