/**
 * A recurrence rule (RRULE) in plain words for the common shapes ("every month on day 1",
 * "every 2 weeks on Mon, Wed", "every weekday"), and the presets of the task editor.
 * Anything unusual falls back to the rule itself.
 */
const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];

// 1 January 2024 was a Monday: index i is weekday WEEKDAY_CODES[i].
const weekdayName = (i: number, width: 'short' | 'long') =>
  new Intl.DateTimeFormat(undefined, { weekday: width, timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + i)));
const monthName = (m: number) => new Intl.DateTimeFormat(undefined, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, m - 1, 1)));
const ordinalWords = ['', 'first', 'second', 'third', 'fourth', 'fifth'];

export function parseRule(rule: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const piece of rule.replace(/^RRULE:/i, '').split(';')) {
    const [key, value] = piece.split('=');
    if (key && value !== undefined) parts.set(key.trim().toUpperCase(), value.trim().toUpperCase());
  }
  return parts;
}

const unit = { DAILY: 'day', WEEKLY: 'week', MONTHLY: 'month', YEARLY: 'year' } as const;

function weekdayList(codes: string[]): string {
  return codes.map((c) => weekdayName(WEEKDAY_CODES.indexOf(c as WeekdayCode), 'short')).join(', ');
}

function untilText(value: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(value);
  if (!m) return value;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** "every month on day 1", or the rule itself when it is not a shape we can say. */
export function describeRule(rule: string, from: 'schedule' | 'completion' | null = null): string {
  const p = parseRule(rule);
  const freq = p.get('FREQ') as keyof typeof unit | undefined;
  if (!freq || !(freq in unit)) return rule;
  const known = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'COUNT', 'UNTIL', 'WKST']);
  if ([...p.keys()].some((k) => !known.has(k))) return rule;
  const interval = Number(p.get('INTERVAL') ?? '1');
  const every = interval === 1 ? `every ${unit[freq]}` : interval === 2 && freq === 'WEEKLY' ? 'every other week' : `every ${interval} ${unit[freq]}s`;
  const byDay = p.get('BYDAY')?.split(',') ?? [];
  const monthDay = p.get('BYMONTHDAY');
  const month = p.get('BYMONTH');
  let text = every;

  if (freq === 'WEEKLY' && byDay.length > 0) {
    const sorted = [...byDay].sort((a, b) => WEEKDAY_CODES.indexOf(a as WeekdayCode) - WEEKDAY_CODES.indexOf(b as WeekdayCode));
    if (interval === 1 && sorted.join(',') === 'MO,TU,WE,TH,FR') text = 'every weekday';
    else if (interval === 1 && sorted.join(',') === 'SA,SU') text = 'every weekend';
    else if (interval === 1 && sorted.length === 1) text = `every ${weekdayName(WEEKDAY_CODES.indexOf(sorted[0] as WeekdayCode), 'long')}`;
    else text = `${every} on ${weekdayList(sorted)}`;
  } else if (freq === 'MONTHLY' && monthDay && !byDay.length) {
    text = monthDay === '-1' ? `${every} on the last day` : `${every} on day ${monthDay}`;
  } else if (freq === 'MONTHLY' && byDay.length === 1 && !monthDay) {
    const m = /^([+-]?\d)([A-Z]{2})$/.exec(byDay[0]!);
    if (!m) return rule;
    const n = Number(m[1]);
    const nth = n === -1 ? 'last' : ordinalWords[n];
    if (!nth) return rule;
    text = `${every} on the ${nth} ${weekdayName(WEEKDAY_CODES.indexOf(m[2] as WeekdayCode), 'long')}`;
  } else if (freq === 'YEARLY' && month && monthDay && !month.includes(',') && !monthDay.includes(',')) {
    const date = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2024, Number(month) - 1, Number(monthDay))),
    );
    text = `${every} on ${date}`;
  } else if (freq === 'YEARLY' && month && !monthDay && !byDay.length) {
    text = `${every} in ${monthName(Number(month))}`;
  } else if (byDay.length || monthDay || month) {
    return rule;
  }
  const count = p.get('COUNT');
  if (count) text += `, ${count} times`;
  const until = p.get('UNTIL');
  if (until) text += `, until ${untilText(until)}`;
  if (from === 'completion') text += ' after completion';
  return text;
}

/** The editor's presets; `custom` keeps any other rule as text. */
export type RecurrencePreset = 'none' | 'daily' | 'weekdays' | 'weekly' | 'monthly' | 'yearly' | 'custom';

/** Weekday code (MO..SU) of a plain date. */
export function weekdayCodeOf(date: string): WeekdayCode {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay(); // 0 = Sunday
  return WEEKDAY_CODES[(day + 6) % 7]!;
}

export function ruleForPreset(preset: RecurrencePreset, dueDate: string): string | null {
  const [, month, day] = dueDate.split('-').map(Number) as [number, number, number];
  switch (preset) {
    case 'none':
    case 'custom':
      return null;
    case 'daily':
      return 'FREQ=DAILY';
    case 'weekdays':
      return 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR';
    case 'weekly':
      return `FREQ=WEEKLY;BYDAY=${weekdayCodeOf(dueDate)}`;
    case 'monthly':
      return `FREQ=MONTHLY;BYMONTHDAY=${day}`;
    case 'yearly':
      return `FREQ=YEARLY;BYMONTH=${month};BYMONTHDAY=${day}`;
  }
}

/** Which preset a stored rule is, given the due date it goes with. */
export function presetOf(rule: string | null, dueDate: string): RecurrencePreset {
  if (!rule) return 'none';
  const normal = (r: string) => [...parseRule(r).entries()].map(([k, v]) => `${k}=${v}`).sort().join(';');
  for (const preset of ['daily', 'weekdays', 'weekly', 'monthly', 'yearly'] as const) {
    const candidate = ruleForPreset(preset, dueDate);
    if (candidate && normal(candidate) === normal(rule)) return preset;
  }
  return 'custom';
}

export function presetLabel(preset: RecurrencePreset, dueDate: string): string {
  const rule = ruleForPreset(preset, dueDate);
  if (preset === 'none') return 'Does not repeat';
  if (preset === 'custom') return 'Custom rule…';
  return rule ? describeRule(rule).replace(/^every/, 'Every') : preset;
}
