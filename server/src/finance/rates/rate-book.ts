import type { MissingRate, RateUsed } from '@atom/contracts';
import type { z } from 'zod';
import { convert, invertRate, parseRate, type Rate } from '../money/index.js';
import type { Db } from '../queries.js';

interface StoredRate {
  date: string;
  text: string;
  rate: Rate;
}

/**
 * Converts amounts into one base currency at the user's stored rates: the latest rate on
 * or before the date (1 from = r base), else the inverse of the latest base -> from rate.
 * It remembers every rate it used and every conversion it could not make, so a report
 * can say both instead of guessing.
 */
export class RateBook {
  private readonly used = new Map<string, z.infer<typeof RateUsed>>();
  private readonly missing = new Map<string, z.infer<typeof MissingRate>>();

  private constructor(
    readonly base: string,
    private readonly byPair: Map<string, StoredRate[]>,
  ) {}

  /** Loads every rate touching the base currency; a person's rate table is small. */
  static async load(db: Db, userId: string, base: string): Promise<RateBook> {
    const rows = await db
      .selectFrom('finance_exchange_rates')
      .select(['base', 'quote', 'date', 'rate'])
      .where('user_id', '=', userId)
      .where((eb) => eb.or([eb('base', '=', base), eb('quote', '=', base)]))
      .orderBy('date')
      .execute();
    const byPair = new Map<string, StoredRate[]>();
    for (const r of rows) {
      const key = `${r.base}/${r.quote}`;
      const list = byPair.get(key) ?? [];
      list.push({ date: r.date, text: r.rate, rate: parseRate(r.rate) });
      byPair.set(key, list);
    }
    return new RateBook(base, byPair);
  }

  /** `minor` units of `from` on `date` in base-currency minor units, or null when no rate exists yet. */
  convert(minor: number, from: string, date: string): number | null {
    if (from === this.base || minor === 0) return minor;
    const direct = latestOnOrBefore(this.byPair.get(`${from}/${this.base}`), date);
    const inverse = direct ? undefined : latestOnOrBefore(this.byPair.get(`${this.base}/${from}`), date);
    const found = direct ?? inverse;
    if (!found) {
      const key = `${from}/${this.base}`;
      const seen = this.missing.get(key);
      if (!seen || seen.date > date) this.missing.set(key, { base: from, quote: this.base, date });
      return null;
    }
    const [b, q] = direct ? [from, this.base] : [this.base, from];
    this.used.set(`${b}/${q}/${found.date}`, { base: b, quote: q, date: found.date, rate: found.text });
    return convert(minor, from, this.base, direct ? found.rate : invertRate(found.rate));
  }

  /** The rates used and the rates missing so far, sorted for stable output. */
  report(): { baseCurrency: string; ratesUsed: z.infer<typeof RateUsed>[]; missingRates: z.infer<typeof MissingRate>[] } {
    const byKey = (a: { base: string; quote: string; date: string }, b: { base: string; quote: string; date: string }) =>
      `${a.base}${a.quote}${a.date}`.localeCompare(`${b.base}${b.quote}${b.date}`);
    return { baseCurrency: this.base, ratesUsed: [...this.used.values()].sort(byKey), missingRates: [...this.missing.values()].sort(byKey) };
  }
}

function latestOnOrBefore(list: StoredRate[] | undefined, date: string): StoredRate | undefined {
  if (!list) return undefined;
  let lo = 0;
  let hi = list.length - 1;
  let found: StoredRate | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.date <= date) {
      found = list[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
