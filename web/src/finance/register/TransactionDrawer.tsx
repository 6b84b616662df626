import type { Transaction, UpdateTransactionInput } from '@atom/contracts';
import { Alert, Button, Drawer, Group, SegmentedControl, Select, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { IconArrowsExchange, IconArrowsSplit, IconLock, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { useFormErrors } from '../../ui/use-form-errors';
import { categoryOptions } from '../category-options';
import { financeApi, refreshFinance, useAccounts, useCategoryTree, useExponents } from '../finance-api';
import { parseMoney, toInputString } from '../money';
import { MoneyInput } from '../MoneyInput';
import { newPart, remainingOf, SplitEditor, type SplitPart } from './SplitEditor';

const labels = {
  date: 'Date',
  payee: 'Payee',
  amount: 'Amount',
  transferAmount: 'Amount on the other account',
  categoryId: 'Category',
  splits: 'Split',
  notes: 'Notes',
  tags: 'Tags',
  cleared: 'Cleared',
};

interface Props {
  transaction: Transaction | null;
  onClose: () => void;
  onDelete: (t: Transaction) => void;
}

function Form({ transaction: t, exponents, onClose, onDelete }: { transaction: Transaction; exponents: Map<string, number>; onClose: () => void; onDelete: (t: Transaction) => void }) {
  const client = useQueryClient();
  const tree = useCategoryTree();
  const accounts = useAccounts();
  const errors = useFormErrors(labels);
  const exponent = exponents.get(t.currency) ?? 2;
  const other = t.transfer ? accounts.data?.find((a) => a.id === t.transfer?.accountId) : undefined;
  const otherExponent = t.transfer ? (exponents.get(t.transfer.currency) ?? 2) : 2;
  const crossCurrency = t.transfer !== null && t.transfer.currency !== t.currency;

  const [date, setDate] = useState(t.date);
  const [payee, setPayee] = useState(t.payee);
  const [amount, setAmount] = useState(toInputString(t.amount, exponent));
  const [transferAmount, setTransferAmount] = useState(t.transfer ? toInputString(t.transfer.amount, otherExponent) : '');
  const [categoryId, setCategoryId] = useState<string | null>(t.categoryId);
  const [parts, setParts] = useState<SplitPart[] | null>(
    t.splits.length > 0 ? t.splits.map((s) => newPart(s.categoryId, toInputString(s.amount, exponent))) : null,
  );
  const [notes, setNotes] = useState(t.notes);
  const [tags, setTags] = useState(t.tags);
  const [cleared, setCleared] = useState(t.cleared);
  const locked = cleared === 'reconciled';

  const parsedAmount = parseMoney(amount, exponent);
  const total = parsedAmount.ok ? parsedAmount.minor : null;
  const remaining = parts ? remainingOf(parts, total, exponent) : 0;
  const options = categoryOptions(tree.data ?? [], [t.categoryId, ...t.splits.map((s) => s.categoryId)]);

  const save = useMutation({
    meta: { handlesErrors: true },
    mutationFn: (input: UpdateTransactionInput) => financeApi.updateTransaction(t.id, input),
    onSuccess: async () => {
      await refreshFinance(client);
      onClose();
    },
    onError: (e) => errors.handle(e),
  });

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!parsedAmount.ok) {
      errors.setFieldErrors({ amount: `Amount ${parsedAmount.problem}` });
      return;
    }
    const input: UpdateTransactionInput = { date, payee, amount: parsedAmount.minor, notes, tags, cleared };
    if (crossCurrency) {
      const parsed = parseMoney(transferAmount, otherExponent);
      if (!parsed.ok) {
        errors.setFieldErrors({ transferAmount: `Amount on the other account ${parsed.problem}` });
        return;
      }
      input.transferAmount = parsed.minor;
    }
    if (!t.transfer) {
      if (parts) {
        if (remaining !== 0) return;
        input.categoryId = null;
        input.splits = parts
          .filter((p) => p.amount.trim() !== '')
          .map((p) => {
            const parsed = parseMoney(p.amount, exponent);
            return { categoryId: p.categoryId, amount: parsed.ok ? parsed.minor : 0 };
          });
      } else {
        input.categoryId = categoryId;
        if (t.splits.length > 0) input.splits = null;
      }
    }
    save.mutate(input);
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Edit transaction">
      <Stack gap="md">
        {t.transfer && (
          <Alert variant="light" color="indigo" icon={<IconArrowsExchange size={18} />} p="xs">
            <Text size="sm">
              Transfer {t.amount < 0 ? 'to' : 'from'} <b>{other?.name ?? 'another account'}</b>; the other side follows every change.
            </Text>
          </Alert>
        )}
        {locked && (
          <Alert variant="light" color="gray" icon={<IconLock size={18} />} p="xs">
            <Text size="sm">Reconciled: a statement confirmed it, so date and amount are locked. Mark it cleared to change them.</Text>
          </Alert>
        )}
        <Group grow align="start" gap="sm">
          <TextInput label="Date" type="date" value={date} disabled={locked} onChange={(e) => setDate(e.currentTarget.value)} error={errors.fieldErrors.date} />
          <MoneyInput
            label="Amount"
            currency={t.currency}
            exponent={exponent}
            value={amount}
            disabled={locked}
            onChange={(v) => {
              setAmount(v);
              errors.clear('amount');
            }}
            error={errors.fieldErrors.amount}
          />
        </Group>
        {crossCurrency && t.transfer && (
          <MoneyInput
            label={`Amount on ${other?.name ?? 'the other account'}`}
            description="Across currencies both amounts are kept as the banks booked them"
            currency={t.transfer.currency}
            exponent={otherExponent}
            value={transferAmount}
            disabled={locked}
            onChange={(v) => {
              setTransferAmount(v);
              errors.clear('transferAmount');
            }}
            error={errors.fieldErrors.transferAmount}
          />
        )}
        <TextInput label="Payee" value={payee} onChange={(e) => setPayee(e.currentTarget.value)} error={errors.fieldErrors.payee} />
        {!t.transfer &&
          (parts ? (
            <Stack gap={6}>
              <Group justify="space-between">
                <Text size="sm" fw={500}>
                  Split across categories
                </Text>
                <Button variant="subtle" size="compact-xs" color="gray" onClick={() => setParts(null)}>
                  Remove split
                </Button>
              </Group>
              <SplitEditor parts={parts} onChange={setParts} total={total} currency={t.currency} exponent={exponent} categories={options} />
              {errors.fieldErrors.splits && (
                <Text size="xs" c="red">
                  {errors.fieldErrors.splits}
                </Text>
              )}
            </Stack>
          ) : (
            <Group align="end" gap="xs" wrap="nowrap">
              <Select
                label="Category"
                placeholder="Uncategorised"
                searchable
                clearable
                data={options}
                value={categoryId}
                onChange={setCategoryId}
                comboboxProps={{ withinPortal: true }}
                error={errors.fieldErrors.categoryId}
                style={{ flex: 1 }}
              />
              <Button
                variant="default"
                leftSection={<IconArrowsSplit size={16} />}
                onClick={() => setParts([newPart(categoryId, amount), newPart()])}
              >
                Split
              </Button>
            </Group>
          ))}
        <div>
          <Text size="sm" fw={500} mb={4} id="cleared-label">
            Cleared
          </Text>
          <SegmentedControl
            aria-labelledby="cleared-label"
            value={cleared}
            onChange={(v) => setCleared(v as Transaction['cleared'])}
            data={[
              { value: 'uncleared', label: 'Uncleared' },
              { value: 'cleared', label: 'Cleared' },
              { value: 'reconciled', label: 'Reconciled', disabled: t.cleared !== 'reconciled' },
            ]}
            fullWidth
          />
        </div>
        <Textarea label="Notes" autosize minRows={2} maxRows={8} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors.fieldErrors.notes} />
        <TagsInput label="Tags" placeholder="Type a tag, then Enter" value={tags} onChange={setTags} splitChars={[',']} clearable error={errors.fieldErrors.tags} />
        <Group justify="space-between" mt="xs">
          <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => onDelete(t)}>
            Delete
          </Button>
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} disabled={parts !== null && remaining !== 0}>
              Save
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** Everything about one transaction, in a drawer: fields, split, transfer amount, cleared state. */
export function TransactionDrawer({ transaction, onClose, onDelete }: Props) {
  const exponents = useExponents();
  return (
    <Drawer opened={transaction !== null} onClose={onClose} position="right" size="md" title="Transaction" padding="lg">
      {transaction && exponents && <Form key={transaction.id} transaction={transaction} exponents={exponents} onClose={onClose} onDelete={onDelete} />}
    </Drawer>
  );
}
