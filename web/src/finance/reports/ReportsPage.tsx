import '@mantine/charts/styles.css';
import { Button, Tabs, TextInput } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useUser } from '../../app/auth';
import { FinanceHeader } from '../FinanceHeader';
import { firstDay, isMonth, monthOf, shiftMonth, todayIn } from '../months';
import { BudgetVsActualTab } from './BudgetVsActualTab';
import { CashflowTab } from './CashflowTab';
import { NetWorthTab } from './NetWorthTab';
import { SpendingTab } from './SpendingTab';
import classes from './reports.module.css';

const TABS = ['spending', 'cashflow', 'networth', 'budget'] as const;
type Tab = (typeof TABS)[number];
const isDate = (s: string | null): s is string => s !== null && /^\d{4}-\d{2}-\d{2}$/.test(s);

/** `/finance/reports`: the tab, range and month live in the address, so a report can be bookmarked. */
export function ReportsPage() {
  const { timeZone } = useUser();
  const today = todayIn(timeZone);
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((t) => t === params.get('tab')) ?? 'spending';
  const defaultFrom = firstDay(shiftMonth(monthOf(today), -5));
  const from = isDate(params.get('from')) ? params.get('from')! : defaultFrom;
  const to = isDate(params.get('to')) ? params.get('to')! : today;
  const monthParam = params.get('month') ?? undefined;
  const month = isMonth(monthParam) ? monthParam : monthOf(today);
  const range = from <= to ? { from, to } : { from: to, to: from };

  const set = (patch: Record<string, string>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [k, v] of Object.entries(patch)) next.set(k, v);
        return next;
      },
      { replace: true },
    );
  const preset = (months: number) => set({ from: firstDay(shiftMonth(monthOf(today), -(months - 1))), to: today });

  return (
    <>
      <FinanceHeader title="Reports" />
      <Tabs value={tab} onChange={(v) => v && set({ tab: v })} keepMounted={false}>
        <Tabs.List mb="md" className={classes.tabs}>
          <Tabs.Tab value="spending">Spending</Tabs.Tab>
          <Tabs.Tab value="cashflow">Cash flow</Tabs.Tab>
          <Tabs.Tab value="networth">Net worth</Tabs.Tab>
          <Tabs.Tab value="budget">Budget vs actual</Tabs.Tab>
        </Tabs.List>
        {tab !== 'budget' && (
          <div className={classes.range}>
            <TextInput type="date" label="From" value={from} max={to} onChange={(e) => isDate(e.currentTarget.value) && set({ from: e.currentTarget.value })} className={classes.dateInput} />
            <TextInput type="date" label="To" value={to} min={from} onChange={(e) => isDate(e.currentTarget.value) && set({ to: e.currentTarget.value })} className={classes.dateInput} />
            <Button.Group>
              <Button variant="default" size="sm" onClick={() => preset(1)}>
                This month
              </Button>
              <Button variant="default" size="sm" onClick={() => preset(6)}>
                6 months
              </Button>
              <Button variant="default" size="sm" onClick={() => preset(12)}>
                12 months
              </Button>
            </Button.Group>
          </div>
        )}
        <Tabs.Panel value="spending">
          <SpendingTab range={range} />
        </Tabs.Panel>
        <Tabs.Panel value="cashflow">
          <CashflowTab range={range} />
        </Tabs.Panel>
        <Tabs.Panel value="networth">
          <NetWorthTab range={range} />
        </Tabs.Panel>
        <Tabs.Panel value="budget">
          <BudgetVsActualTab month={month} onMonth={(m) => set({ month: m })} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
