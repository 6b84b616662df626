import { createHash } from 'node:crypto';
import { normalisePayee, payeeSimilarity } from './payee-similarity.js';
import { daysBetween } from '../../platform/time/calendar.js';

/** A row of a bank file, as far as matching is concerned. Amounts in minor units. */
export interface IncomingTransaction {
  date: string;
  amount: number;
  payee: string;
  bankId?: string | undefined;
  pending?: boolean | undefined;
}

/** A transaction already in the account. `importedId` is the bank's id or a synthetic one. */
export interface ExistingTransaction {
  id: string;
  date: string;
  amount: number;
  payee: string;
  importedId: string | null;
  pending: boolean;
}

export type MatchDecision =
  /** Not in the account: insert it. */
  | { kind: 'new'; importedId: string }
  /** Already there (same bank id, or the same row of a file imported before): skip it. */
  | { kind: 'duplicate'; importedId: string; existingId: string | null; reason: string }
  /** The posted version of a pending transaction already there: update that one, don't add. */
  | { kind: 'posted'; importedId: string; existingId: string; reason: string }
  /** Looks like one already there (same amount, near date, similar payee): the user decides; skipped unless confirmed. */
  | { kind: 'probable'; importedId: string; existingId: string; reason: string; similarity: number };

/** Ids we make for rows without a bank id start with this, so they never pass for the bank's own. */
export const SYNTHETIC_PREFIX = 'atom:';

const daysApart = (a: string, b: string) => Math.abs(daysBetween(a, b));
const isBankId = (id: string | null): id is string => id !== null && !id.startsWith(SYNTHETIC_PREFIX);

/** Windows and thresholds, named so that the rules read as prose. */
export const MATCHING = {
  /** A card hold usually posts within days; a week is generous. */
  pendingPostDays: 7,
  /** Restaurants add the tip when posting: the posted amount may differ this much from the hold. */
  pendingAmountSlack: 0.25,
  /** Manual entries and other exports of the same purchase are dated within a few days of the bank. */
  fuzzyDays: 3,
  fuzzySimilarity: 0.55,
} as const;

/**
 * Ids for rows the bank gave none (CSV, QIF): the row's date, amount and payee, plus how many
 * identical rows came before it in the same file. Re-importing the file yields the same ids,
 * and two genuine identical purchases on one day get two different ones.
 */
export function syntheticIds(rows: IncomingTransaction[]): string[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const key = `${r.date}|${r.amount}|${normalisePayee(r.payee)}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return `${SYNTHETIC_PREFIX}${createHash('sha256').update(`${key}|${n}`).digest('base64url').slice(0, 22)}`;
  });
}

/**
 * Decides, for each incoming row in file order, whether it is new, already there, the posted
 * form of a pending transaction, or a probable duplicate for the user to confirm. Each existing
 * transaction answers for at most one incoming row.
 *
 * The order of the rules matters:
 *  1. Same id (the bank's, or synthetic from a previous import of the same rows) -> duplicate.
 *  2. A posted row and a pending one already there, close in date and amount, alike in payee -> posted.
 *     A pending row whose posted form is already there -> duplicate.
 *  3. Two different bank ids are two different transactions, however alike: never fuzzy-matched.
 *     Otherwise, same amount, dates within a few days and similar payee -> probable.
 */
export function matchTransactions(incoming: IncomingTransaction[], existing: ExistingTransaction[]): MatchDecision[] {
  const synthetic = syntheticIds(incoming);
  const byImportedId = new Map<string, ExistingTransaction>();
  for (const e of existing) if (e.importedId) byImportedId.set(e.importedId, e);
  const byAmount = new Map<number, ExistingTransaction[]>();
  const pending: ExistingTransaction[] = [];
  for (const e of existing) {
    byAmount.set(e.amount, [...(byAmount.get(e.amount) ?? []), e]);
    if (e.pending) pending.push(e);
  }
  const used = new Set<string>();
  const idsInFile = new Map<string, IncomingTransaction>();

  return incoming.map((row, i): MatchDecision => {
    let importedId = row.bankId?.trim() ? row.bankId.trim() : synthetic[i]!;
    // Some banks repeat an id inside one file for different rows; keep both, apart.
    const twin = idsInFile.get(importedId);
    if (twin) {
      if (twin.amount === row.amount && twin.date === row.date) {
        return { kind: 'duplicate', importedId, existingId: null, reason: 'the same row appears twice in this file' };
      }
      let n = 2;
      while (idsInFile.has(`${importedId}#${n}`)) n++;
      importedId = `${importedId}#${n}`;
    }
    idsInFile.set(importedId, row);

    const same = byImportedId.get(importedId);
    if (same && !used.has(same.id)) {
      used.add(same.id);
      if (same.pending && !row.pending) return { kind: 'posted', importedId, existingId: same.id, reason: 'the bank has now posted this pending transaction' };
      return { kind: 'duplicate', importedId, existingId: same.id, reason: 'already imported (same bank id)' };
    }

    const free = (e: ExistingTransaction) => !used.has(e.id);
    if (!row.pending) {
      const hold = best(
        pending.filter(free).filter((e) => {
          if (Math.sign(e.amount) !== Math.sign(row.amount) || daysApart(e.date, row.date) > MATCHING.pendingPostDays) return false;
          const slack = Math.abs(e.amount - row.amount) / Math.max(1, Math.abs(e.amount));
          const sim = payeeSimilarity(e.payee, row.payee);
          return (slack === 0 && sim >= 0.3) || (slack <= MATCHING.pendingAmountSlack && sim >= 0.8);
        }),
        row,
      );
      if (hold) {
        used.add(hold.e.id);
        return { kind: 'posted', importedId, existingId: hold.e.id, reason: 'the posted form of a pending transaction already here' };
      }
    } else {
      const posted = best(
        (byAmount.get(row.amount) ?? []).filter(free).filter((e) => !e.pending && daysApart(e.date, row.date) <= MATCHING.pendingPostDays && payeeSimilarity(e.payee, row.payee) >= 0.3),
        row,
      );
      if (posted) {
        used.add(posted.e.id);
        return { kind: 'duplicate', importedId, existingId: posted.e.id, reason: 'already here in its posted form' };
      }
    }

    const rowHasBankId = isBankId(importedId);
    const alike = best(
      (byAmount.get(row.amount) ?? [])
        .filter(free)
        .filter((e) => !(rowHasBankId && isBankId(e.importedId)))
        .filter((e) => daysApart(e.date, row.date) <= MATCHING.fuzzyDays && payeeSimilarity(e.payee, row.payee) >= MATCHING.fuzzySimilarity),
      row,
    );
    if (alike) {
      used.add(alike.e.id);
      return { kind: 'probable', importedId, existingId: alike.e.id, similarity: alike.similarity, reason: 'same amount, a close date and a similar payee' };
    }
    return { kind: 'new', importedId };
  });
}

/** The closest candidate: nearest date first, then the most alike payee, then the oldest id. */
function best(candidates: ExistingTransaction[], row: IncomingTransaction): { e: ExistingTransaction; similarity: number } | null {
  let winner: { e: ExistingTransaction; similarity: number; days: number } | null = null;
  for (const e of candidates) {
    const days = daysApart(e.date, row.date);
    const similarity = payeeSimilarity(e.payee, row.payee);
    if (
      !winner ||
      days < winner.days ||
      (days === winner.days && similarity > winner.similarity) ||
      (days === winner.days && similarity === winner.similarity && e.id < winner.e.id)
    ) {
      winner = { e, similarity, days };
    }
  }
  return winner && { e: winner.e, similarity: winner.similarity };
}
