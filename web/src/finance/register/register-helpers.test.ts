import type { Transaction } from '@atom/contracts';
import { describe, expect, it } from 'vitest';
import { recreateInput } from './remove-transaction';
import { newPart, remainingOf } from './SplitEditor';

const base: Transaction = {
  id: 't1',
  accountId: 'usd',
  date: '2026-11-24',
  payee: 'To savings',
  amount: -20000,
  currency: 'USD',
  categoryId: null,
  notes: 'rent buffer',
  cleared: 'cleared',
  pending: false,
  tags: ['move'],
  splits: [],
  transfer: { transactionId: 't2', accountId: 'eur', amount: 18450, currency: 'EUR' },
  importedId: null,
  importBatchId: null,
  createdAt: '2026-11-24T10:00:00Z',
  updatedAt: '2026-11-24T10:00:00Z',
};

describe('remainingOf', () => {
  it('is what the parts leave of the total, in minor units', () => {
    expect(remainingOf([newPart(null, '-80'), newPart(null, '-30')], -12000, 2)).toBe(-1000);
    expect(remainingOf([newPart(null, '-80'), newPart(null, '-40.00')], -12000, 2)).toBe(0);
    expect(remainingOf([newPart(null, '-80'), newPart(null, '')], -12000, 2)).toBe(-4000);
  });

  it('is unknown while a part or the total does not read', () => {
    expect(remainingOf([newPart(null, '-80'), newPart(null, '1,5')], -12000, 2)).toBeNull();
    expect(remainingOf([newPart(null, '-80')], null, 2)).toBeNull();
  });
});

describe('recreateInput (undo of a delete)', () => {
  it('brings a cross-currency transfer back with both amounts', () => {
    expect(recreateInput(base)).toEqual({
      accountId: 'usd',
      date: '2026-11-24',
      amount: -20000,
      payee: 'To savings',
      notes: 'rent buffer',
      cleared: 'cleared',
      pending: false,
      tags: ['move'],
      transferAccountId: 'eur',
      transferAmount: 18450,
    });
  });

  it('brings a split back with its parts and no category of its own', () => {
    const split: Transaction = {
      ...base,
      transfer: null,
      splits: [
        { id: 's1', categoryId: 'groceries', amount: -8000, notes: '' },
        { id: 's2', categoryId: null, amount: -12000, notes: 'misc' },
      ],
    };
    const input = recreateInput(split);
    expect(input.splits).toEqual([
      { categoryId: 'groceries', amount: -8000, notes: '' },
      { categoryId: null, amount: -12000, notes: 'misc' },
    ]);
    expect(input.categoryId).toBeUndefined();
    expect(input.transferAccountId).toBeUndefined();
  });
});
