import type { ExchangeRate } from '@atom/contracts';
import { ActionIcon, Badge, Button, Card, Group, Menu, Select, Skeleton, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconArrowsExchange, IconDots, IconFileImport, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../app/notify';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { refreshFinance, useAccounts, useCurrencies } from '../finance-api';
import { EmptyState, FinanceHeader } from '../FinanceHeader';
import { formatPlainDate } from '../plain-date';
import { WarningAlert } from '../WarningAlert';
import { currenciesApi, useFinanceSettings, useRates } from './currencies-api';
import { RateDialog } from './RateDialog';
import { RateImportDialog } from './RateImportDialog';

const PAGE = 50;

/** `/finance/currencies`: the currency budgets and reports count in, and the exchange rates that convert to it. */
export function CurrenciesPage() {
  const client = useQueryClient();
  const settings = useFinanceSettings();
  const rates = useRates();
  const accounts = useAccounts();
  const currencies = useCurrencies();
  const [editing, setEditing] = useState<ExchangeRate | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ExchangeRate | null>(null);
  const [importing, setImporting] = useState(false);
  const [shown, setShown] = useState(PAGE);

  const setBase = useMutation({
    meta: { handlesErrors: true },
    mutationFn: (code: string) => currenciesApi.setBase(code),
    onSuccess: async (s) => {
      notifySuccess(`Budgets and reports now count in ${s.baseCurrency}.`, 'Base currency changed');
      await refreshFinance(client);
    },
    onError: (e) => notifyError(e, 'Could not change the base currency'),
  });
  const remove = useMutation({
    meta: { handlesErrors: true },
    mutationFn: (rate: ExchangeRate) => currenciesApi.removeRate(rate.id),
    onSuccess: async () => {
      setDeleting(null);
      notifySuccess('The rate is deleted.');
      await refreshFinance(client);
    },
    onError: (e) => notifyError(e, 'Could not delete the rate'),
  });

  const base = settings.data?.baseCurrency;
  const used = [...new Set((accounts.data ?? []).filter((a) => !a.closed).map((a) => a.currency))].sort();
  const others = used.filter((c) => c !== base);
  const hasPair = (c: string) => (rates.data ?? []).some((r) => (r.base === c && r.quote === base) || (r.base === base && r.quote === c));
  const unconverted = rates.data ? others.filter((c) => !hasPair(c)) : [];
  const defaults = { base: unconverted[0] ?? others[0] ?? 'EUR', quote: base ?? 'USD' };

  const actions = (
    <>
      <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)}>
        Import CSV
      </Button>
      <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} disabled={!base}>
        Add rate
      </Button>
    </>
  );

  return (
    <>
      <FinanceHeader title="Currencies" />
      <Stack gap="xl">
        <Card withBorder radius="lg" padding="md" component="section" aria-labelledby="base-heading">
          <Title order={2} size="h5" id="base-heading">
            Base currency
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            Budgets, goals and reports count in this currency; accounts in others are converted with the rates below.
          </Text>
          {settings.isPending ? (
            <Skeleton height={36} maw={260} />
          ) : (
            <Group align="flex-end" gap="md">
              <Select
                label="Base currency"
                searchable
                allowDeselect={false}
                maw={260}
                data={(currencies.data ?? []).map((c) => c.code)}
                value={base ?? null}
                onChange={(code) => code && code !== base && setBase.mutate(code)}
                disabled={setBase.isPending}
                comboboxProps={{ withinPortal: true }}
              />
              {settings.data && !settings.data.explicit && (
                <Text size="xs" c="dimmed" pb={8}>
                  A default (your first account’s currency) until you choose.
                </Text>
              )}
            </Group>
          )}
          {used.length > 0 && (
            <Text size="sm" mt="sm" data-testid="account-currencies">
              Your accounts hold {used.join(', ')}.
            </Text>
          )}
          {unconverted.length > 0 && (
            <WarningAlert title="No rate yet" mt="sm" data-testid="unconverted">
              Nothing converts {unconverted.join(', ')} to {base}: add a rate, or those accounts are left out of totals.
            </WarningAlert>
          )}
        </Card>

        <section aria-labelledby="rates-heading">
          <Group justify="space-between" mb="xs" gap="sm">
            <Title order={2} size="h5" id="rates-heading">
              Exchange rates
            </Title>
            {rates.data && rates.data.length > 0 && <Group gap="xs">{actions}</Group>}
          </Group>
          {rates.isPending && <Skeleton height={120} radius="lg" />}
          {rates.data?.length === 0 && (
            <Card withBorder radius="lg">
              <EmptyState icon={IconArrowsExchange} title="No exchange rates" action={<Group gap="xs">{actions}</Group>}>
                A conversion uses the latest rate on or before its date (or the inverse of the opposite pair). Add one by hand or import a CSV of many.
              </EmptyState>
            </Card>
          )}
          {rates.data && rates.data.length > 0 && (
            <Card withBorder radius="lg" padding={0}>
              <Table verticalSpacing={8} horizontalSpacing="md" aria-label="Exchange rates">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Date</Table.Th>
                    <Table.Th>Rate</Table.Th>
                    <Table.Th visibleFrom="xs">Source</Table.Th>
                    <Table.Th w={48}>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rates.data.slice(0, shown).map((r) => (
                    <Table.Tr key={r.id} data-testid="rate-row">
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatPlainDate(r.date)}</Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                          1 {r.base} = {r.rate} {r.quote}
                        </Text>
                      </Table.Td>
                      <Table.Td visibleFrom="xs">
                        <Badge size="sm" variant="default" fw={500}>
                          {r.source === 'import' ? 'Imported' : r.source === 'manual' ? 'By hand' : r.source}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${r.base} to ${r.quote} on ${formatPlainDate(r.date)}`}>
                              <IconDots size={16} />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item leftSection={<IconPencil size={15} />} onClick={() => setEditing(r)}>
                              Edit rate
                            </Menu.Item>
                            <Menu.Item leftSection={<IconTrash size={15} />} color="red" onClick={() => setDeleting(r)}>
                              Delete rate
                            </Menu.Item>
                          </Menu.Dropdown>
                        </Menu>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {rates.data.length > shown && (
                <Group justify="center" p="sm">
                  <Button variant="subtle" onClick={() => setShown((n) => n + PAGE)}>
                    Show more ({rates.data.length - shown} older)
                  </Button>
                </Group>
              )}
            </Card>
          )}
        </section>
      </Stack>
      <RateDialog opened={editing !== null} onClose={() => setEditing(null)} rate={editing === 'new' || editing === null ? undefined : editing} defaults={defaults} />
      <RateImportDialog opened={importing} onClose={() => setImporting(false)} />
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete this rate?"
        message={deleting ? `1 ${deleting.base} = ${deleting.rate} ${deleting.quote} on ${formatPlainDate(deleting.date)}. Reports fall back to the rate before it.` : ''}
        confirmLabel="Delete rate"
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onCancel={() => setDeleting(null)}
      />
    </>
  );
}
