import type { FinanceCategory, FinanceCategoryGroup } from '@atom/contracts';
import { ActionIcon, Badge, Button, Card, Checkbox, Group, Skeleton, Stack, Switch, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCategory, IconEye, IconEyeOff, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { notifyError } from '../../app/notify';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { financeApi, refreshFinance, useCategoryTree } from '../finance-api';
import { EmptyState, FinanceHeader } from '../FinanceHeader';
import { InlineName } from './InlineName';
import classes from '../finance.module.css';

type Pending = { kind: 'group'; group: FinanceCategoryGroup } | { kind: 'category'; category: FinanceCategory } | null;

/** Every category write refreshes finance (registers show category names) and toasts a failure. */
function useCategoryWrite<T>(fn: (input: T) => Promise<unknown>, failure: string) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => refreshFinance(client), onError: (e) => notifyError(e, failure), meta: { handlesErrors: true } });
}

function NewGroupForm() {
  const [name, setName] = useState('');
  const [isIncome, setIsIncome] = useState(false);
  const create = useCategoryWrite((input: { name: string; isIncome: boolean }) => financeApi.createGroup(input), 'Could not create the group');
  const submit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (name.trim() === '') return;
    create.mutate({ name: name.trim(), isIncome }, { onSuccess: () => { setName(''); setIsIncome(false); } });
  };
  return (
    <form onSubmit={submit} aria-label="New category group">
      <Group gap="sm" align="center" wrap="wrap">
        <TextInput aria-label="New group name" placeholder="New group, e.g. Everyday" value={name} onChange={(e) => setName(e.currentTarget.value)} style={{ flex: '1 1 220px' }} />
        <Checkbox label="Income" checked={isIncome} onChange={(e) => setIsIncome(e.currentTarget.checked)} />
        <Button type="submit" variant="light" leftSection={<IconPlus size={16} />} loading={create.isPending}>
          Add group
        </Button>
      </Group>
    </form>
  );
}

function NewCategoryForm({ group }: { group: FinanceCategoryGroup }) {
  const [name, setName] = useState('');
  const create = useCategoryWrite((input: { groupId: string; name: string }) => financeApi.createCategory(input), 'Could not create the category');
  const submit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (name.trim() === '') return;
    create.mutate({ groupId: group.id, name: name.trim() }, { onSuccess: () => setName('') });
  };
  return (
    <form onSubmit={submit} className={classes.categoryRow} aria-label={`New category in ${group.name}`}>
      <TextInput
        size="xs"
        aria-label={`New category in ${group.name}`}
        placeholder="Add a category, then Enter"
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        leftSection={<IconPlus size={14} />}
        style={{ flex: 1 }}
      />
    </form>
  );
}

function CategoryRow({ category, onDelete }: { category: FinanceCategory; onDelete: () => void }) {
  const update = useCategoryWrite((input: Parameters<typeof financeApi.updateCategory>[1]) => financeApi.updateCategory(category.id, input), 'Could not change the category');
  return (
    <div className={classes.categoryRow} data-hidden={category.hidden || undefined} data-testid="category-row">
      <div className={classes.categoryName}>
        <InlineName name={category.name} kind="category" onRename={(name) => update.mutate({ name })} />
      </div>
      <Tooltip label="When it is overspent, carry the overspending into next month of this category instead of taking it from 'available to budget'" multiline w={260} openDelay={300}>
        <Switch
          size="xs"
          className={classes.rollover}
          label="Roll over overspending"
          checked={category.rolloverOverspending}
          onChange={(e) => update.mutate({ rolloverOverspending: e.currentTarget.checked })}
        />
      </Tooltip>
      <Group gap={2}>
        <Tooltip label={category.hidden ? 'Show in pickers' : 'Hide from pickers'}>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={category.hidden ? `Show ${category.name}` : `Hide ${category.name}`}
            aria-pressed={category.hidden}
            onClick={() => update.mutate({ hidden: !category.hidden })}
          >
            {category.hidden ? <IconEyeOff size={16} /> : <IconEye size={16} />}
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Delete">
          <ActionIcon variant="subtle" color="gray" aria-label={`Delete ${category.name}`} onClick={onDelete}>
            <IconTrash size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </div>
  );
}

