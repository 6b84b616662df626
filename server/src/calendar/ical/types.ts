/**
 * The vocabulary of the iCalendar core: what an imported file becomes, what an export is
 * made from, and what expanding a series yields. Kept apart from the code so that every
 * file (and the Calendar feature) can import it without importing the others.
 */

/**
 * A start, an end, a RECURRENCE-ID, an RDATE or EXDATE.
 * - `date`: an all-day value, a plain YYYY-MM-DD date that means the same day everywhere.
 * - `instant`: an ISO 8601 UTC instant plus the IANA zone whose wall clock it recurs on
 *   ('UTC' for times written with a trailing Z; floating times get the import's default zone).
 */
export type EventTime = { kind: 'date'; date: string } | { kind: 'instant'; at: string; timeZone: string };

export type AttendeeStatus = 'needs-action' | 'accepted' | 'declined' | 'tentative' | 'delegated';
export type AttendeeRole = 'chair' | 'required' | 'optional' | 'non-participant';

export interface Attendee {
  email: string;
  name: string | null;
  status: AttendeeStatus;
  role: AttendeeRole;
}

export interface Organizer {
  email: string;
  name: string | null;
}

/** A VALARM, as minutes before the start (negative: after it). Absolute triggers are converted. */
export interface Reminder {
  minutesBefore: number;
}

export interface EventData {
  uid: string;
  title: string;
  description: string;
  location: string;
  /** End is exclusive. DURATION becomes an end; an all-day event without one lasts a day, a timed one 0 minutes. */
  start: EventTime;
  end: EventTime;
  /** Without the 'RRULE:' prefix, in canonical form; UNTIL is a UTC time for timed events and a date for all-day ones. */
  rrule: string | null;
  rdates: EventTime[];
  exdates: EventTime[];
  /** Set on an override of one occurrence: the original start of the occurrence it replaces. */
  recurrenceId: EventTime | null;
  status: 'confirmed' | 'tentative' | 'cancelled';
  transparency: 'opaque' | 'transparent';
  attendees: Attendee[];
  organizer: Organizer | null;
  reminders: Reminder[];
  sequence: number;
  /** Raw content lines of properties Atom does not model (X-, URL, CLASS...), written back as they were. */
  extra?: string[];
}

export interface TodoData {
  uid: string;
  title: string;
  description: string;
  due: EventTime | null;
  start: EventTime | null;
  /** ISO 8601 UTC instant. */
  completedAt: string | null;
  status: 'needs-action' | 'in-process' | 'completed' | 'cancelled';
  /** iCalendar priority 1 (highest) .. 9 (lowest); 0 and absent become null. */
  priority: number | null;
  rrule: string | null;
  categories: string[];
  /** The UID named by RELATED-TO;RELTYPE=PARENT (RFC 5545 3.8.4.5), if any. */
  parentUid?: string | null;
  /** Raw content lines of properties Atom does not model, written back as they were. */
  extra?: string[];
}

export interface ParsedCalendar {
  name: string | null;
  events: EventData[];
  todos: TodoData[];
  /** Sentences for the user about what was read loosely or mapped (a Windows zone name, a dropped alarm...). */
  warnings: string[];
}

export interface Occurrence {
  uid: string;
  start: EventTime;
  end: EventTime;
  /** The original start of this occurrence, for recurring events; null for a single event. */
  recurrenceId: EventTime | null;
  /** The override that replaced this occurrence, if any. */
  override: EventData | null;
}

export interface ExpandRange {
  /** ISO 8601 instants; the range is [start, end). */
  start: string;
  end: string;
  /** All-day occurrences overlap the range when their dates meet the range's dates in this zone. */
  viewerTimeZone: string;
  /** At most this many occurrences (the earliest); 10,000 by default. */
  limit?: number;
}
