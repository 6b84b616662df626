import * as rruleModule from 'rrule';
import { expandOccurrences, type EventData } from '../server/src/calendar/ical/index.js';
import { event } from '../server/src/calendar/ical/test-support.js';

type RRuleLibrary = typeof rruleModule;
const library = rruleModule as RRuleLibrary & { default?: RRuleLibrary };
const { rrulestr } = library.default ?? library;

const SERIES = 10_000;
const ZONES = ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Sydney', 'UTC'];
const RULES = ['FREQ=WEEKLY;BYDAY=MO,WE', 'FREQ=DAILY;INTERVAL=2', 'FREQ=MONTHLY;BYDAY=-1FR', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', 'FREQ=YEARLY'];

function series(i: number): EventData {
  const start = new Date(Date.UTC(2024, i % 12, 1 + (i % 28), 8 + (i % 9), 0));
  const timeZone = ZONES[i % ZONES.length]!;
  return event({
    uid: `bench-${i}`,
    title: `Series ${i}`,
    start: { kind: 'instant', at: start.toISOString(), timeZone },
    end: { kind: 'instant', at: new Date(start.getTime() + 3_600_000).toISOString(), timeZone },
    rrule: RULES[i % RULES.length]!,
  });
}

/**
 * Expanding 10,000 recurring series over one year, zone- and DST-correct, beside the same
 * rules expanded by plain rrule.js in floating UTC time (no zones, no overrides) in the same run.
 */
export function calendarBench(): void {
  const all = Array.from({ length: SERIES }, (_, i) => series(i));
  const range = { start: '2026-01-01T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z', viewerTimeZone: 'Europe/Berlin' };
  let t0 = performance.now();
  let ours = 0;
  for (const s of all) ours += expandOccurrences(s, [], range).length;
  const oursMs = performance.now() - t0;

  t0 = performance.now();
  let plain = 0;
  for (const s of all) {
    const start = s.start.kind === 'instant' ? s.start.at : '';
    const rule = rrulestr(`DTSTART:${start.replace(/[-:]/g, '').replace(/\.\d{3}/, '')}\nRRULE:${s.rrule!}`);
    plain += rule.between(new Date(range.start), new Date(range.end), true).length;
  }
  const plainMs = performance.now() - t0;
  console.log(`\n[calendar] expand ${SERIES.toLocaleString('en')} recurring series over one year`);
  console.log(`${'Atom expandOccurrences (zones, DST, overrides)'.padEnd(48)} ${oursMs.toFixed(0).padStart(6)} ms  (${ours.toLocaleString('en')} occurrences)`);
  console.log(`${'plain rrule.js between(), floating UTC'.padEnd(48)} ${plainMs.toFixed(0).padStart(6)} ms  (${plain.toLocaleString('en')} occurrences)`);
  console.log(`ratio ${(oursMs / plainMs).toFixed(2)}x`);
}
