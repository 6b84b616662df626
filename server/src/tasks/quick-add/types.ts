/** The shapes quick add answers with; index.ts re-exports them as the module's API. */
export type QuickAddPartKind = 'date' | 'recurrence' | 'project' | 'label' | 'priority';

/** A recognised piece of the input: offsets into the original text, end exclusive. */
export interface QuickAddPart {
  kind: QuickAddPartKind;
  text: string;
  start: number;
  end: number;
}

export type Priority = 1 | 2 | 3 | 4;

export interface QuickAddResult {
  title: string;
  projectName: string | null;
  labels: string[];
  priority: Priority | null;
  /** YYYY-MM-DD: a day was said without a time. */
  dueDate: string | null;
  /** ISO UTC instant: a time was said; the wall-clock time is in the caller's zone. */
  dueAt: string | null;
  /** RFC 5545 RRULE without the "RRULE:" prefix. */
  recurrence: string | null;
  recurrenceFrom: 'schedule' | 'completion' | null;
  parts: QuickAddPart[];
}

export interface QuickAddOptions {
  now: Date;
  /** IANA zone the user's words are meant in ("tomorrow", "5pm"). */
  timeZone: string;
}

export interface Span {
  start: number;
  end: number;
}
