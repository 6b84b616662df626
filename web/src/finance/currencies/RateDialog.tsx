import { CreateExchangeRateInput, UpdateExchangeRateInput, type ExchangeRate } from '@atom/contracts';
import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { useUser } from '../../app/auth';
import { useFormErrors } from '../../ui/use-form-errors';
import { todayIn } from '../../ui/zoned';
import { refreshFinance, useCurrencies } from '../finance-api';
import { currenciesApi } from './currencies-api';

const labels = { base: 'From', quote: 'To', date: 'Date', rate: 'Rate' };

function RateForm({ rate, defaults, onClose }: { rate?: ExchangeRate; defaults: { base: string; quote: string }; onClose: () => void }) {
  const client = useQueryClient();
  const { timeZone } = useUser();
  const errors = useFormErrors(labels);
  const currencies = useCurrencies();
  const [base, setBase] = useState<string | null>(rate?.base ?? defaults.base);
  const [quote, setQuote] = useState<string | null>(rate?.quote ?? defaults.quote);
  const [date, setDate] = useState(rate?.date ?? todayIn(timeZone));
  const [value, setValue] = useState(rate?.rate ?? '');
  const codes = (currencies.data ?? []).map((c) => c.code);

  const save = useMutation({
    meta: { handlesErrors: true },
    mutationFn: (input: CreateExchangeRateInput) => (rate ? currenciesApi.updateRate(rate.id, { date: input.date, rate: input.rate }) : currenciesApi.createRate(input)),
    onSuccess: async () => {
      await refreshFinance(client);
      onClose();
    },
    onError: (e) => errors.handle(e),
  });

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    // People type "1,0845" too: the API takes a point.
    const fields = { base: base ?? '', quote: quote ?? '', date, rate: value.trim().replace(',', '.') };
    const input = errors.validate(rate ? UpdateExchangeRateInput : CreateExchangeRateInput, fields);
    if (input) save.mutate({ ...fields, ...input });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={rate ? 'Edit exchange rate' : 'New exchange rate'}>
      <Stack gap="md">
        <SimpleGrid cols={2} spacing="sm">
          <Select label="From" required searchable allowDeselect={false} disabled={!!rate} data={codes} value={base} onChange={setBase} comboboxProps={{ withinPortal: true }} error={errors.fieldErrors.base} />
          <Select label="To" required searchable allowDeselect={false} disabled={!!rate} data={codes} value={quote} onChange={setQuote} comboboxProps={{ withinPortal: true }} error={errors.fieldErrors.quote} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput label="Rate" description={`1 ${base ?? '…'} = this many ${quote ?? '…'}`} placeholder="1.0845" inputMode="decimal" required data-autofocus value={value} onChange={(e) => setValue(e.currentTarget.value)} error={errors.fieldErrors.rate} />
          <TextInput label="Date" description="Used from this day on" type="date" required value={date} onChange={(e) => setDate(e.currentTarget.value)} error={errors.fieldErrors.date} />
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
            {rate ? 'Save' : 'Add rate'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function RateDialog({ opened, onClose, rate, defaults }: { opened: boolean; onClose: () => void; rate?: ExchangeRate; defaults: { base: string; quote: string } }) {
  return (
    <Modal opened={opened} onClose={onClose} title={rate ? 'Edit exchange rate' : 'New exchange rate'} centered size="md" radius="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
      {opened && <RateForm rate={rate} defaults={defaults} onClose={onClose} />}
    </Modal>
  );
}
