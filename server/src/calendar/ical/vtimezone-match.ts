/**
 * A VTIMEZONE whose TZID names no IANA or Windows zone (Lotus Notes' "Eastern", Outlook's
 * "(UTC+01:00) Amsterdam, Berlin, ..."): ical.js evaluates its rules, and we look for the
 * IANA zone that shows the same UTC offset on every day of the years the file uses.
 * Zones named in the TZID text ("Amsterdam") are tried first, then the main zone of each
 * Windows id, then every zone Intl knows; the first that agrees wins.
 */
import ICAL from 'ical.js';
import { addDays, floatingFromWallClock, type PlainDate, type WallClock } from '../../platform/time/calendar.js';
import { offsetMinutes } from '../../platform/time/zone.js';
import { componentText, type Component } from './components.js';
import { fail } from './errors.js';
import { windowsZoneEntries } from './windows-zones.js';

/** UTC offset in milliseconds that a VTIMEZONE gives a wall-clock time. */
export type WallOffset = (wall: WallClock) => number;

export function evaluateVTimezone(component: Component): WallOffset {
  let zone: InstanceType<typeof ICAL.Timezone>;
  try {
    zone = new ICAL.Timezone(ICAL.Component.fromString(componentText(component)));
    // Force an expansion now, so that a broken rule fails here rather than mid-import.
    zone.utcOffset(ICAL.Time.fromData({ year: 2000, month: 1, day: 1, hour: 12, minute: 0, second: 0, isDate: false }));
  } catch (error) {
    return fail(`this VTIMEZONE cannot be read: ${error instanceof Error ? error.message : String(error)}`, component.line, 'VTIMEZONE');
  }
  return (wall) => zone.utcOffset(ICAL.Time.fromData({ year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute, second: wall.second, isDate: false })) * 1000;
}

export const MATCH_YEARS = 8;

export const lastMatchedYear = (fromYear: number, toYear: number): number => Math.min(toYear, fromYear + MATCH_YEARS - 1);

/** One day's sample: the instant of local noon by the VTIMEZONE, and the offset it gives. */
interface Sample {
  instant: number;
  offset: number;
}

function samples(offsetOf: WallOffset, fromYear: number, toYear: number, stepDays: number): Sample[] {
  const out: Sample[] = [];
  let date: PlainDate = { year: fromYear, month: 1, day: 1 };
  while (date.year <= toYear) {
    const wall = { ...date, hour: 12, minute: 0, second: 0, millisecond: 0 };
    const offset = offsetOf(wall);
    out.push({ instant: floatingFromWallClock(wall) - offset, offset });
    date = addDays(date, stepDays);
  }
  return out;
}

const agrees = (zone: string, list: Sample[]) => list.every((s) => offsetMinutes(new Date(s.instant), zone) * 60_000 === s.offset);

const words = (text: string) => text.toLowerCase().replace(/[^a-z]+/g, ' ').trim();

/** Every zone, those whose city the hint names first (in the hint's order), then Windows' main zones, then the rest. */
function candidates(hint: string): string[] {
  const all = [...new Set([...windowsZoneEntries().map(([, iana]) => iana), ...Intl.supportedValuesOf('timeZone')])];
  const text = ` ${words(hint)} `;
  const named = all
    .map((zone) => ({ zone, at: text.indexOf(` ${words(zone.split('/').pop() ?? '')} `) }))
    .filter((c) => c.at >= 0 && !c.zone.startsWith('Etc/'))
    .sort((a, b) => a.at - b.at)
    .map((c) => c.zone);
  return [...new Set([...named, ...all])];
}

/**
 * The IANA zone that agrees with `offsetOf` on every day of [fromYear, toYear], or null.
 * At most MATCH_YEARS years are compared; the caller names them with `lastMatchedYear`.
 */
export function matchIanaZone(offsetOf: WallOffset, fromYear: number, toYear: number, hint: string): string | null {
  const last = lastMatchedYear(fromYear, toYear);
  const coarse = samples(offsetOf, fromYear, fromYear, 61);
  const monthly = samples(offsetOf, fromYear, last, 14);
  let daily: Sample[] | null = null;
  for (const zone of candidates(hint)) {
    if (!agrees(zone, coarse) || !agrees(zone, monthly)) continue;
    daily ??= samples(offsetOf, fromYear, last, 1);
    if (agrees(zone, daily)) return zone;
  }
  return null;
}
