/** ATTENDEE and ORGANIZER properties (RFC 5545 3.8.4.1, 3.8.4.3). */
import { param, type ContentLine } from './lines.js';
import type { Attendee, AttendeeRole, AttendeeStatus, Organizer } from './types.js';

const STATUSES: Record<string, AttendeeStatus> = {
  'NEEDS-ACTION': 'needs-action',
  ACCEPTED: 'accepted',
  DECLINED: 'declined',
  TENTATIVE: 'tentative',
  DELEGATED: 'delegated',
};

const ROLES: Record<string, AttendeeRole> = {
  CHAIR: 'chair',
  'REQ-PARTICIPANT': 'required',
  'OPT-PARTICIPANT': 'optional',
  'NON-PARTICIPANT': 'non-participant',
};

/** The address of a CAL-ADDRESS: mailto:x, else the EMAIL parameter (Apple, RFC 7986), else a bare address. */
function email(prop: ContentLine): string | null {
  const value = prop.value.trim();
  if (/^mailto:/i.test(value)) return value.slice(7).trim() || null;
  const fromParam = param(prop, 'EMAIL');
  if (fromParam !== null && fromParam.includes('@')) return fromParam.trim();
  return value.includes('@') && !value.includes(':') ? value : null;
}

const name = (prop: ContentLine): string | null => param(prop, 'CN')?.trim() || null;

export function readAttendee(prop: ContentLine, warn: (message: string) => void): Attendee | null {
  const address = email(prop);
  if (address === null) {
    warn(`An attendee without an email address ("${prop.value}", line ${prop.line}) was left out.`);
    return null;
  }
  return {
    email: address,
    name: name(prop),
    status: STATUSES[param(prop, 'PARTSTAT')?.toUpperCase() ?? ''] ?? 'needs-action',
    role: ROLES[param(prop, 'ROLE')?.toUpperCase() ?? ''] ?? 'required',
  };
}

export function readOrganizer(prop: ContentLine | null): Organizer | null {
  if (prop === null) return null;
  const address = email(prop);
  return address === null ? null : { email: address, name: name(prop) };
}
