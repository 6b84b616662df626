import { addMonth, monthsBetween } from './months.js';

/**
 * Envelope arithmetic, pure (YNAB / Actual semantics, see ARCHITECTURE.md):
 * - available = carryover + assigned + spent (spent is negative for money out);
 * - a positive leftover carries into the next month of the same category;
 * - a negative one (overspending) does not: it is taken from next month's "to budget",
 *   unless the category rolls overspending, in which case it stays in the category;
 * - to budget = income up to this month - everything assigned up to this month
 *   - overspending of earlier months not rolled in categories.
 */
export interface RollCategory {
  id: string;
  isIncome: boolean;
  rolloverOverspending: boolean;
}

export interface RollInput {
  categories: RollCategory[];
  /** category -> month -> net activity in base minor units */
  activity: Map<string, Map<string, number>>;
  /** category -> month -> assigned */
  assigned: Map<string, Map<string, number>>;
  /** month -> income outside income categories (uncategorised inflows, opening balances) */
  otherIncome: Map<string, number>;
  target: string;
}

export interface CategoryMonth {
  carryover: number;
  assigned: number;
  spent: number;
  available: number;
}

export interface MonthResult {
  month: string;
  income: number;
  overspentLastMonth: number;
  toBudget: number;
  categories: Map<string, CategoryMonth>;
}

const MAX_HISTORY = 1200;

function firstMonth(input: RollInput): string {
  let first = input.target;
  const see = (m: string) => {
    if (m < first) first = m;
  };
  for (const byMonth of [...input.activity.values(), ...input.assigned.values()]) for (const m of byMonth.keys()) see(m);
  for (const m of input.otherIncome.keys()) see(m);
  return monthsBetween(first, input.target) > MAX_HISTORY ? addMonth(input.target, -MAX_HISTORY) : first;
}

/** Every month from the first with data up to `target`, in order; the last is the target. */
export function rollBudget(input: RollInput): MonthResult[] {
  const results: MonthResult[] = [];
  const previous = new Map<string, number>();
  let cumulativeIncome = 0;
  let cumulativeAssigned = 0;
  let cumulativeOverspent = 0;
  let overspentLastMonth = 0;
  for (let month = firstMonth(input); month <= input.target; month = addMonth(month, 1)) {
    cumulativeOverspent += overspentLastMonth;
    let income = input.otherIncome.get(month) ?? 0;
    let overspent = 0;
    const categories = new Map<string, CategoryMonth>();
    for (const c of input.categories) {
      const spent = input.activity.get(c.id)?.get(month) ?? 0;
      if (c.isIncome) {
        income += spent;
        categories.set(c.id, { carryover: 0, assigned: 0, spent, available: 0 });
        continue;
      }
      const before = previous.get(c.id) ?? 0;
      const carryover = before > 0 || c.rolloverOverspending ? before : 0;
      const assigned = input.assigned.get(c.id)?.get(month) ?? 0;
      const available = carryover + assigned + spent;
      previous.set(c.id, available);
      cumulativeAssigned += assigned;
      if (available < 0 && !c.rolloverOverspending) overspent -= available;
      categories.set(c.id, { carryover, assigned, spent, available });
    }
    cumulativeIncome += income;
    results.push({ month, income, overspentLastMonth, toBudget: cumulativeIncome - cumulativeAssigned - cumulativeOverspent, categories });
    overspentLastMonth = overspent;
  }
  return results;
}
