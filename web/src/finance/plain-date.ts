const formatter = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/**
 * "2026-11-26" as the user's language writes a date. A plain date has no zone: it is read and
 * written at UTC midnight so no offset can move it to the day before.
 */
export function formatPlainDate(date: string): string {
  return formatter.format(new Date(`${date}T00:00:00Z`));
}

/** The plain date `days` after `date` (negative for before). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
