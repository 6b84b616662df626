import type { PayeeSuggestion } from '@atom/contracts';
import { Autocomplete } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Ref } from 'react';
import { FINANCE_KEY } from '../../app/query-keys';
import { financeApi } from '../finance-api';

interface Props {
  value: string;
  onChange: (payee: string) => void;
  /** A payee picked from the list, with the category it was last filed under. */
  onPick: (suggestion: PayeeSuggestion) => void;
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
}

/** Payee with suggestions from past transactions, most used and most recent first. */
export function PayeeInput({ value, onChange, onPick, error, inputRef }: Props) {
  const [search] = useDebouncedValue(value.trim(), 150);
  const suggestions = useQuery({
    queryKey: [...FINANCE_KEY, 'payees', search],
    queryFn: () => financeApi.payees(search),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const items = suggestions.data?.items ?? [];
  return (
    <Autocomplete
      ref={inputRef}
      aria-label="Payee"
      placeholder="Payee"
      value={value}
      onChange={onChange}
      data={[...new Set(items.map((s) => s.payee))]}
      // The server already matched and ranked them; filtering again would reorder.
      filter={({ options }) => options}
      onOptionSubmit={(payee) => {
        const picked = items.find((s) => s.payee === payee);
        if (picked) onPick(picked);
      }}
      // Wider than the narrow payee cell, so names read on one line.
      comboboxProps={{ withinPortal: true, width: 260, position: 'bottom-start' }}
      error={error}
    />
  );
}
