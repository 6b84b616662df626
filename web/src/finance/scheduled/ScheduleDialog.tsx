import { CreateScheduledInput, UpdateScheduledInput, type ScheduledTransaction } from '@atom/contracts';
import { Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { useUser } from '../../app/auth';
import { useFormErrors } from '../../ui/use-form-errors';
import { todayIn } from '../../ui/zoned';
import { categoryOptions } from '../category-options';
import { refreshFinance, useAccounts, useCategoryTree, useExponents } from '../finance-api';
import { parseMoney, toInputString } from '../money';
import { MoneyInput } from '../MoneyInput';
import { describeRepeat, fromRule, repeatChoices, toRule, type Repeat, type RepeatKind } from './repeat';
import { scheduledApi } from './scheduled-api';

const labels = { payee: 'Payee', amount: 'Amount', accountId: 'Account', categoryId: 'Category', rrule: 'Repeat rule', startDate: 'First date', autoPost: 'Post automatically' };

const dayOptions = Array.from({ length: 28 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }));

function ScheduleForm({ schedule, onClose }: { schedule?: ScheduledTransaction; onClose: () => void }) {
  const client = useQueryClient();
  const { timeZone } = useUser();
  const errors = useFormErrors(labels);
  const accounts = useAccounts();
  const tree = useCategoryTree();
  const exponents = useExponents();
  const openAccounts = (accounts.data ?? []).filter((a) => !a.closed || a.id === schedule?.accountId);
  const [accountId, setAccountId] = useState<string | null>(schedule?.accountId ?? openAccounts[0]?.id ?? null);
  const account = accounts.data?.find((a) => a.id === accountId);
  const currency = account?.currency ?? schedule?.currency ?? 'USD';
  const exponent = exponents?.get(currency) ?? 2;
  const [payee, setPayee] = useState(schedule?.payee ?? '');
  const [direction, setDirection] = useState<'out' | 'in'>(schedule && schedule.amount > 0 ? 'in' : 'out');
  const [amount, setAmount] = useState(schedule ? toInputString(Math.abs(schedule.amount), exponent) : '');
  const [categoryId, setCategoryId] = useState<string | null>(schedule?.categoryId ?? null);
  const [startDate, setStartDate] = useState(schedule?.startDate ?? todayIn(timeZone));
  const [repeat, setRepeat] = useState<Repeat>(() =>
    schedule ? fromRule(schedule.rrule, schedule.startDate) : { kind: 'monthly', day: Math.min(Number(todayIn(timeZone).slice(8, 10)), 28), custom: 'FREQ=MONTHLY;BYDAY=1MO' },
  );
  const [autoPost, setAutoPost] = useState(schedule?.autoPost ?? false);

  const save = useMutation({
    meta: { handlesErrors: true },
    mutationFn: (input: CreateScheduledInput) => (schedule ? scheduledApi.update(schedule.id, input) : scheduledApi.create(input)),
    onSuccess: async () => {
      await refreshFinance(client);
      onClose();
    },
    onError: (e) => errors.handle(e),
  });

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseMoney(amount, exponent);
    if (!parsed.ok) {
      errors.setFieldErrors({ amount: `Amount ${parsed.problem}` });
      return;
    }
    const minor = Math.abs(parsed.minor) * (direction === 'out' ? -1 : 1);
    const fields = { accountId: accountId ?? '', payee, amount: minor, categoryId, rrule: toRule(repeat), startDate, autoPost };
    const input = errors.validate(schedule ? UpdateScheduledInput : CreateScheduledInput, fields);
    if (input) save.mutate(input as CreateScheduledInput);
  };

  const rule = toRule(repeat);
  return (
    <form onSubmit={submit} noValidate aria-label={schedule ? 'Edit schedule' : 'New schedule'}>
      <Stack gap="md">
        <TextInput label="Payee" placeholder="e.g. Landlord" data-autofocus value={payee} onChange={(e) => setPayee(e.currentTarget.value)} error={errors.fieldErrors.payee} />
        <SegmentedControl
          aria-label="Money out or in"
          value={direction}
          onChange={(v) => setDirection(v === 'in' ? 'in' : 'out')}
          data={[
            { value: 'out', label: 'Money out (a bill)' },
            { value: 'in', label: 'Money in (income)' },
          ]}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <MoneyInput label="Amount" required placeholder={exponent === 0 ? '1200' : `1200${toInputString(0, exponent).slice(1)}`} currency={currency} exponent={exponent} value={amount} onChange={setAmount} error={errors.fieldErrors.amount} />
          <Select
            label="Account"
            required
            allowDeselect={false}
            data={openAccounts.map((a) => ({ value: a.id, label: `${a.name} (${a.currency})` }))}
            value={accountId}
            onChange={setAccountId}
            comboboxProps={{ withinPortal: true }}
            error={errors.fieldErrors.accountId}
          />
        </SimpleGrid>
        <Select
          label="Category"
          placeholder="No category"
          clearable
          searchable
          data={categoryOptions(tree.data ?? [], [categoryId])}
          value={categoryId}
          onChange={setCategoryId}
          comboboxProps={{ withinPortal: true }}
          error={errors.fieldErrors.categoryId}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select
            label="Repeats"
            required
            allowDeselect={false}
            data={repeatChoices}
            value={repeat.kind}
            onChange={(v) => v && setRepeat((r) => ({ ...r, kind: v as RepeatKind }))}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput label="First date" type="date" required value={startDate} onChange={(e) => setStartDate(e.currentTarget.value)} error={errors.fieldErrors.startDate} />
        </SimpleGrid>
        {repeat.kind === 'monthly' && (
          <Select
            label="Day of the month"
            allowDeselect={false}
            data={dayOptions}
            value={String(repeat.day)}
            onChange={(v) => v && setRepeat((r) => ({ ...r, day: Number(v) }))}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        {repeat.kind === 'custom' ? (
          <TextInput
            label="RRULE"
            description="RFC 5545, counted from the first date, e.g. FREQ=MONTHLY;BYDAY=1MO (first Monday)"
            value={repeat.custom}
            onChange={(e) => {
              const custom = e.currentTarget.value;
              setRepeat((r) => ({ ...r, custom }));
            }}
            error={errors.fieldErrors.rrule}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
        ) : (
          <>
            <Text size="sm" c="dimmed" data-testid="repeat-summary">
              {startDate ? describeRepeat(rule, startDate) : ''}
            </Text>
            {errors.fieldErrors.rrule && (
              <Text size="sm" c="red">
                {errors.fieldErrors.rrule}
              </Text>
            )}
          </>
        )}
        <Switch
          label="Post automatically"
          description="On the day it falls due; otherwise it waits under Upcoming for you to confirm it"
          checked={autoPost}
          onChange={(e) => setAutoPost(e.currentTarget.checked)}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {schedule ? 'Save' : 'Create schedule'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ScheduleDialog({ opened, onClose, schedule }: { opened: boolean; onClose: () => void; schedule?: ScheduledTransaction }) {
  return (
    <Modal opened={opened} onClose={onClose} title={schedule ? 'Edit schedule' : 'New schedule'} centered size="lg" radius="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
      {opened && <ScheduleForm schedule={schedule} onClose={onClose} />}
    </Modal>
  );
}
