/**
 * Fractional ranks: order keys as strings, so moving an item writes one row instead of
 * renumbering its column. Digits are 0-9a-z (ASCII order = byte order); a key never ends
 * in '0', so there is always room between two keys.
 */
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;

function digit(s: string, i: number): number {
  const ch = s[i];
  return ch === undefined ? 0 : DIGITS.indexOf(ch);
}

function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    // Shared prefix (a padded with zeros) stays as it is.
    let n = 0;
    while (n < b.length && digit(a, n) === digit(b, n)) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const da = digit(a, 0);
  const db = b === null ? BASE : digit(b, 0);
  if (db - da > 1) return DIGITS[Math.round((da + db) / 2)]!;
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return DIGITS[da]! + midpoint(a.slice(1), null);
}

export function isRank(s: string): boolean {
  return /^[0-9a-z]*[1-9a-z]$/.test(s);
}

/** Appending steps by one digit rather than halving, so a long column keeps short keys. */
function increment(a: string): string {
  for (let i = 0; i < a.length; i++) {
    const d = digit(a, i);
    if (d < BASE - 1) return a.slice(0, i) + DIGITS[d + 1]!;
  }
  return `${a}1`;
}

function decrement(b: string): string {
  for (let i = 0; i < b.length; i++) {
    const d = digit(b, i);
    if (d > 1) return b.slice(0, i) + DIGITS[d - 1]!;
  }
  return midpoint('', b);
}

/** A key strictly between `before` and `after` (null = open end). */
export function rankBetween(before: string | null, after: string | null): string {
  if (before !== null && after !== null && before >= after) throw new Error(`rankBetween: ${before} is not before ${after}`);
  if (before !== null && after === null) return increment(before);
  if (before === null && after !== null) return decrement(after);
  return midpoint(before ?? '', after);
}

/** `n` increasing keys after `before`, for inserting a batch at the end. */
export function ranksAfter(before: string | null, n: number): string[] {
  const out: string[] = [];
  let prev = before;
  for (let i = 0; i < n; i++) {
    prev = rankBetween(prev, null);
    out.push(prev);
  }
  return out;
}
