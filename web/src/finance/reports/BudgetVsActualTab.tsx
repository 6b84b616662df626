import { BarChart } from '@mantine/charts';
import { ActionIcon, Group, Skeleton, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { formatMonth, shiftMonth } from '../months';
import { ChartFrame } from './ChartFrame';
import { useChartMoney } from './chart-money';
import { ConversionsNote } from './Conversions';
import { useBudgetVsActual } from './reports-api';

/** Per category: what the month's budget assigned against what was spent. */
export function BudgetVsActualTab({ month, onMonth }: { month: string; onMonth: (month: string) => void }) {
  const report = useBudgetVsActual(month);
  const money = useChartMoney(report.data?.baseCurrency ?? 'USD');
  const switcher = (
    <Group gap={4} mb="sm">
      <ActionIcon variant="default" aria-label="Previous month" onClick={() => onMonth(shiftMonth(month, -1))}>
        <IconChevronLeft size={16} />
      </ActionIcon>
      <Text fw={600} miw={140} ta="center" size="sm">
        {formatMonth(month)}
      </Text>
      <ActionIcon variant="default" aria-label="Next month" onClick={() => onMonth(shiftMonth(month, 1))}>
        <IconChevronRight size={16} />
      </ActionIcon>
    </Group>
  );
  if (!report.data || !money.ready)
    return (
      <>
        {switcher}
        <Skeleton height={300} radius="lg" />
      </>
    );
  const items = report.data.items.filter((i) => i.assigned !== 0 || i.actual !== 0);
  const over = items.filter((i) => i.actual > i.assigned);
  return (
    <>
      {switcher}
      <ChartFrame
        id="budget-vs-actual"
        title="Budget vs actual"
        summary={`${money.formatMinor(report.data.assigned)} assigned, ${money.formatMinor(report.data.actual)} spent in ${formatMonth(month)}${
          over.length > 0 ? `; over budget in ${over.map((i) => i.name).join(', ')}` : ''
        }.`}
        chart={
          items.length === 0 ? (
            <Text c="dimmed" size="sm" py="xl" ta="center">
              Nothing assigned or spent this month.
            </Text>
          ) : (
            <BarChart
              h={Math.max(200, items.length * 48 + 60)}
              data={items.map((i) => ({ category: i.name, Assigned: money.toMajor(i.assigned), Spent: money.toMajor(i.actual) }))}
              dataKey="category"
              orientation="vertical"
              series={[
                { name: 'Assigned', color: 'blue.5' },
                { name: 'Spent', color: 'orange.6' },
              ]}
              valueFormatter={money.format}
              withLegend
              yAxisProps={{ width: 110 }}
              gridAxis="y"
            />
          )
        }
      >
        <ConversionsNote report={report.data} />
      </ChartFrame>
    </>
  );
}
