import type { BudgetMonth } from '@atom/contracts';
import { ActionIcon, Alert, Anchor, Button, Group, Menu, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCalendarMonth, IconChevronLeft, IconChevronRight, IconCopy, IconDots, IconMathAvg, IconPigMoney } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useUser } from '../../app/auth';
import { notifyError, notifySuccess } from '../../app/notify';
import { useExponents } from '../finance-api';
import { EmptyState, FinanceHeader } from '../FinanceHeader';
import { Money } from '../Money';
import { formatMonth, isMonth, monthOf, shiftMonth, todayIn } from '../months';
import { financePaths } from '../paths';
import { WarningAlert } from '../WarningAlert';
import { acceptBudget, budgetApi, useBudgetMonth } from './budget-api';
import { BudgetGroupCard } from './BudgetGroupCard';
import classes from './budget.module.css';

function MonthSwitcher({ month, current }: { month: string; current: string }) {
  return (
    <div className={classes.switcher}>
      <Tooltip label="Previous month">
        <ActionIcon component={Link} to={financePaths.budgetMonth(shiftMonth(month, -1))} variant="default" size={36} aria-label="Previous month">
          <IconChevronLeft size={18} />
        </ActionIcon>
      </Tooltip>
      <Text className={classes.monthLabel} aria-live="polite" data-testid="budget-month">
        {formatMonth(month)}
      </Text>
      <Tooltip label="Next month">
        <ActionIcon component={Link} to={financePaths.budgetMonth(shiftMonth(month, 1))} variant="default" size={36} aria-label="Next month">
          <IconChevronRight size={18} />
        </ActionIcon>
      </Tooltip>
      {month !== current && (
        <Button component={Link} to={financePaths.budgetMonth(current)} variant="subtle" size="xs" leftSection={<IconCalendarMonth size={14} />}>
          This month
        </Button>
      )}
    </div>
  );
}

function Figure({ label, minor, currency, testId }: { label: string; minor: number; currency: string; testId: string }) {
  return (
    <div className={classes.figure}>
      <span className={classes.figureLabel}>{label}</span>
      <Money minor={minor} currency={currency} className={classes.figureValue} colored={false} data-testid={testId} />
    </div>
  );
}

function Summary({ budget }: { budget: BudgetMonth }) {
  const currency = budget.baseCurrency;
  return (
    <div className={classes.summary}>
      <div className={`${classes.figure} ${classes.toBudget}`} data-negative={budget.toBudget < 0 || undefined}>
        <span className={classes.figureLabel}>{budget.toBudget < 0 ? 'Assigned more than you have' : 'To budget'}</span>
        <Money minor={budget.toBudget} currency={currency} className={classes.bigValue} data-testid="to-budget" />
      </div>
      <Figure label="Income this month" minor={budget.income} currency={currency} testId="budget-income" />
      <Figure label="Assigned" minor={budget.assigned} currency={currency} testId="budget-assigned" />
      <Figure label="Spent" minor={budget.spent} currency={currency} testId="budget-spent" />
    </div>
  );
}

function Notices({ budget }: { budget: BudgetMonth }) {
  const currency = budget.baseCurrency;
  const overspent = budget.groups.flatMap((g) => (g.isIncome ? [] : g.categories)).filter((c) => c.available < 0);
  return (
    <>
      {overspent.length > 0 && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={`${overspent.length} overspent ${overspent.length === 1 ? 'category' : 'categories'}`}>
          {overspent.map((c) => c.name).join(', ')}. Assign more to {overspent.length === 1 ? 'it' : 'them'}, or the shortfall comes out of next month.
        </Alert>
      )}
      {budget.overspentLastMonth > 0 && (
        <WarningAlert title="Overspending from last month">
          <Money minor={budget.overspentLastMonth} currency={currency} colored={false} /> overspent last month was taken from this month’s To budget.
        </WarningAlert>
      )}
      {budget.uncategorised < 0 && (
        <WarningAlert title="Uncategorised spending">
          <Money minor={budget.uncategorised} currency={currency} /> spent this month has no category yet, so no envelope shows it.
        </WarningAlert>
      )}
      {budget.missingRates.length > 0 && (
        <WarningAlert title="Some amounts are left out" data-testid="missing-rates">
          No exchange rate between {currency} and {budget.missingRates.map((r) => `${r.base === currency ? r.quote : r.base} (from ${r.date})`).join(', ')}: those accounts are not counted.{' '}
          <Anchor component={Link} to={financePaths.currencies} size="sm" fw={600}>
            Add exchange rates
          </Anchor>{' '}
          to include them.
        </WarningAlert>
      )}
    </>
  );
}

