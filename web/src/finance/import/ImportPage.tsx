import type { BankImportResult, CsvMapping, FinanceAccount } from '@atom/contracts';
import { Alert, Button, Card, Group, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconCheck } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { notifyError, notifySuccess } from '../../app/notify';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { refreshFinance, useAccounts } from '../finance-api';
import { FinanceHeader } from '../FinanceHeader';
import { financePaths } from '../paths';
import { WarningAlert } from '../WarningAlert';
import { CsvMappingEditor } from './CsvMappingEditor';
import { FilePicker } from './FilePicker';
import { undoImport, uploadBankFile } from './import-api';
import { ImportCounts, ImportPreview } from './ImportPreview';
import { PastImports } from './PastImports';
import classes from './import.module.css';

interface Picked {
  file: File;
  /** Distinguishes two picks of files with the same name in the preview's cache key. */
  serial: number;
}

function Warnings({ warnings }: { warnings: BankImportResult['warnings'] }) {
  if (warnings.length === 0) return null;
  return (
    <WarningAlert title={`${warnings.length} warning${warnings.length === 1 ? '' : 's'}`}>
      <Stack gap={2}>
        {warnings.slice(0, 50).map((w) => (
          <Text key={`${w.line}-${w.message}`} size="sm">
            Line {w.line}: {w.message}
          </Text>
        ))}
      </Stack>
    </WarningAlert>
  );
}

