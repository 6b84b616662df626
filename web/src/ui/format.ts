/**
 * Dates as the user's browser language says them, in the user's own time zone (from their
 * profile), never hand-formatted. Formatters are cached: Intl constructors are slow-ish.
 */
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(style: 'date' | 'datetime', timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${style}|${timeZone ?? ''}`;
  let found = cache.get(key);
  if (!found) {
    const options: Intl.DateTimeFormatOptions =
      style === 'date' ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' };
    try {
      found = new Intl.DateTimeFormat(undefined, { ...options, timeZone });
    } catch {
      // An unknown zone (an old browser, a typo stored elsewhere) falls back to the device's.
      found = new Intl.DateTimeFormat(undefined, options);
    }
    cache.set(key, found);
  }
  return found;
}

export function formatDateTime(iso: string, timeZone?: string): string {
  return formatter('datetime', timeZone).format(new Date(iso));
}

export function formatDate(iso: string, timeZone?: string): string {
  return formatter('date', timeZone).format(new Date(iso));
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

const steps: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** "3 minutes ago", "in 6 days", "yesterday" in the user's language. */
export function formatRelative(iso: string, now: Date = new Date()): string {
  let value = (new Date(iso).getTime() - now.getTime()) / 1000;
  for (const [unit, size] of steps) {
    if (Math.abs(value) < size) return relative.format(Math.round(value), unit);
    value /= size;
  }
  return relative.format(Math.round(value), 'year');
}
