import { DonutChart } from '@mantine/charts';
import { SegmentedControl, Skeleton, Text } from '@mantine/core';
import { useState } from 'react';
import { ChartFrame } from './ChartFrame';
import { useChartMoney } from './chart-money';
import { ConversionsNote } from './Conversions';
import { useSpendingReport, type Range } from './reports-api';
import classes from './reports.module.css';

const COLORS = ['blue.6', 'teal.6', 'orange.6', 'grape.6', 'red.6', 'cyan.6', 'lime.7', 'pink.6', 'indigo.6', 'yellow.7', 'violet.6', 'green.7'];
const TOP = 11;

/** Where the money went: a donut of the biggest categories, the rest as "Other". */
export function SpendingTab({ range }: { range: Range }) {
  const [groupBy, setGroupBy] = useState<'category' | 'group'>('category');
  const report = useSpendingReport(range, groupBy);
  const money = useChartMoney(report.data?.baseCurrency ?? 'USD');
  if (!report.data || !money.ready) return <Skeleton height={300} radius="lg" />;
  const { items, total } = report.data;
  const sorted = items.filter((i) => i.spent > 0).sort((a, b) => b.spent - a.spent);
  const top = sorted.slice(0, TOP);
  const rest = sorted.slice(TOP).reduce((sum, i) => sum + i.spent, 0);
  const slices = [
    ...top.map((i, n) => ({ name: i.name, minor: i.spent, color: COLORS[n % COLORS.length]! })),
    ...(rest > 0 ? [{ name: 'Other', minor: rest, color: 'gray.5' }] : []),
  ];
  const biggest = slices[0];
  const summary =
    slices.length === 0
      ? 'No spending in this period.'
      : `${money.formatMinor(total)} spent in total; the most on ${biggest!.name} (${money.formatMinor(biggest!.minor)}).`;
  return (
    <ChartFrame
      id="spending"
      title={groupBy === 'category' ? 'Spending by category' : 'Spending by category group'}
      summary={summary}
      controls={
        <SegmentedControl
          size="xs"
          mb="md"
          style={{ alignSelf: 'flex-start' }}
          aria-label="Group spending by"
          value={groupBy}
          onChange={(v) => setGroupBy(v === 'group' ? 'group' : 'category')}
          data={[
            { value: 'category', label: 'Categories' },
            { value: 'group', label: 'Groups' },
          ]}
        />
      }
      chart={
        slices.length === 0 ? (
          <Text c="dimmed" size="sm" py="xl" ta="center">
            Nothing spent between these dates.
          </Text>
        ) : (
          <div className={classes.donutRow}>
            <DonutChart
              size={200}
              thickness={30}
              // Each slice is a role="img" path in recharts; its label is what a screen reader reads.
              data={slices.map((s) => ({ name: s.name, value: money.toMajor(s.minor), color: s.color, 'aria-label': `${s.name}: ${money.formatMinor(s.minor)}` }))}
              valueFormatter={money.format}
              chartLabel={money.formatMinor(total)}
              tooltipDataSource="segment"
              mx="auto"
            />
            <div className={classes.legend} aria-hidden>
              {slices.map((s) => (
                <div key={s.name} style={{ display: 'contents' }}>
                  <span className={classes.legendName}>
                    <span className={classes.swatch} style={{ background: `var(--mantine-color-${s.color.replace('.', '-')})` }} />
                    {s.name}
                  </span>
                  <span className={classes.num}>{money.formatMinor(s.minor)}</span>
                  <span className={classes.num} style={{ color: 'var(--mantine-color-dimmed)' }}>
                    {total > 0 ? `${Math.round((s.minor / total) * 100)}%` : ''}
                  </span>
                </div>
              ))}
            </div>
          </div>
        )
      }
    >
      <ConversionsNote report={report.data} />
    </ChartFrame>
  );
}
