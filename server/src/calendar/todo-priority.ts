/**
 * Atom's task priority (1 highest .. 4 none) and iCalendar's PRIORITY (1 highest .. 9 lowest,
 * 0 or absent: undefined; RFC 5545 3.8.1.9 groups 1-4 high, 5 medium, 6-9 low).
 * Written: 1 -> 1, 2 -> 5, 3 -> 9, 4 -> no PRIORITY. Read: 1-4 -> 1, 5 -> 2, 6-9 -> 3, 0/none -> 4,
 * so a round trip keeps every Atom priority.
 */
export function taskPriority(p: number | null): number {
  if (p === null || p === 0) return 4;
  if (p <= 4) return 1;
  if (p === 5) return 2;
  return 3;
}

export function icalPriority(p: number): number | null {
  return ({ 1: 1, 2: 5, 3: 9 } as Record<number, number>)[p] ?? null;
}