function ImportView({ account }: { account: FinanceAccount }) {
  const client = useQueryClient();
  const serial = useRef(0);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [mapping, setMapping] = useState<CsvMapping | undefined>(undefined);
  const [importAnyway, setImportAnyway] = useState<Set<string>>(new Set());
  const [statement, setStatement] = useState<number | undefined>(undefined);
  const [dateStyle, setDateStyle] = useState<'MDY' | 'DMY' | undefined>(undefined);
  const [done, setDone] = useState<BankImportResult | null>(null);

  const preview = useQuery({
    queryKey: ['finance-import-preview', account.id, picked?.serial, mapping, statement, dateStyle],
    queryFn: () => uploadBankFile(account.id, picked!.file, { mapping, statement, dateStyle }, true),
    enabled: picked !== null,
    retry: false,
    gcTime: 0,
    placeholderData: keepPreviousData,
    // The problem shows on the page, naming the line; no toast besides.
    meta: { silent: true },
  });
  const result = preview.data;
  // A mapping that makes the file unreadable must stay editable: the last good columns remain.
  const [lastCsv, setLastCsv] = useState<BankImportResult['csv']>(null);
  if (result?.csv && result.csv !== lastCsv) setLastCsv(result.csv);
  const csv = result?.csv ?? (preview.isError ? lastCsv : null);

  const commit = useMutation({
    meta: { handlesErrors: true },
    mutationFn: () =>
      uploadBankFile(
        account.id,
        picked!.file,
        // A file with several statements needs the one shown in the preview named.
        { mapping: result?.csv?.mapping, importProbable: [...importAnyway], statement: statement ?? (result && result.statements.length > 1 ? 0 : undefined), dateStyle },
        false,
      ),
    onSuccess: async (saved) => {
      setDone(saved);
      notifySuccess(`${saved.counts.inserted} transactions imported into ${account.name}.`);
      await refreshFinance(client);
    },
    onError: (e) => notifyError(e, 'Could not import the file'),
  });
  const undo = useMutation({
    meta: { handlesErrors: true },
    mutationFn: undoImport,
    onSuccess: async () => {
      notifySuccess('The import is undone.');
      setDone(null);
      setPicked(null);
      await refreshFinance(client);
    },
    onError: (e) => notifyError(e, 'Could not undo the import'),
  });

  const pick = (file: File) => {
    serial.current += 1;
    setPicked({ file, serial: serial.current });
    setMapping(undefined);
    setStatement(undefined);
    setDateStyle(undefined);
    setLastCsv(null);
    setImportAnyway(new Set());
    setDone(null);
  };
  const toggle = (id: string, on: boolean) =>
    setImportAnyway((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const willImport = result ? result.rows.filter((r) => r.willImport || (r.decision === 'probable' && importAnyway.has(r.importedId))).length : 0;

  return (
    <>
      <FinanceHeader
        title={`Import into ${account.name}`}
        sub={
          <Text size="sm" c="dimmed" mt={2}>
            Nothing is saved until you confirm the preview; an import can be undone as a whole.
          </Text>
        }
        actions={
          <Button variant="default" component={Link} to={financePaths.account(account.id)}>
            Back to account
          </Button>
        }
      />
      <Stack gap="md">
        {done ? (
          <Alert color="teal" icon={<IconCheck size={18} />} title="Import done" data-testid="import-done">
            <Text size="sm">
              {done.counts.inserted} transaction{done.counts.inserted === 1 ? '' : 's'} added
              {done.counts.updated > 0 ? `, ${done.counts.updated} pending ones posted` : ''} from {done.fileName}.
            </Text>
            <Group mt="sm" gap="sm">
              <Button component={Link} to={financePaths.account(account.id)}>
                See the account
              </Button>
              <Button
                variant="default"
                onClick={() => {
                  setDone(null);
                  setPicked(null);
                  setLastCsv(null);
                }}
              >
                Import another file
              </Button>
              {done.batchId && (
                <Button variant="default" leftSection={<IconArrowBackUp size={16} />} loading={undo.isPending} onClick={() => undo.mutate(done.batchId!)}>
                  Undo import
                </Button>
              )}
            </Group>
          </Alert>
        ) : (
          <FilePicker onFile={pick} fileName={picked?.file.name ?? null} />
        )}

        {!done && preview.isError && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} title="The file cannot be imported" data-testid="import-error">
            {preview.error.message}
          </Alert>
        )}
        {!done && !result && csv && mapping && (
          <CsvMappingEditor mapping={mapping} headers={csv.headers} sample={csv.sample} notes={[]} source="request" onChange={setMapping} />
        )}
        {!done && picked && preview.isPending && <Skeleton height={180} radius="lg" />}

        {!done && result && (
          <>
            {result.csv && (
              <CsvMappingEditor
                mapping={result.csv.mapping}
                headers={result.csv.headers}
                sample={result.csv.sample}
                notes={result.csv.notes}
                source={result.csv.source}
                onChange={setMapping}
              />
            )}
            <Card withBorder radius="lg" padding="md" component="section" aria-labelledby="preview-heading" style={{ opacity: preview.isFetching ? 0.6 : 1 }}>
              <Title order={2} size="h5" id="preview-heading" mb={4}>
                Preview
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {result.fileName} · {result.format.toUpperCase()} · {result.currency}
                {result.statementBalance && ` · statement balance on ${result.statementBalance.date}`}
              </Text>
              {(result.statements.length > 1 || result.format === 'qif') && (
                <Group gap="sm" mb="sm" align="flex-end">
                  {result.statements.length > 1 && (
                    <Select
                      label="Statement to import"
                      description="The file holds one statement per bank account"
                      data={result.statements.map((st) => ({
                        value: String(st.index),
                        label: `${st.index + 1}. ${st.accountId ?? 'Account'}${st.currency ? ` · ${st.currency}` : ''} · ${st.transactions} transactions`,
                      }))}
                      value={String(statement ?? 0)}
                      allowDeselect={false}
                      onChange={(v) => v !== null && setStatement(Number(v))}
                      w={340}
                      maw="100%"
                    />
                  )}
                  {result.format === 'qif' && (
                    <Select
                      label="Dates are written"
                      data={[
                        { value: 'auto', label: 'As Atom reads them' },
                        { value: 'MDY', label: 'Month first (MM/DD)' },
                        { value: 'DMY', label: 'Day first (DD/MM)' },
                      ]}
                      value={dateStyle ?? 'auto'}
                      allowDeselect={false}
                      onChange={(v) => setDateStyle(v === 'MDY' || v === 'DMY' ? v : undefined)}
                      w={220}
                    />
                  )}
                </Group>
              )}
              <ImportCounts result={result} />
            </Card>
            <Warnings warnings={result.warnings} />
            <ImportPreview result={result} importAnyway={importAnyway} onToggle={toggle} />
            <div className={classes.footer}>
              <Text size="sm" c="dimmed">
                {result.counts.duplicate > 0 && `${result.counts.duplicate} already in the account will be skipped.`}
              </Text>
              <Button onClick={() => commit.mutate()} loading={commit.isPending} disabled={willImport === 0 || preview.isFetching}>
                Import {willImport} transaction{willImport === 1 ? '' : 's'}
              </Button>
            </div>
          </>
        )}
        <PastImports accountId={account.id} />
      </Stack>
    </>
  );
}

/** `/finance/accounts/:accountId/import`: pick a bank file, check the preview, import, undo. */
export function ImportPage() {
  const { accountId } = useParams();
  const accounts = useAccounts();
  const account = accounts.data?.find((a) => a.id === accountId);
  if (accounts.isPending) return <Skeleton height={120} radius="lg" />;
  if (!account) return <NotFoundPage />;
  return <ImportView key={account.id} account={account} />;
}
