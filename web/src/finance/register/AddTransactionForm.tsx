import type { CreateTransactionInput, FinanceAccount } from '@atom/contracts';
import { Button, Select, TextInput, type ComboboxItemGroup } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type SubmitEvent } from 'react';
import { useUser } from '../../app/auth';
import { todayIn } from '../../ui/zoned';
import { useFormErrors } from '../../ui/use-form-errors';
import { categoryOptions, TRANSFER_PREFIX, transferOptions } from '../category-options';
import { financeApi, refreshFinance, useAccounts, useCategoryTree, useExponents } from '../finance-api';
import { parseMoney } from '../money';
import { MoneyInput } from '../MoneyInput';
import { PayeeInput } from './PayeeInput';
import classes from '../finance.module.css';

const labels = { date: 'Date', payee: 'Payee', categoryId: 'Category', amount: 'Amount', transferAmount: 'Amount on the other account', transferAccountId: 'Transfer account' };

type Option = { value: string; label: string };

function flatten(groups: ComboboxItemGroup[]): Option[] {
  return groups.flatMap((g) => g.items.filter((i): i is Option => typeof i === 'object' && 'label' in i));
}

function firstMatch(groups: ComboboxItemGroup[], search: string): Option | undefined {
  const needle = search.trim().toLowerCase();
  if (needle === '') return undefined;
  return flatten(groups).find((o) => o.label.toLowerCase().includes(needle));
}

function selectedLabel(groups: ComboboxItemGroup[], value: string | null): string | undefined {
  return flatten(groups).find((o) => o.value === value)?.label;
}

/**
 * The register's first row: date, payee, category (or "Transfer to" an account) and amount;
 * Enter saves and leaves the cursor in Payee for the next one. Negative amounts are money out.
 */
export function AddTransactionForm({ account }: { account: FinanceAccount }) {
  const { timeZone } = useUser();
  const client = useQueryClient();
  const tree = useCategoryTree();
  const accounts = useAccounts();
  const exponents = useExponents();
  const errors = useFormErrors(labels);
  const payeeRef = useRef<HTMLInputElement>(null);
  const [date, setDate] = useState(() => todayIn(timeZone));
  const [payee, setPayee] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const [categorySearch, setCategorySearch] = useState('');
  const [amount, setAmount] = useState('');
  const [otherAmount, setOtherAmount] = useState('');

  const exponent = exponents?.get(account.currency) ?? 2;
  const target = category?.startsWith(TRANSFER_PREFIX) ? accounts.data?.find((a) => a.id === category.slice(TRANSFER_PREFIX.length)) : undefined;
  const crossCurrency = target !== undefined && target.currency !== account.currency;
  const targetExponent = target ? (exponents?.get(target.currency) ?? 2) : 2;

  const create = useMutation({
    meta: { handlesErrors: true },
    mutationFn: (input: CreateTransactionInput) => financeApi.createTransaction(input),
    onSuccess: async () => {
      await refreshFinance(client);
      setPayee('');
      setCategory(null);
      setCategorySearch('');
      setAmount('');
      setOtherAmount('');
      errors.reset();
      payeeRef.current?.focus();
    },
    onError: (e) => errors.handle(e),
  });

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!exponents) return;
    const parsed = parseMoney(amount, exponent);
    if (!parsed.ok) {
      errors.setFieldErrors({ amount: `Amount ${parsed.problem}` });
      return;
    }
    const input: CreateTransactionInput = { accountId: account.id, date, payee: payee.trim(), amount: parsed.minor };
    if (target) {
      input.transferAccountId = target.id;
      if (crossCurrency) {
        const other = parseMoney(otherAmount, targetExponent);
        if (!other.ok) {
          errors.setFieldErrors({ transferAmount: `Amount in ${target.currency} ${other.problem}` });
          return;
        }
        // The other side always moves the opposite way, whichever sign was typed.
        input.transferAmount = Math.sign(parsed.minor) * -1 * Math.abs(other.minor);
      }
    } else if (category) {
      input.categoryId = category;
    }
    create.mutate(input);
  };

  const options = [...categoryOptions(tree.data ?? []), transferOptions(accounts.data ?? [], account.id)].filter((g) => g.items.length > 0);

  return (
    <form className={classes.addRow} onSubmit={submit} noValidate aria-label="Add a transaction">
      <TextInput aria-label="Date" type="date" value={date} onChange={(e) => setDate(e.currentTarget.value)} error={errors.fieldErrors.date} required />
      <PayeeInput
        inputRef={payeeRef}
        value={payee}
        onChange={setPayee}
        onPick={(picked) => {
          // Prefill the category it was last filed under, unless one is chosen already.
          if (!category && picked.categoryId) setCategory(picked.categoryId);
        }}
        error={errors.fieldErrors.payee}
      />
      <Select
        aria-label="Category"
        placeholder="Category"
        searchable
        selectFirstOptionOnChange
        clearable
        data={options}
        value={category}
        searchValue={categorySearch}
        onSearchChange={setCategorySearch}
        onKeyDown={(e) => {
          // Enter on typed text takes the first match (never saves a half-typed category as none).
          if (e.key !== 'Enter') return;
          const match = firstMatch(options, categorySearch);
          if (match && match.label !== selectedLabel(options, category)) {
            e.preventDefault();
            setCategory(match.value);
          }
        }}
        onChange={(v) => {
          setCategory(v);
          errors.clear('transferAmount');
        }}
        comboboxProps={{ withinPortal: true }}
        error={errors.fieldErrors.categoryId ?? errors.fieldErrors.transferAccountId}
      />
      <MoneyInput
        aria-label={`Amount in ${account.currency}, negative for money out`}
        currency={account.currency}
        exponent={exponent}
        value={amount}
        onChange={(v) => {
          setAmount(v);
          errors.clear('amount');
        }}
        error={errors.fieldErrors.amount}
      />
      <Button type="submit" leftSection={<IconPlus size={16} />} loading={create.isPending} disabled={!exponents}>
        Add
      </Button>
      {crossCurrency && (
        <MoneyInput
          className={classes.addRowWide}
          label={`Amount on ${target.name} (${target.currency})`}
          description={`${account.currency} and ${target.currency} differ: enter what ${target.name} booked`}
          currency={target.currency}
          exponent={targetExponent}
          value={otherAmount}
          placeholder=""
          onChange={(v) => {
            setOtherAmount(v);
            errors.clear('transferAmount');
          }}
          error={errors.fieldErrors.transferAmount}
        />
      )}
    </form>
  );
}
