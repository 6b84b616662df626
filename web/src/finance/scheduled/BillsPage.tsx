import type { ScheduledTransaction } from '@atom/contracts';
import { Anchor, Button, Card, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCalendarRepeat, IconPlus } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useUser } from '../../app/auth';
import { notifyError, notifySuccess } from '../../app/notify';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { todayIn } from '../../ui/zoned';
import { refreshFinance, useAccounts, useCategoryTree } from '../finance-api';
import { EmptyState, FinanceHeader } from '../FinanceHeader';
import { useFormatMoney } from '../Money';
import { financePaths } from '../paths';
import { formatPlainDate } from '../plain-date';
import { ScheduleDialog } from './ScheduleDialog';
import { ScheduleRow } from './ScheduleRow';
import { scheduledApi, useScheduled, useUpcoming } from './scheduled-api';
import { UpcomingGroup, type Names, type Occurrence } from './UpcomingGroup';

const DAYS_AHEAD = 30;

/** `/finance/bills`: what falls due (confirm or skip each), and every schedule behind it. */
export function BillsPage() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const { timeZone } = useUser();
  const today = todayIn(timeZone);
  const schedules = useScheduled();
  const upcoming = useUpcoming(DAYS_AHEAD);
  const accounts = useAccounts();
  const tree = useCategoryTree();
  const format = useFormatMoney();
  const [editing, setEditing] = useState<ScheduledTransaction | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ScheduledTransaction | null>(null);
  const [busyKey, setBusyKey] = useState<string | null>(null);

  const accountName = new Map((accounts.data ?? []).map((a) => [a.id, a.name] as const));
  const categoryName = new Map((tree.data ?? []).flatMap((g) => g.categories.map((c) => [c.id, c.name] as const)));
  const names: Names = {
    account: (id) => accountName.get(id) ?? 'an account',
    category: (id) => (id ? (categoryName.get(id) ?? null) : null),
  };

  const confirm = useMutation({
    meta: { handlesErrors: true },
    mutationFn: (item: Occurrence) => scheduledApi.post(item.scheduledId, item.date),
    onMutate: (item) => setBusyKey(`${item.scheduledId}-${item.date}`),
    onSuccess: async (result) => {
      const t = result.transaction;
      notifications.show({
        color: 'teal',
        autoClose: 6000,
        title: result.created ? 'Posted' : 'Already posted',
        message: (
          <span data-testid="posted-toast">
            {t.payee || 'The transaction'} {format ? format(t.amount, t.currency) : ''} on {formatPlainDate(t.date)} is in{' '}
            {/* Toasts live outside the router: the link navigates through the page's own navigate. */}
            <Anchor
              href={financePaths.account(t.accountId)}
              size="sm"
              onClick={(e) => {
                e.preventDefault();
                void navigate(financePaths.account(t.accountId));
              }}
            >
              {names.account(t.accountId)}
            </Anchor>
            .{result.scheduled.nextDate ? ` Next: ${formatPlainDate(result.scheduled.nextDate)}.` : ''}
          </span>
        ),
      });
      await refreshFinance(client);
    },
    onError: (e) => notifyError(e, 'Could not post the transaction'),
    onSettled: () => setBusyKey(null),
  });
  const skip = useMutation({
    meta: { handlesErrors: true },
    mutationFn: (item: Occurrence) => scheduledApi.skip(item.scheduledId, item.date),
    onMutate: (item) => setBusyKey(`${item.scheduledId}-${item.date}`),
    onSuccess: async (result, item) => {
      const next = result.scheduled.nextDate;
      notifySuccess(`${item.payee || 'The bill'} of ${formatPlainDate(item.date)} is skipped.${next ? ` Next: ${formatPlainDate(next)}.` : ' The schedule has ended.'}`, 'Skipped');
      await refreshFinance(client);
    },
    onError: (e) => notifyError(e, 'Could not skip it'),
    onSettled: () => setBusyKey(null),
  });
  const remove = useMutation({
    meta: { handlesErrors: true },
    mutationFn: (s: ScheduledTransaction) => scheduledApi.remove(s.id),
    onSuccess: async (_, s) => {
      setDeleting(null);
      notifySuccess(`The schedule for ${s.payee || 'this transaction'} is deleted. Transactions it posted stay.`);
      await refreshFinance(client);
    },
    onError: (e) => notifyError(e, 'Could not delete the schedule'),
  });

  const items = upcoming.data ?? [];
  // Only the next occurrence of a schedule can be confirmed or skipped: earlier bills never get passed over.
  const firstOf = new Map<string, string>();
  for (const item of items) if (!firstOf.has(item.scheduledId)) firstOf.set(item.scheduledId, item.date);
  const groups = {
    overdue: items.filter((i) => i.date < today),
    today: items.filter((i) => i.date === today),
    soon: items.filter((i) => i.date > today),
  };
  const groupProps = { firstOf, names, busyKey, onConfirm: (i: Occurrence) => confirm.mutate(i), onSkip: (i: Occurrence) => skip.mutate(i) };
  const hasAccounts = (accounts.data?.length ?? 0) > 0;
  const newSchedule = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} disabled={!hasAccounts}>
      New schedule
    </Button>
  );
  const hasSchedules = (schedules.data?.length ?? 0) > 0;

  return (
    <>
      <FinanceHeader
        title="Bills"
        sub={
          <Text size="sm" c="dimmed">
            Scheduled payments and income: confirm each when it happens, or let it post itself.
          </Text>
        }
        actions={hasSchedules ? newSchedule : undefined}
      />
      {(schedules.isPending || upcoming.isPending) && <Skeleton height={160} radius="lg" />}
      {schedules.data?.length === 0 && (
        <EmptyState icon={IconCalendarRepeat} title="No scheduled transactions yet" action={newSchedule}>
          {hasAccounts ? 'Rent, salary, subscriptions: schedule them once and Atom lists what is due, ready to confirm.' : 'Add an account first: a schedule posts into one.'}
        </EmptyState>
      )}
      {hasSchedules && (
        <Stack gap="xl">
          <section aria-labelledby="upcoming-heading">
            <Title order={2} size="h5" id="upcoming-heading" mb="xs">
              Upcoming
            </Title>
            {upcoming.data && items.length === 0 ? (
              <Text size="sm" c="dimmed" data-testid="nothing-due">
                Nothing due in the next {DAYS_AHEAD} days.
              </Text>
            ) : (
              <Stack gap="md">
                <UpcomingGroup title="Overdue" items={groups.overdue} {...groupProps} />
                <UpcomingGroup title="Due today" items={groups.today} {...groupProps} />
                <UpcomingGroup title={`Next ${DAYS_AHEAD} days`} items={groups.soon} {...groupProps} />
              </Stack>
            )}
          </section>
          <section aria-labelledby="schedules-heading">
            <Title order={2} size="h5" id="schedules-heading" mb="xs">
              All schedules
            </Title>
            <Card withBorder radius="lg" padding={0}>
              {schedules.data!.map((s) => (
                <ScheduleRow key={s.id} schedule={s} names={names} today={today} onEdit={() => setEditing(s)} onDelete={() => setDeleting(s)} />
              ))}
            </Card>
          </section>
        </Stack>
      )}
      <ScheduleDialog opened={editing !== null} onClose={() => setEditing(null)} schedule={editing === 'new' || editing === null ? undefined : editing} />
      <ConfirmDialog
        opened={deleting !== null}
        title={`Delete the schedule for ${deleting?.payee || 'this transaction'}?`}
        message="Nothing more will be posted from it; transactions it already posted stay."
        confirmLabel="Delete schedule"
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onCancel={() => setDeleting(null)}
      />
    </>
  );
}
