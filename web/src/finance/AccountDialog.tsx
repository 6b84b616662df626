import { CreateFinanceAccountInput, type FinanceAccount } from '@atom/contracts';
import { Button, Group, Loader, Modal, Select, SimpleGrid, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { useNavigate } from 'react-router';
import { useUser } from '../app/auth';
import { todayIn } from '../ui/zoned';
import { useFormErrors } from '../ui/use-form-errors';
import { ACCOUNT_TYPES, type AccountType } from './account-types';
import { financeApi, refreshFinance, useCurrencies } from './finance-api';
import { parseMoney, toInputString } from './money';
import { MoneyInput } from './MoneyInput';
import { financePaths } from './paths';

const labels = { name: 'Name', type: 'Type', currency: 'Currency', openingBalance: 'Opening balance', openingDate: 'Opening date', onBudget: 'On budget', notes: 'Notes' };

/** Loans and investments usually stay out of the monthly budget (the server's default too). */
const offBudgetByDefault = (type: AccountType) => type === 'loan' || type === 'investment';

function Form({ account, onClose }: { account?: FinanceAccount; onClose: () => void }) {
  const { timeZone } = useUser();
  const currencies = useCurrencies();
  const client = useQueryClient();
  const navigate = useNavigate();
  const errors = useFormErrors(labels);
  const [name, setName] = useState(account?.name ?? '');
  const [type, setType] = useState<AccountType>(account?.type ?? 'checking');
  const [currency, setCurrency] = useState<string | null>(account?.currency ?? null);
  const exponent = currencies.data?.find((c) => c.code === currency)?.exponent ?? 2;
  const [opening, setOpening] = useState(account ? toInputString(account.openingBalance, exponent) : '');
  const [openingDate, setOpeningDate] = useState(account?.openingDate ?? todayIn(timeZone));
  const [onBudget, setOnBudget] = useState(account?.onBudget ?? true);
  const [budgetTouched, setBudgetTouched] = useState(account !== undefined);
  const [notes, setNotes] = useState(account?.notes ?? '');

  const save = useMutation({
    meta: { handlesErrors: true },
    mutationFn: (input: CreateFinanceAccountInput) =>
      account
        ? financeApi.updateAccount(account.id, { name: input.name, type: input.type, openingBalance: input.openingBalance, openingDate: input.openingDate, onBudget: input.onBudget, notes: input.notes })
        : financeApi.createAccount(input),
    onSuccess: async (saved) => {
      await refreshFinance(client);
      onClose();
      if (!account) void navigate(financePaths.account(saved.id));
    },
    onError: (e) => errors.handle(e),
  });

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    let openingBalance = 0;
    if (opening.trim() !== '') {
      const parsed = parseMoney(opening, exponent);
      if (!parsed.ok) {
        errors.setFieldErrors({ openingBalance: `Opening balance ${parsed.problem}` });
        return;
      }
      openingBalance = parsed.minor;
    }
    const input = errors.validate(CreateFinanceAccountInput, { name, type, currency: currency ?? '', openingBalance, openingDate, onBudget, notes });
    if (input) save.mutate(input);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={account ? 'Edit account' : 'New account'}>
      <Stack gap="md">
        <TextInput
          label="Name"
          placeholder="e.g. Everyday checking"
          required
          data-autofocus
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            errors.clear('name');
          }}
          error={errors.fieldErrors.name}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select
            label="Type"
            data={ACCOUNT_TYPES.map((t) => ({ value: t.type, label: t.label }))}
            value={type}
            allowDeselect={false}
            onChange={(v) => {
              const next = (v ?? 'checking') as AccountType;
              setType(next);
              if (!budgetTouched) setOnBudget(!offBudgetByDefault(next));
            }}
            comboboxProps={{ withinPortal: true }}
            error={errors.fieldErrors.type}
          />
          <Select
            label="Currency"
            placeholder="Search, e.g. EUR"
            required
            searchable
            disabled={account !== undefined}
            description={account ? 'Fixed: every amount is stored in it' : undefined}
            data={(currencies.data ?? []).map((c) => c.code)}
            value={currency}
            onChange={(v) => {
              setCurrency(v);
              errors.clear('currency');
            }}
            nothingFoundMessage="No such ISO 4217 code"
            limit={50}
            comboboxProps={{ withinPortal: true }}
            error={errors.fieldErrors.currency}
          />
          <MoneyInput
            label="Opening balance"
            currency={currency ?? ''}
            exponent={exponent}
            value={opening}
            placeholder="0"
            onChange={(v) => {
              setOpening(v);
              errors.clear('openingBalance');
            }}
            error={errors.fieldErrors.openingBalance}
          />
          <TextInput
            label="Opening date"
            type="date"
            required
            value={openingDate}
            onChange={(e) => {
              setOpeningDate(e.currentTarget.value);
              errors.clear('openingDate');
            }}
            error={errors.fieldErrors.openingDate}
          />
        </SimpleGrid>
        <Switch
          label="On budget"
          description="Its transactions count in the monthly budget"
          checked={onBudget}
          onChange={(e) => {
            setOnBudget(e.currentTarget.checked);
            setBudgetTouched(true);
          }}
        />
        <Textarea label="Notes" autosize minRows={2} maxRows={6} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors.fieldErrors.notes} />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {account ? 'Save' : 'Create account'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function AccountDialog({ opened, onClose, account }: { opened: boolean; onClose: () => void; account?: FinanceAccount }) {
  const currencies = useCurrencies();
  return (
    <Modal opened={opened} onClose={onClose} title={account ? 'Edit account' : 'New account'} centered size="md" radius="lg">
      {/* Mounted per opening, so the fields start from the account each time. */}
      {opened && (currencies.isSuccess ? <Form account={account} onClose={onClose} /> : <Loader size="sm" type="dots" aria-label="Loading currencies" />)}
    </Modal>
  );
}
