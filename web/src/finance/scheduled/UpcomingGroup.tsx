import type { UpcomingBills } from '@atom/contracts';
import { Button, Card, Group, Text } from '@mantine/core';
import { IconCheck, IconPlayerSkipForward } from '@tabler/icons-react';
import { useUser } from '../../app/auth';
import { todayIn } from '../../ui/zoned';
import { Money } from '../Money';
import { formatPlainDate } from '../plain-date';
import { relativeDay } from './repeat';
import classes from './scheduled.module.css';

export type Occurrence = UpcomingBills['items'][number];

/** Names of the accounts and categories a bill points at. */
export interface Names {
  account: (id: string) => string;
  category: (id: string | null) => string | null;
}

function OccurrenceRow({ item, first, names, busy, onConfirm, onSkip }: { item: Occurrence; first: boolean; names: Names; busy: boolean; onConfirm: () => void; onSkip: () => void }) {
  const { timeZone } = useUser();
  const payee = item.payee || 'Unnamed';
  const category = names.category(item.categoryId);
  return (
    <div className={classes.row} data-testid="upcoming-bill" data-overdue={item.overdue || undefined} data-date={item.date}>
      <div className={classes.when}>
        <Text size="sm" fw={600} c={item.overdue ? 'var(--mantine-color-error)' : 'bright'} className={classes.whenText}>
          {relativeDay(item.date, todayIn(timeZone)) ?? formatPlainDate(item.date)}
        </Text>
        {relativeDay(item.date, todayIn(timeZone)) && (
          <Text size="xs" c="dimmed">
            {formatPlainDate(item.date)}
          </Text>
        )}
      </div>
      <div className={classes.what}>
        <Text size="sm" fw={600} c="bright" truncate>
          {payee}
        </Text>
        <Text size="xs" c="dimmed">
          {names.account(item.accountId)}
          {category ? ` · ${category}` : ''}
          {item.autoPost ? ' · posts automatically' : ''}
        </Text>
      </div>
      <Money minor={item.amount} currency={item.currency} size="sm" fw={600} className={classes.amount} />
      <Group gap={6} wrap="nowrap" className={classes.actions}>
        {first ? (
          <>
            <Button size="xs" variant="light" leftSection={<IconCheck size={14} />} onClick={onConfirm} loading={busy} aria-label={`Confirm ${payee} on ${formatPlainDate(item.date)}`}>
              Confirm
            </Button>
            <Button size="xs" variant="subtle" color="gray" leftSection={<IconPlayerSkipForward size={14} />} onClick={onSkip} disabled={busy} aria-label={`Skip ${payee} on ${formatPlainDate(item.date)}`}>
              Skip
            </Button>
          </>
        ) : (
          <Text size="xs" c="dimmed">
            After the earlier one
          </Text>
        )}
      </Group>
    </div>
  );
}

/** One heading (Overdue, Due today, Next 30 days) and its bills; only the first of a schedule can be confirmed or skipped. */
export function UpcomingGroup({ title, items, firstOf, names, busyKey, onConfirm, onSkip }: {
  title: string;
  items: Occurrence[];
  firstOf: Map<string, string>;
  names: Names;
  busyKey: string | null;
  onConfirm: (item: Occurrence) => void;
  onSkip: (item: Occurrence) => void;
}) {
  if (items.length === 0) return null;
  const id = `upcoming-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={id}>
      <Text id={id} size="xs" fw={700} tt="uppercase" c="dimmed" className={classes.groupTitle}>
        {title} ({items.length})
      </Text>
      <Card withBorder radius="lg" padding={0}>
        {items.map((item) => (
          <OccurrenceRow
            key={`${item.scheduledId}-${item.date}`}
            item={item}
            first={firstOf.get(item.scheduledId) === item.date}
            names={names}
            busy={busyKey === `${item.scheduledId}-${item.date}`}
            onConfirm={() => onConfirm(item)}
            onSkip={() => onSkip(item)}
          />
        ))}
      </Card>
    </section>
  );
}
