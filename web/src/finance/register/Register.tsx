import type { Transaction } from '@atom/contracts';
import { Button, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useIntersection } from '@mantine/hooks';
import { IconCircleCheck, IconReceipt } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { categoriesById, categoryOptions } from '../category-options';
import { useAccounts, useCategoryTree, useTransactions, type TransactionFilters } from '../finance-api';
import { EmptyState } from '../FinanceHeader';
import { removeTransaction } from './remove-transaction';
import { TransactionDrawer } from './TransactionDrawer';
import { TransactionRow } from './TransactionRow';
import classes from '../finance.module.css';

interface Props {
  filters: TransactionFilters;
  filtered: boolean;
  showAccount?: boolean;
  /** What to do when there is nothing at all yet. */
  emptyHint?: string;
}

/**
 * The list of transactions, newest first. More pages load as the end of the table scrolls
 * into view (and by the button, for keyboards and screen readers).
 */
export function Register({ filters, filtered, showAccount = false, emptyHint = 'Add one above: date, payee, category and amount, then Enter.' }: Props) {
  const client = useQueryClient();
  const list = useTransactions(filters);
  const accounts = useAccounts();
  const tree = useCategoryTree();
  const [openId, setOpenId] = useState<string | null>(null);
  const accountMap = useMemo(() => new Map((accounts.data ?? []).map((a) => [a.id, a])), [accounts.data]);
  const categoryMap = useMemo(() => categoriesById(tree.data ?? []), [tree.data]);
  const categoryChoices = useMemo(() => categoryOptions(tree.data ?? []), [tree.data]);
  const { ref, entry } = useIntersection({ rootMargin: '400px' });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;

  useEffect(() => {
    if (entry?.isIntersecting && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [entry?.isIntersecting, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const open = list.transactions.find((t) => t.id === openId) ?? null;
  // The API gives a running balance when the list is one account's register; it takes the
  // notes column's place, and notes and tags move under the payee.
  const withBalance = !showAccount && list.transactions.some((t) => t.runningBalance !== undefined);
  const onDelete = (t: Transaction) => {
    if (openId === t.id) setOpenId(null);
    void removeTransaction(client, t);
  };

  if (list.isPending) {
    return (
      <Stack gap={6} aria-busy="true" aria-label="Loading transactions" role="status">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} height={36} radius="sm" />
        ))}
      </Stack>
    );
  }
  if (list.isError) {
    return (
      <Text c="red" size="sm" role="alert">
        Could not load transactions: {list.error.message}
      </Text>
    );
  }
  if (list.transactions.length === 0) {
    return (
      <EmptyState icon={IconReceipt} title={filtered ? 'Nothing matches these filters' : 'No transactions yet'}>
        {filtered ? 'Change or clear the filters to see more.' : emptyHint}
      </EmptyState>
    );
  }

  return (
    <>
      <div className={classes.register}>
        <Table className={classes.table} verticalSpacing={6} horizontalSpacing="sm" aria-label="Transactions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th className={`${classes.colDate} ${classes.hideNarrow}`}>Date</Table.Th>
              {showAccount && <Table.Th className={`${classes.colAccount} ${classes.hideNarrow}`}>Account</Table.Th>}
              <Table.Th>Payee</Table.Th>
              <Table.Th className={`${classes.colCategory} ${classes.hideNarrow}`}>Category</Table.Th>
              <Table.Th className={classes.colAmount}>Amount</Table.Th>
              {withBalance && <Table.Th className={`${classes.colAmount} ${classes.hideNarrow}`}>Balance</Table.Th>}
              <Table.Th className={classes.colCleared}>
                <IconCircleCheck size={15} aria-hidden />
                <VisuallyHidden>Cleared</VisuallyHidden>
              </Table.Th>
              {!showAccount && !withBalance && <Table.Th className={`${classes.colNotes} ${classes.hideMedium}`}>Notes &amp; tags</Table.Th>}
              <Table.Th className={classes.colActions}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.transactions.map((t) => (
              <TransactionRow
                key={t.id}
                transaction={t}
                accounts={accountMap}
                categories={categoryMap}
                categoryChoices={categoryChoices}
                showAccount={showAccount}
                {...(withBalance ? { balance: t.runningBalance ?? null } : {})}
                onOpen={(x) => setOpenId(x.id)}
                onDelete={onDelete}
              />
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <div ref={ref} className={classes.loadMore}>
        {hasNextPage && (
          <Button variant="subtle" size="xs" loading={isFetchingNextPage} onClick={() => void fetchNextPage()}>
            Load more
          </Button>
        )}
      </div>
      <TransactionDrawer transaction={open} onClose={() => setOpenId(null)} onDelete={onDelete} />
    </>
  );
}
