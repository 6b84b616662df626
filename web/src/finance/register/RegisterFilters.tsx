import { Button, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconSearch, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { categoryOptions } from '../category-options';
import { useCategoryTree } from '../finance-api';
import type { useRegisterFilters } from './use-register-filters';
import classes from '../finance.module.css';

interface Props {
  filters: ReturnType<typeof useRegisterFilters>;
  /** Amounts only make sense within one currency: the account page has one, "All transactions" may not. */
  currency?: string;
}

/** Text, category, dates, amounts and cleared state; every change applies at once. */
export function RegisterFilters({ filters, currency }: Props) {
  const tree = useCategoryTree();
  const { fields, set } = filters;
  const [text, setText] = useState(fields.q);
  const applyText = useDebouncedCallback((q: string) => set({ q }), 250);
  // Amounts are typed a character at a time: the list follows once the typing pauses.
  const [min, setMin] = useState(fields.min);
  const [max, setMax] = useState(fields.max);
  const applyAmounts = useDebouncedCallback((patch: { min?: string; max?: string }) => set(patch), 300);
  const fieldCount = [fields.categoryId, fields.from, fields.to, fields.cleared, fields.min, fields.max].filter((v) => v !== '').length;
  // Folded on a phone (CSS decides); a filter already set keeps the fields in view.
  const [showFields, setShowFields] = useState(fieldCount > 0);

  return (
    <div className={classes.filters} role="search" aria-label="Filter transactions">
      <div className={classes.filtersWide}>
        <TextInput
          size="xs"
          aria-label="Search payee or notes"
          placeholder="Search payee or notes"
          leftSection={<IconSearch size={14} />}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            applyText(e.currentTarget.value);
          }}
          style={{ flex: 1 }}
        />
        <Button
          size="xs"
          variant="default"
          hiddenFrom="sm"
          leftSection={<IconAdjustmentsHorizontal size={14} />}
          aria-expanded={showFields}
          onClick={() => setShowFields((v) => !v)}
        >
          Filters{fieldCount > 0 ? ` (${fieldCount})` : ''}
        </Button>
      </div>
      <div className={classes.filterFields} data-open={showFields || undefined}>
      <Select
        size="xs"
        label="Category"
        placeholder="Any"
        searchable
        clearable
        data={categoryOptions(tree.data ?? [], [fields.categoryId])}
        value={fields.categoryId || null}
        onChange={(v) => set({ categoryId: v ?? '' })}
        comboboxProps={{ withinPortal: true }}
      />
      <TextInput size="xs" label="From" type="date" value={fields.from} onChange={(e) => set({ from: e.currentTarget.value })} />
      <TextInput size="xs" label="To" type="date" value={fields.to} onChange={(e) => set({ to: e.currentTarget.value })} />
      <Select
        size="xs"
        label="Cleared"
        placeholder="Any"
        clearable
        data={[
          { value: 'uncleared', label: 'Uncleared' },
          { value: 'cleared', label: 'Cleared' },
          { value: 'reconciled', label: 'Reconciled' },
        ]}
        value={fields.cleared || null}
        onChange={(v) => set({ cleared: v ?? '' })}
        comboboxProps={{ withinPortal: true }}
      />
      {currency && (
        <>
          <TextInput
            size="xs"
            label={`Amount from (${currency})`}
            inputMode="decimal"
            value={min}
            onChange={(e) => {
              setMin(e.currentTarget.value);
              applyAmounts({ min: e.currentTarget.value, max });
            }}
            error={filters.problems.min}
          />
          <TextInput
            size="xs"
            label={`Amount to (${currency})`}
            inputMode="decimal"
            value={max}
            onChange={(e) => {
              setMax(e.currentTarget.value);
              applyAmounts({ min, max: e.currentTarget.value });
            }}
            error={filters.problems.max}
          />
        </>
      )}
      {filters.active && (
        <Button
          size="xs"
          variant="subtle"
          color="gray"
          leftSection={<IconX size={14} />}
          style={{ alignSelf: 'end' }}
          onClick={() => {
            setText('');
            setMin('');
            setMax('');
            filters.clear();
          }}
        >
          Clear filters
        </Button>
      )}
      </div>
    </div>
  );
}
