import { Badge, Button, Card, Group, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifyError, notifySuccess } from '../../app/notify';
import { refreshFinance } from '../finance-api';
import { undoImport, useImports } from './import-api';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The account's earlier imports, each undoable as a whole until undone. */
export function PastImports({ accountId }: { accountId: string }) {
  const client = useQueryClient();
  const imports = useImports(accountId);
  const undo = useMutation({
    meta: { handlesErrors: true },
    mutationFn: undoImport,
    onSuccess: (batch) => {
      notifySuccess(`The import of ${batch.fileName} is undone.`);
      return refreshFinance(client);
    },
    onError: (e) => notifyError(e, 'Could not undo the import'),
  });
  if (!imports.data || imports.data.length === 0) return null;
  return (
    <Card withBorder radius="lg" padding="md" component="section" aria-labelledby="past-imports-heading">
      <Title order={2} size="h5" id="past-imports-heading" mb="xs">
        Earlier imports
      </Title>
      {imports.data.map((b) => (
        <Group key={b.id} justify="space-between" wrap="nowrap" py={6} data-testid="past-import">
          <div style={{ minWidth: 0 }}>
            <Text size="sm" fw={600} truncate>
              {b.fileName}
            </Text>
            <Text size="xs" c="dimmed">
              {when.format(new Date(b.createdAt))} · {b.format.toUpperCase()} · {b.transactionCount} added
              {b.updatedCount > 0 ? `, ${b.updatedCount} posted` : ''}
            </Text>
          </div>
          {b.undoneAt ? (
            <Badge variant="light" color="gray">
              Undone
            </Badge>
          ) : (
            <Button size="xs" variant="default" loading={undo.isPending && undo.variables === b.id} onClick={() => undo.mutate(b.id)} aria-label={`Undo import of ${b.fileName}`}>
              Undo
            </Button>
          )}
        </Group>
      ))}
    </Card>
  );
}
