import type { FinanceAccount } from '@atom/contracts';
import { ActionIcon, Badge, Button, Menu, Skeleton, Text } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconDots, IconFileImport, IconPencil, IconScale, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { notifyError, notifySuccess } from '../app/notify';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { NotFoundPage } from '../ui/NotFoundPage';
import { accountTypeInfo } from './account-types';
import { AccountDialog } from './AccountDialog';
import { ExportButton } from './ExportButton';
import { financeApi, refreshFinance, useAccounts, useExponents } from './finance-api';
import { FinanceHeader } from './FinanceHeader';
import { Money } from './Money';
import { financePaths } from './paths';
import { ReconcileDialog } from './ReconcileDialog';
import { AddTransactionForm } from './register/AddTransactionForm';
import { Register } from './register/Register';
import { RegisterFilters } from './register/RegisterFilters';
import { useRegisterFilters } from './register/use-register-filters';
import classes from './finance.module.css';

function Balances({ account }: { account: FinanceAccount }) {
  return (
    <div className={classes.balances}>
      <div>
        <span className={classes.balanceLabel}>Balance</span>
        <Money minor={account.balance} currency={account.currency} className={classes.balanceValue} data-testid="account-balance" />
      </div>
      <div>
        <span className={classes.balanceLabel}>Cleared</span>
        <Money minor={account.clearedBalance} currency={account.currency} className={classes.balanceValue} data-testid="account-cleared-balance" />
      </div>
    </div>
  );
}

function AccountView({ account }: { account: FinanceAccount }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const exponents = useExponents();
  const filters = useRegisterFilters(exponents?.get(account.currency));
  const [editing, setEditing] = useState(false);
  const [reconciling, setReconciling] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const accountFilters = { ...filters.api, accountId: account.id };

  const setClosed = useMutation({
    meta: { handlesErrors: true },
    mutationFn: (closed: boolean) => financeApi.updateAccount(account.id, { closed }),
    onSuccess: (saved) => {
      notifySuccess(saved.closed ? `${saved.name} is closed.` : `${saved.name} is open again.`);
      return refreshFinance(client);
    },
    onError: (e) => notifyError(e, 'Could not change the account'),
  });
  const remove = useMutation({
    meta: { handlesErrors: true },
    mutationFn: () => financeApi.deleteAccount(account.id),
    onSuccess: async () => {
      setDeleting(false);
      notifySuccess(`${account.name} and its transactions are deleted.`);
      void navigate(financePaths.root, { replace: true });
      await refreshFinance(client);
    },
    onError: (e) => notifyError(e, 'Could not delete the account'),
  });

  const type = accountTypeInfo(account.type);
  return (
    <>
      <FinanceHeader
        title={account.name}
        sub={
          <>
            <Text component="div" size="sm" c="dimmed" mt={2}>
              {type.label} · {account.currency}
              {account.onBudget ? '' : ' · off budget'}
              {account.closed && (
                <Badge ml={8} size="sm" variant="light" color="gray">
                  Closed
                </Badge>
              )}
            </Text>
            <Balances account={account} />
          </>
        }
        actions={
          <>
            <Button variant="default" leftSection={<IconFileImport size={16} />} component={Link} to={financePaths.accountImport(account.id)}>
              Import
            </Button>
            <Button variant="default" leftSection={<IconScale size={16} />} onClick={() => setReconciling(true)}>
              Reconcile
            </Button>
            <ExportButton filters={accountFilters} />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="default" size={36} aria-label="Account actions">
                  <IconDots size={18} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconPencil size={15} />} onClick={() => setEditing(true)}>
                  Edit account
                </Menu.Item>
                <Menu.Item
                  leftSection={account.closed ? <IconArchiveOff size={15} /> : <IconArchive size={15} />}
                  onClick={() => setClosed.mutate(!account.closed)}
                >
                  {account.closed ? 'Reopen account' : 'Close account'}
                </Menu.Item>
                <Menu.Divider />
                <Menu.Item leftSection={<IconTrash size={15} />} color="red" onClick={() => setDeleting(true)}>
                  Delete account
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </>
        }
      />
      {!account.closed && <AddTransactionForm account={account} />}
      <RegisterFilters filters={filters} currency={account.currency} />
      <Register filters={accountFilters} filtered={filters.active} />
      <AccountDialog opened={editing} onClose={() => setEditing(false)} account={account} />
      <ReconcileDialog account={account} opened={reconciling} onClose={() => setReconciling(false)} />
      <ConfirmDialog
        opened={deleting}
        title={`Delete ${account.name}?`}
        message="Its transactions are deleted with it; transfers keep their other side as plain transactions. This cannot be undone — closing the account keeps its history instead."
        confirmLabel="Delete account"
        loading={remove.isPending}
        onConfirm={() => remove.mutate()}
        onCancel={() => setDeleting(false)}
      />
    </>
  );
}

/** One account: balances, actions, the inline add row and its register. */
export function AccountPage() {
  const { accountId } = useParams();
  const accounts = useAccounts();
  const account = accounts.data?.find((a) => a.id === accountId);
  if (accounts.isPending) return <Skeleton height={120} radius="lg" />;
  if (!account) return <NotFoundPage />;
  // Keyed by id: moving to another account starts from its own filters and dialogs.
  return <AccountView key={account.id} account={account} />;
}
