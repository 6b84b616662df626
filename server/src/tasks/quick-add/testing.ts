import { expect, it } from 'vitest';
import { parseQuickAdd, type QuickAddResult } from './index.js';

/**
 * The table runner shared by the quick-add test files. Every row asserts the whole parse:
 * a field a row does not name must be empty (null, [] or, for recurrenceFrom, 'schedule'
 * exactly when a recurrence is expected).
 */
export const NOW = '2026-03-04T15:30:00Z'; // a Wednesday: 16:30 in Berlin, 07:30 in Los Angeles, Thursday 00:30 in Tokyo

type Fields = Omit<QuickAddResult, 'parts'>;
export type Want = Pick<Fields, 'title'> & Partial<Fields>;

export interface Row {
  text: string;
  want: Want;
  tz: string;
  now: string;
}

export function row(text: string, want: Want, opts: { tz?: string; now?: string } = {}): Row {
  return { text, want, tz: opts.tz ?? 'Europe/Berlin', now: opts.now ?? NOW };
}

export function parse(text: string, tz = 'Europe/Berlin', now = NOW): QuickAddResult {
  return parseQuickAdd(text, { now: new Date(now), timeZone: tz });
}

export function runTable(rows: Row[]): void {
  it.each(rows)('$text ($tz)', ({ text, want, tz, now }) => {
    const { parts, ...fields } = parse(text, tz, now);
    expect(fields).toEqual({
      projectName: null,
      labels: [],
      priority: null,
      dueDate: null,
      dueAt: null,
      recurrence: null,
      recurrenceFrom: want.recurrence ? 'schedule' : null,
      ...want,
    });
    for (const p of parts) expect(text.slice(p.start, p.end)).toBe(p.text);
    expect(parts.map((p) => p.start)).toEqual([...parts.map((p) => p.start)].sort((a, b) => a - b));
  });
}
