import { Anchor, Card, Group, Text, Title } from '@mantine/core';
import { IconCalendarDue } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useAccounts } from '../finance-api';
import { Money } from '../Money';
import { financePaths } from '../paths';
import { useUser } from '../../app/auth';
import { todayIn } from '../../ui/zoned';
import { friendlyDate } from './repeat';
import { useUpcoming } from './scheduled-api';
import classes from '../finance.module.css';

const DAYS = 7;
const SHOWN = 5;

/** Overdue bills and those due within a week, on the overview; the Bills page confirms them. */
export function DueSoon() {
  const { timeZone } = useUser();
  const upcoming = useUpcoming(DAYS);
  const accounts = useAccounts();
  const items = upcoming.data ?? [];
  if (items.length === 0) return null;
  const names = new Map((accounts.data ?? []).map((a) => [a.id, a.name]));
  const today = todayIn(timeZone);
  return (
    <section aria-labelledby="due-soon-heading" data-testid="due-soon">
      <Group justify="space-between" mb={6}>
        <Title order={2} size="h5" id="due-soon-heading">
          Bills due this week
        </Title>
        <Anchor component={Link} to={financePaths.bills} size="sm">
          {items.length > SHOWN ? `All ${items.length} bills` : 'Open Bills'}
        </Anchor>
      </Group>
      <Card withBorder padding={0} radius="lg">
        {items.slice(0, SHOWN).map((bill) => (
          <Link key={`${bill.scheduledId}:${bill.date}`} to={financePaths.bills} className={classes.accountCard}>
            <IconCalendarDue size={18} stroke={1.75} aria-hidden />
            <div className={classes.grow}>
              <Text size="sm" fw={600} c="bright" truncate>
                {bill.payee || 'No payee'}
              </Text>
              <Text size="xs" c={bill.overdue ? 'var(--mantine-color-error)' : 'dimmed'}>
                {friendlyDate(bill.date, today)} · {names.get(bill.accountId) ?? ''}
                {bill.autoPost ? ' · posts automatically' : ''}
              </Text>
            </div>
            <Money minor={bill.amount} currency={bill.currency} fw={600} size="sm" />
          </Link>
        ))}
      </Card>
    </section>
  );
}
