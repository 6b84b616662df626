import type { Transaction } from '@atom/contracts';
import { Popover, Select, Text, UnstyledButton, type ComboboxItemGroup } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notifyError } from '../../app/notify';
import { financeApi, refreshFinance } from '../finance-api';
import classes from '../finance.module.css';

interface Props {
  transaction: Transaction;
  label: string;
  uncategorised: boolean;
  options: ComboboxItemGroup[];
}

/** Categorising is the commonest edit: a click on the category picks another in place, without the drawer. */
export function CategoryCell({ transaction: t, label, uncategorised, options }: Props) {
  const client = useQueryClient();
  const [opened, setOpened] = useState(false);
  const change = useMutation({
    meta: { handlesErrors: true },
    mutationFn: (categoryId: string | null) => financeApi.updateTransaction(t.id, { categoryId }),
    onSuccess: () => refreshFinance(client),
    onError: (e) => notifyError(e, 'Could not change the category'),
  });

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" width={260} trapFocus withinPortal shadow="md">
      <Popover.Target>
        <UnstyledButton
          className={classes.cellButton}
          onClick={(e) => {
            e.stopPropagation();
            setOpened((o) => !o);
          }}
          aria-label={`Category of ${t.payee || 'this transaction'}: ${label}`}
          aria-haspopup="dialog"
        >
          <Text size="sm" component="span" className={`${classes.cellText} ${uncategorised ? classes.uncategorised : ''}`} data-testid="category-cell">
            {label}
          </Text>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown onClick={(e) => e.stopPropagation()}>
        {opened && (
          <Select
            aria-label="Category"
            placeholder="Search categories"
            searchable
            clearable
            defaultDropdownOpened
            data-autofocus
            data={options}
            value={t.categoryId}
            comboboxProps={{ withinPortal: false }}
            onChange={(v) => {
              setOpened(false);
              if (v !== t.categoryId) change.mutate(v);
            }}
          />
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
