import { LineChart } from '@mantine/charts';
import { Skeleton } from '@mantine/core';
import { formatMonthShort } from '../months';
import { ChartFrame } from './ChartFrame';
import { useChartMoney } from './chart-money';
import { ConversionsNote } from './Conversions';
import { useNetWorthReport, type Range } from './reports-api';

/** Everything owned minus everything owed, at each month end, in the base currency. */
export function NetWorthTab({ range }: { range: Range }) {
  const report = useNetWorthReport(range);
  const money = useChartMoney(report.data?.baseCurrency ?? 'USD');
  if (!report.data || !money.ready) return <Skeleton height={300} radius="lg" />;
  const points = report.data.points;
  const last = points.at(-1);
  const first = points[0];
  return (
    <ChartFrame
      id="networth"
      title="Net worth"
      summary={
        last && first
          ? `${money.formatMinor(last.total)} on ${last.date}, ${last.total >= first.total ? 'up' : 'down'} ${money.formatMinor(Math.abs(last.total - first.total))} since ${first.date}.`
          : 'No accounts in this period.'
      }
      chart={
        <LineChart
          h={300}
          data={points.map((p) => ({ month: formatMonthShort(p.date), 'Net worth': money.toMajor(p.total) }))}
          dataKey="month"
          series={[{ name: 'Net worth', color: 'indigo.6' }]}
          valueFormatter={money.format}
          curveType="monotone"
          tickLine="y"
          yAxisProps={{ width: 80 }}
        />
      }
    >
      <ConversionsNote report={report.data} always />
    </ChartFrame>
  );
}
