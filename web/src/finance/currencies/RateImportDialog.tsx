import { Alert, Button, FileButton, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../app/api';
import { refreshFinance } from '../finance-api';
import { currenciesApi } from './currencies-api';

/** "line 3" -> problem, from the import's 400, in line order; other failures as one message. */
function problemsOf(error: unknown): { line: number | null; text: string }[] {
  if (error instanceof ApiError) {
    const lines = Object.entries(error.fields)
      .map(([key, text]) => ({ line: /^line (\d+)$/.exec(key)?.[1], text }))
      .filter((p): p is { line: string; text: string } => p.line !== undefined)
      .map((p) => ({ line: Number(p.line), text: p.text }))
      .sort((a, b) => a.line - b.line);
    if (lines.length > 0) return lines;
    return [{ line: null, text: Object.values(error.fields)[0] ?? error.message }];
  }
  return [{ line: null, text: error instanceof Error ? error.message : String(error) }];
}

function ImportForm({ onClose }: { onClose: () => void }) {
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const run = useMutation({
    meta: { handlesErrors: true },
    mutationFn: (csv: string) => currenciesApi.importRates(csv),
    onSuccess: () => refreshFinance(client),
  });
  const problems = run.isError ? problemsOf(run.error) : [];

  const load = async (file: File | null) => {
    if (!file) return;
    setFileName(file.name);
    setText(await file.text());
    run.reset();
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        One rate per line: <code>date,base,quote,rate</code>, for example <code>2026-03-01,EUR,USD,1.0845</code> (1 EUR = 1.0845 USD). A header line is fine. All or nothing: a bad line
        stops the import and is named below. A rate already stored for the same pair and date is replaced.
      </Text>
      <Group gap="sm">
        <FileButton onChange={(f) => void load(f)} accept=".csv,text/csv,text/plain">
          {(props) => (
            <Button variant="default" leftSection={<IconUpload size={16} />} {...props}>
              Choose a CSV file
            </Button>
          )}
        </FileButton>
        {fileName && (
          <Text size="sm" c="dimmed" data-testid="rates-file-name">
            {fileName}
          </Text>
        )}
      </Group>
      <Textarea
        label="Or paste the lines"
        autosize
        minRows={4}
        maxRows={12}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          run.reset();
        }}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
      />
      {run.isSuccess && (
        <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title="Imported" data-testid="rates-import-result">
          {run.data.imported === 1 ? '1 rate' : `${run.data.imported} rates`} imported.
        </Alert>
      )}
      {run.isError && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="Nothing was imported" data-testid="rates-import-errors" role="alert">
          <List size="sm" spacing={2}>
            {problems.map((p) => (
              <List.Item key={`${p.line ?? 'file'}-${p.text}`}>{p.line === null ? p.text : `Line ${p.line}: ${p.text}`}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {run.isSuccess ? 'Done' : 'Cancel'}
        </Button>
        <Button onClick={() => run.mutate(text)} loading={run.isPending} disabled={text.trim() === ''}>
          Import rates
        </Button>
      </Group>
    </Stack>
  );
}

export function RateImportDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Import exchange rates" centered size="lg" radius="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
      {opened && <ImportForm onClose={onClose} />}
    </Modal>
  );
}
