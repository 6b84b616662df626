import { Alert, Button, Group, List, Modal, ScrollArea, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileAlert } from '@tabler/icons-react';
import { isApiError } from '../app/api';
import type { ImportResult } from './calendar-api';

/** What an import did: counts and warnings, or why the whole file was refused. */
export type ImportOutcome =
  | { file: string; calendar: string; result: ImportResult }
  | { file: string; calendar: string; error: unknown };

function Count({ label, value }: { label: string; value: number }) {
  return (
    <Stack gap={0} align="center" data-testid={`import-${label.toLowerCase().replace(/\W+/g, '-')}`}>
      <Text fz={26} fw={700} c="bright" lh={1.2}>
        {value}
      </Text>
      <Text size="xs" c="dimmed" ta="center">
        {label}
      </Text>
    </Stack>
  );
}

function refusal(error: unknown): { message: string; detail: string | null } {
  if (isApiError(error)) {
    const detail = error.fields.file ?? null;
    return { message: error.message, detail: detail && !error.message.includes(detail) ? detail : null };
  }
  return { message: error instanceof Error ? error.message : String(error), detail: null };
}

export function ImportResultDialog({ outcome, onClose }: { outcome: ImportOutcome | null; onClose: () => void }) {
  const failed = outcome !== null && 'error' in outcome;
  return (
    <Modal
      opened={outcome !== null}
      onClose={onClose}
      title={failed ? 'Nothing was imported' : 'Import finished'}
      centered
      size="md"
      radius="lg"
    >
      {outcome && (
        <Stack gap="md">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon size={34} radius="md" variant="light" color={failed ? 'red' : 'teal'} aria-hidden>
              {failed ? <IconFileAlert size={19} /> : <IconCircleCheck size={19} />}
            </ThemeIcon>
            <Text size="sm" miw={0} style={{ overflowWrap: 'anywhere' }}>
              <b>{outcome.file}</b> into <b>{outcome.calendar}</b>
            </Text>
          </Group>
          {'error' in outcome ? <Refusal error={outcome.error} /> : <Summary result={outcome.result} />}
          <Group justify="flex-end">
            <Button onClick={onClose} data-autofocus>
              Close
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function Summary({ result }: { result: ImportResult }) {
  const added = result.events - result.updated;
  return (
    <>
      <SimpleGrid cols={3} spacing="xs">
        <Count label="Events added" value={added} />
        <Count label="Events updated" value={result.updated} />
        <Count label="Tasks" value={result.tasks} />
      </SimpleGrid>
      {result.warnings.length > 0 ? (
        <Alert
          variant="light"
          color="yellow"
          icon={<IconAlertTriangle size={18} />}
          title={result.warnings.length === 1 ? '1 warning' : `${result.warnings.length} warnings`}
          data-testid="import-warnings"
        >
          <ScrollArea.Autosize mah={220} type="auto">
            <List size="sm" spacing={4}>
              {result.warnings.map((w, i) => (
                <List.Item key={i}>{w}</List.Item>
              ))}
            </List>
          </ScrollArea.Autosize>
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          Everything in the file was read without problems.
        </Text>
      )}
    </>
  );
}

function Refusal({ error }: { error: unknown }) {
  const { message, detail } = refusal(error);
  return (
    <Alert variant="light" color="red" icon={<IconFileAlert size={18} />} title="The file was refused" data-testid="import-error">
      <Text size="sm">{message}</Text>
      {detail && (
        <Text size="sm" mt={4}>
          {detail}
        </Text>
      )}
      <Text size="sm" c="dimmed" mt="xs">
        An import is all or nothing: fix the file and import it again.
      </Text>
    </Alert>
  );
}
