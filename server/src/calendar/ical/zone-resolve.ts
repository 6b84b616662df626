/**
 * TZID parameter values to zones. In order:
 * 1. an IANA name ("Europe/Berlin"), also behind a path prefix ("/mozilla.org/20050126_1/Europe/Berlin");
 * 2. a Windows id ("W. Europe Standard Time", from Outlook and Exchange);
 * 3. the file's own VTIMEZONE, matched to the IANA zone with the same offsets (a warning
 *    names the match), or, when none matches, used as it is to turn times into UTC instants
 *    (a warning says so: such times then recur in UTC);
 * 4. a Windows display name ("(UTC+01:00) Amsterdam, Berlin, ...", "(UTC-05:00) Eastern Time (US & Canada)").
 * Anything else stops the import.
 */
import { floatingFromWallClock, type WallClock } from '../../platform/time/calendar.js';
import { isTimeZone, offsetMinutes } from '../../platform/time/zone.js';
import type { Component } from './components.js';
import { fail } from './errors.js';
import { evaluateVTimezone, lastMatchedYear, matchIanaZone } from './vtimezone-match.js';
import { instantOfFloating } from './wall.js';
import { windowsZone } from './windows-zones.js';

export interface ResolvedZone {
  /** The IANA zone times recur in ('UTC' when a VTIMEZONE could only be used as it is). */
  timeZone: string;
  /** Epoch milliseconds at which the zone's clock shows `wall`. */
  toInstant: (wall: WallClock) => number;
}

export interface YearSpan {
  min: number;
  max: number;
}

const DISPLAY_NAMES: Record<string, string> = {
  'eastern time (us & canada)': 'America/New_York',
  'central time (us & canada)': 'America/Chicago',
  'mountain time (us & canada)': 'America/Denver',
  'pacific time (us & canada)': 'America/Los_Angeles',
  'atlantic time (canada)': 'America/Halifax',
  'coordinated universal time': 'UTC',
};

const iana = (timeZone: string): ResolvedZone => ({ timeZone, toInstant: (wall) => instantOfFloating(floatingFromWallClock(wall), timeZone) });

/** "Europe/Berlin", or the IANA name at the end of a "/vendor/version/Europe/Berlin" path. */
function ianaName(tzid: string): string | null {
  if (isTimeZone(tzid)) return tzid;
  if (!tzid.startsWith('/')) return null;
  const segments = tzid.split('/').filter((s) => s !== '');
  for (const k of [3, 2, 1]) {
    if (segments.length < k) continue;
    const name = segments.slice(-k).join('/');
    if (name.includes('/') && isTimeZone(name)) return name;
  }
  return null;
}

/** "(UTC+01:00) Amsterdam, Berlin, ...": a zone it names whose standard offset is the stated one. */
function displayName(tzid: string, year: number): string | null {
  const m = /^\(UTC(?:([+-])(\d{2}):(\d{2}))?\)\s*(.*)$/i.exec(tzid);
  if (!m) return null;
  const rest = m[4]!.trim().toLowerCase();
  const special = DISPLAY_NAMES[rest];
  if (special !== undefined) return special;
  const offset = (m[1] === '-' ? -1 : 1) * (Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0));
  for (const city of rest.split(',').map((c) => c.trim().replace(/\s+/g, '_'))) {
    const zone = Intl.supportedValuesOf('timeZone').find((z) => z.split('/').pop()?.toLowerCase() === city);
    if (zone === undefined) continue;
    const standard = Math.min(offsetMinutes(new Date(Date.UTC(year, 0, 15)), zone), offsetMinutes(new Date(Date.UTC(year, 6, 15)), zone));
    if (standard === offset) return zone;
  }
  return null;
}

export class ZoneResolver {
  private readonly cache = new Map<string, ResolvedZone>();

  constructor(
    private readonly vtimezones: Map<string, Component>,
    private readonly years: Map<string, YearSpan>,
    private readonly warn: (message: string) => void,
  ) {}

  /** The zone of a TZID met on `line` in `component`; IcsError when it cannot be known. */
  resolve(tzid: string, line: number, component: string): ResolvedZone {
    let zone = this.cache.get(tzid);
    if (!zone) {
      zone = this.find(tzid.trim(), line, component);
      this.cache.set(tzid, zone);
    }
    return zone;
  }

  private find(tzid: string, line: number, component: string): ResolvedZone {
    const named = ianaName(tzid) ?? windowsZone(tzid);
    if (named !== null) return iana(named);
    const span = this.years.get(tzid) ?? { min: new Date().getUTCFullYear(), max: new Date().getUTCFullYear() };
    const vtimezone = this.vtimezones.get(tzid);
    if (vtimezone) {
      const offsetOf = evaluateVTimezone(vtimezone);
      const [from, to] = [span.min - 1, lastMatchedYear(span.min - 1, span.max + 1)];
      const match = matchIanaZone(offsetOf, from, to, tzid);
      if (match !== null) {
        this.warn(`Time zone "${tzid}" was read as ${match}, which has the same UTC offsets in ${from}–${to}.`);
        return iana(match);
      }
      this.warn(
        `Time zone "${tzid}" matches no known zone; its times were converted with the file's own definition and saved in UTC, so repeating events keep a fixed UTC time.`,
      );
      return { timeZone: 'UTC', toInstant: (wall) => floatingFromWallClock(wall) - offsetOf(wall) };
    }
    const display = displayName(tzid, span.min);
    if (display !== null) {
      this.warn(`Time zone "${tzid}" was read as ${display}.`);
      return iana(display);
    }
    return fail(`time zone "${tzid}" is unknown: it is neither an IANA nor a Windows zone name, and the file has no VTIMEZONE for it`, line, component);
  }
}