/** `/finance/budget/:month?`: envelope budgeting of one month in the base currency. */
export function BudgetPage() {
  const params = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { timeZone } = useUser();
  const current = monthOf(todayIn(timeZone));
  const month = isMonth(params.month) ? params.month : current;
  const budget = useBudgetMonth(month);
  const exponents = useExponents();

  const onSaved = (saved: BudgetMonth) => acceptBudget(client, saved);
  const assign = useMutation({
    meta: { handlesErrors: true },
    mutationFn: ({ categoryId, minor }: { categoryId: string; minor: number }) => budgetApi.assign(month, categoryId, minor),
    onSuccess: onSaved,
    onError: (e) => notifyError(e, 'Could not assign'),
  });
  const copy = useMutation({
    meta: { handlesErrors: true },
    mutationFn: () => budgetApi.copyLastMonth(month),
    onSuccess: async (saved) => {
      await onSaved(saved);
      notifySuccess(`Last month’s amounts are assigned in ${formatMonth(month)}.`);
    },
    onError: (e) => notifyError(e, 'Could not copy last month'),
  });
  const average = useMutation({
    meta: { handlesErrors: true },
    mutationFn: () => budgetApi.average(month, 3),
    onSuccess: async (saved) => {
      await onSaved(saved);
      notifySuccess('Each category got its average spending of the last 3 months.');
    },
    onError: (e) => notifyError(e, 'Could not assign averages'),
  });

  const data = budget.data;
  const spendingGroups = data?.groups.filter((g) => !g.isIncome && (!g.hidden || g.assigned !== 0 || g.spent !== 0)) ?? [];
  const exponent = data ? exponents?.get(data.baseCurrency) : undefined;
  return (
    <>
      <FinanceHeader
        title="Budget"
        sub={<MonthSwitcher month={month} current={current} />}
        actions={
          <>
            <Button variant="default" leftSection={<IconCopy size={16} />} loading={copy.isPending} onClick={() => copy.mutate()} visibleFrom="sm">
              Copy last month
            </Button>
            <Button variant="default" leftSection={<IconMathAvg size={16} />} loading={average.isPending} onClick={() => average.mutate()} visibleFrom="sm">
              3-month average
            </Button>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="default" size={36} aria-label="Budget actions" hiddenFrom="sm">
                  <IconDots size={18} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconCopy size={15} />} onClick={() => copy.mutate()}>
                  Copy last month
                </Menu.Item>
                <Menu.Item leftSection={<IconMathAvg size={15} />} onClick={() => average.mutate()}>
                  3-month average
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </>
        }
      />
      {budget.isPending && <Skeleton height={240} radius="lg" />}
      {budget.isError && (
        <Alert color="red" title="The budget cannot be shown">
          {budget.error.message}
        </Alert>
      )}
      {data && exponent !== undefined && (
        <Stack gap="md">
          <Summary budget={data} />
          <Notices budget={data} />
          {spendingGroups.length === 0 ? (
            <EmptyState
              icon={IconPigMoney}
              title="No categories to budget"
              action={
                <Button variant="default" onClick={() => void navigate(financePaths.categories)}>
                  Set up categories
                </Button>
              }
            >
              Envelopes are your spending categories: give each a share of your income every month.
            </EmptyState>
          ) : (
            spendingGroups.map((g) => (
              <BudgetGroupCard
                key={g.id}
                group={g}
                currency={data.baseCurrency}
                exponent={exponent}
                onAssign={(c, minor) => assign.mutate({ categoryId: c.id, minor })}
              />
            ))
          )}
          <Group justify="flex-end">
            <Text size="xs" c="dimmed">
              Amounts in {data.baseCurrency}. Available = carried over + assigned + spent.
            </Text>
          </Group>
        </Stack>
      )}
    </>
  );
}
