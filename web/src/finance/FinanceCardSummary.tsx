import { Text } from '@mantine/core';
import { totalsByCurrency } from './accounts';
import { useAccounts } from './finance-api';
import { useFormatMoney } from './Money';
import { useUpcoming } from './scheduled/scheduled-api';

/** One line for the Finance card on the home page: net worth in each currency, how many accounts, and bills due this week. */
export function FinanceCardSummary() {
  const accounts = useAccounts();
  const format = useFormatMoney();
  const bills = useUpcoming(7);
  if (!accounts.isSuccess || !format) return null;
  const open = accounts.data.filter((a) => !a.closed);
  if (open.length === 0) {
    return (
      <Text size="sm" fw={500} c="bright" mt={8} data-testid="finance-summary">
        No accounts yet
      </Text>
    );
  }
  const worth = totalsByCurrency(open).map((t) => format(t.minor, t.currency));
  const due = bills.data?.length ?? 0;
  return (
    <Text size="sm" fw={500} c="bright" mt={8} data-testid="finance-summary">
      Net worth {worth.join(' · ')} · {open.length === 1 ? '1 account' : `${open.length} accounts`}
      {due > 0 ? ` · ${due === 1 ? '1 bill' : `${due} bills`} due this week` : ''}
    </Text>
  );
}
