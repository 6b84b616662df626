import { Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPlus, IconWallet } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { accountTypeInfo } from './account-types';
import { AccountDialog } from './AccountDialog';
import { groupByType, totalsByCurrency } from './accounts';
import { useAccounts } from './finance-api';
import { EmptyState, FinanceHeader } from './FinanceHeader';
import { Money } from './Money';
import { financePaths } from './paths';
import { DueSoon } from './scheduled/DueSoon';
import classes from './finance.module.css';

/** Finance at a glance: net worth per currency, bills due this week, and every open account with its balance. */
export function OverviewPage() {
  const accounts = useAccounts();
  const [creating, setCreating] = useState(false);
  const open = (accounts.data ?? []).filter((a) => !a.closed);
  const newAccount = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
      New account
    </Button>
  );

  return (
    <>
      <FinanceHeader title="Finance" actions={open.length > 0 ? newAccount : undefined} />
      {accounts.isPending && <Skeleton height={160} radius="lg" />}
      {accounts.isSuccess && open.length === 0 && (
        <EmptyState icon={IconWallet} title="Add your first account" action={newAccount}>
          A checking account, a savings account, a credit card or cash: each in its own currency, with the balance it starts from.
        </EmptyState>
      )}
      {open.length > 0 && (
        <Stack gap="lg">
          <section aria-labelledby="net-worth-heading">
            <Title order={2} size="h5" id="net-worth-heading" mb={6} c="dimmed">
              Net worth
            </Title>
            <Group gap="xl" data-testid="net-worth">
              {totalsByCurrency(open).map((t) => (
                <Money key={t.currency} minor={t.minor} currency={t.currency} fw={650} size="xl" />
              ))}
            </Group>
          </section>
          <DueSoon />
          {groupByType(open).map((g) => (
            <section key={g.type} aria-labelledby={`group-${g.type}`}>
              <Title order={2} size="h5" id={`group-${g.type}`} mb={6}>
                {g.group}
              </Title>
              <Card withBorder padding={0} radius="lg">
                {g.accounts.map((a) => {
                  const TypeIcon = accountTypeInfo(a.type).icon;
                  return (
                    <Link key={a.id} to={financePaths.account(a.id)} className={classes.accountCard}>
                      <TypeIcon size={18} stroke={1.75} aria-hidden />
                      <div className={classes.grow}>
                        <Text size="sm" fw={600} c="bright" truncate>
                          {a.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {a.currency}
                          {a.onBudget ? '' : ' · off budget'}
                        </Text>
                      </div>
                      <Money minor={a.balance} currency={a.currency} fw={600} size="sm" />
                    </Link>
                  );
                })}
              </Card>
            </section>
          ))}
        </Stack>
      )}
      <AccountDialog opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
