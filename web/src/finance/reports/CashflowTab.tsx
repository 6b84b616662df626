import { BarChart } from '@mantine/charts';
import { Skeleton } from '@mantine/core';
import { formatMonthShort } from '../months';
import { ChartFrame } from './ChartFrame';
import { useChartMoney } from './chart-money';
import { ConversionsNote } from './Conversions';
import { useCashflowReport, type Range } from './reports-api';

/** Income against spending, month by month. */
export function CashflowTab({ range }: { range: Range }) {
  const report = useCashflowReport(range);
  const money = useChartMoney(report.data?.baseCurrency ?? 'USD');
  if (!report.data || !money.ready) return <Skeleton height={300} radius="lg" />;
  const months = report.data.months;
  const income = months.reduce((s, m) => s + m.income, 0);
  const expense = months.reduce((s, m) => s + m.expense, 0);
  return (
    <ChartFrame
      id="cashflow"
      title="Cash flow"
      summary={`Over ${months.length} month${months.length === 1 ? '' : 's'}: ${money.formatMinor(income)} in, ${money.formatMinor(expense)} out, net ${money.formatMinor(income - expense)}.`}
      chart={
        <BarChart
          h={300}
          data={months.map((m) => ({ month: formatMonthShort(m.month), Income: money.toMajor(m.income), Spending: money.toMajor(m.expense) }))}
          dataKey="month"
          series={[
            { name: 'Income', color: 'teal.6' },
            { name: 'Spending', color: 'red.5' },
          ]}
          valueFormatter={money.format}
          withLegend
          tickLine="y"
          yAxisProps={{ width: 80 }}
        />
      }
    >
      <ConversionsNote report={report.data} />
    </ChartFrame>
  );
}
