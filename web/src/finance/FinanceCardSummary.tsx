import { Text } from '@mantine/core';
import { totalsByCurrency } from './accounts';
import { useAccounts } from './finance-api';
import { useFormatMoney } from './Money';

/** One line for the Finance card on the home page: net worth in each currency and how many accounts. */
export function FinanceCardSummary() {
  const accounts = useAccounts();
  const format = useFormatMoney();
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
  return (
    <Text size="sm" fw={500} c="bright" mt={8} data-testid="finance-summary">
      Net worth {worth.join(' · ')} · {open.length === 1 ? '1 account' : `${open.length} accounts`}
    </Text>
  );
}
