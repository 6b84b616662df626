import type { CreateTransactionInput, Transaction } from '@atom/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { notifyError } from '../../app/notify';
import { offerUndo } from '../../ui/undo';
import { financeApi, refreshFinance } from '../finance-api';

/** The create request that brings a deleted transaction back (a transfer with both sides, a split with its parts). */
export function recreateInput(t: Transaction): CreateTransactionInput {
  return {
    accountId: t.accountId,
    date: t.date,
    amount: t.amount,
    payee: t.payee,
    notes: t.notes,
    cleared: t.cleared,
    pending: t.pending,
    tags: t.tags,
    ...(t.categoryId ? { categoryId: t.categoryId } : {}),
    ...(t.splits.length > 0 ? { splits: t.splits.map((s) => ({ categoryId: s.categoryId, amount: s.amount, notes: s.notes })) } : {}),
    ...(t.transfer ? { transferAccountId: t.transfer.accountId, transferAmount: t.transfer.amount } : {}),
    ...(t.importedId ? { importedId: t.importedId } : {}),
  };
}

/** Deletes at once and offers Undo (which records the transaction again) instead of asking first. */
export async function removeTransaction(client: QueryClient, t: Transaction): Promise<boolean> {
  try {
    await financeApi.deleteTransaction(t.id);
  } catch (error) {
    notifyError(error, 'Could not delete the transaction');
    return false;
  }
  await refreshFinance(client);
  offerUndo({
    title: t.payee ? `Deleted “${t.payee}”` : 'Transaction deleted',
    undo: async () => {
      await financeApi.createTransaction(recreateInput(t));
      await refreshFinance(client);
    },
  });
  return true;
}
