/**
 * A VTIMEZONE for an IANA zone, generated from Intl's data for [fromYear, toYear].
 *
 * Transitions are grouped by kind (STANDARD or DAYLIGHT) and offsets. A run of yearly
 * transitions that follow one rule ("last Sunday of March at 02:00") becomes a component
 * with an RRULE (with UNTIL, unless the run lasts to the end of the span, so that clients
 * carry the current rule on); the rest become components with one RDATE per transition
 * (one value per property: ical.js reads only the first value of each). The offset in
 * force at the start of the span opens the definition.
 */
import { daysInMonth, wallClockFromFloating, type WallClock } from '../../platform/time/calendar.js';
import { offsetMinutes } from '../../platform/time/zone.js';
import { WEEKDAYS } from './rule.js';
import { transitions, type Transition } from './transitions.js';
import { icalDateTime } from './values.js';
import { line } from './write.js';

interface Change extends Transition {
  kind: 'STANDARD' | 'DAYLIGHT';
  /** Local time at the change, on the clock before it (how DTSTART and RDATE are written). */
  wall: WallClock;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** The yearly rules a change fits: last or nth weekday of its month, or its day of the month. */
function rulesOf(w: WallClock): string[] {
  const weekday = WEEKDAYS[(new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay() + 6) % 7]!;
  const rules: string[] = [];
  if (w.day + 7 > daysInMonth(w.year, w.month)) rules.push(`BYMONTH=${w.month};BYDAY=-1${weekday}`);
  if (w.day <= 28) rules.push(`BYMONTH=${w.month};BYDAY=${Math.ceil(w.day / 7)}${weekday}`);
  rules.push(`BYMONTH=${w.month};BYMONTHDAY=${w.day}`);
  const time = `${w.hour}:${w.minute}:${w.second}`;
  return rules.map((r) => `${r}|${time}`);
}

function isDaylight(t: Transition, zone: string): boolean {
  const year = new Date(t.at).getUTCFullYear();
  const standard = Math.min(offsetMinutes(new Date(Date.UTC(year, 0, 1)), zone), offsetMinutes(new Date(Date.UTC(year, 6, 1)), zone));
  return t.to > standard;
}

function observance(kind: string, from: number, to: number, body: string[]): string[] {
  return [`BEGIN:${kind}`, ...body, line('TZOFFSETFROM', formatOffset(from)), line('TZOFFSETTO', formatOffset(to)), `END:${kind}`];
}

/** Runs of changes in consecutive years that share a rule. */
function runs(changes: Change[]): { changes: Change[]; rule: string }[] {
  const out: { changes: Change[]; rules: string[] }[] = [];
  for (const change of changes) {
    const current = out[out.length - 1];
    const last = current?.changes[current.changes.length - 1];
    const shared = current?.rules.filter((r) => rulesOf(change.wall).includes(r)) ?? [];
    if (current && last && change.wall.year === last.wall.year + 1 && shared.length > 0) {
      current.changes.push(change);
      current.rules = shared;
    } else {
      out.push({ changes: [change], rules: rulesOf(change.wall) });
    }
  }
  return out.map((r) => ({ changes: r.changes, rule: r.rules[0]!.split('|')[0]! }));
}

/** The lines of a VTIMEZONE for `zone` covering [fromYear, toYear] (CRLF and folding are the caller's). */
export function vtimezoneLines(zone: string, fromYear: number, toYear: number): string[] {
  const start = Date.UTC(fromYear, 0, 1);
  const initial = offsetMinutes(new Date(start), zone);
  const out = ['BEGIN:VTIMEZONE', line('TZID', zone), line('X-LIC-LOCATION', zone)];
  const initialKind = isDaylight({ at: start, from: initial, to: initial }, zone) ? 'DAYLIGHT' : 'STANDARD';
  out.push(...observance(initialKind, initial, initial, [line('DTSTART', icalDateTime(wallClockFromFloating(start + initial * 60_000)))]));

  const groups = new Map<string, Change[]>();
  for (const t of transitions(zone, fromYear, toYear)) {
    const change: Change = { ...t, kind: isDaylight(t, zone) ? 'DAYLIGHT' : 'STANDARD', wall: wallClockFromFloating(t.at + t.from * 60_000) };
    const key = `${change.kind}|${t.from}|${t.to}`;
    groups.set(key, [...(groups.get(key) ?? []), change]);
  }
  for (const changes of groups.values()) {
    const { kind, from, to } = changes[0]!;
    const singles: Change[] = [];
    for (const run of runs(changes)) {
      const first = run.changes[0]!;
      const last = run.changes[run.changes.length - 1]!;
      if (run.changes.length < 2) {
        singles.push(first);
        continue;
      }
      const until = last.wall.year >= toYear ? '' : `;UNTIL=${icalDateTime(wallClockFromFloating(last.at))}Z`;
      out.push(...observance(kind, from, to, [line('DTSTART', icalDateTime(first.wall)), line('RRULE', `FREQ=YEARLY;${run.rule}${until}`)]));
    }
    if (singles.length > 0) {
      const rdates = singles.map((c) => line('RDATE', icalDateTime(c.wall)));
      out.push(...observance(kind, from, to, [line('DTSTART', icalDateTime(singles[0]!.wall)), ...rdates]));
    }
  }
  out.push('END:VTIMEZONE');
  return out;
}
