import type { ApplyRulesResult, Transaction } from '@atom/contracts';
import { Alert, Button, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import { notifyError, notifySuccess } from '../../app/notify';
import { Money } from '../Money';
import { refreshFinance } from '../finance-api';
import { rulesApi } from './rules-api';
import type { Names } from './rule-text';

type Change = ApplyRulesResult['changes'][number];

function changeText(c: Change, names: Names): string {
  const parts: string[] = [];
  if (c.payee) parts.push(`payee “${c.payee.from}” → “${c.payee.to}”`);
  if (c.categoryId) parts.push(`category ${c.categoryId.from ? names.category(c.categoryId.from) : 'none'} → ${names.category(c.categoryId.to)}`);
  if (c.addTags && c.addTags.length > 0) parts.push(`tags + ${c.addTags.map((t) => `#${t}`).join(' ')}`);
  if (c.transferAccountId) parts.push(`transfer with ${names.account(c.transferAccountId)}`);
  return parts.join('; ');
}

/** Changes listed with their transaction; a long preview lists the first ones. */
const LISTED = 50;

function ChangeRow({ change, names, ruleName }: { change: Change; names: Names; ruleName: (id: string) => string }) {
  const tx = useQuery({
    queryKey: ['finance-rules-preview', 'transaction', change.transactionId],
    queryFn: () => api<Transaction>('GET', `/finance/transactions/${encodeURIComponent(change.transactionId)}`),
    meta: { silent: true },
  });
  return (
    <Table.Tr data-testid="rule-change">
      <Table.Td>
        {tx.data ? (
          <>
            <Text size="sm" fw={500}>
              {tx.data.payee || '(no payee)'}
            </Text>
            <Text size="xs" c="dimmed">
              {tx.data.date} · <Money minor={tx.data.amount} currency={tx.data.currency} size="xs" />
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            …
          </Text>
        )}
      </Table.Td>
      <Table.Td>{changeText(change, names)}</Table.Td>
      <Table.Td>{change.ruleIds.map(ruleName).join(', ')}</Table.Td>
    </Table.Tr>
  );
}

function Preview({ names, ruleName, onClose }: { names: Names; ruleName: (id: string) => string; onClose: () => void }) {
  const client = useQueryClient();
  // The dry run: what would change, before anything does.
  const preview = useQuery({ queryKey: ['finance-rules-preview'], queryFn: () => rulesApi.apply({ dryRun: true }), gcTime: 0, staleTime: 0 });
  const apply = useMutation({
    meta: { handlesErrors: true },
    mutationFn: () => rulesApi.apply({ dryRun: false }),
    onSuccess: async (result) => {
      notifySuccess(`${result.changes.length} transaction${result.changes.length === 1 ? '' : 's'} changed by your rules.`);
      await refreshFinance(client);
      onClose();
    },
    onError: (e) => notifyError(e, 'Could not apply the rules'),
  });
  if (preview.isPending) return <Loader size="sm" type="dots" aria-label="Looking at transactions" />;
  if (preview.isError)
    return (
      <Alert color="red" title="Could not preview">
        {preview.error.message}
      </Alert>
    );
  const { changes, examined } = preview.data;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {examined} transactions looked at; {changes.length} would change.
      </Text>
      {changes.length > 0 && (
        <div style={{ maxHeight: 360, overflow: 'auto' }}>
          <Table fz="sm" verticalSpacing={6} aria-label="Changes the rules would make">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Transaction</Table.Th>
                <Table.Th>Change</Table.Th>
                <Table.Th>By</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {changes.slice(0, LISTED).map((c) => (
                <ChangeRow key={c.transactionId} change={c} names={names} ruleName={ruleName} />
              ))}
            </Table.Tbody>
          </Table>
          {changes.length > LISTED && (
            <Text size="sm" c="dimmed" mt="xs">
              And {changes.length - LISTED} more.
            </Text>
          )}
        </div>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={() => apply.mutate()} loading={apply.isPending} disabled={changes.length === 0}>
          Apply {changes.length} change{changes.length === 1 ? '' : 's'}
        </Button>
      </Group>
    </Stack>
  );
}

/** Runs the enabled rules over existing transactions: a preview first, then the real thing. */
export function ApplyRulesDialog({ opened, onClose, names, ruleName }: { opened: boolean; onClose: () => void; names: Names; ruleName: (id: string) => string }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Apply rules to existing transactions" centered size="lg" radius="lg">
      {opened && <Preview names={names} ruleName={ruleName} onClose={onClose} />}
    </Modal>
  );
}
