/**
 * The properties of a VEVENT or VTODO that Atom does not model (X- properties, URL, GEO,
 * CLASS...), kept as raw content lines so that a CalDAV push can send them back instead
 * of silently dropping what another client wrote.
 */
import type { Component } from './components.js';
import { param } from './lines.js';

/** What Atom reads into its own fields, or deliberately rewrites (DTSTAMP, LAST-MODIFIED). */
const MODELLED: Record<string, ReadonlySet<string>> = {
  VEVENT: new Set(['UID', 'DTSTAMP', 'LAST-MODIFIED', 'RECURRENCE-ID', 'DTSTART', 'DTEND', 'DURATION', 'RRULE', 'RDATE', 'EXDATE', 'SEQUENCE', 'SUMMARY', 'DESCRIPTION', 'LOCATION', 'STATUS', 'TRANSP', 'ATTENDEE', 'ORGANIZER']),
  VTODO: new Set(['UID', 'DTSTAMP', 'LAST-MODIFIED', 'DTSTART', 'DUE', 'DURATION', 'COMPLETED', 'RRULE', 'SUMMARY', 'DESCRIPTION', 'STATUS', 'PRIORITY', 'CATEGORIES']),
};

/** A RELATED-TO that names the parent (the default RELTYPE) is modelled; siblings and children are kept as they are. */
const isParentLink = (p: Component['props'][number]) => p.name === 'RELATED-TO' && (param(p, 'RELTYPE') ?? 'PARENT').toUpperCase() === 'PARENT';

export function unmodelledLines(c: Component): string[] {
  const modelled = MODELLED[c.name] ?? new Set<string>();
  return c.props.filter((p) => !modelled.has(p.name) && !(c.name === 'VTODO' && isParentLink(p))).map((p) => p.raw);
}

/** The name of a raw content line (before its first ';' or ':'). */
export function lineName(raw: string): string {
  return (/^[A-Za-z0-9-]+/.exec(raw)?.[0] ?? '').toUpperCase();
}
