import type { Transaction } from '@atom/contracts';
import { ActionIcon, Tooltip } from '@mantine/core';
import { IconCircle, IconCircleCheckFilled, IconLock } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifyError } from '../../app/notify';
import { financeApi, refreshFinance } from '../finance-api';

/** Cleared (the bank has it) on and off; reconciled rows show a lock: a statement confirmed them. */
export function ClearedToggle({ transaction: t }: { transaction: Transaction }) {
  const client = useQueryClient();
  const toggle = useMutation({
    meta: { handlesErrors: true },
    mutationFn: () => financeApi.updateTransaction(t.id, { cleared: t.cleared === 'cleared' ? 'uncleared' : 'cleared' }),
    onSuccess: () => refreshFinance(client),
    onError: (e) => notifyError(e, 'Could not change the cleared state'),
  });

  if (t.cleared === 'reconciled') {
    return (
      <Tooltip label="Reconciled: locked by a statement">
        <span role="img" aria-label="Reconciled" data-testid="reconciled-lock" style={{ display: 'inline-flex' }}>
          <IconLock size={16} stroke={1.75} color="var(--mantine-color-dimmed)" />
        </span>
      </Tooltip>
    );
  }
  const cleared = t.cleared === 'cleared';
  return (
    <ActionIcon
      variant="subtle"
      color={cleared ? 'teal' : 'gray'}
      size="sm"
      aria-label="Cleared"
      aria-pressed={cleared}
      loading={toggle.isPending}
      onClick={(e) => {
        e.stopPropagation();
        toggle.mutate();
      }}
    >
      {cleared ? <IconCircleCheckFilled size={17} /> : <IconCircle size={17} stroke={1.5} />}
    </ActionIcon>
  );
}
