import type { Goal } from '@atom/contracts';
import { ActionIcon, Badge, Button, Card, Group, Menu, Progress, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { IconDots, IconPencil, IconPlus, IconTargetArrow, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../app/notify';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { refreshFinance, useAccounts, useCategoryTree } from '../finance-api';
import { EmptyState, FinanceHeader } from '../FinanceHeader';
import { Money } from '../Money';
import { formatPlainDate } from '../plain-date';
import { GoalDialog } from './GoalDialog';
import { goalsApi, useBaseCurrency, useGoals } from './goals-api';

const STATUS = {
  on_track: { label: 'On track', color: 'teal', text: 'teal.9' },
  behind: { label: 'Behind', color: 'yellow', text: 'dark.7' },
  reached: { label: 'Reached', color: 'green', text: 'green.9' },
  below_minimum: { label: 'Below minimum', color: 'red', text: 'red.9' },
} as const;

function GoalCard({ goal, linkedTo, onEdit, onDelete }: { goal: Goal; linkedTo: string; onEdit: () => void; onDelete: () => void }) {
  const status = STATUS[goal.status];
  return (
    <Card withBorder radius="lg" padding="md" data-testid="goal" component="article" aria-label={goal.name}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text fw={650} c="bright" truncate>
            {goal.name}
          </Text>
          <Text size="xs" c="dimmed">
            {goal.kind === 'save' ? 'Save' : 'Keep at least'} · {linkedTo}
          </Text>
        </div>
        <Group gap={4} wrap="nowrap">
          <Badge color={status.color} c={status.text} variant="light" data-testid="goal-status">
            {status.label}
          </Badge>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${goal.name}`}>
                <IconDots size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPencil size={15} />} onClick={onEdit}>
                Edit goal
              </Menu.Item>
              <Menu.Item leftSection={<IconTrash size={15} />} color="red" onClick={onDelete}>
                Delete goal
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      <Progress
        value={goal.progress.percent}
        color={status.color}
        size="lg"
        radius="xl"
        mt="md"
        aria-label={`${goal.name} progress`}
        data-testid="goal-progress"
      />
      <Group justify="space-between" mt={6} gap="xs">
        <Text size="sm">
          <Money minor={goal.progress.current} currency={goal.currency} fw={600} /> of <Money minor={goal.targetAmount} currency={goal.currency} colored={false} />
        </Text>
        <Text size="sm" c="dimmed" data-testid="goal-percent">
          {goal.progress.percent}%
        </Text>
      </Group>
      {(goal.targetDate || goal.reachedAt || (goal.status !== 'reached' && (goal.monthlyNeeded !== null || goal.kind === 'save'))) && (
        <SimpleGrid cols={2} mt="sm" spacing="xs">
          {goal.targetDate && (
            <div>
              <Text size="xs" c="dimmed">
                By
              </Text>
              <Text size="sm">{formatPlainDate(goal.targetDate)}</Text>
            </div>
          )}
          {goal.monthlyNeeded !== null && goal.status !== 'reached' && (
            <div>
              <Text size="xs" c="dimmed">
                Needed per month
              </Text>
              <Money minor={goal.monthlyNeeded} currency={goal.currency} size="sm" colored={false} data-testid="goal-monthly" />
            </div>
          )}
          {goal.kind === 'save' && goal.status !== 'reached' && (
            <div>
              <Text size="xs" c="dimmed">
                At the recent pace
              </Text>
              <Text size="sm">{goal.projectedDate ? `reached ${formatPlainDate(goal.projectedDate)}` : 'not progressing yet'}</Text>
            </div>
          )}
          {goal.reachedAt && (
            <div>
              <Text size="xs" c="dimmed">
                Reached
              </Text>
              <Text size="sm">{formatPlainDate(goal.reachedAt.slice(0, 10))}</Text>
            </div>
          )}
        </SimpleGrid>
      )}
    </Card>
  );
}

/** `/finance/goals`: savings targets and minimum balances with their progress. */
export function GoalsPage() {
  const goals = useGoals();
  const base = useBaseCurrency();
  const accounts = useAccounts();
  const tree = useCategoryTree();
  const client = useQueryClient();
  const [editing, setEditing] = useState<Goal | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Goal | null>(null);
  const remove = useMutation({
    meta: { handlesErrors: true },
    mutationFn: (goal: Goal) => goalsApi.remove(goal.id),
    onSuccess: async (_, goal) => {
      setDeleting(null);
      notifySuccess(`${goal.name} is deleted.`);
      await refreshFinance(client);
    },
    onError: (e) => notifyError(e, 'Could not delete the goal'),
  });

  const categoryName = new Map((tree.data ?? []).flatMap((g) => g.categories.map((c) => [c.id, c.name] as const)));
  const accountName = new Map((accounts.data ?? []).map((a) => [a.id, a.name] as const));
  const linkedTo = (g: Goal) => (g.categoryId ? (categoryName.get(g.categoryId) ?? 'a category') : (accountName.get(g.accountId ?? '') ?? 'an account'));
  const newGoal = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} disabled={!base.data}>
      New goal
    </Button>
  );
  return (
    <>
      <FinanceHeader title="Goals" actions={goals.data && goals.data.length > 0 ? newGoal : undefined} />
      {goals.isPending && <Skeleton height={160} radius="lg" />}
      {goals.data?.length === 0 && (
        <EmptyState icon={IconTargetArrow} title="Set a goal" action={newGoal}>
          Save for something by a date, or keep a cushion in an account. Atom shows how much to put aside each month.
        </EmptyState>
      )}
      {goals.data && goals.data.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {goals.data.map((g) => (
            <GoalCard key={g.id} goal={g} linkedTo={linkedTo(g)} onEdit={() => setEditing(g)} onDelete={() => setDeleting(g)} />
          ))}
        </SimpleGrid>
      )}
      {base.data && <GoalDialog opened={editing !== null} onClose={() => setEditing(null)} goal={editing === 'new' || editing === null ? undefined : editing} baseCurrency={base.data} />}
      <ConfirmDialog
        opened={deleting !== null}
        title={`Delete ${deleting?.name ?? 'goal'}?`}
        message="The goal goes; its category or account and their money stay as they are."
        confirmLabel="Delete goal"
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onCancel={() => setDeleting(null)}
      />
    </>
  );
}
