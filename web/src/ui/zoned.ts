/**
 * Plain dates (YYYY-MM-DD) and wall-clock times in the user's IANA zone, with nothing but
 * Intl: which day an instant falls on there, and which instant a date and time there is.
 * The same policy as the server: a skipped wall time (spring forward) moves forward.
 */
const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = {
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    };
    try {
      f = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
    } catch {
      f = new Intl.DateTimeFormat('en-US', options);
    }
    partsFormatters.set(timeZone, f);
  }
  return f;
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallAt(epochMs: number, timeZone: string): Wall {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const p of partsFormatter(timeZone).formatToParts(new Date(epochMs))) parts[p.type] = p.value;
  return {
    year: Number(parts.year ?? 1970),
    month: Number(parts.month ?? 1),
    day: Number(parts.day ?? 1),
    hour: Number(parts.hour ?? 0) % 24,
    minute: Number(parts.minute ?? 0),
    second: Number(parts.second ?? 0),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The date an instant falls on in the zone. */
export function dateIn(instant: string | Date, timeZone: string): string {
  const w = wallAt(new Date(instant).getTime(), timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** "17:05": the wall-clock time of an instant in the zone (for a time input). */
export function timeIn(instant: string, timeZone: string): string {
  const w = wallAt(new Date(instant).getTime(), timeZone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

export function todayIn(timeZone: string, now: Date = new Date()): string {
  return dateIn(now, timeZone);
}

function offsetAt(epochMs: number, timeZone: string): number {
  const w = wallAt(epochMs, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(epochMs / 1000) * 1000;
}

/** The instant (ISO, UTC) at which the clock in `timeZone` shows `date` `time` ("HH:mm"). */
export function instantIn(date: string, time: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const floating = Date.UTC(y, m - 1, d, hh, mm);
  // Two passes settle the offset, also across a DST change; a skipped time moves forward.
  let guess = floating - offsetAt(floating, timeZone);
  guess = floating - offsetAt(guess, timeZone);
  const check = wallAt(guess, timeZone);
  if (check.hour !== hh || check.minute !== mm) {
    const later = floating - offsetAt(guess + 3 * 3_600_000, timeZone);
    if (later > guess) guess = later;
  }
  return new Date(guess).toISOString();
}

/** Adds whole days to a plain date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Midday UTC of a plain date: safe to format as that date in any zone with timeZone 'UTC'. */
export function dateAsUtc(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}
