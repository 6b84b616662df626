import { CreateGoalInput, UpdateGoalInput, type Goal } from '@atom/contracts';
import { Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { useFormErrors } from '../../ui/use-form-errors';
import { categoryOptions } from '../category-options';
import { refreshFinance, useAccounts, useCategoryTree, useExponents } from '../finance-api';
import { parseMoney, toInputString } from '../money';
import { MoneyInput } from '../MoneyInput';
import { goalsApi } from './goals-api';

const labels = { name: 'Name', kind: 'Kind', targetAmount: 'Target', targetDate: 'Target date', categoryId: 'Category', accountId: 'Account' };

interface FormProps {
  goal?: Goal;
  baseCurrency: string;
  onClose: () => void;
}

function GoalForm({ goal, baseCurrency, onClose }: FormProps) {
  const client = useQueryClient();
  const errors = useFormErrors(labels);
  const accounts = useAccounts();
  const tree = useCategoryTree();
  const exponents = useExponents();
  const [name, setName] = useState(goal?.name ?? '');
  const [kind, setKind] = useState<'save' | 'keep'>(goal?.kind ?? 'save');
  const [linkTo, setLinkTo] = useState<'category' | 'account'>(goal?.accountId ? 'account' : 'category');
  const [categoryId, setCategoryId] = useState<string | null>(goal?.categoryId ?? null);
  const [accountId, setAccountId] = useState<string | null>(goal?.accountId ?? null);
  const account = accounts.data?.find((a) => a.id === accountId);
  const currency = goal?.currency ?? (linkTo === 'account' ? (account?.currency ?? baseCurrency) : baseCurrency);
  const exponent = exponents?.get(currency) ?? 2;
  const [target, setTarget] = useState(goal ? toInputString(goal.targetAmount, exponent) : '');
  const [targetDate, setTargetDate] = useState(goal?.targetDate ?? '');

  const save = useMutation({
    meta: { handlesErrors: true },
    mutationFn: (input: CreateGoalInput) =>
      goal ? goalsApi.update(goal.id, { name: input.name, targetAmount: input.targetAmount, targetDate: input.targetDate ?? null }) : goalsApi.create(input),
    onSuccess: async () => {
      await refreshFinance(client);
      onClose();
    },
    onError: (e) => errors.handle(e),
  });

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseMoney(target, exponent);
    if (!parsed.ok) {
      errors.setFieldErrors({ targetAmount: `Target ${parsed.problem}` });
      return;
    }
    const link = linkTo === 'category' ? { categoryId: categoryId ?? '' } : { accountId: accountId ?? '' };
    const date = kind === 'save' && targetDate !== '' ? targetDate : null;
    const schema = goal ? UpdateGoalInput : CreateGoalInput;
    const input = errors.validate(schema, { name, kind, targetAmount: parsed.minor, targetDate: date, ...(goal ? {} : link) });
    if (input) save.mutate({ kind, ...link, ...input } as CreateGoalInput);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={goal ? 'Edit goal' : 'New goal'}>
      <Stack gap="md">
        <TextInput label="Name" placeholder="e.g. Holiday in Lisbon" required data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.fieldErrors.name} />
        {!goal && (
          <>
            <SegmentedControl
              aria-label="Kind of goal"
              value={kind}
              onChange={(v) => setKind(v === 'keep' ? 'keep' : 'save')}
              data={[
                { value: 'save', label: 'Save up to an amount' },
                { value: 'keep', label: 'Keep at least' },
              ]}
            />
            <SegmentedControl
              aria-label="Track"
              value={linkTo}
              onChange={(v) => setLinkTo(v === 'account' ? 'account' : 'category')}
              data={[
                { value: 'category', label: 'A budget category' },
                { value: 'account', label: 'An account' },
              ]}
            />
            {linkTo === 'category' ? (
              <Select
                label="Category"
                description="Progress is what the envelope has available"
                required
                searchable
                data={categoryOptions(tree.data ?? [])}
                value={categoryId}
                onChange={setCategoryId}
                comboboxProps={{ withinPortal: true }}
                error={errors.fieldErrors.categoryId}
              />
            ) : (
              <Select
                label="Account"
                description="Progress is the account’s balance"
                required
                data={(accounts.data ?? []).filter((a) => !a.closed).map((a) => ({ value: a.id, label: `${a.name} (${a.currency})` }))}
                value={accountId}
                onChange={setAccountId}
                comboboxProps={{ withinPortal: true }}
                error={errors.fieldErrors.accountId}
              />
            )}
          </>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <MoneyInput label={kind === 'keep' ? 'Keep at least' : 'Target'} required currency={currency} exponent={exponent} value={target} onChange={setTarget} error={errors.fieldErrors.targetAmount} />
          {kind === 'save' && (
            <TextInput label="By" type="date" description="Optional" value={targetDate} onChange={(e) => setTargetDate(e.currentTarget.value)} error={errors.fieldErrors.targetDate} />
          )}
        </SimpleGrid>
        {errors.formError && (
          <Text c="red" size="sm">
            {errors.formError}
          </Text>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {goal ? 'Save' : 'Create goal'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function GoalDialog({ opened, onClose, goal, baseCurrency }: { opened: boolean; onClose: () => void; goal?: Goal; baseCurrency: string }) {
  return (
    <Modal opened={opened} onClose={onClose} title={goal ? 'Edit goal' : 'New goal'} centered size="md" radius="lg">
      {opened && <GoalForm goal={goal} baseCurrency={baseCurrency} onClose={onClose} />}
    </Modal>
  );
}
