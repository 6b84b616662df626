import type { FinanceAccount } from '@atom/contracts';
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { isApiError } from '../app/api';
import { useUser } from '../app/auth';
import { notifyError, notifySuccess } from '../app/notify';
import { todayIn } from '../ui/zoned';
import { financeApi, refreshFinance, TRANSACTIONS_KEY, useExponents } from './finance-api';
import { Money } from './Money';
import { parseMoney } from './money';
import { MoneyInput } from './MoneyInput';
import { addDays } from './plain-date';
import classes from './finance.module.css';

/**
 * The cleared balance as it stood at the end of `date`: the account's cleared balance minus
 * cleared transactions dated later. Null while loading or when there are too many later ones to sum here.
 */
function useClearedBalanceOn(account: FinanceAccount, date: string): number | null {
  const later = useQuery({
    queryKey: [...TRANSACTIONS_KEY, 'cleared-after', account.id, date],
    queryFn: () => financeApi.listTransactions({ accountId: account.id, from: addDays(date, 1), limit: '1000' }),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(date),
  });
  if (!later.data || later.data.nextCursor !== null) return null;
  return later.data.items.filter((t) => t.cleared !== 'uncleared').reduce((sum, t) => sum - t.amount, account.clearedBalance);
}

function Form({ account, exponent, onClose }: { account: FinanceAccount; exponent: number; onClose: () => void }) {
  const { timeZone } = useUser();
  const client = useQueryClient();
  const [date, setDate] = useState(() => todayIn(timeZone));
  const [balance, setBalance] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const cleared = useClearedBalanceOn(account, date);
  const parsed = balance.trim() === '' ? null : parseMoney(balance, exponent);
  const difference = parsed?.ok && cleared !== null ? parsed.minor - cleared : null;

  const reconcile = useMutation({
    meta: { handlesErrors: true },
    mutationFn: (statementBalance: number) => financeApi.reconcile(account.id, { statementBalance, statementDate: date }),
    onSuccess: async (result) => {
      await refreshFinance(client);
      notifySuccess(
        result.reconciledCount === 1 ? '1 transaction is now reconciled.' : `${result.reconciledCount} transactions are now reconciled.`,
        `${account.name} reconciled`,
      );
      onClose();
    },
    onError: (e) => {
      if (isApiError(e, 'conflict')) setProblem(e.message);
      else notifyError(e, 'Could not reconcile');
    },
  });

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!parsed) {
      setProblem('Statement balance is required');
      return;
    }
    if (!parsed.ok) {
      setProblem(`Statement balance ${parsed.problem}`);
      return;
    }
    reconcile.mutate(parsed.minor);
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Reconcile">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Compare with your bank statement. When the cleared balance matches, every cleared transaction up to the statement date is locked as reconciled.
        </Text>
        <Group grow align="start" gap="sm">
          <TextInput label="Statement date" type="date" required value={date} onChange={(e) => setDate(e.currentTarget.value)} />
          <MoneyInput
            label="Statement balance"
            required
            data-autofocus
            currency={account.currency}
            exponent={exponent}
            value={balance}
            onChange={(v) => {
              setBalance(v);
              setProblem(null);
            }}
            error={parsed && !parsed.ok ? `Statement balance ${parsed.problem}` : undefined}
          />
        </Group>
        <div className={classes.balances}>
          <div>
            <span className={classes.balanceLabel}>Cleared balance on that date</span>
            {cleared === null ? <Text size="sm">…</Text> : <Money minor={cleared} currency={account.currency} fw={600} data-testid="reconcile-cleared" />}
          </div>
          <div>
            <span className={classes.balanceLabel}>Difference</span>
            {difference === null ? (
              <Text size="sm" c="dimmed">
                —
              </Text>
            ) : (
              <Text component="span" fw={600} c={difference === 0 ? 'teal' : 'var(--mantine-color-error)'} data-testid="reconcile-difference">
                <Money minor={difference} currency={account.currency} colored={false} inherit />
              </Text>
            )}
          </div>
        </div>
        {difference !== null && difference !== 0 && (
          <Text size="sm" c="dimmed">
            Clear the transactions the statement shows (or add the missing ones) until the difference is zero.
          </Text>
        )}
        {problem && (
          <Alert color="red" variant="light" p="xs" role="alert">
            <Text size="sm">{problem}</Text>
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={reconcile.isPending} disabled={difference !== null && difference !== 0}>
            Reconcile
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ReconcileDialog({ account, opened, onClose }: { account: FinanceAccount; opened: boolean; onClose: () => void }) {
  const exponents = useExponents();
  return (
    <Modal opened={opened} onClose={onClose} title={`Reconcile ${account.name}`} centered size="md" radius="lg">
      {opened && exponents && <Form account={account} exponent={exponents.get(account.currency) ?? 2} onClose={onClose} />}
    </Modal>
  );
}
