import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchTransactions, SYNTHETIC_PREFIX, syntheticIds, type ExistingTransaction, type IncomingTransaction } from './dedup.js';
import { payeeSimilarity } from './payee-similarity.js';

/** What an import of `rows` would store, as existing transactions of the account. */
function stored(rows: IncomingTransaction[], prefix = 'e'): ExistingTransaction[] {
  const decisions = matchTransactions(rows, []);
  return rows.map((r, i) => ({ id: `${prefix}${i}`, date: r.date, amount: r.amount, payee: r.payee, importedId: decisions[i]!.importedId, pending: r.pending ?? false }));
}
const kinds = (incoming: IncomingTransaction[], existing: ExistingTransaction[]) => matchTransactions(incoming, existing).map((d) => d.kind);

describe('payee similarity', () => {
  it.each([
    ['AMAZON MKTPLACE PMTS*2K4', 'Amazon Marketplace', 0.6],
    ['TESCO STORES 3297', 'Tesco Stores', 1],
    ['Starbucks #1234 Seattle', 'STARBUCKS', 0.9],
    ['REWE Markt GmbH', 'rewe markt', 1],
  ])('finds %s and %s alike (>= %s)', (a, b, min) => expect(payeeSimilarity(a, b)).toBeGreaterThanOrEqual(min));

  it.each([
    ['Shell', 'Netflix'],
    ['Uber', 'Lidl'],
  ])('keeps %s and %s apart', (a, b) => expect(payeeSimilarity(a, b)).toBeLessThan(0.4));
});

describe('matching imported rows against the account', () => {
  it('re-importing the same file adds nothing, with or without bank ids', () => {
    const withIds = [
      { date: '2026-10-01', amount: -450, payee: 'Coffee', bankId: 'F1' },
      { date: '2026-10-02', amount: -1299, payee: 'Books', bankId: 'F2' },
    ];
    expect(kinds(withIds, stored(withIds))).toEqual(['duplicate', 'duplicate']);
    const noIds = withIds.map((r) => ({ date: r.date, amount: r.amount, payee: r.payee }));
    expect(kinds(noIds, stored(noIds))).toEqual(['duplicate', 'duplicate']);
  });

  it('keeps two genuine identical purchases on one day, and re-importing keeps both once', () => {
    const twins = [
      { date: '2026-10-05', amount: -350, payee: 'Bakery' },
      { date: '2026-10-05', amount: -350, payee: 'Bakery' },
    ];
    expect(kinds(twins, [])).toEqual(['new', 'new']);
    const ids = syntheticIds(twins);
    expect(ids[0]).not.toBe(ids[1]);
    expect(ids.every((id) => id.startsWith(SYNTHETIC_PREFIX))).toBe(true);
    expect(kinds(twins, stored(twins))).toEqual(['duplicate', 'duplicate']);
    // With distinct bank ids, identical rows are distinct even against each other's fuzzy match.
    const banked = twins.map((t, i) => ({ ...t, bankId: `B${i}` }));
    expect(kinds([banked[1]!], stored([banked[0]!]))).toEqual(['new']);
  });

  it('matches a pending transaction with its posted form under another id, tip included', () => {
    const hold = [{ date: '2026-10-10', amount: -2000, payee: 'Luigi Trattoria', bankId: 'PENDING-77', pending: true }];
    const posted = [{ date: '2026-10-12', amount: -2400, payee: 'LUIGI TRATTORIA', bankId: 'POSTED-91' }];
    const decision = matchTransactions(posted, stored(hold))[0]!;
    expect(decision).toMatchObject({ kind: 'posted', existingId: 'e0', importedId: 'POSTED-91' });
    // An unrelated purchase of the same amount is not taken for it.
    expect(kinds([{ date: '2026-10-12', amount: -2000, payee: 'Shell', bankId: 'X' }], stored(hold))).toEqual(['new']);
    // The pending row arriving again after its posted form is already there adds nothing.
    expect(kinds(hold, stored([{ ...posted[0]!, amount: -2000 }]))).toEqual(['duplicate']);
  });

  it('flags a manual entry of the same purchase as probable, for the user to confirm', () => {
    const manual: ExistingTransaction[] = [{ id: 'm1', date: '2026-10-03', amount: -6499, payee: 'Amazon', importedId: null, pending: false }];
    const decision = matchTransactions([{ date: '2026-10-04', amount: -6499, payee: 'AMAZON MKTPLACE PMTS', bankId: 'Q1' }], manual)[0]!;
    expect(decision).toMatchObject({ kind: 'probable', existingId: 'm1' });
    // Far in time or another amount: new.
    expect(kinds([{ date: '2026-10-20', amount: -6499, payee: 'Amazon', bankId: 'Q2' }], manual)).toEqual(['new']);
    expect(kinds([{ date: '2026-10-03', amount: -6498, payee: 'Amazon', bankId: 'Q3' }], manual)).toEqual(['new']);
  });

  it('lets one existing transaction answer for one incoming row only', () => {
    const manual: ExistingTransaction[] = [{ id: 'm1', date: '2026-10-03', amount: -500, payee: 'Cinema', importedId: null, pending: false }];
    const rows = [
      { date: '2026-10-03', amount: -500, payee: 'Cinema' },
      { date: '2026-10-03', amount: -500, payee: 'Cinema' },
    ];
    expect(kinds(rows, manual)).toEqual(['probable', 'new']);
  });

  it('handles a bank id repeated inside one file', () => {
    const rows = [
      { date: '2026-10-01', amount: -100, payee: 'A', bankId: 'DUP' },
      { date: '2026-10-01', amount: -100, payee: 'A', bankId: 'DUP' },
      { date: '2026-10-02', amount: -900, payee: 'B', bankId: 'DUP' },
    ];
    const d = matchTransactions(rows, []);
    expect(d.map((x) => x.kind)).toEqual(['new', 'duplicate', 'new']);
    expect(d[2]!.importedId).toBe('DUP#2');
  });

  const row = fc.record({
    date: fc.integer({ min: 0, max: 60 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10)),
    amount: fc.integer({ min: -50_000, max: 50_000 }).filter((n) => n !== 0),
    payee: fc.constantFrom('Coffee', 'Rent', 'Grocer', 'Fuel', 'Cinema', 'Books'),
    bankId: fc.option(fc.uuid(), { nil: undefined }),
  });

  it('property: re-importing any file is all duplicates, and nothing existing answers twice', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.array(row, { maxLength: 60 }), (file, other) => {
        const existing = [...stored(file), ...stored(other, 'o')];
        const decisions = matchTransactions(file, existing);
        const existingIds = decisions.flatMap((d) => ('existingId' in d && d.existingId ? [d.existingId] : []));
        expect(new Set(existingIds).size).toBe(existingIds.length);
        const again = matchTransactions(file, stored(file));
        expect(again.every((d) => d.kind === 'duplicate')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('property: into an empty account every distinct row is new', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 80 }), (file) => {
        const decisions = matchTransactions(file, []);
        const dupesInFile = decisions.filter((d) => d.kind === 'duplicate').length;
        expect(decisions.filter((d) => d.kind === 'new').length + dupesInFile).toBe(file.length);
        // Only exact repeats of a bank id with the same date and amount are dropped.
        for (const [i, d] of decisions.entries()) if (d.kind === 'duplicate') expect(file[i]!.bankId).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });
});
