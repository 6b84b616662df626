import type { Goal } from '@atom/contracts';
import { addMonth, lastDayOf, monthOfDate, monthsBetween } from '../budgets/months.js';

export interface OutlookInput {
  kind: 'save' | 'keep';
  target: number;
  targetDate: string | null;
  current: number;
  /** Net contribution of each of the last three whole months. */
  recent: number[];
  today: string;
}

const ceilDiv = (a: number, b: number) => Number((BigInt(a) + BigInt(b) - 1n) / BigInt(b));

/**
 * Pure: progress, the monthly amount still needed (this month included, rounded up to the
 * minor unit so that paying it reaches the target), the projected date at the recent
 * average pace, and the status.
 */
export function goalOutlook(g: OutlookInput): Pick<Goal, 'progress' | 'monthlyNeeded' | 'projectedDate' | 'status'> {
  const percent = g.current <= 0 ? 0 : g.current >= g.target ? 100 : Math.floor((g.current * 100) / g.target);
  const progress = { current: g.current, percent };
  if (g.kind === 'keep') {
    return { progress, monthlyNeeded: null, projectedDate: null, status: g.current >= g.target ? 'on_track' : 'below_minimum' };
  }
  const remaining = Math.max(0, g.target - g.current);
  if (remaining === 0) return { progress, monthlyNeeded: 0, projectedDate: null, status: 'reached' };
  const month = monthOfDate(g.today);
  const monthsLeft = g.targetDate ? Math.max(1, monthsBetween(month, monthOfDate(g.targetDate)) + 1) : null;
  const monthlyNeeded = monthsLeft === null ? null : ceilDiv(remaining, monthsLeft);
  const total = g.recent.reduce((a, b) => a + b, 0);
  const pace = total > 0 ? total / g.recent.length : 0;
  const projectedDate = pace > 0 ? lastDayOf(addMonth(month, Math.ceil(remaining / pace) - 1)) : null;
  const onTrack = projectedDate !== null && (g.targetDate === null || projectedDate <= lastDayOf(monthOfDate(g.targetDate)));
  return { progress, monthlyNeeded, projectedDate, status: onTrack ? 'on_track' : 'behind' };
}
