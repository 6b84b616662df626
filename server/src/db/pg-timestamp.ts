const UTC_TIMESTAMP = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/;

/**
 * A timestamptz as PostgreSQL writes it in text (`2026-11-26 16:55:11.12+00` when the session
 * is in UTC) to the ISO instant the app speaks (`2026-11-26T16:55:11.120Z`).
 *
 * Why not `new Date(v).toISOString()`: that parse costs about a microsecond per value, and a
 * listing of 1,000 rows with four instants each spent several milliseconds in it. A UTC value
 * is rewritten as text (milliseconds truncated, as Date does); anything else (another
 * session zone, years outside 0000-9999, infinity) still goes through Date.
 */
export function pgTimestampToIso(v: string): string {
  const m = UTC_TIMESTAMP.exec(v);
  if (!m) return new Date(v).toISOString();
  return `${m[1]}T${m[2]}.${(m[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
}
