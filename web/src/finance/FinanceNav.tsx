import type { FinanceAccount } from '@atom/contracts';
import { ActionIcon, Collapse, NavLink, Text, Tooltip, UnstyledButton, type ComboboxItemGroup } from '@mantine/core';
import { IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { accountTypeInfo } from './account-types';
import { AccountDialog } from './AccountDialog';
import { groupByType } from './accounts';
import { useAccounts } from './finance-api';
import { Money } from './Money';
import { financePaths } from './paths';
import { financeSections } from './sections';
import classes from './finance.module.css';
import { AreaPicker } from '../ui/AreaPicker';
import shell from '../ui/area-shell.module.css';

function Item({ to, label, icon, right, active }: { to: string; label: string; icon: ReactNode; right?: ReactNode; active: boolean }) {
  return (
    <NavLink
      component={Link}
      to={to}
      label={label}
      leftSection={icon}
      rightSection={right}
      active={active}
      aria-current={active ? 'page' : undefined}
      className={shell.navItem}
      classNames={{ label: shell.navLabel }}
    />
  );
}

function AccountItem({ account, active }: { account: FinanceAccount; active: boolean }) {
  const TypeIcon = accountTypeInfo(account.type).icon;
  return (
    <Item
      to={financePaths.account(account.id)}
      label={account.name}
      icon={<TypeIcon size={17} stroke={1.75} className={shell.navIcon} />}
      right={<Money minor={account.balance} currency={account.currency} size="xs" className={classes.navBalance} />}
      active={active}
    />
  );
}

/** The secondary navigation of Finance: its views, then accounts by type with balances; closed ones folded away. */
export function FinanceNav() {
  const { pathname } = useLocation();
  const accounts = useAccounts();
  const [creating, setCreating] = useState(false);
  const [showClosed, setShowClosed] = useState(false);
  const open = (accounts.data ?? []).filter((a) => !a.closed);
  const closed = (accounts.data ?? []).filter((a) => a.closed);

  return (
    <nav aria-label="Finance" className={shell.nav}>
      {financeSections.map((s) => (
        <Item key={s.path} to={s.path} label={s.label} icon={<s.icon size={17} stroke={1.75} className={shell.navIcon} />} active={pathname === s.path || (s.path !== financePaths.root && pathname.startsWith(`${s.path}/`))} />
      ))}

      <div className={shell.navHeading}>
        <Text size="xs" fw={600} c="dimmed" tt="uppercase" id="accounts-heading">
          Accounts
        </Text>
        <Tooltip label="New account">
          <ActionIcon variant="subtle" color="gray" size="sm" onClick={() => setCreating(true)} aria-label="New account">
            <IconPlus size={15} />
          </ActionIcon>
        </Tooltip>
      </div>
      <div role="group" aria-labelledby="accounts-heading">
        {groupByType(open).map((g) => (
          <div key={g.type} role="group" aria-label={g.group}>
            <Text size="xs" c="dimmed" className={classes.navSubheading} aria-hidden>
              {g.group}
            </Text>
            {g.accounts.map((a) => (
              <AccountItem key={a.id} account={a} active={pathname === financePaths.account(a.id)} />
            ))}
          </div>
        ))}
        {accounts.isSuccess && open.length === 0 && (
          <Text size="xs" c="dimmed" px={10} py={4}>
            No accounts yet.
          </Text>
        )}
      </div>

      {closed.length > 0 && (
        <>
          <UnstyledButton className={classes.closedToggle} onClick={() => setShowClosed((v) => !v)} aria-expanded={showClosed}>
            <IconChevronRight size={14} className={classes.chevron} data-open={showClosed || undefined} aria-hidden />
            <Text size="xs" fw={600} c="dimmed" tt="uppercase">
              Closed ({closed.length})
            </Text>
          </UnstyledButton>
          <Collapse in={showClosed}>
            {closed.map((a) => (
              <AccountItem key={a.id} account={a} active={pathname === financePaths.account(a.id)} />
            ))}
          </Collapse>
        </>
      )}
      <AccountDialog opened={creating} onClose={() => setCreating(false)} />
    </nav>
  );
}

/** On a phone the same places as one select above the page. */
export function FinancePicker() {
  const { pathname } = useLocation();
  const accounts = useAccounts();
  const data: ComboboxItemGroup[] = [
    { group: 'Finance', items: financeSections.map((s) => ({ value: s.path, label: s.label })) },
    ...groupByType((accounts.data ?? []).filter((a) => !a.closed)).map((g) => ({
      group: g.group,
      items: g.accounts.map((a) => ({ value: financePaths.account(a.id), label: a.name })),
    })),
    {
      group: 'Closed accounts',
      items: (accounts.data ?? []).filter((a) => a.closed).map((a) => ({ value: financePaths.account(a.id), label: a.name })),
    },
  ].filter((g) => g.items.length > 0);
  const all = data.flatMap((g) => g.items.map((i) => (typeof i === 'string' ? i : i.value)));

  return (
    <AreaPicker
      label="Finance view or account"
      data={data}
      // Deeper pages (a budget month, an account's import) keep their place selected.
      value={all.find((v) => v === pathname) ?? all.find((v) => v !== financePaths.root && pathname.startsWith(`${v}/`)) ?? null}
      newLabel="New account"
      dialog={(opened, onClose) => <AccountDialog opened={opened} onClose={onClose} />}
    />
  );
}
