import type { Transaction } from '@atom/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { notifyError } from '../../app/notify';
import { offerUndo } from '../../ui/undo';
import { financeApi, refreshFinance } from '../finance-api';

/**
 * Deletes at once and offers Undo instead of asking first. Undo restores the same
 * transaction (its id, splits, tags and transfer pair), so links to it keep working.
 */
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
      await financeApi.restoreTransaction(t.id);
      await refreshFinance(client);
    },
  });
  return true;
}
