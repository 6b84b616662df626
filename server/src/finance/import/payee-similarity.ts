/**
 * How alike two payee strings are, 0..1, for fuzzy duplicate detection. Bank exports of the
 * same purchase differ in noise ("AMAZON MKTPLACE PMTS*2K4", "Amazon Marketplace"), so the
 * comparison ignores case, digits, punctuation and store numbers, then compares letter pairs.
 */
export function normalisePayee(payee: string): string {
  return payee
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .replace(/\b(pos|card|purchase|debit|credit|payment|sepa|ec|visa|mc|www|com|inc|ltd|gmbh|llc)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function bigrams(s: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (const word of s.split(' ')) {
    if (word.length === 1) grams.set(word, (grams.get(word) ?? 0) + 1);
    for (let i = 0; i < word.length - 1; i++) {
      const g = word.slice(i, i + 2);
      grams.set(g, (grams.get(g) ?? 0) + 1);
    }
  }
  return grams;
}

/** Sørensen–Dice over letter bigrams of the normalised names; a prefix match counts as alike. */
export function payeeSimilarity(a: string, b: string): number {
  const x = normalisePayee(a);
  const y = normalisePayee(b);
  if (x === y) return 1;
  if (!x || !y) return 0;
  // "amazon" vs "amazon marketplace": one name is the start of the other.
  if (x.length >= 4 && y.length >= 4 && (x.startsWith(y) || y.startsWith(x))) return 0.9;
  const gx = bigrams(x);
  const gy = bigrams(y);
  let overlap = 0;
  let total = 0;
  for (const n of gx.values()) total += n;
  for (const n of gy.values()) total += n;
  for (const [g, n] of gx) overlap += Math.min(n, gy.get(g) ?? 0);
  return total === 0 ? 0 : (2 * overlap) / total;
}