function GroupCard({ group, onDelete }: { group: FinanceCategoryGroup; onDelete: (p: Pending) => void }) {
  const update = useCategoryWrite((input: Parameters<typeof financeApi.updateGroup>[1]) => financeApi.updateGroup(group.id, input), 'Could not change the group');
  return (
    <Card withBorder padding={0} radius="lg" className={classes.groupCard} component="section" aria-label={group.name} data-testid="category-group">
      <div className={classes.groupHead}>
        <div className={classes.grow}>
          <InlineName name={group.name} kind="group" onRename={(name) => update.mutate({ name })} fw={650} />
        </div>
        {group.isIncome && (
          <Badge size="sm" variant="light" color="teal">
            Income
          </Badge>
        )}
        {group.hidden && (
          <Badge size="sm" variant="light" color="gray">
            Hidden
          </Badge>
        )}
        <Tooltip label={group.hidden ? 'Show group' : 'Hide group'}>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={group.hidden ? `Show group ${group.name}` : `Hide group ${group.name}`}
            aria-pressed={group.hidden}
            onClick={() => update.mutate({ hidden: !group.hidden })}
          >
            {group.hidden ? <IconEyeOff size={16} /> : <IconEye size={16} />}
          </ActionIcon>
        </Tooltip>
        <Tooltip label={group.categories.length > 0 ? 'Delete or move its categories first' : 'Delete group'}>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Delete group ${group.name}`}
            disabled={group.categories.length > 0}
            onClick={() => onDelete({ kind: 'group', group })}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Tooltip>
      </div>
      {group.categories.map((c) => (
        <CategoryRow key={c.id} category={c} onDelete={() => onDelete({ kind: 'category', category: c })} />
      ))}
      <NewCategoryForm group={group} />
    </Card>
  );
}

/** Category groups and their categories: add, rename in place, hide, roll over overspending, delete. */
export function CategoriesPage() {
  const tree = useCategoryTree();
  const client = useQueryClient();
  const [pending, setPending] = useState<Pending>(null);
  const remove = useMutation({
    meta: { handlesErrors: true },
    mutationFn: (p: NonNullable<Pending>) => (p.kind === 'group' ? financeApi.deleteGroup(p.group.id) : financeApi.deleteCategory(p.category.id)),
    onSuccess: async () => {
      setPending(null);
      await refreshFinance(client);
    },
    onError: (e) => notifyError(e, 'Could not delete'),
  });

  return (
    <>
      <FinanceHeader
        title="Categories"
        sub={
          <Text size="sm" c="dimmed" mt={2} maw={560}>
            What your money is for. Hidden categories stay on old transactions but leave the pickers.
          </Text>
        }
      />
      <Stack gap="lg">
        <NewGroupForm />
        {tree.isPending && <Skeleton height={180} radius="lg" />}
        {tree.isSuccess && tree.data.length === 0 && (
          <EmptyState icon={IconCategory} title="No categories yet">
            Start with a group such as “Everyday” and categories like Groceries or Rent.
          </EmptyState>
        )}
        {tree.data?.map((g) => <GroupCard key={g.id} group={g} onDelete={setPending} />)}
      </Stack>
      <ConfirmDialog
        opened={pending !== null}
        title={pending?.kind === 'group' ? `Delete group ${pending.group.name}?` : `Delete ${pending?.kind === 'category' ? pending.category.name : ''}?`}
        message={pending?.kind === 'group' ? 'The group is empty; deleting it cannot be undone.' : 'Its transactions become uncategorised. This cannot be undone; hiding keeps it for old transactions.'}
        confirmLabel="Delete"
        loading={remove.isPending}
        onConfirm={() => pending && remove.mutate(pending)}
        onCancel={() => setPending(null)}
      />
    </>
  );
}
