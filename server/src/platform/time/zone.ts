/**
 * Calendar arithmetic in an IANA zone with nothing but Intl: which date an instant falls
 * on for a user, and which instant a user's midnight is.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function wallClock(instant: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The date (YYYY-MM-DD) an instant falls on in a zone. */
export function zonedDate(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** The zone's offset from UTC at an instant, in minutes (Berlin in summer: 120). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant at which a wall-clock time happens in a zone. A time skipped by a DST jump
 * resolves to the same wall time shifted forward by the jump; a repeated time to the earlier instant.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm, ss = 0] = time.split(':').map(Number) as [number, number, number?];
  const guess = Date.UTC(y, m - 1, d, hh, mm, ss);
  const first = guess - offsetMinutes(new Date(guess), timeZone) * 60_000;
  const second = guess - offsetMinutes(new Date(first), timeZone) * 60_000;
  const real = [first, second].filter((t) => {
    const w = wallClock(new Date(t), timeZone);
    return w.hour === hh && w.minute === mm && w.day === d;
  });
  // Both real: the time is repeated (fall back), take the earlier. None: it fell in a gap.
  return new Date(real.length > 0 ? Math.min(...real) : Math.max(first, second));
}

export function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** [start, end) instants of a run of calendar days in a zone. */
export function zonedDayRange(fromDate: string, toDate: string, timeZone: string): { start: string; end: string } {
  return {
    start: zonedInstant(fromDate, '00:00', timeZone).toISOString(),
    end: zonedInstant(addDays(toDate, 1), '00:00', timeZone).toISOString(),
  };
}
