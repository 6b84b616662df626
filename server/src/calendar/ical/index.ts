/**
 * The iCalendar core of the Calendar feature: pure and database-free. Parses .ics files
 * from real producers (Google, Outlook/Exchange, Apple, Thunderbird, Nextcloud), writes
 * them back, and expands series into occurrences, DST-correct in each event's own zone.
 */
export type { Attendee, AttendeeRole, AttendeeStatus, EventData, EventTime, ExpandRange, Occurrence, Organizer, ParsedCalendar, Reminder, TodoData } from './types.js';
export { IcsError } from './errors.js';
export { parseICalendar } from './parse.js';
export { serializeCalendar } from './serialize.js';
export { expandOccurrences } from './expand.js';
export { groupSeries, type SeriesGroup } from './group.js';
export { windowsZone } from './windows-zones.js';
